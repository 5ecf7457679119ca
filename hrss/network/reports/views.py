"""The reports part's pages (url names prefixed "reports")."""

urlpatterns = []
