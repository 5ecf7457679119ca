"""The campaigns part's pages (url names prefixed "campaigns-")."""

urlpatterns = []
