"""The cards part's rows of the scope sweep (merged by hrss/pensions/sweep.py): every page, API operation and write
service of the part, tried by outsiders against 下城社区's objects made here: 张三's card applied, put in a batch of
源城区, made and arrived at the service point (ready to hand over)."""

import base64

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.pensions.cards import services
from hrss.pensions.cards.demo import sample_photo
from hrss.pensions.models import CardApplication, CardBatch
from hrss.residents.sweep import MAN_1980

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
COUNTY = "441602000000"  # 源城区
DAY = "2026-01-01"
PHOTO = base64.b64encode(sample_photo()).decode()


def objects(personas):
    person, alice, carl = personas["person"], personas["village_assistant"], personas["county_officer"]
    today = timezone.localdate()
    card = services.apply(actor=alice, person=person, photo=sample_photo(), id_seen=True, today=today)
    batch = services.make_batch(actor=carl, county_code=COUNTY, today=today)
    services.record_made(actor=carl, batch=batch, numbers={card.pk: "S00000001"}, today=today)
    services.record_arrival(actor=carl, batch=batch, on=today, today=today)
    return {"card": CardApplication.objects.defer("photo").get(pk=card.pk),
            "card_batch": CardBatch.objects.get(pk=batch.pk)}


def state():
    columns = [field.attname for field in CardApplication._meta.concrete_fields if field.name != "photo"]
    return [CardApplication.objects.values_list(*columns), CardBatch]


def _card(personas):
    return CardApplication.objects.defer("photo").select_related("person", "batch").get(pk=personas["card"].pk)


def _batch(personas):
    return CardBatch.objects.get(pk=personas["card_batch"].pk)


ROWS = SweepRows(
    list_routes={
        "pensions:cards-ledger": {"outsiders": BOTH, "query": {}},
        "pensions:cards-ledger-export": {"outsiders": BOTH, "query": {}},
        "pensions:cards-batches": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "pensions:cards-ledger": {"outsiders": BOTH, "lists_people": True},
        "pensions:cards-ledger-export": {"outsiders": BOTH, "lists_people": True},
        "pensions:cards-batches": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "pensions:cards-detail": ({"pk": "card"}, BOTH, {}),
        "pensions:cards-photo": ({"pk": "card"}, BOTH, {}),
        "pensions:cards-handover": ({"pk": "card"}, BOTH, {"received_by": "越权", "relation": "越权", "on": DAY}),
        "pensions:cards-receipt": ({"pk": "card"}, BOTH, {}),
        "pensions:cards-activate": ({"pk": "card"}, BOTH, {"activate-on": DAY}),
        "pensions:cards-loss": ({"pk": "card"}, BOTH, {"loss-on": DAY}),
        "pensions:cards-batch-detail": ({"pk": "card_batch"}, BOTH, {}),
        "pensions:cards-batch-made": ({"pk": "card_batch"}, BOTH, {"number-1": "S00000009"}),
        "pensions:cards-batch-arrival": ({"pk": "card_batch"}, BOTH, {"arrival-on": DAY}),
    },
    create_routes={
        "pensions:cards-apply": (BOTH, {"id_number": MAN_1980, "id_seen": "on"}),
        "pensions:cards-batch-make": (BOTH, {"region": COUNTY}),
    },
    api_reads={
        "/api/v1/pensions/cards": {},
        "/api/v1/pensions/cards/{card_id}": {"card_id": "card"},
    },
    api_writes={
        "/api/v1/pensions/cards": ({}, {"person_id": "person", "photo_base64": PHOTO, "id_seen": True}),
        "/api/v1/pensions/cards/{card_id}/handover": ({"card_id": "card"}, {"received_by": "越权", "on": DAY}),
        "/api/v1/pensions/cards/{card_id}/activate": ({"card_id": "card"}, {"on": DAY}),
        "/api/v1/pensions/cards/{card_id}/loss": ({"card_id": "card"}, {"on": DAY}),
        "/api/v1/pensions/card-batches": ({}, {"county_code": COUNTY}),
        "/api/v1/pensions/card-batches/{batch_id}/made": ({"batch_id": "card_batch"}, {"numbers": {"1": "S00000009"}}),
        "/api/v1/pensions/card-batches/{batch_id}/arrival": ({"batch_id": "card_batch"}, {"on": DAY}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.apply, lambda p: {"person": p["person"], "photo": sample_photo(), "id_seen": True,
                                              "renewal": True, "today": timezone.localdate()}),
        SweepWrite(services.make_batch, lambda p: {"county_code": COUNTY, "today": timezone.localdate()}),
        SweepWrite(services.record_made, lambda p: {"batch": _batch(p), "numbers": {p["card"].pk: "S00000009"},
                                                    "today": timezone.localdate()}),
        SweepWrite(services.record_arrival, lambda p: {"batch": _batch(p), "on": timezone.localdate(),
                                                       "today": timezone.localdate()}),
        SweepWrite(services.hand_over, lambda p: {"application": _card(p), "received_by": "越权",
                                                  "relation": "越权", "on": timezone.localdate(),
                                                  "today": timezone.localdate()}),
        SweepWrite(services.activate, lambda p: {"application": _card(p), "on": timezone.localdate(),
                                                 "today": timezone.localdate()}),
        SweepWrite(services.report_loss, lambda p: {"application": _card(p), "on": timezone.localdate(),
                                                    "today": timezone.localdate()}),
    ],
    services=[services],
    not_swept={
        services.standing_of: "reads",
        services.waiting_for_batch: "reads",
    },
)
