"""The publicity part's rows of the scope sweep (merged in hrss/supervision/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: a publicity event it held, and a
notice of its township 上城街道 sent to 下城社区 alone (so the neighbouring village has no receipt of it)."""

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.supervision.models import Notice, NoticeReceipt, PublicityEvent
from hrss.supervision.publicity import services

VILLAGE = "441602001003"  # 下城社区
TOWNSHIP = "441602001000"  # 上城街道
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-01"


def objects(personas):
    alice, carl = personas["village_assistant"], personas["county_officer"]
    today = timezone.localdate()
    village, township = Region.objects.get(code=VILLAGE), Region.objects.get(code=TOWNSHIP)
    event = services.record_event(actor=alice, region=village, topic="pension", place="社区广场", held_on=today,
                                  people_reached=40, organiser="社区工作站", today=today)
    notice = services.issue_notice(actor=carl, region=township, title="关于开展根治欠薪检查的通知", body="请走访工地。",
                                   audience=services.Audience.CHOSEN, offices=[village], today=today)
    return {"publicity_event": event, "publicity_notice": notice,
            "publicity_receipt": notice.receipts.get(region_code=VILLAGE)}


def state():
    return [PublicityEvent, Notice, NoticeReceipt]


def _village():
    return Region.objects.get(code=VILLAGE)


ROUTE = {"outsiders": BOTH, "query": {}}
REGION = {"outsiders": BOTH, "lists_people": False}

ROWS = SweepRows(
    list_routes={
        "supervision:publicity-events": ROUTE,
        "supervision:publicity-events-export": ROUTE,
        "supervision:publicity-event-new": ROUTE,
        "supervision:publicity-notices": ROUTE,
        "supervision:publicity-notice-new": ROUTE,
    },
    region_param_routes={
        "supervision:publicity-events": REGION,
        "supervision:publicity-events-export": REGION,
        "supervision:publicity-event-new": REGION,
        "supervision:publicity-notices": REGION,
        "supervision:publicity-notice-new": REGION,
    },
    object_routes={
        "supervision:publicity-notice": ({"pk": "publicity_notice"}, BOTH, {}),
        "supervision:publicity-notice-remind": ({"pk": "publicity_notice"}, BOTH, {}),
        "supervision:publicity-receipt": ({"pk": "publicity_receipt"}, BOTH, {}),
        "supervision:publicity-receipt-read": ({"pk": "publicity_receipt"}, BOTH, {}),
        "supervision:publicity-event-correct": ({"pk": "publicity_event"}, BOTH, {
            "topic": "other", "topic_detail": "越权", "place": "越权", "held_on": DAY, "people_reached": "1000",
            "materials_count": "0", "organiser": "越权"}),
    },
    create_routes={
        "supervision:publicity-event-new": (BOTH, {"region": VILLAGE, "topic": "other", "topic_detail": "越权",
                                                   "place": "越权", "held_on": DAY, "people_reached": "1",
                                                   "materials_count": "0", "organiser": "越权"}),
        "supervision:publicity-notice-new": (BOTH, {"region": TOWNSHIP, "title": "越权", "body": "越权",
                                                    "audience": "villages"}),
    },
    api_reads={
        "/api/v1/supervision/publicity-events": {},
        "/api/v1/supervision/publicity-events/{event_id}": {"event_id": "publicity_event"},
        "/api/v1/supervision/notices": {},
        "/api/v1/supervision/notices/{notice_id}": {"notice_id": "publicity_notice"},
        "/api/v1/supervision/notice-receipts": {},
    },
    api_writes={
        "/api/v1/supervision/publicity-events": ({}, {"region_code": VILLAGE, "topic": "other",
                                                      "topic_detail": "越权", "place": "越权", "held_on": DAY,
                                                      "people_reached": 1, "organiser": "越权"}),
        "/api/v1/supervision/publicity-events/{event_id}/correction": (
            {"event_id": "publicity_event"}, {"region_code": VILLAGE, "topic": "other", "topic_detail": "越权",
                                              "place": "越权", "held_on": DAY, "people_reached": 1000,
                                              "organiser": "越权"}),
        "/api/v1/supervision/notices": ({}, {"region_code": TOWNSHIP, "title": "越权", "body": "越权",
                                             "audience": "villages"}),
        "/api/v1/supervision/notices/{notice_id}/remind": ({"notice_id": "publicity_notice"}, {}),
        "/api/v1/supervision/notice-receipts/{receipt_id}/read": ({"receipt_id": "publicity_receipt"}, {}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.record_event, lambda p: {
            "region": _village(), "topic": "other", "topic_detail": "越权", "place": "越权",
            "held_on": timezone.localdate(), "people_reached": 1, "organiser": "越权"}),
        SweepWrite(services.correct_event, lambda p: {
            "event": PublicityEvent.objects.get(pk=p["publicity_event"].pk), "topic": "other", "topic_detail": "越权",
            "place": "越权", "held_on": timezone.localdate(), "people_reached": 1000, "organiser": "越权"}),
        SweepWrite(services.issue_notice, lambda p: {"region": Region.objects.get(code=TOWNSHIP), "title": "越权",
                                                     "body": "越权", "audience": services.Audience.VILLAGES}),
        SweepWrite(services.mark_read, lambda p: {"receipt": NoticeReceipt.objects.get(
            pk=p["publicity_receipt"].pk)}),
        SweepWrite(services.remind, lambda p: {"notice": Notice.objects.get(pk=p["publicity_notice"].pk)}),
    ],
    services=[services],
    not_swept={
        services.event_problems: "reads",
        services.notice_problems: "reads",
        services.recipients_of: "reads",
    },
)
