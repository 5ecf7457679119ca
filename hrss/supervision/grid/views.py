"""The grid part's pages (网格化管理); url names are prefixed with the part."""

urlpatterns = []
