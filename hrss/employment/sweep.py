"""就业与失业登记's rows of the scope sweep (tests/core/test_scope_sweep.py, which finds this module by its name): how
each of this area's routes, API operations and write services is scoped. A route, operation or write service
missing here fails the sweep. Read by the test suite only.
"""

import datetime

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import ReviewCase
from hrss.employment import certificates, employment_registration, services
from hrss.employment.models import (
    CertificateIssue,
    CertificateSequence,
    EmploymentCertificate,
    EmploymentRegistration,
    UnemployedContact,
    UnemploymentRegistration,
)

VILLAGE = "441602001003"  # 下城社区, where the sweep's objects are (tests/conftest.py)
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
NOVEMBER = datetime.date(2026, 11, 1)


def objects(personas):
    person, alice, officer = personas["person"], personas["village_assistant"], personas["county_officer"]
    registration = services.apply_for_unemployment_registration(
        actor=alice, person=person, category="lost_job", wants_work=True, able_to_work=True,
        documents=["id_card", "termination_proof"], last_employer="下城社区的工厂", left_job_on=timezone.localdate())
    certificate = certificates.issue_certificate(actor=officer, person=person)
    employment = employment_registration.register_employment(
        actor=officer, person=person, kind="hired", event_date=person.status_since, employer_name="下城社区的工厂")
    return {"registration": registration, "certificate": certificate, "employment": employment}


def state():
    return [UnemploymentRegistration, UnemployedContact, EmploymentRegistration, EmploymentCertificate,
            CertificateIssue, CertificateSequence]


def _registration(personas):
    return UnemploymentRegistration.objects.select_related("case", "person").get(pk=personas["registration"].pk)


def _version(personas):
    """The case's version now: with a stale one a move is refused as stale before anyone's scope is asked."""
    return ReviewCase.objects.get(pk=personas["registration"].case_id).version


def _certificate(personas):
    return EmploymentCertificate.objects.select_related("person").get(pk=personas["certificate"].pk)


