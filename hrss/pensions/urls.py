"""The area's pages under /pensions/: its home page, its statistics, and each part's (url names are prefixed
with the part)."""

from django.urls import path

from hrss.pensions import views
from hrss.pensions.benefits import views as benefits
from hrss.pensions.cards import views as cards
from hrss.pensions.certification import views as certification
from hrss.pensions.contributions import views as contributions
from hrss.pensions.coverage import views as coverage
from hrss.pensions.enrolment import views as enrolment
from hrss.pensions.retirees import views as retirees
from hrss.pensions.schemes import views as schemes

app_name = "pensions"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
    *schemes.urlpatterns, *enrolment.urlpatterns, *contributions.urlpatterns, *benefits.urlpatterns,
    *certification.urlpatterns, *retirees.urlpatterns, *cards.urlpatterns, *coverage.urlpatterns,
]
