"""The area's pages under /jobservices/: its home page, its statistics, and each part's (url names are prefixed
with the part)."""

from django.urls import path

from hrss.jobservices import views
from hrss.jobservices.employers import views as employers
from hrss.jobservices.guidance import views as guidance
from hrss.jobservices.loans import views as loans
from hrss.jobservices.referrals import views as referrals
from hrss.jobservices.seekers import views as seekers
from hrss.jobservices.training import views as training

app_name = "jobservices"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
    *employers.urlpatterns, *seekers.urlpatterns, *referrals.urlpatterns, *guidance.urlpatterns,
    *training.urlpatterns, *loans.urlpatterns,
]
