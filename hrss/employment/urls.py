from django.urls import path

from hrss.employment import views

app_name = "employment"
urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("unemployment/apply/<int:person_pk>/", views.unemployment_apply, name="unemployment-apply"),
    path("unemployment/<int:pk>/", views.registration_detail, name="registration-detail"),
    path("unemployment/<int:pk>/act/", views.registration_act, name="registration-act"),
]
