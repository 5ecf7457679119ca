"""The flexible part's rows of the scope sweep (merged by hrss/assistance/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: 张三 registered in flexible work
(verified), recognised (the recognition or support part's recognition in force today, else one written directly),
with a 灵活就业社保补贴 approved and this quarter's period recorded."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from hrss.accounts import services as account_services
from hrss.assistance.flexible import rules, selectors, services
from hrss.assistance.models import (
    FlexibleRegistration,
    FlexibleSubsidy,
    FlexibleSubsidyPeriod,
    Recognition,
    RecognitionStatus,
)
from hrss.core import dates
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region, ReviewCase
from hrss.core.permissions import Role

VILLAGE = "441602001003"  # 下城社区
TOWNSHIP = "441602001000"
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-01"


def _registration_data(today):
    return {"form": "online", "work": "外卖配送", "place": "源城区城区", "started_on": today,
            "income_band": "up_to_double", "pays_insurance": True}


def _recognised(person, actor, today):
    """张三's recognition in force today: another part's, or one written directly (its case approved) when none
    stands. For the sweep only: nothing is audited."""
    found = selectors.valid_recognition(person, today)
    if found is not None:
        return found
    day = today - datetime.timedelta(days=60)
    case = ReviewCase.objects.create(
        case_type="assistance.recognition", region_code=person.region_code, subject_id_number=person.id_number,
        title=f"{person.name} 就业困难人员认定", status=ReviewCase.Status.APPROVED, step="county_approval",
        step_started_on=day, opened_by=actor, closed_at=timezone.now())
    return Recognition.objects.create(
        person=person, region_code=person.region_code, case=case, number=f"FLEX-{person.region_code}-{case.pk}",
        applied_on=day, category="aged", status=RecognitionStatus.RECOGNISED, recognised_on=day,
        valid_until=dates.add_months(day, 36), next_review_on=dates.add_months(day, 12), applied_by=actor)


def _registration(person, alice, today):
    """张三's flexible registration through the service; written directly when an earlier part left him in a job
    (the sweep needs the object, not the rule)."""
    try:
        return services.register_flexible(actor=alice, person=person, **_registration_data(today), today=today)
    except ValidationError:
        return FlexibleRegistration.objects.create(
            person=person, region_code=person.region_code, registered_on=today, recorded_by=alice,
            **_registration_data(today))


def objects(personas):
    person, alice, carl = personas["person"], personas["village_assistant"], personas["county_officer"]
    reviewer = account_services.create_user(actor=None, username="flexible_reviewer",
                                            region=Region.objects.get(code=TOWNSHIP),
                                            roles=[Role.TOWNSHIP_REVIEWER], password="Heyuan@2026",
                                            full_name="flexible_reviewer", must_change=False)[0]
    today = timezone.localdate()
    recognition = _recognised(person, alice, today)
    registration = _registration(person, alice, max(today - datetime.timedelta(days=5), recognition.recognised_on))
    registration = services.verify_flexible(actor=alice, registration=registration, verified_on=today,
                                            note="张三：入户核实")
    subsidy = services.apply_for_subsidy(actor=alice, registration=registration, note="张三申请")
    for actor, action in ((reviewer, "forward"), (carl, "approve")):
        subsidy.case.refresh_from_db()
        services.decide_subsidy(actor=actor, subsidy=subsidy, action=action, version=subsidy.case.version)
    year, quarter = rules.quarter_of(today)
    period = services.record_period(actor=carl, subsidy=subsidy, year=year, quarter=quarter, months=1,
                                    paid_amount=Decimal(450), proof="张三缴费票据")
    return {"flexible_registration": registration, "flexible_subsidy": FlexibleSubsidy.objects.get(pk=subsidy.pk),
            "flexible_period": period, "flexible_reviewer": reviewer}


def state():
    return [FlexibleRegistration, FlexibleSubsidy, FlexibleSubsidyPeriod]


def _get_registration(personas):
    return FlexibleRegistration.objects.select_related("person").get(pk=personas["flexible_registration"].pk)


def _get_subsidy(personas):
    return FlexibleSubsidy.objects.select_related("person", "case", "registration", "recognition").get(
        pk=personas["flexible_subsidy"].pk)


def _quarter():
    return rules.quarter_of(timezone.localdate())


ROWS = SweepRows(
    list_routes={
        "assistance:flexible-ledger": {"outsiders": BOTH, "query": {}},
        "assistance:flexible-ledger-export": {"outsiders": BOTH, "query": {}},
        "assistance:flexible-subsidies": {"outsiders": BOTH, "query": {}},
        "assistance:flexible-roll": {"outsiders": BOTH, "query": {}},
        "assistance:flexible-roll-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "assistance:flexible-ledger": {"outsiders": BOTH, "lists_people": True},
        "assistance:flexible-ledger-export": {"outsiders": BOTH, "lists_people": True},
        "assistance:flexible-subsidies": {"outsiders": BOTH, "lists_people": True},
        "assistance:flexible-roll": {"outsiders": BOTH, "lists_people": True},
        "assistance:flexible-roll-export": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "assistance:flexible-register": ({"person_pk": "person"}, BOTH, {
            "form": "online", "work": "越权", "place": "越权", "started_on": DAY, "income_band": "up_to_double"}),
        "assistance:flexible-detail": ({"pk": "flexible_registration"}, BOTH, {}),
        "assistance:flexible-verify": ({"pk": "flexible_registration"}, BOTH, {"verified_on": DAY, "note": "越权"}),
        "assistance:flexible-end": ({"pk": "flexible_registration"}, BOTH, {"ended_on": DAY, "reason": "stopped"}),
        "assistance:flexible-subsidy-apply": ({"pk": "flexible_registration"}, BOTH, {"note": "越权"}),
        "assistance:flexible-subsidy-detail": ({"pk": "flexible_subsidy"}, BOTH, {}),
        "assistance:flexible-subsidy-act": ({"pk": "flexible_subsidy"}, BOTH, {
            "action": "withdraw", "version": "1", "reason": "越权"}),
        "assistance:flexible-subsidy-period": ({"pk": "flexible_subsidy"}, BOTH, {
            "year": "2026", "quarter": "1", "months": "3", "paid_amount": "900"}),
    },
    api_reads={
        "/api/v1/assistance/flexible": {},
        "/api/v1/assistance/flexible/{registration_id}": {"registration_id": "flexible_registration"},
        "/api/v1/assistance/flexible-subsidies/{subsidy_id}": {"subsidy_id": "flexible_subsidy"},
    },
    api_writes={
        "/api/v1/assistance/flexible": ({}, {"person_id": "person", "form": "online", "work": "越权",
                                             "place": "越权", "started_on": DAY, "income_band": "up_to_double"}),
        "/api/v1/assistance/flexible/{registration_id}/verification": (
            {"registration_id": "flexible_registration"}, {"verified_on": DAY, "note": "越权"}),
        "/api/v1/assistance/flexible/{registration_id}/end": (
            {"registration_id": "flexible_registration"}, {"ended_on": DAY, "reason": "stopped"}),
        "/api/v1/assistance/flexible-subsidies": ({}, {"registration_id": "flexible_registration"}),
        "/api/v1/assistance/flexible-subsidies/{subsidy_id}/moves": (
            {"subsidy_id": "flexible_subsidy"}, {"action": "withdraw", "version": 1, "reason": "越权"}),
        "/api/v1/assistance/flexible-subsidies/{subsidy_id}/periods": (
            {"subsidy_id": "flexible_subsidy"}, {"year": 2026, "quarter": 1, "months": 3, "paid_amount": "900"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.register_flexible, lambda p: {"person": p["person"],
                                                          **_registration_data(timezone.localdate())}),
        SweepWrite(services.verify_flexible, lambda p: {"registration": _get_registration(p),
                                                        "verified_on": timezone.localdate(), "note": "越权"}),
        SweepWrite(services.end_flexible, lambda p: {"registration": _get_registration(p),
                                                     "ended_on": timezone.localdate(), "reason": "stopped"}),
        SweepWrite(services.apply_for_subsidy, lambda p: {"registration": _get_registration(p)}),
        SweepWrite(services.decide_subsidy, lambda p: {"subsidy": _get_subsidy(p), "action": "withdraw",
                                                       "version": _get_subsidy(p).case.version, "reason": "越权"}),
        SweepWrite(services.record_period, lambda p: {"subsidy": _get_subsidy(p), "year": _quarter()[0],
                                                      "quarter": _quarter()[1], "months": 1,
                                                      "paid_amount": Decimal(300)}),
    ],
    services=[services],
    not_swept={
        services.registration_problems: "reads",
        services.subsidy_problems: "reads",
        services.period_problems: "reads",
        services.entitlement_end: "reads",
        services.months_allowed: "reads",
        services.stop_on_exit: "a step of the recognition part's exit (after_exit), inside its transaction, after "
                               "that service checked its actor",
        services.follow_person: "a step of residents.move_person (after_person_moved), inside its transaction, "
                                "after that service checked the mover",
    },
)
