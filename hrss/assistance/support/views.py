"""The support part's pages (url names prefixed "support-")."""

urlpatterns = []
