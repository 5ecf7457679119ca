"""The ledger (filters, pages, .xlsx with masked ID numbers), a retiree's page and its forms, activities, and the API;
out of scope is 404 on pages and in the API, and an empty list."""

import io
from decimal import Decimal

import openpyxl
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.dates import years_before
from hrss.pensions.models import RetireeActivity, RetireeState, RetireeVisit
from tests.conftest import TODAY, VILLAGE
from tests.pensions.retirees.conftest import days, make_person, make_retiree


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def call(user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return Client().get("/api/v1" + path, body or {}, headers=headers)
    return Client().post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_ledger_filters_and_export_masks_id_numbers(heyuan, village_assistant):
    old = make_retiree(village_assistant, "八十五", birth=years_before(TODAY, 85), managed=True)
    make_retiree(village_assistant, "六十八", birth=years_before(TODAY, 68))
    client = logged_in(village_assistant)
    page = client.get("/pensions/retirees/").content.decode()
    assert "八十五" in page and "六十八" in page
    aged = client.get("/pensions/retirees/", {"age": "80_up"}).content.decode()
    assert "八十五" in aged and "六十八" not in aged
    managed = client.get("/pensions/retirees/", {"state": "managed"}).content.decode()
    assert "八十五" in managed and "六十八" not in managed
    export = client.get("/pensions/retirees/export.xlsx", {"region": VILLAGE})
    cells = [cell for row in openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
             for cell in row]
    assert old.person.id_number not in cells and old.person.masked_id_number in cells and "八十五" in cells


def test_the_retiree_page_and_its_forms(heyuan, village_assistant):
    retiree = make_retiree(village_assistant, "赵档案")
    client = logged_in(village_assistant)
    page = client.get(f"/pensions/retirees/{retiree.pk}/").content.decode()
    assert "接收档案" in page and "尚未移交社区" in page
    refused = client.post(f"/pensions/retirees/{retiree.pk}/files/", {"on": str(TODAY + days(1))})
    assert refused.status_code == 200 and "晚于今天" in refused.content.decode()
    done = client.post(f"/pensions/retirees/{retiree.pk}/files/", {"on": str(TODAY)})
    assert done.status_code == 302
    client.post(f"/pensions/retirees/{retiree.pk}/visit/", {"visited_on": str(TODAY), "kind": "phone",
                                                           "note": "电话问候"})
    client.post(f"/pensions/retirees/{retiree.pk}/care/", {"needs_care": "on", "health_note": "糖尿病"})
    retiree.refresh_from_db()
    assert retiree.state == RetireeState.MANAGED and retiree.needs_care and retiree.health_note == "糖尿病"
    assert RetireeVisit.objects.get(retiree=retiree).note == "电话问候"
    client.post(f"/pensions/retirees/{retiree.pk}/move-out/", {"on": str(TODAY), "moved_to": "惠州市"})
    retiree.refresh_from_db()
    assert retiree.state == RetireeState.MOVED_OUT
    assert "登记死亡" not in client.get(f"/pensions/retirees/{retiree.pk}/").content.decode()


def test_activities_with_participants_or_a_count(heyuan, village_assistant):
    first, second = make_retiree(village_assistant, "甲"), make_retiree(village_assistant, "乙")
    client = logged_in(village_assistant)
    form = client.get("/pensions/retirees/activities/new/").content.decode()
    assert "甲" in form and "乙" in form
    response = client.post("/pensions/retirees/activities/new/", {
        "region": VILLAGE, "held_on": str(TODAY), "title": "健康讲座：预防跌倒", "kind": "health_talk",
        "participants": [str(first.pk), str(second.pk)], "participant_count": "15"})
    assert response.status_code == 302
    activity = RetireeActivity.objects.get()
    assert activity.participant_count == 15 and set(activity.participants.all()) == {first, second}
    listed = client.get("/pensions/retirees/activities/").content.decode()
    assert "健康讲座：预防跌倒" in listed and "登记在册2人" in listed
    assert "健康讲座：预防跌倒" in client.get(f"/pensions/retirees/{first.pk}/").content.decode()
    too_few = client.post("/pensions/retirees/activities/new/", {
        "region": VILLAGE, "held_on": str(TODAY), "title": "慰问", "kind": "condolence",
        "participants": [str(first.pk), str(second.pk)], "participant_count": "1"})
    assert "少于列出的参加人员" in too_few.content.decode()


def test_scope_is_404_on_pages(heyuan, village_assistant, neighbour_village_assistant, neighbour_county_officer):
    retiree = make_retiree(village_assistant, "本村人")
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client = logged_in(outsider)
        assert client.get(f"/pensions/retirees/{retiree.pk}/").status_code == 404
        assert client.post(f"/pensions/retirees/{retiree.pk}/death/", {"died_on": str(TODAY)}).status_code == 404
        assert client.get("/pensions/retirees/", {"region": VILLAGE}).status_code == 404
        assert "本村人" not in client.get("/pensions/retirees/").content.decode()
    retiree.refresh_from_db()
    assert retiree.state == RetireeState.NOT_MANAGED


def test_the_api(heyuan, village_assistant, neighbour_county_officer):
    person = make_person(village_assistant, "接口登记")
    body = {"person_id": person.pk, "employer_name": "河源市电厂", "retired_on": str(TODAY - days(30)),
            "pension_amount": "4100.50"}
    made = call(village_assistant, "post", "/pensions/retirees", body)
    assert made.status_code == 201, made.content
    retiree_id = made.json()["id"]
    assert made.json()["state"] == "not_managed" and Decimal(made.json()["pension_amount"]) == Decimal("4100.50")
    assert made.json()["id_number_masked"] == person.masked_id_number
    again = call(village_assistant, "post", "/pensions/retirees", body)
    assert again.status_code == 422 and "不能重复登记" in str(again.json())
    files = call(village_assistant, "post", f"/pensions/retirees/{retiree_id}/files", {"on": str(TODAY)})
    assert files.status_code == 200 and files.json()["state"] == "managed"
    visit = call(village_assistant, "post", f"/pensions/retirees/{retiree_id}/visits",
                 {"visited_on": str(TODAY), "kind": "home", "note": "上门慰问"})
    assert visit.status_code == 201 and visit.json()["by_id"] == village_assistant.pk
    bad_kind = call(village_assistant, "post", f"/pensions/retirees/{retiree_id}/visits",
                    {"visited_on": str(TODAY), "kind": "letter", "note": "x"})
    assert bad_kind.status_code == 422 and "上门或电话" in str(bad_kind.json())
    activity = call(village_assistant, "post", "/pensions/retiree-activities",
                    {"region_code": VILLAGE, "held_on": str(TODAY), "title": "文艺汇演", "kind": "culture",
                     "participant_ids": [retiree_id]})
    assert activity.status_code == 201 and activity.json()["participant_ids"] == [retiree_id]
    assert activity.json()["participant_count"] == 1
    assert [row["id"] for row in call(village_assistant, "get", "/pensions/retirees").json()] == [retiree_id]
    assert call(village_assistant, "get", "/pensions/retirees", {"state": "gone"}).status_code == 422
    assert call(village_assistant, "get", f"/pensions/retirees/{retiree_id}").json()["name"] == "接口登记"

    assert call(neighbour_county_officer, "get", "/pensions/retirees").json() == []
    assert call(neighbour_county_officer, "get", f"/pensions/retirees/{retiree_id}").status_code == 404
    assert call(neighbour_county_officer, "post", f"/pensions/retirees/{retiree_id}/visits",
                {"visited_on": str(TODAY), "kind": "home", "note": "越权"}).status_code == 404
    assert call(neighbour_county_officer, "post", "/pensions/retirees", body).status_code == 404
    assert call(neighbour_county_officer, "post", "/pensions/retiree-activities",
                {"region_code": VILLAGE, "held_on": str(TODAY), "title": "越权", "kind": "culture",
                 "participant_count": 2}).status_code == 404
