"""The community part's pages (url names prefixed "community-")."""

urlpatterns = []
