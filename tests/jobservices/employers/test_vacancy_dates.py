"""A vacancy's dates are plausible: it opens at most a year ahead (a 2099 is a typing error), and an open vacancy's
closing date is not already past (close the vacancy instead) — on registering, on changing and through the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.core.dates import add_months
from hrss.jobservices.employers import services
from hrss.jobservices.models import Vacancy, VacancyStatus
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
FAR = datetime.date(2099, 12, 31)
LATEST = add_months(TODAY, 12)


def add(actor, employer, **fields):
    values = {"title": "营业员", "occupation_code": "4-01-02-03", "headcount": 3, "opens_on": TODAY, **fields}
    return services.add_vacancy(actor=actor, employer=employer, today=TODAY, **values)


def test_the_limit_is_a_year(heyuan):
    assert services.latest_opening(TODAY) == LATEST


def test_opening_in_2099_is_refused_and_a_year_ahead_is_not(village_assistant, employer):
    with pytest.raises(ValidationError) as refused:
        add(village_assistant, employer, opens_on=FAR)
    assert refused.value.message_dict["opens_on"] == [
        f"开始招聘日期（2099-12-31）最晚为一年内的 {LATEST:%Y-%m-%d}，请核对年份。"]
    assert not Vacancy.objects.exists()
    assert add(village_assistant, employer, opens_on=LATEST).opens_on == LATEST


def test_a_change_to_2099_is_refused(village_assistant, vacancy):
    with pytest.raises(ValidationError) as refused:
        services.update_vacancy(actor=village_assistant, vacancy=vacancy, opens_on=FAR, today=TODAY)
    assert "最晚为一年内" in refused.value.message_dict["opens_on"][0]
    vacancy.refresh_from_db()
    assert vacancy.opens_on == TODAY


def test_a_closing_date_already_past_is_refused_on_an_open_vacancy(village_assistant, employer):
    vacancy = add(village_assistant, employer, opens_on=TODAY - 30 * DAY)
    with pytest.raises(ValidationError) as refused:
        services.update_vacancy(actor=village_assistant, vacancy=vacancy, closes_on=TODAY - DAY, today=TODAY)
    assert "早于今天" in refused.value.message_dict["closes_on"][0]
    assert "请关闭岗位" in refused.value.message_dict["closes_on"][0]
    vacancy.refresh_from_db()
    assert vacancy.closes_on is None and vacancy.status == VacancyStatus.OPEN
    assert services.update_vacancy(actor=village_assistant, vacancy=vacancy, closes_on=TODAY,
                                   today=TODAY).closes_on == TODAY


def test_a_new_vacancy_already_closed_is_refused(village_assistant, employer):
    with pytest.raises(ValidationError) as refused:
        add(village_assistant, employer, opens_on=TODAY - 30 * DAY, closes_on=TODAY - DAY)
    assert "早于今天" in refused.value.message_dict["closes_on"][0]


def test_the_api_refuses_both(township_officer, employer):
    from tests.jobservices.employers.test_api import api

    vacancy = add(township_officer, employer, opens_on=TODAY - 30 * DAY)
    client = api(township_officer)
    created = client.post("/api/v1/vacancies", {"employer_id": employer.pk, "title": "收银员",
                                                 "occupation_code": "4-01-02-04", "headcount": 1,
                                                 "opens_on": "2099-12-31"}, content_type="application/json")
    assert created.status_code == 422 and "最晚为一年内" in created.json()["detail"]
    for change, message in (({"opens_on": "2099-12-31"}, "最晚为一年内"),
                            ({"closes_on": (TODAY - DAY).isoformat()}, "早于今天")):
        patched = client.patch(f"/api/v1/vacancies/{vacancy.pk}", change, content_type="application/json")
        assert patched.status_code == 422 and message in patched.json()["detail"]
    vacancy.refresh_from_db()
    assert vacancy.opens_on == TODAY - 30 * DAY and vacancy.closes_on is None
    assert vacancy.status == VacancyStatus.OPEN
