"""The area's pages under /supervision/: its home page, its statistics, and each part's (url names are prefixed
with the part). The public rating page (ratings) is the one page here that needs no login."""

from django.urls import path

from hrss.supervision import views
from hrss.supervision.appraisal import views as appraisal
from hrss.supervision.grid import views as grid
from hrss.supervision.inspection import views as inspection
from hrss.supervision.petitions import views as petitions
from hrss.supervision.promises import views as promises
from hrss.supervision.publicity import views as publicity
from hrss.supervision.ratings import views as ratings

app_name = "supervision"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
    *petitions.urlpatterns, *inspection.urlpatterns, *grid.urlpatterns, *publicity.urlpatterns,
    *promises.urlpatterns, *ratings.urlpatterns, *appraisal.urlpatterns,
]
