"""Finding L2 of issue 9, section 4: an Idempotency-Key replay went out without `Cache-Control: no-store` (the first
answer had it), and was given to an account moved to another region since (a person out of its scope by then)."""

from django.test import Client

from hrss.accounts import services
from hrss.core.models import Region
from hrss.residents.models import Person
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, VILLAGE, login
from tests.residents.factories import WOMAN_1982


def register(token, key):
    return Client().post("/api/v1/people", {"id_number": WOMAN_1982, "name": "李四", "village_code": VILLAGE},
                         content_type="application/json",
                         headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key})


def move(user, code):
    user.region = Region.objects.get(code=code)
    user.save(update_fields=["region"])


def test_a_replay_is_no_store_as_the_first_answer(heyuan, village_assistant):
    token = services.create_token(actor=None, user=village_assistant)
    first = register(token, "k1")
    assert first.status_code == 201 and first["Cache-Control"] == "no-store"
    replay = register(token, "k1")
    assert replay["Idempotent-Replayed"] == "true" and replay["Cache-Control"] == "no-store"
    assert replay.content == first.content


def test_an_account_moved_since_gets_no_replay_of_a_person_now_out_of_its_scope(heyuan, village_assistant):
    token = services.create_token(actor=None, user=village_assistant)
    assert register(token, "k1").status_code == 201
    move(village_assistant, NEIGHBOUR_COUNTY_VILLAGE)
    again = register(token, "k1")
    assert "Idempotent-Replayed" not in again and again.status_code == 404  # a new request: 下城社区 is not its own
    assert "李四" not in again.content.decode()
    assert Person.objects.count() == 1


def test_a_form_sent_again_after_the_account_moved_is_a_new_request(client, heyuan, village_assistant):
    form = {"_once": "once-1", "id_number": WOMAN_1982, "name": "李四", "work_capacity": "full",
            "retirement_category": "worker", "status": "farming"}
    first = login(client, village_assistant).post(f"/residents/new/?village={VILLAGE}", form)
    assert first.status_code == 302
    replay = client.post(f"/residents/new/?village={VILLAGE}", form)
    assert (replay.status_code, replay["Location"], replay["Cache-Control"]) == (302, first["Location"], "no-store")
    move(village_assistant, NEIGHBOUR_COUNTY_VILLAGE)
    again = client.post(f"/residents/new/?village={VILLAGE}", form)
    assert again.status_code == 200  # the form again, for the village it may use now; no way to the person
    assert first["Location"] not in again.content.decode()