ROWS = SweepRows(
    list_routes={
        "employment:queue": {"outsiders": BOTH, "query": {}},
        "employment:certificate-list": {"outsiders": BOTH, "query": {}},
        **{f"employment:{kind}-ledger-export": {"outsiders": BOTH, "query": {}}
           for kind in ("employment", "unemployment", "certificate")},
        "employment:employment-ledger": {"outsiders": BOTH, "query": {}},
        "employment:unemployment-ledger": {"outsiders": BOTH, "query": {}},
        "employment:proposals": {"outsiders": BOTH, "query": {}},
        "employment:hires": {"outsiders": ["neighbour_county_officer"], "query": {}},
        "employment:ledgers": {"outsiders": BOTH, "query": {}},
        "employment:ledger-people": {"outsiders": BOTH, "query": {"figure": "registered_unemployed"}},
    },
    region_param_routes={
        "employment:ledgers": {"outsiders": BOTH, "lists_people": False},  # counts only
        "employment:unemployment-ledger-export": {"outsiders": BOTH, "lists_people": True},
        "employment:employment-ledger": {"outsiders": BOTH, "lists_people": True},
        "employment:certificate-list": {"outsiders": BOTH, "lists_people": True},
        "employment:unemployment-ledger": {"outsiders": BOTH, "lists_people": True},
        # The people behind a figure 张三 is not in (tests/employment shows them in it).
        "employment:ledger-people": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "employment:unemployment-apply": ({"person_pk": "person"}, BOTH, {
            "category": "lost_job", "wants_work": "on", "able_to_work": "on",
            "documents": ["id_card", "termination_proof"]}),
        "employment:registration-detail": ({"pk": "registration"}, BOTH, {}),
        "employment:registration-act": ({"pk": "registration"}, BOTH, {"action": "reject", "version": "1",
                                                                       "reason": "越权"}),
        "employment:registration-correct": ({"pk": "registration"}, BOTH, {
            "category": "graduate", "documents": ["id_card"], "version": "1"}),
        "employment:registration-contact": ({"pk": "registration"}, BOTH, {"contacted_on": "2026-11-01",
                                                                           "kind": "phone"}),
        "employment:registration-cancel": ({"pk": "registration"}, ["neighbour_county_officer"],
                                           {"reason": "no_contact", "effective_date": "2026-11-01"}),
        "employment:employment-new": ({"person_pk": "person"}, BOTH, {
            "kind": "hired", "event_date": "2026-11-01", "employer_name": "越权单位"}),
        "employment:certificate-detail": ({"pk": "certificate"}, BOTH, {}),
        "employment:certificate-print": ({"pk": "certificate"}, ["neighbour_county_officer"], {}),
        "employment:certificate-act": ({"pk": "certificate"}, ["neighbour_county_officer"],
                                       {"action": "cancel", "text": "越权"}),
    },
    api_reads={
        "/api/v1/employment/unemployment-registrations/{registration_id}": {"registration_id": "registration"},
        "/api/v1/employment/employment-registrations/{registration_id}": {"registration_id": "employment"},
        "/api/v1/employment/certificates/{certificate_id}": {"certificate_id": "certificate"},
        "/api/v1/employment/monthly-figures/{region_code}/{month}": {"region_code": VILLAGE, "month": "2026-11"},
        # Lists only what waits for the caller: an outsider's queue is empty (tests/api/test_employment_api.py).
        "/api/v1/employment/queue": {},
    },
    api_writes={
        "/api/v1/employment/unemployment-registrations": ({}, {
            "person_id": "person", "category": "graduate", "wants_work": True, "able_to_work": True,
            "documents": ["id_card"]}),
        "/api/v1/employment/unemployment-registrations/{registration_id}/decisions": (
            {"registration_id": "registration"}, {"action": "withdraw", "version": 1, "reason": "越权"}),
        "/api/v1/employment/unemployment-registrations/{registration_id}/cancellation": (
            {"registration_id": "registration"}, {"reason": "no_contact"}),
        "/api/v1/employment/employment-registrations": ({}, {
            "person_id": "person", "kind": "hired", "event_date": "2026-11-01", "employer_name": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.apply_for_unemployment_registration, lambda p: {
            "person": p["person"], "category": "graduate", "wants_work": True, "able_to_work": True,
            "documents": ["id_card"]}),
        SweepWrite(services.correct_unemployment_application, lambda p: {
            "registration": _registration(p), "version": _version(p), "category": "graduate",
            "documents": ["id_card"]}),
        SweepWrite(services.decide_unemployment_registration, lambda p: {
            "registration": _registration(p), "action": "reject", "version": _version(p), "reason": "越权"}),
        SweepWrite(services.record_contact, lambda p: {
            "registration": _registration(p), "contacted_on": NOVEMBER, "kind": "phone"}),
        SweepWrite(services.cancel_unemployment_registration, lambda p: {
            "registration": _registration(p), "reason": "no_contact"}),
        SweepWrite(employment_registration.register_employment, lambda p: {
            "person": p["person"], "kind": "flexible", "event_date": NOVEMBER, "flexible_form": "hourly"}),
        # A hire registered where the employer is: an outsider naming 下城社区 as the employer's village.
        SweepWrite(employment_registration.register_hires, lambda p: {
            "employer_name": "越权单位", "employer_code": "", "hires": [(p["person"].id_number, NOVEMBER)],
            "employer_region_code": VILLAGE}),
        SweepWrite(certificates.issue_certificate, lambda p: {"person": p["person"]}),
        SweepWrite(certificates.reissue_certificate, lambda p: {"certificate": _certificate(p), "reason": "遗失"}),
        SweepWrite(certificates.record_certificate_change, lambda p: {"certificate": _certificate(p),
                                                                      "note": "越权变更"}),
        SweepWrite(certificates.cancel_certificate, lambda p: {"certificate": _certificate(p), "reason": "越权"}),
        # Printing writes only its audit entry, but the page carries the full ID number.
        SweepWrite(certificates.certificate_pdf, lambda p: {"certificate": _certificate(p)}),
    ],
    services=[services, employment_registration, certificates],
    not_swept={
        services.unemployment_eligibility_problems: "reads",
        services.application_problems: "reads",
        services.refusals_in_a_row: "reads",
        services.cancellation_proposals: "reads, through core.scoping",
        services.hired_elsewhere_count: "reads, through core.scoping",
        employment_registration.problems_with: "reads",
        employment_registration.hires_from_file: "reads a file",
        certificates.certificate_title: "reads configuration",
        certificates.format_number: "formats",
        certificates.next_sequence: "a step of issue_certificate, inside its transaction",
    },
)
