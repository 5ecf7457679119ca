"""The households part's rows of the scope sweep (merged by hrss/assistance/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: an open 零就业家庭 case of 张三's
household, with an assistance record. 张三 is in work (务农) on the ledger, so the case is made directly (a report
would be refused), as a case found before he started."""

from django.utils import timezone

from hrss.assistance.households import services
from hrss.assistance.models import HouseholdAssistance, ZeroEmploymentHousehold
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.residents.models import Person

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]


def objects(personas):
    person, alice = personas["person"], personas["village_assistant"]
    person = Person.objects.select_related("household").get(pk=person.pk)
    today = timezone.localdate()
    case = ZeroEmploymentHousehold.objects.create(household=person.household, region_code=VILLAGE, found_on=today,
                                                  source="application", found_by=alice, report_note="下城社区的申报")
    HouseholdAssistance.objects.create(case=case, region_code=VILLAGE, done_on=today, kind="visit",
                                       note="下城社区的走访", recorded_by=alice)
    return {"zero_household": case}


def state():
    return [ZeroEmploymentHousehold, HouseholdAssistance]


def _case(personas):
    return ZeroEmploymentHousehold.objects.select_related("household").get(pk=personas["zero_household"].pk)


def _person(personas):
    return Person.objects.select_related("household").get(pk=personas["person"].pk)


ROWS = SweepRows(
    list_routes={
        "assistance:households-list": {"outsiders": BOTH, "query": {}},
        "assistance:households-export": {"outsiders": BOTH, "query": {}},
        "assistance:households-rural": {"outsiders": BOTH, "query": {}},
        "assistance:households-rural-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "assistance:households-list": {"outsiders": BOTH, "lists_people": True},
        "assistance:households-export": {"outsiders": BOTH, "lists_people": True},
        # 张三 farms: his household is not on the rural list.
        "assistance:households-rural": {"outsiders": BOTH, "lists_people": False},
        "assistance:households-rural-export": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "assistance:households-detail": ({"pk": "zero_household"}, BOTH, {}),
        "assistance:households-verify": ({"pk": "zero_household"}, BOTH, {
            "outcome": "dismissed", "verified_on": "2026-01-01", "note": "越权", "version": "1"}),
        "assistance:households-record": ({"pk": "zero_household"}, BOTH, {
            "done_on": "2026-01-01", "kind": "guidance", "note": "越权"}),
        "assistance:households-clear": ({"pk": "zero_household"}, BOTH, {
            "member": "1", "started_on": "2026-01-01", "version": "1"}),
        "assistance:households-report": ({"person_pk": "person"}, BOTH, {
            "source": "application", "found_on": "2026-01-01"}),
    },
    create_routes={
        "assistance:households-scan": (BOTH, {"region": VILLAGE}),
    },
    api_reads={
        "/api/v1/assistance/households": {},
        "/api/v1/assistance/households/{case_id}": {"case_id": "zero_household"},
    },
    api_writes={
        "/api/v1/assistance/households": ({}, {"person_id": "person", "source": "application",
                                               "found_on": "2026-01-01"}),
        "/api/v1/assistance/households/scan": ({}, {"region_code": VILLAGE}),
        "/api/v1/assistance/households/{case_id}/verify": ({"case_id": "zero_household"}, {
            "outcome": "dismissed", "verified_on": "2026-01-01", "note": "越权", "version": 1}),
        "/api/v1/assistance/households/{case_id}/records": ({"case_id": "zero_household"}, {
            "done_on": "2026-01-01", "kind": "guidance", "note": "越权"}),
        "/api/v1/assistance/households/{case_id}/clear": ({"case_id": "zero_household"}, {
            "member_id": "person", "started_on": "2026-01-01", "version": 1}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.scan_households, lambda p: {"region": Region.objects.get(code=VILLAGE)}),
        SweepWrite(services.report_household, lambda p: {"person": _person(p), "source": "application",
                                                         "found_on": timezone.localdate()}),
        SweepWrite(services.verify_household, lambda p: {"case": _case(p), "outcome": "dismissed",
                                                         "verified_on": timezone.localdate(), "note": "越权"}),
        SweepWrite(services.record_assistance, lambda p: {"case": _case(p), "done_on": timezone.localdate(),
                                                          "kind": "guidance", "note": "越权"}),
        SweepWrite(services.clear_household, lambda p: {"case": _case(p), "member": _person(p),
                                                        "started_on": timezone.localdate()}),
    ],
    services=[services],
)
