"""Trial and F12, F14, F16: the intake form's repeat question has no answer chosen for the user, and the API asks
it too (409 naming the earlier petitions unless repeat_of_id or "not_repeat": true is given); one phone rule on
the page and the API; the village that received a petition reads it in the API after 上报 as on the page (read
only); the 信访台账 .xlsx gives 诉求金额 as a number and the due dates as dates, the provisional remark apart."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from hrss.supervision.models import Petition
from tests.conftest import TODAY
from tests.supervision.petitions.conftest import accepted, at_township, make_petition
from tests.supervision.petitions.test_api import BODY, call
from tests.supervision.petitions.test_pages import FORM


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_repeat_question_has_no_answer_chosen_and_must_be_answered(heyuan, village_assistant):
    earlier = make_petition(village_assistant, received_on=TODAY)
    client = logged_in(village_assistant)
    asked = client.post("/supervision/petitions/new/", FORM).content.decode()
    fieldset = asked.split('data-testid="repeat-candidates"', 1)[1].split("</fieldset>", 1)[0]
    assert earlier.number in fieldset and "不是重复信访" in fieldset and "checked" not in fieldset
    assert Petition.objects.count() == 1
    # 登记 again without choosing: asked again, nothing recorded
    again = client.post("/supervision/petitions/new/", {**FORM, "repeat_checked": "1"}).content.decode()
    assert "请选择本次是否为重复信访" in again and Petition.objects.count() == 1
    assert "checked" not in again.split('data-testid="repeat-candidates"', 1)[1].split("</fieldset>", 1)[0]
    done = client.post("/supervision/petitions/new/", {**FORM, "repeat_checked": "1", "repeat_of": "no"})
    assert done.status_code == 302
    assert Petition.objects.count() == 2 and Petition.objects.latest("pk").repeat_of is None
    client.post("/supervision/petitions/new/", {**FORM, "repeat_checked": "1", "repeat_of": str(earlier.pk)})
    assert Petition.objects.latest("pk").repeat_of == earlier


def test_the_api_asks_the_repeat_question_as_the_page_does(heyuan, village_assistant):
    first = call(village_assistant, "post", "/supervision/petitions", BODY)
    assert first.status_code == 201
    number, pk = first.json()["number"], first.json()["id"]
    twice = call(village_assistant, "post", "/supervision/petitions", BODY)
    assert twice.status_code == 409 and Petition.objects.count() == 1
    assert f"该信访人此前有同类信访件：{number}（id {pk}" in twice.json()["detail"]
    assert "repeat_of_id" in twice.json()["detail"] and '"not_repeat": true' in twice.json()["detail"]
    # bad input is still said first (422), before the repeat question
    bad = call(village_assistant, "post", "/supervision/petitions", {**BODY, "employer_name": ""})
    assert bad.status_code == 422 and "欠薪信访须写明欠薪单位" in bad.json()["detail"]
    both = call(village_assistant, "post", "/supervision/petitions", {**BODY, "repeat_of_id": pk, "not_repeat": True})
    assert both.status_code == 422 and "只能填一个" in both.json()["detail"]
    not_repeat = call(village_assistant, "post", "/supervision/petitions", {**BODY, "not_repeat": True})
    assert not_repeat.status_code == 201 and not_repeat.json()["repeat_of_id"] is None
    repeat = call(village_assistant, "post", "/supervision/petitions", {**BODY, "repeat_of_id": pk})
    assert repeat.status_code == 201 and repeat.json()["repeat_of_id"] == pk
    assert Petition.objects.count() == 3


@pytest.mark.parametrize("phone", ["abc", "<b>x</b>", '1380000"><b>', "138000", "+86 1380000000012345678", "1" * 21,
                                   "138-0000+0000"])
def test_a_phone_number_that_is_not_one_is_refused(phone, heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        make_petition(village_assistant, received_on=TODAY, petitioner_phone=phone)
    assert "联系电话" in str(refused.value) and "7至20位数字" in str(refused.value)
    assert not Petition.objects.exists()


@pytest.mark.parametrize("phone", ["13800000002", "0762-3388123", "+86 138 0000 0002", "3388123"])
def test_a_phone_number_is_taken(phone, heyuan, village_assistant):
    assert make_petition(village_assistant, received_on=TODAY, petitioner_phone=phone).petitioner_phone == phone


def test_the_phone_rule_holds_on_the_page_and_the_api(heyuan, village_assistant):
    page = logged_in(village_assistant).post("/supervision/petitions/new/", {**FORM, "petitioner_phone": "abc"})
    assert "联系电话“abc”有误" in page.content.decode()
    api = call(village_assistant, "post", "/supervision/petitions", {**BODY, "petitioner_phone": "<b>1</b>"})
    assert api.status_code == 422 and "只能填数字" in api.json()["detail"]
    assert not Petition.objects.exists()


def test_the_village_that_received_it_reads_it_in_the_api_read_only(heyuan, village_assistant, township_officer,
                                                                   neighbour_village_assistant):
    petition = at_township(village_assistant, received_on=TODAY)
    path = f"/supervision/petitions/{petition.pk}"
    read = call(village_assistant, "get", path)
    assert read.status_code == 200 and read.json()["number"] == petition.number
    assert [event["kind"] for event in read.json()["events"]] == ["received", "forwarded_up"]
    listed = call(village_assistant, "get", "/supervision/petitions", {"held": "received"})
    assert [row["number"] for row in listed.json()] == [petition.number]
    assert call(village_assistant, "get", "/supervision/petitions").json() == []  # held here: none
    write = call(village_assistant, "post", f"{path}/decision", {"decision": "accept", "decided_on": str(TODAY)})
    assert write.status_code == 404
    assert call(neighbour_village_assistant, "get", path).status_code == 404
    assert call(neighbour_village_assistant, "get", "/supervision/petitions", {"held": "received"}).json() == []
    assert call(village_assistant, "get", "/supervision/petitions", {"held": "x"}).status_code == 422


def test_the_ledger_xlsx_has_numbers_and_dates(heyuan, village_assistant, township_officer):
    petition = accepted(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY)
    export = logged_in(township_officer).get("/supervision/petitions/export.xlsx")
    header, row = list(openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))[1:3]
    cell = dict(zip(header, row, strict=True))
    assert cell["信访件编号"] == petition.number
    assert cell["诉求金额（元）"] == 8600 and isinstance(cell["诉求金额（元）"], int | float)
    assert isinstance(cell["办理期限"], datetime.datetime) and cell["办理期限"].date() == petition.handle_due
    assert isinstance(cell["受理期限"], datetime.datetime) and cell["受理期限"].date() == petition.accept_due
    remark = cell["期限说明"] or ""
    assert ("办理期限暂按自然日计" in remark) is ("handle_due" in petition.provisional_dues)
