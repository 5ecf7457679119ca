"""A visit is dated between the recognition and today (not in the future), its next visit after it; outsiders
get 404 on the pages and a refusal from the service."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.assistance.models import HomeVisit
from hrss.assistance.support import rules, services
from tests.conftest import TODAY

DAY = datetime.timedelta(days=1)


def visit(actor, recognition, **changes):
    data = {"visited_on": TODAY, "way": "home", "outcome": "了解求职意愿", "next_step": "推荐岗位",
            "companions": "网格员"}
    return services.record_visit(actor=actor, recognition=recognition, **{**data, **changes})


def test_a_visit_is_recorded_with_who_went(recognition, village_assistant):
    made = visit(village_assistant, recognition, next_visit_on=TODAY + 30 * DAY)
    assert (made.visitor, made.companions, made.way, made.region_code) == (
        village_assistant, "网格员", "home", recognition.region_code)


def test_on_the_recognition_day_and_today_are_allowed(recognition, village_assistant):
    visit(village_assistant, recognition, visited_on=recognition.recognised_on)
    visit(village_assistant, recognition, visited_on=TODAY)
    assert HomeVisit.objects.count() == 2


@pytest.mark.parametrize("changes, message", [
    ({"visited_on": TODAY + DAY}, "晚于今天"),
    ({"next_visit_on": TODAY}, "下次走访日期应晚于本次"),
    ({"way": "letter"}, "请选择走访方式"),
    ({"outcome": "  "}, "请填写走访情况"),
])
def test_bad_visits_say_what_to_fix(recognition, village_assistant, changes, message):
    with pytest.raises(ValidationError) as refused:
        visit(village_assistant, recognition, **changes)
    assert message in " ".join(refused.value.messages)
    assert not HomeVisit.objects.exists()


def test_not_before_the_recognition(recognition, village_assistant):
    with pytest.raises(ValidationError) as refused:
        visit(village_assistant, recognition, visited_on=recognition.recognised_on - DAY)
    assert "早于认定日期" in " ".join(refused.value.messages)


def test_outsiders_are_refused(recognition, neighbour_village_assistant, neighbour_county_officer):
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            visit(outsider, recognition)
        client = Client()
        client.force_login(outsider)
        for path in (f"/assistance/support/{recognition.pk}/", f"/assistance/support/{recognition.pk}/visit/",
                     f"/assistance/support/{recognition.pk}/plan/"):
            assert client.get(path).status_code == 404
        assert client.post(f"/assistance/support/{recognition.pk}/visit/", {
            "visited_on": TODAY.isoformat(), "way": "home", "outcome": "越权"}).status_code == 404
    assert not HomeVisit.objects.exists()


def test_the_township_sees_and_records_visits_of_its_villages(recognition, township_officer):
    client = Client()
    client.force_login(township_officer)
    response = client.post(f"/assistance/support/{recognition.pk}/visit/", {
        "visited_on": TODAY.isoformat(), "way": "phone", "outcome": "电话回访，已找到工作线索",
        "companions": "", "next_step": "", "next_visit_on": ""})
    assert response.status_code == 302
    assert HomeVisit.objects.get().visitor == township_officer


def test_the_form_page_refuses_a_future_day_and_keeps_the_input(recognition, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    response = client.post(f"/assistance/support/{recognition.pk}/visit/", {
        "visited_on": (TODAY + DAY).isoformat(), "way": "home", "outcome": "明天再去"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "晚于今天" in body and "明天再去" in body


def test_the_next_visit_is_within_a_year_of_the_visit(recognition, village_assistant):
    """Attack F4: 9999-12-31 was accepted as the next visit; the latest allowed is the rule's days after the visit."""
    latest = rules.next_visit_latest(TODAY)
    visit(village_assistant, recognition, next_visit_on=latest)
    for far in (latest + DAY, datetime.date(9999, 12, 31)):
        with pytest.raises(ValidationError) as refused:
            visit(village_assistant, recognition, next_visit_on=far)
        assert f"下次走访日期{far:%Y-%m-%d}太远" in " ".join(refused.value.messages)
        assert f"不晚于{latest:%Y-%m-%d}" in " ".join(refused.value.messages)
    assert HomeVisit.objects.count() == 1


def test_the_page_and_the_api_refuse_a_far_next_visit(recognition, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    page = client.post(f"/assistance/support/{recognition.pk}/visit/", {
        "visited_on": TODAY.isoformat(), "way": "home", "outcome": "在家", "next_visit_on": "9999-12-31"})
    assert page.status_code == 200 and "太远" in page.content.decode()
    assert not HomeVisit.objects.exists()
