"""The acceptance part's pages (url names prefixed "acceptance")."""

urlpatterns = []
