"""The flexible part's pages (url names prefixed "flexible-")."""

urlpatterns = []
