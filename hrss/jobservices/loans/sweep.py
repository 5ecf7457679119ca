"""The loans part's rows of the scope sweep (merged by hrss/jobservices/sweep.py): every page, API operation and write
service of the part, tried by outsiders against 下城社区's objects made here: 张三 (wanting to start a business) with
a granted loan and a second application waiting at the township, and 下城社区 marked 信用社区."""

import datetime
from decimal import Decimal

from django.utils import timezone

from hrss.accounts import services as account_services
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region, ReviewCase
from hrss.core.permissions import Role
from hrss.jobservices.loans import services
from hrss.jobservices.models import CreditCommunity, Instalment, Loan, LoanApplication, Repayment
from hrss.jobservices.permissions import BANK_OFFICER, GUARANTEE_OFFICER
from hrss.residents.models import Person

VILLAGE = "441602001003"  # 下城社区
TOWNSHIP = "441602001000"
COUNTY = "441602000000"
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DOCS = ["id_card", "unemployment_certificate", "business_plan"]


def _application_data():
    return {"category": "registered_unemployed", "borrower_kind": "individual", "amount": Decimal(50_000),
            "term_months": 24, "project": "下城社区便利店", "documents": DOCS}


def objects(personas):
    person, alice, carl = personas["person"], personas["village_assistant"], personas["county_officer"]
    Person.objects.filter(pk=person.pk).update(wants_business=True)
    person.refresh_from_db()
    regions = {region.code: region for region in Region.objects.filter(code__in=[TOWNSHIP, COUNTY])}
    made = {}
    for name, code, role in (("loans_reviewer", TOWNSHIP, Role.TOWNSHIP_REVIEWER),
                             ("loans_guarantee", COUNTY, GUARANTEE_OFFICER), ("loans_bank", COUNTY, BANK_OFFICER)):
        made[name] = account_services.create_user(actor=None, username=name, region=regions[code], roles=[role],
                                                  password="Heyuan@2026", full_name=name, must_change=False)[0]
    today = timezone.localdate()
    community = services.mark_credit_community(actor=carl, region_code=VILLAGE, marked_on=today, note="下城社区")
    granted = services.apply_for_loan(actor=alice, person=person, **_application_data())
    for actor in (made["loans_reviewer"], carl, made["loans_guarantee"]):
        granted.case.refresh_from_db()
        services.decide_loan_application(actor=actor, application=granted, action="forward",
                                         version=granted.case.version)
    granted.case.refresh_from_db()
    services.decide_loan_application(actor=made["loans_bank"], application=granted, action="approve",
                                     version=granted.case.version, principal=Decimal(50_000),
                                     annual_rate=Decimal("3.45"), start_date=today, method="equal_instalments")
    loan = Loan.objects.get(application=granted)
    # Repaid in full, so that 张三 may apply again (one loan at a time): the second application waits at the township.
    services.record_repayment(actor=made["loans_bank"], loan=loan, paid_on=today,
                              amount=sum(i.principal + i.interest for i in loan.instalments.all()))
    waiting = services.apply_for_loan(actor=alice, person=person, **_application_data())
    return {"loan_application": waiting, "loan": loan,
            "credit_community": community}


def state():
    return [LoanApplication, Loan, Instalment, Repayment, CreditCommunity]


def _application(personas):
    return LoanApplication.objects.select_related("case", "person").get(pk=personas["loan_application"].pk)


def _version(personas):
    return ReviewCase.objects.get(pk=personas["loan_application"].case_id).version


def _loan(personas):
    return Loan.objects.select_related("person", "application").get(pk=personas["loan"].pk)


def _community(personas):
    return CreditCommunity.objects.get(pk=personas["credit_community"].pk)


DAY = datetime.date(2026, 1, 1)

