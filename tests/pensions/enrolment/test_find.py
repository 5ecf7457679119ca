"""The intake's search (/pensions/enrolment/new/): by ID number, by name (in scope, to pick), and distinct messages
for a wrong check digit and for something that is neither a number nor a name."""

from django.test import Client

from tests.conftest import NEIGHBOUR_VILLAGE

from .conftest import make_person


def page(user, typed):
    client = Client()
    client.force_login(user)
    return client.get("/pensions/enrolment/new/", {"id_number": typed})


def test_a_name_lists_the_people_in_scope_to_pick(resident, village_assistant, neighbour_village_assistant):
    other = make_person(neighbour_village_assistant, name="陈桂英", serial=221, village=NEIGHBOUR_VILLAGE)
    text = page(village_assistant, "桂英").content.decode()
    assert "本辖区人员台账中没有这个公民身份号码的人员" not in text
    assert resident.masked_id_number in text and f"/pensions/enrolment/new/{resident.pk}/" in text
    assert resident.birth_date.strftime("%Y-%m-%d") in text and "下城社区" in text
    assert resident.id_number not in text
    assert f"/pensions/enrolment/new/{other.pk}/" not in text
    assert "没有姓名含“王某”的人员" in page(village_assistant, "王某").content.decode()


def test_a_number_with_a_wrong_check_digit_and_a_malformed_one(resident, village_assistant):
    good = resident.id_number
    response = page(village_assistant, good)
    assert response.status_code == 302 and response["Location"].endswith(f"/new/{resident.pk}/")
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    assert "公民身份号码校验位不对，请核对" in page(village_assistant, wrong).content.decode()
    for typed in (good[:10], good + "1", "12ab"):
        text = page(village_assistant, typed).content.decode()
        assert "请输入18位公民身份号码或姓名" in text and "校验位" not in text
