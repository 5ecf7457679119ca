"""The area's pages under /assistance/: its home page, its statistics, and each part's (url names are prefixed
with the part)."""

from django.urls import path

from hrss.assistance import views
from hrss.assistance.campaigns import views as campaigns
from hrss.assistance.community import views as community
from hrss.assistance.flexible import views as flexible
from hrss.assistance.households import views as households
from hrss.assistance.posts import views as posts
from hrss.assistance.recognition import views as recognition
from hrss.assistance.support import views as support

app_name = "assistance"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
    *recognition.urlpatterns, *support.urlpatterns, *posts.urlpatterns, *households.urlpatterns, *flexible.urlpatterns, *community.urlpatterns, *campaigns.urlpatterns,
]
