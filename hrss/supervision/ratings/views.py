"""The ratings part's pages (好差评与意见箱); url names are prefixed with the part."""

urlpatterns = []
