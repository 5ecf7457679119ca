"""The retirees part's pages under /pensions/ (url names prefixed with "retirees-")."""

urlpatterns = []
