"""The contributions part's rows of the scope sweep (merged by hrss/pensions/sweep.py): every page, API operation
and write service of the part, tried by outsiders against 下城社区's objects made here: 张三 enrolled (the enrolment
part's standing enrolment, or one written directly), a bank file imported for him with one more row whose ID number
is unknown (kept as unmatched)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.pensions.contributions import demo, services
from hrss.pensions.models import (
    Contribution,
    ContributionImport,
    Enrolment,
    EnrolmentState,
    UnmatchedPayment,
)
from hrss.residents.models import Person

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
VILLAGE = "441602001003"
DAY = "2026-01-01"


def objects(personas):
    person, alice = personas["person"], personas["village_assistant"]
    today = timezone.localdate()
    if not Enrolment.objects.filter(person=person, state__in=[EnrolmentState.ACTIVE, EnrolmentState.DRAWING]).exists():
        assert not Enrolment.objects.filter(person=person, state=EnrolmentState.PENDING).exists(), (
            "contributions' sweep needs 张三 enrolled, or with no standing enrolment")
        demo.enrol_directly(person=person, actor=alice, enrolled_on=today - datetime.timedelta(days=400))
    unknown = person.id_number[:14] + ("0000" if not person.id_number.endswith("0000") else "0001")
    path = demo.payment_csv([(person.id_number, person.name, today.year, "600", today.isoformat(), "SWEEP-1"),
                             (unknown, person.name, today.year, "600", today.isoformat(), "SWEEP-2")])
    try:
        job, _result = services.import_file(path, actor=alice, source="bank", today=today)
    finally:
        path.unlink(missing_ok=True)
    return {"contributions_import": job, "contributions_unmatched": job.unmatched_rows.get()}


def state():
    return [ContributionImport, Contribution, UnmatchedPayment]


def _person(p):
    return Person.objects.get(pk=p["person"].pk)


ROWS = SweepRows(
    list_routes={
        "pensions:contributions-imports": {"outsiders": BOTH, "query": {}},
        "pensions:contributions-unmatched": {"outsiders": BOTH, "query": {}},
        "pensions:contributions-ledger": {"outsiders": BOTH, "query": {}},
        "pensions:contributions-ledger-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "pensions:contributions-imports": {"outsiders": BOTH, "lists_people": False},
        "pensions:contributions-unmatched": {"outsiders": BOTH, "lists_people": True},
        "pensions:contributions-ledger": {"outsiders": BOTH, "lists_people": True},
        "pensions:contributions-ledger-export": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "pensions:contributions-import": ({"pk": "contributions_import"}, BOTH, {}),
        "pensions:contributions-import-unmatched": ({"pk": "contributions_import"}, BOTH, {}),
        "pensions:contributions-unmatched-resolve": ({"pk": "contributions_unmatched"}, BOTH, {"resolution": "越权"}),
        "pensions:contributions-account": ({"pk": "person"}, BOTH, {}),
        "pensions:contributions-arrears": ({"pk": "person"}, BOTH, {
            "years": "2012", "amount_per_year": "100", "paid_on": DAY}),
    },
    create_routes={
        "pensions:contributions-import-new": (BOTH, {"source": "bank", "region": VILLAGE}),
    },
    api_reads={
        "/api/v1/pensions/contribution-imports/{import_id}": {"import_id": "contributions_import"},
        "/api/v1/pensions/people/{person_id}/account": {"person_id": "person"},
    },
    api_writes={
        "/api/v1/pensions/contribution-imports": ({}, {"region": VILLAGE, "source": "bank"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.start_import, lambda p: {
            "uploaded_file": SimpleUploadedFile("缴费.csv", "公民身份号码,姓名\n".encode()), "source": "bank",
            "region": Region.objects.get(code=VILLAGE)}),
        # The check comes before the file is read: a path that does not exist would fail otherwise.
        SweepWrite(services.import_file, lambda p: {"path": "/nonexistent/缴费.csv", "source": "bank",
                                                    "region": Region.objects.get(code=VILLAGE)}),
        SweepWrite(services.record_arrears, lambda p: {
            "person": _person(p), "years": [2012], "amount_per_year": "100",
            "paid_on": timezone.localdate()}),
        SweepWrite(services.resolve_unmatched, lambda p: {
            "row": UnmatchedPayment.objects.get(pk=p["contributions_unmatched"].pk), "resolution": "越权"}),
        SweepWrite(services.credit_unmatched, lambda p: {
            "row": UnmatchedPayment.objects.get(pk=p["contributions_unmatched"].pk), "today": timezone.localdate()}),
    ],
    services=[services],
    not_swept={
        services.file_sha256: "reads",
        services.same_file: "reads",
        services.same_file_message: "reads",
        services.standing_enrolment: "reads",
        services.county_start: "reads",
        services.arrears_problems: "reads",
    },
)
