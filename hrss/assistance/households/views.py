"""The households part's pages (url names prefixed "households-")."""

urlpatterns = []
