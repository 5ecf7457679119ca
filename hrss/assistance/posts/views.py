"""The posts part's pages (url names prefixed "posts-")."""

urlpatterns = []
