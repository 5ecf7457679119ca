from django.urls import path

from hrss.employment import views

app_name = "employment"
urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("unemployment/apply/<int:person_pk>/", views.unemployment_apply, name="unemployment-apply"),
    path("unemployment/<int:pk>/", views.registration_detail, name="registration-detail"),
    path("unemployment/<int:pk>/act/", views.registration_act, name="registration-act"),
    path("unemployment/<int:pk>/correct/", views.registration_correct, name="registration-correct"),
    path("unemployment/<int:pk>/contact/", views.registration_contact, name="registration-contact"),
    path("unemployment/<int:pk>/cancel/", views.registration_cancel, name="registration-cancel"),
    path("proposals/", views.proposals, name="proposals"),
    path("employment/new/<int:person_pk>/", views.employment_new, name="employment-new"),
    path("hires/", views.hires, name="hires"),
    path("ledgers/", views.ledgers, name="ledgers"),
    path("ledgers/people/", views.ledger_people, name="ledger-people"),
    path("ledgers/employment/", views.ledger_page, {"kind": "employment"}, name="employment-ledger"),
    path("ledgers/unemployment/", views.ledger_page, {"kind": "unemployment"}, name="unemployment-ledger"),
    path("ledgers/employment.xlsx", views.ledger_export, {"kind": "employment"}, name="employment-ledger-export"),
    path("ledgers/unemployment.xlsx", views.ledger_export, {"kind": "unemployment"},
         name="unemployment-ledger-export"),
    path("ledgers/certificates.xlsx", views.ledger_export, {"kind": "certificates"},
         name="certificate-ledger-export"),
    path("certificates/", views.certificate_list, name="certificate-list"),
    path("certificates/<int:pk>/", views.certificate_detail, name="certificate-detail"),
    path("certificates/<int:pk>/print.pdf", views.certificate_print, name="certificate-print"),
    path("certificates/<int:pk>/act/", views.certificate_act, name="certificate-act"),
]
