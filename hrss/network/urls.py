"""The area's pages under /network/: its home page, its statistics, and each part's (url names are prefixed
with the part)."""

from django.urls import path

from hrss.network import views
from hrss.network.acceptance import views as acceptance
from hrss.network.activity import views as activity
from hrss.network.dashboard import views as dashboard
from hrss.network.funding import views as funding
from hrss.network.offices import views as offices
from hrss.network.reports import views as reports
from hrss.network.standards import views as standards
from hrss.network.targets import views as targets

app_name = "network"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
    *standards.urlpatterns,
    *offices.urlpatterns,
    *acceptance.urlpatterns,
    *funding.urlpatterns,
    *targets.urlpatterns,
    *reports.urlpatterns,
    *dashboard.urlpatterns,
    *activity.urlpatterns,
]
