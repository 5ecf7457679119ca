"""The recognition part's pages (url names prefixed "recognition-")."""

urlpatterns = []
