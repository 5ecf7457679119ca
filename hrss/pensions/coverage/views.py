"""The coverage part's pages under /pensions/ (url names prefixed with "coverage-")."""

urlpatterns = []
