"""The 劳动力资源台账's rows of the scope sweep (tests/core/test_scope_sweep.py, which finds this module by its name):
how each of this area's routes, API operations and write services is scoped. A route, operation or write service
missing here fails the sweep. Read by the test suite only.
"""

import datetime
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import AuditEntry, Region
from hrss.residents import import_jobs, imports, services
from hrss.residents.demo import id_number_for
from hrss.residents.models import Household, ImportJob, LabourStatusEvent, Person, PersonMove

# The sweep's places (tests/conftest.py): its objects are in 下城社区; the outsiders are of 公园社区 (same township)
# and of 紫金县.
VILLAGE = "441602001003"  # 下城社区
NEIGHBOUR_VILLAGE = "441602001006"  # 公园社区
MAN_1980 = id_number_for("441602", datetime.date(1980, 1, 1), 11)  # 张三
NEWCOMER = id_number_for("441621", datetime.date(1980, 1, 1), 9)  # someone an outsider would register in 下城社区

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]


def objects(personas):
    alice = personas["village_assistant"]
    person = services.register_person(actor=alice, id_number=MAN_1980, name="张三",
                                      village=Region.objects.get(code=VILLAGE), status="farming")[0]
    job = ImportJob.objects.create(
        id=uuid.uuid4(), region_code=VILLAGE, village_code=VILLAGE, created_by=alice, file_name="下城社区.xlsx",
        sha256="0" * 64, size=1, status=ImportJob.Status.DONE,
        rejected=[{"row": 2, "column": "姓名", "reason": "下城社区的秘密"}])
    return {"person": person, "job": job}


def state():
    return [Person, Household, LabourStatusEvent, PersonMove, ImportJob.objects.values_list("pk", "status"),
            AuditEntry.objects.filter(action="residents.id_number.revealed").exclude(
                outcome=AuditEntry.Outcome.DENIED).values_list("pk")]


def _person(personas):
    return Person.objects.get(pk=personas["person"].pk)


ROWS = SweepRows(
    list_routes={
        "residents:ledger": {"outsiders": BOTH, "query": {"q": "张"}},
        "residents:statistics": {"outsiders": BOTH, "query": {}},
        "residents:import": {"outsiders": ["neighbour_village_assistant"], "query": {}},
        # The blank template holds no data at all.
        "residents:import-template": {"outsiders": ["neighbour_village_assistant"], "query": {}},
        "residents:export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "residents:ledger": {"outsiders": BOTH, "lists_people": True},
        "residents:statistics": {"outsiders": BOTH, "lists_people": False},  # counts only
        "residents:export": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "residents:person-detail": ({"pk": "person"}, BOTH, {}),
        "residents:person-status": ({"pk": "person"}, BOTH, {"status": "unemployed", "effective_date": "2026-01-01"}),
        "residents:person-edit": ({"pk": "person"}, BOTH, {"name": "被篡改", "work_capacity": "full",
                                                          "retirement_category": "worker", "version": "1"}),
        "residents:person-move": ({"pk": "person"}, BOTH, {"to_village": NEIGHBOUR_VILLAGE,
                                                          "effective_date": "2026-01-01"}),
        "residents:person-reveal": ({"pk": "person"}, BOTH, {"reason": "窥探"}),
        "residents:import-job": ({"pk": "job"}, BOTH, {}),
        "residents:import-errors": ({"pk": "job"}, BOTH, {}),
        "residents:import-resume": ({"pk": "job"}, BOTH, {}),
    },
    create_routes={
        "residents:person-new": (BOTH, {"village": VILLAGE, "id_number": NEWCOMER, "name": "外人", "status": "farming",
                                        "work_capacity": "full", "retirement_category": "worker"}),
        "residents:import": (BOTH, {"village_code": VILLAGE}),
    },
    api_reads={
        "/api/v1/people/{person_id}": {"person_id": "person"},
    },
    api_writes={
        "/api/v1/people/{person_id}/status": ({"person_id": "person"},
                                              {"labour_status": "unemployed", "effective_date": "2026-01-01"}),
        "/api/v1/people": ({}, {"id_number": NEWCOMER, "name": "外人", "village_code": VILLAGE}),
        "/api/v1/people/search": ({}, {"query": "张三", "region_code": VILLAGE}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.register_person, lambda p: {
            "id_number": NEWCOMER, "name": "外人", "village": Region.objects.get(code=VILLAGE), "status": "farming"}),
        SweepWrite(services.update_person, lambda p: {"person": _person(p), "version": _person(p).version,
                                                      "name": "被篡改"}),
        SweepWrite(services.record_status_change, lambda p: {
            "person": _person(p), "status": "unemployed", "effective_date": datetime.date(2026, 1, 1)}),
        SweepWrite(services.move_person, lambda p: {
            "person": _person(p), "to_village": Region.objects.get(code=NEIGHBOUR_VILLAGE)}),
        SweepWrite(services.reveal_id_number, lambda p: {"person": _person(p), "reason": "窥探"}),
        # The check comes before the file is read: a path that does not exist would fail otherwise.
        SweepWrite(imports.import_ledger, lambda p: {"path": "/nonexistent/下城社区.xlsx",
                                                     "village": Region.objects.get(code=VILLAGE)}),
        SweepWrite(import_jobs.start_import, lambda p: {
            "uploaded_file": SimpleUploadedFile("台账.csv", "公民身份号码,姓名\n".encode()),
            "village": Region.objects.get(code=VILLAGE)}),
        SweepWrite(import_jobs.resume_import, lambda p: {"job": ImportJob.objects.get(pk=p["job"].pk)}),
    ],
    services=[services, import_jobs],
    not_swept={
        services.apply_status_change: "a step of another area's service (a hire, an approved 失业登记), inside its "
                                      "transaction, after that service checked its actor",
        services.status_on: "reads",
        services.after_person_moved: "registers an area's hook at start-up",
    },
)
