"""The certification part's pages under /pensions/ (url names prefixed with "certification-")."""

urlpatterns = []
