"""The schemes part's pages under /pensions/ (url names prefixed with "schemes-")."""

urlpatterns = []
