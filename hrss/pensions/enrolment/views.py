"""The enrolment part's pages under /pensions/ (url names prefixed with "enrolment-")."""

urlpatterns = []
