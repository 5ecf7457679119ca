"""The cards part's pages under /pensions/ (url names prefixed with "cards-")."""

urlpatterns = []
