from django.urls import path

from hrss.residents import views

app_name = "residents"
urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("new/", views.person_new, name="person-new"),
    path("statistics/", views.statistics, name="statistics"),
    path("export.xlsx", views.export, name="export"),
    path("import/", views.import_page, name="import"),
    path("import/template.xlsx", views.import_template, name="import-template"),
    path("import/<uuid:pk>/", views.import_job, name="import-job"),
    path("import/<uuid:pk>/errors.xlsx", views.import_errors, name="import-errors"),
    path("import/<uuid:pk>/resume/", views.import_resume, name="import-resume"),
    path("<int:pk>/", views.person_detail, name="person-detail"),
    path("<int:pk>/status/", views.person_status, name="person-status"),
    path("<int:pk>/edit/", views.person_edit, name="person-edit"),
    path("<int:pk>/move/", views.person_move, name="person-move"),
    path("<int:pk>/reveal/", views.person_reveal, name="person-reveal"),
]
