from django.urls import path

from tests.plugin_area import views

app_name = "plugin_area"  # the area's label: hrss/urls.py mounts it under /plugin_area/ (core.areas.url_includes)

urlpatterns = [
    path("", views.visit_list, name="list"),
]
