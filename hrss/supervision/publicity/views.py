"""The publicity part's pages (政策宣传); url names are prefixed with the part."""

urlpatterns = []