ROWS = SweepRows(
    list_routes={
        "jobservices:loans-applications": {"outsiders": BOTH, "query": {}},
        "jobservices:loans-ledger": {"outsiders": BOTH, "query": {}},
        "jobservices:loans-ledger-export": {"outsiders": BOTH, "query": {}},
        "jobservices:loans-wants-business": {"outsiders": BOTH, "query": {}},
        "jobservices:loans-credit-communities": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "jobservices:loans-applications": {"outsiders": BOTH, "lists_people": True},
        "jobservices:loans-ledger": {"outsiders": BOTH, "lists_people": True},
        "jobservices:loans-ledger-export": {"outsiders": BOTH, "lists_people": True},
        "jobservices:loans-wants-business": {"outsiders": BOTH, "lists_people": True},
        "jobservices:loans-credit-communities": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "jobservices:loans-apply": ({"person_pk": "person"}, BOTH, {**_application_data(), "amount": "50000",
                                                                    "partners": "1"}),
        "jobservices:loans-application-detail": ({"pk": "loan_application"}, BOTH, {}),
        "jobservices:loans-application-act": ({"pk": "loan_application"}, BOTH, {
            "action": "reject", "version": "1", "reason": "越权"}),
        "jobservices:loans-application-correct": ({"pk": "loan_application"}, BOTH, {
            **_application_data(), "amount": "60000", "partners": "1", "version": "1"}),
        "jobservices:loans-loan-detail": ({"pk": "loan"}, BOTH, {}),
        "jobservices:loans-repayment": ({"pk": "loan"}, BOTH, {"paid_on": "2026-01-01", "amount": "100"}),
        "jobservices:loans-credit-community-revoke": ({"pk": "credit_community"}, BOTH, {
            "revoked_on": "2026-01-01", "note": "越权"}),
    },
    create_routes={
        "jobservices:loans-credit-communities": (BOTH, {"village": VILLAGE, "marked_on": "2026-01-01"}),
    },
    api_reads={
        "/api/v1/loans/applications": {},
        "/api/v1/loans/applications/{application_id}": {"application_id": "loan_application"},
        "/api/v1/loans/{loan_id}": {"loan_id": "loan"},
        "/api/v1/loans/{loan_id}/schedule": {"loan_id": "loan"},
    },
    api_writes={
        "/api/v1/loans/applications": ({}, {"person_id": "person", **_application_data(), "amount": "50000"}),
        "/api/v1/loans/applications/{application_id}/decisions": (
            {"application_id": "loan_application"}, {"action": "withdraw", "version": 1, "reason": "越权"}),
        "/api/v1/loans/{loan_id}/repayments": ({"loan_id": "loan"}, {"paid_on": "2026-01-01", "amount": "100"}),
        "/api/v1/loans/applications/{application_id}/correction": (
            {"application_id": "loan_application"}, {"version": 1, **_application_data(), "amount": "50000"}),
        "/api/v1/loans/credit-communities": ({}, {"region_code": VILLAGE, "marked_on": "2026-01-01"}),
        "/api/v1/loans/credit-communities/{community_id}/revocation": (
            {"community_id": "credit_community"}, {"note": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.apply_for_loan, lambda p: {"person": p["person"], **_application_data()}),
        SweepWrite(services.decide_loan_application, lambda p: {
            "application": _application(p), "action": "reject", "version": _version(p), "reason": "越权"}),
        SweepWrite(services.correct_loan_application, lambda p: {
            "application": _application(p), "version": _version(p), **_application_data()}),
        SweepWrite(services.record_repayment, lambda p: {"loan": _loan(p), "paid_on": timezone.localdate(),
                                                         "amount": Decimal(100)}),
        SweepWrite(services.mark_credit_community, lambda p: {"region_code": VILLAGE, "marked_on": DAY}),
        SweepWrite(services.revoke_credit_community, lambda p: {"community": _community(p),
                                                                "revoked_on": timezone.localdate(), "note": "越权"}),
    ],
    services=[services],
    not_swept={
        services.application_problems: "reads",
        services.grant_problems: "reads",
    },
)
