"""The benefits part's pages under /pensions/ (url names prefixed with "benefits-")."""

urlpatterns = []
