"""The benefits part's rows of the scope sweep (merged by hrss/pensions/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: 孙八 (61, enrolled, 15 years paid)
whose pension is paying, on this month's roll of 源城区, and 周九 (61) whose application waits for the township.
张三 is left alone for the other parts (so the lists here do not name him)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.dates import years_before
from hrss.core.models import Region
from hrss.pensions.benefits import services
from hrss.pensions.models import (
    Contribution,
    ContributionKind,
    DeathReport,
    Enrolment,
    EnrolmentState,
    Pension,
    PensionPayment,
    PensionRoll,
    PensionState,
    Scheme,
)
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import Person

VILLAGE = "441602001003"  # 下城社区
COUNTY = "441602"  # 源城区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-01"


def _pensioner(alice, name, serial, today):
    birth = years_before(today, 61).replace(day=1)
    person = residents_services.register_person(actor=alice, id_number=id_number_for("441602", birth, serial),
                                                name=name, village=Region.objects.get(code=VILLAGE))[0]
    Enrolment.objects.create(person=person, region_code=VILLAGE, scheme=Scheme.MERGED, tier=Decimal("180"),
                             state=EnrolmentState.ACTIVE, received_on=datetime.date(2011, 7, 1),
                             enrolled_on=datetime.date(2011, 7, 1), created_by=alice)
    for year in range(today.year - 15, today.year):
        Contribution.objects.create(person=person, region_code=VILLAGE, year=year, kind=ContributionKind.PERSONAL,
                                    amount=Decimal("180"), paid_on=datetime.date(year, 6, 1),
                                    source_ref=f"SWEEP-B{serial}-{year}")
    return person


def objects(personas):
    alice, carl = personas["village_assistant"], personas["county_officer"]
    today = timezone.localdate()
    paying = services.apply(actor=alice, person=_pensioner(alice, "孙八", 871, today), today=today)
    # The township's and the county's moves are the chain's (swept in core); the sweep needs the paying pension.
    Pension.objects.filter(pk=paying.pk).update(state=PensionState.PAYING, approved_on=today)
    services.make_roll(actor=carl, county_code=COUNTY, month=today, today=today)
    waiting = services.apply(actor=alice, person=_pensioner(alice, "周九", 873, today), today=today)
    return {"pension": Pension.objects.get(pk=paying.pk), "pension_in_review": waiting,
            "pension_person": Person.objects.get(pk=paying.person_id)}


def state():
    return [Pension, PensionPayment, PensionRoll, DeathReport, Enrolment]


def _pension(personas, key="pension"):
    return Pension.objects.select_related("person", "case").get(pk=personas[key].pk)


def _month():
    return f"{timezone.localdate():%Y-%m}"


ROWS = SweepRows(
    list_routes={
        "pensions:benefits-list": {"outsiders": BOTH, "query": {}},
        "pensions:benefits-export": {"outsiders": BOTH, "query": {}},
        "pensions:benefits-roll": {"outsiders": BOTH, "query": {}},
        "pensions:benefits-roll-export": {"outsiders": BOTH, "query": {}},
        "pensions:benefits-deaths": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "pensions:benefits-list": {"outsiders": BOTH, "lists_people": False},
        "pensions:benefits-export": {"outsiders": BOTH, "lists_people": False},
        "pensions:benefits-roll": {"outsiders": BOTH, "lists_people": False},
        "pensions:benefits-roll-export": {"outsiders": BOTH, "lists_people": False},
        "pensions:benefits-deaths": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "pensions:benefits-apply": ({"person_pk": "person"}, BOTH, {}),
        "pensions:benefits-detail": ({"pk": "pension"}, BOTH, {}),
        "pensions:benefits-act": ({"pk": "pension_in_review"}, BOTH, {"action": "forward", "version": "1"}),
        "pensions:benefits-recover": ({"pk": "pension"}, BOTH, {"amount": "1"}),
        "pensions:benefits-death-report": ({"person_pk": "pension_person"}, BOTH, {"died_on": DAY}),
    },
    create_routes={
        "pensions:benefits-roll-make": (BOTH, {"region": "441602000000", "month": "2026-01"}),
    },
    api_reads={
        "/api/v1/pensions/pensions/{pension_id}": {"pension_id": "pension"},
        "/api/v1/pensions/rolls/{county}/{month}": {"county": "441602001000", "month": "2026-01"},
    },
    api_writes={
        "/api/v1/pensions/pensions": ({}, {"person_id": "person"}),
        "/api/v1/pensions/pensions/{pension_id}/decide": ({"pension_id": "pension_in_review"},
                                                          {"action": "forward", "version": 1}),
        "/api/v1/pensions/deaths": ({}, {"person_id": "pension_person", "died_on": DAY}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.suspend, lambda p: {"pension": _pension(p), "from_month": timezone.localdate(),
                                                "reason": "越权", "today": timezone.localdate()}),
        SweepWrite(services.resume, lambda p: {"pension": _pension(p), "certified_on": timezone.localdate(),
                                               "today": timezone.localdate()}),
        SweepWrite(services.apply, lambda p: {"person": Person.objects.get(pk=p["person"].pk),
                                              "today": timezone.localdate()}),
        SweepWrite(services.decide_pension, lambda p: {
            "pension": _pension(p, "pension_in_review"), "action": "forward",
            "version": _pension(p, "pension_in_review").case.version, "today": timezone.localdate()}),
        SweepWrite(services.make_roll, lambda p: {"county_code": COUNTY, "month": timezone.localdate(),
                                                  "today": timezone.localdate()}),
        SweepWrite(services.report_death, lambda p: {"person": Person.objects.get(pk=p["pension_person"].pk),
                                                     "died_on": timezone.localdate(), "today": timezone.localdate()}),
        SweepWrite(services.record_recovery, lambda p: {"pension": _pension(p), "amount": Decimal("1"),
                                                        "today": timezone.localdate()}),
    ],
    services=[services],
    not_swept={
        services.after_death: "configuration: registers another part's hook at start-up",
        services.run_after_death: "a step of report_death, inside its transaction, after its permission and scope "
                                  "checks (swept there)",
    },
)
