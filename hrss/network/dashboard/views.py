"""The dashboard part's pages (url names prefixed "dashboard")."""

urlpatterns = []
