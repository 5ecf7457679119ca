"""The funding part's pages (url names prefixed "funding")."""

urlpatterns = []
