"""The status drop-downs preselect nothing: the user picks the status, or the form says to."""

import re

from django.test import Client

from hrss.residents.models import Person
from tests.conftest import VILLAGE
from tests.residents.factories import WOMAN_1982
from tests.residents.test_ledger_views import zhang  # noqa: F401  (the person fixture)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def status_select(html):
    return re.search(r'<select name="status".*?</select>', html, re.S).group(0)


def selected_option(select):
    match = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return match.group(1) if match else None


def test_the_new_person_form_preselects_no_status(heyuan, village_assistant):
    select = status_select(client_for(village_assistant).get("/residents/new/", {"village": VILLAGE}).content.decode())
    assert '<option value="" selected>请选择就业状态</option>' in select
    assert selected_option(select) == ""


def test_a_new_person_without_a_status_is_not_saved_and_the_form_says_why(heyuan, village_assistant):
    response = client_for(village_assistant).post("/residents/new/", {
        "village": VILLAGE, "id_number": WOMAN_1982, "name": "李四", "status": "", "work_capacity": "full",
        "retirement_category": "worker", "relation_to_head": "head"})
    assert response.status_code == 200
    assert "请选择就业状态。" in response.content.decode()
    assert not Person.objects.filter(name="李四").exists()


def test_the_status_change_form_preselects_no_status(zhang, village_assistant):  # noqa: F811
    html = client_for(village_assistant).get(f"/residents/{zhang.pk}/").content.decode()
    assert selected_option(status_select(html)) == ""


def test_a_status_change_without_a_status_is_refused(zhang, village_assistant):  # noqa: F811
    response = client_for(village_assistant).post(f"/residents/{zhang.pk}/status/", {
        "status": "", "effective_date": "2026-03-01"}, follow=True)
    assert "未保存：请填写新的就业状态" in response.content.decode()
    assert zhang.status_events.count() == 1
