from django.urls import path

from hrss.employment import views

app_name = "employment"
urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("unemployment/apply/<int:person_pk>/", views.unemployment_apply, name="unemployment-apply"),
    path("unemployment/<int:pk>/", views.registration_detail, name="registration-detail"),
    path("unemployment/<int:pk>/act/", views.registration_act, name="registration-act"),
    path("certificates/", views.certificate_list, name="certificate-list"),
    path("certificates/<int:pk>/", views.certificate_detail, name="certificate-detail"),
    path("certificates/<int:pk>/print.pdf", views.certificate_print, name="certificate-print"),
    path("certificates/<int:pk>/act/", views.certificate_act, name="certificate-act"),
]
