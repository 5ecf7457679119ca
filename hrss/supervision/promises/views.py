"""The promises part's pages (服务规范（一次性告知、服务承诺、限时办结）); url names are prefixed with the part."""

urlpatterns = []
