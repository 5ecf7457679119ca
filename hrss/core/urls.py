from django.urls import path

from hrss.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("regions/search/", views.region_search, name="region-search"),
    path("regions/options/", views.region_options, name="region-options"),
    path("regions/<str:code>/", views.region_detail, name="region-detail"),
    path("regions/<str:code>/rename/", views.region_rename, name="region-rename"),
    path("regions/<str:code>/move/", views.region_move, name="region-move"),
    path("regions/<str:code>/merge/", views.region_merge, name="region-merge"),
    path("regions/<str:code>/central-town/", views.region_central_town, name="region-central-town"),
    path("audit/", views.audit_list, name="audit-list"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/upload/", views.calendar_upload, name="calendar-upload"),
    path("classifications/", views.classifications_page, name="classifications"),
    path("classifications/upload/", views.classifications_upload, name="classifications-upload"),
    path("healthz", views.healthz, name="healthz"),
]
