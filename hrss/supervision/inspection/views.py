"""The inspection part's pages (劳动保障监察); url names are prefixed with the part."""

urlpatterns = []
