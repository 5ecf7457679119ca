"""The recognition part's rows of the scope sweep (merged by hrss/assistance/sweep.py): every page, API operation
and write service of the part, tried by outsiders against 下城社区's objects made here: 李四 recognised through the
whole chain (the notice run out), 王五's application in its public notice with an objection. 张三 is left without a
recognition (the support part recognises him)."""

import datetime

from django.utils import timezone

from hrss.accounts import services as account_services
from hrss.assistance.models import EligibilityReview, Objection, Recognition
from hrss.assistance.recognition import services
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for

VILLAGE = "441602001003"  # 下城社区
TOWNSHIP = "441602001000"
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DOCS = ["居民身份证", "户口簿", "就业创业证（就业失业登记证）"]
DAY = "2026-01-01"


def _person(alice, name, birth, serial, sex):
    village = Region.objects.get(code=VILLAGE)
    number = id_number_for("441602", birth, serial if sex == "M" else serial + 1)
    return residents_services.register_person(actor=alice, id_number=number, name=name, village=village,
                                              status="unemployed", status_since=birth.replace(year=birth.year + 30))[0]


def _move(recognition, actor, action, today, reason=""):
    recognition.case.refresh_from_db()
    recognition.refresh_from_db()
    return services.decide_recognition(actor=actor, recognition=recognition, action=action,
                                       version=recognition.case.version, reason=reason, today=today)


def objects(personas):
    alice, carl = personas["village_assistant"], personas["county_officer"]
    rita = account_services.create_user(actor=None, username="recognition_reviewer",
                                        region=Region.objects.get(code=TOWNSHIP), roles=[Role.TOWNSHIP_REVIEWER],
                                        password="Heyuan@2026", full_name="recognition_reviewer",
                                        must_change=False)[0]
    today = timezone.localdate()
    started = today - datetime.timedelta(days=40)
    li = _person(alice, "李四", datetime.date(today.year - 45, 3, 1), 31, "F")
    wang = _person(alice, "王五", datetime.date(today.year - 52, 5, 1), 41, "M")
    recognised = services.apply_for_recognition(actor=alice, person=li, category="aged", documents=DOCS,
                                                today=started)
    _move(recognised, rita, "forward", started)
    _move(recognised, rita, "forward", started + datetime.timedelta(days=20))
    _move(recognised, carl, "approve", started + datetime.timedelta(days=21))
    in_notice = services.apply_for_recognition(actor=alice, person=wang, category="aged", documents=DOCS,
                                               today=today)
    _move(in_notice, rita, "forward", today - datetime.timedelta(days=1))
    in_notice.refresh_from_db()
    objection = services.record_objection(actor=alice, recognition=in_notice, content="王五另有工作",
                                          raised_on=in_notice.notice_from, today=in_notice.notice_from)
    return {"recognition": Recognition.objects.get(pk=recognised.pk), "recognition_in_notice": in_notice,
            "recognition_objection": objection, "recognition_reviewer": rita}


def state():
    return [Recognition, Objection, EligibilityReview]


def _get(personas, key="recognition"):
    return Recognition.objects.select_related("person", "case").get(pk=personas[key].pk)


def _version(personas):
    return _get(personas, "recognition_in_notice").case.version


ROWS = SweepRows(
    list_routes={
        "assistance:recognition-list": {"outsiders": BOTH, "query": {}},
        "assistance:recognition-export": {"outsiders": BOTH, "query": {}},
        "assistance:recognition-notice": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "assistance:recognition-list": {"outsiders": BOTH, "lists_people": True},
        "assistance:recognition-export": {"outsiders": BOTH, "lists_people": True},
        # 张三 (whom the sweep looks for) is recognised by the support part, never in notice: 王五 is.
        "assistance:recognition-notice": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "assistance:recognition-apply": ({"person_pk": "person"}, BOTH, {"category": "aged", "documents": DOCS}),
        "assistance:recognition-detail": ({"pk": "recognition"}, BOTH, {}),
        "assistance:recognition-act": ({"pk": "recognition_in_notice"}, BOTH, {
            "action": "reject", "version": "1", "reason": "越权"}),
        "assistance:recognition-correct": ({"pk": "recognition_in_notice"}, BOTH, {
            "category": "long_unemployed", "documents": DOCS, "version": "1"}),
        "assistance:recognition-objection": ({"pk": "recognition_in_notice"}, BOTH, {
            "raised_on": DAY, "content": "越权"}),
        "assistance:recognition-objection-resolve": ({"pk": "recognition_objection"}, BOTH, {
            "upheld": "1", "resolution": "越权"}),
        "assistance:recognition-review": ({"pk": "recognition"}, BOTH, {"still_eligible": "0", "note": "越权"}),
        "assistance:recognition-exit": ({"pk": "recognition"}, BOTH, {
            "reason": "moved_away", "exited_on": DAY, "note": "越权"}),
    },
    api_reads={
        "/api/v1/assistance/recognitions": {},
        "/api/v1/assistance/recognitions/{recognition_id}": {"recognition_id": "recognition"},
    },
    api_writes={
        "/api/v1/assistance/recognitions": ({}, {"person_id": "person", "category": "aged", "documents": DOCS}),
        "/api/v1/assistance/recognitions/{recognition_id}/moves": (
            {"recognition_id": "recognition_in_notice"}, {"action": "withdraw", "version": 1, "reason": "越权"}),
        "/api/v1/assistance/recognitions/{recognition_id}/objections": (
            {"recognition_id": "recognition_in_notice"}, {"content": "越权"}),
        "/api/v1/assistance/recognitions/{recognition_id}/exit": (
            {"recognition_id": "recognition"}, {"reason": "moved_away", "exited_on": DAY}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.apply_for_recognition, lambda p: {"person": p["person"], "category": "aged",
                                                              "documents": DOCS}),
        SweepWrite(services.decide_recognition, lambda p: {
            "recognition": _get(p, "recognition_in_notice"), "action": "reject", "version": _version(p),
            "reason": "越权"}),
        SweepWrite(services.correct_recognition, lambda p: {
            "recognition": _get(p, "recognition_in_notice"), "version": _version(p), "category": "long_unemployed",
            "documents": DOCS}),
        SweepWrite(services.record_objection, lambda p: {"recognition": _get(p, "recognition_in_notice"),
                                                         "content": "越权"}),
        SweepWrite(services.resolve_objection, lambda p: {
            "objection": Objection.objects.select_related("recognition__case", "recognition__person").get(
                pk=p["recognition_objection"].pk), "upheld": True, "resolution": "越权"}),
        SweepWrite(services.review_eligibility, lambda p: {"recognition": _get(p), "still_eligible": False,
                                                           "note": "越权"}),
        SweepWrite(services.exit_recognition, lambda p: {"recognition": _get(p), "reason": "moved_away",
                                                         "exited_on": timezone.localdate()}),
    ],
    services=[services],
    not_swept={
        services.intake_problems: "reads",
        services.move_problems: "reads",
        services.notice_period: "reads",
        services.open_objections: "reads",
        services.objection_window: "reads",
        services.withdraw_refusal: "reads",
        services.after_exit: "configuration, at start-up (the parts' hooks run inside the swept exit)",
    },
)
