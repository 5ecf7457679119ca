"""The petitions part's pages (信访); url names are prefixed with the part."""

urlpatterns = []
