"""The coverage part's rows of the scope sweep (merged by hrss/pensions/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: 张三 in the employees' scheme
(a record that ended last year, so he is still listed among the people in scope whatever the earlier parts made
of him)."""

import datetime
import io

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.pensions.coverage import services
from hrss.pensions.models import EmployeeSchemeRecord

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
VILLAGE = "441602001003"  # 下城社区
DAY = "2020-01-01"


def objects(personas):
    person, alice = personas["person"], personas["village_assistant"]
    today = timezone.localdate()
    record = services.record_employee_scheme(
        actor=alice, person=person, since=datetime.date(2015, 3, 1), until=datetime.date(2019, 12, 31),
        employer_name="下城社区的单位", source="税务部门名单", today=today)
    return {"coverage_employee_scheme": record}


def state():
    return [EmployeeSchemeRecord]


def _record(personas):
    return EmployeeSchemeRecord.objects.select_related("person").get(pk=personas["coverage_employee_scheme"].pk)


def _list_file():
    """A .csv naming 张三 (the residents part's, born 1980): what an outsider's import must not apply."""
    from hrss.residents.models import Person

    person = Person.objects.filter(region_code=VILLAGE, name="张三").first()
    number = person.id_number if person else "441602198001010011"
    data = f"公民身份号码,姓名,参保单位,参保起始日期,终止日期\n{number},张三,越权单位,2021-01-01,\n".encode()
    return io.BytesIO(data)


def _import_kwargs(personas):
    import tempfile

    handle = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)
    handle.write(_list_file().getvalue())
    handle.close()
    return {"region": Region.objects.get(code=VILLAGE), "path": handle.name, "source": "越权",
            "today": timezone.localdate()}


ROWS = SweepRows(
    list_routes={
        "pensions:coverage": {"outsiders": BOTH, "query": {}},
        "pensions:coverage-people": {"outsiders": BOTH, "query": {"kind": "in_scope"}},
        "pensions:coverage-people-export": {"outsiders": BOTH, "query": {"kind": "in_scope"}},
        "pensions:coverage-targets": {"outsiders": BOTH, "query": {}},
        "pensions:coverage-employee-schemes": {"outsiders": BOTH, "query": {}},
        "pensions:coverage-employee-scheme-import": {"outsiders": BOTH, "query": {}},
        "pensions:coverage-employee-scheme-import-errors": {"outsiders": BOTH, "query": {}},
        "pensions:coverage-employee-scheme-template": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "pensions:coverage": {"outsiders": BOTH, "lists_people": False},
        "pensions:coverage-people": {"outsiders": BOTH, "lists_people": True},
        "pensions:coverage-people-export": {"outsiders": BOTH, "lists_people": True},
        "pensions:coverage-targets": {"outsiders": BOTH, "lists_people": False},
        "pensions:coverage-employee-schemes": {"outsiders": BOTH, "lists_people": True},
        "pensions:coverage-employee-scheme-import": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "pensions:coverage-employee-scheme-new": ({"person_pk": "person"}, BOTH, {
            "employer_name": "越权", "since": DAY, "source": "越权"}),
        "pensions:coverage-employee-scheme-detail": ({"pk": "coverage_employee_scheme"}, BOTH, {}),
        "pensions:coverage-employee-scheme-end": ({"pk": "coverage_employee_scheme"}, BOTH, {"until": DAY}),
    },
    api_reads={
        "/api/v1/pensions/coverage": {},  # the caller's own region's rows with people: empty for an outsider
        "/api/v1/pensions/coverage/uninsured": {},
    },
    api_writes={
        "/api/v1/pensions/employee-scheme-records": ({}, {"person_id": "person", "since": DAY,
                                                          "employer_name": "越权", "source": "越权"}),
        "/api/v1/pensions/employee-scheme-records/{record_id}/end": ({"record_id": "coverage_employee_scheme"},
                                                                     {"until": DAY}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.record_employee_scheme, lambda p: {
            "person": p["person"], "since": datetime.date(2021, 1, 1), "employer_name": "越权", "source": "越权",
            "today": timezone.localdate()}),
        SweepWrite(services.end_employee_scheme, lambda p: {
            "record": _record(p), "until": datetime.date(2019, 6, 30), "today": timezone.localdate()}),
        SweepWrite(services.import_employee_schemes, _import_kwargs),
    ],
    services=[services],
    not_swept={
        services.record_problems: "reads",
        services.record_problems_by_column: "reads",
        services.end_problems: "reads",
    },
)
