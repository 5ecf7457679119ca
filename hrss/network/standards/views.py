"""The standards part's pages (url names prefixed "standards")."""

urlpatterns = []
