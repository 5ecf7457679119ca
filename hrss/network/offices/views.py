"""The offices part's pages (url names prefixed "offices")."""

urlpatterns = []
