"""The contributions part's pages under /pensions/ (url names prefixed with "contributions-")."""

urlpatterns = []
