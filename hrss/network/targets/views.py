"""The targets part's pages (url names prefixed "targets")."""

urlpatterns = []
