"""Vacancies at a fair: only an open vacancy with places left, open on the fair's day, that the actor sees."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.jobservices.guidance import services
from hrss.jobservices.models import FairVacancy
from tests.conftest import TODAY, TOWNSHIP, login

DAY = datetime.timedelta(days=1)


@pytest.fixture
def fair(township_officer):
    return services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="上城街道招聘会",
                              held_on=TODAY + 7 * DAY, today=TODAY)


def add(actor, fair, vacancy):
    return services.add_fair_vacancy(actor=actor, fair=fair, vacancy=vacancy)


def test_an_open_vacancy_is_added_and_its_employer_takes_part(township_officer, fair, make_vacancy, api):
    first, second = make_vacancy("普工"), make_vacancy("仓管员")
    add(township_officer, fair, first)
    add(township_officer, fair, second)
    detail = api(township_officer).get(f"/api/v1/job-fairs/{fair.pk}").json()
    assert (detail["employers"], detail["vacancies"]) == (2, 2)
    assert sorted(detail["vacancy_ids"]) == sorted([first.pk, second.pk])


@pytest.mark.parametrize(("fields", "message"), [
    ({"status": "closed", "closed_on": TODAY - DAY}, "已关闭"),
    ({"status": "filled", "closed_on": TODAY - DAY, "hired": 5}, "已招满"),
    ({"closes_on": TODAY + 6 * DAY}, "早于招聘会日期"),
    ({"opens_on": TODAY + 8 * DAY}, "晚于招聘会日期"),
])
def test_a_vacancy_not_open_on_the_fairs_day_is_not_added(township_officer, fair, make_vacancy, fields, message):
    vacancy = make_vacancy(**fields)
    with pytest.raises(ValidationError, match=message):
        add(township_officer, fair, vacancy)
    assert not FairVacancy.objects.exists()


def test_a_vacancy_closing_on_the_fairs_day_is_added(township_officer, fair, make_vacancy):
    add(township_officer, fair, make_vacancy(closes_on=TODAY + 7 * DAY))
    assert FairVacancy.objects.count() == 1


def test_a_vacancy_is_offered_once_per_fair(township_officer, fair, make_vacancy):
    vacancy = make_vacancy()
    add(township_officer, fair, vacancy)
    with pytest.raises(ValidationError, match="已在本场招聘会中"):
        add(township_officer, fair, vacancy)


def test_a_vacancy_outside_the_actors_scope_is_refused(township_officer, fair, far_vacancy):
    with pytest.raises(PermissionDenied):
        add(township_officer, fair, far_vacancy)
    assert not FairVacancy.objects.exists()


def test_the_api_answers_404_for_a_vacancy_the_actor_does_not_see(api, township_officer, fair, far_vacancy):
    response = api(township_officer).post(f"/api/v1/job-fairs/{fair.pk}/vacancies", {"vacancy_id": far_vacancy.pk})
    assert response.status_code == 404
    closed = api(township_officer).post(f"/api/v1/job-fairs/{fair.pk}/vacancies", {"vacancy_id": 10**9})
    assert closed.status_code == 404


def test_the_page_offers_only_open_vacancies_and_adds_one(client, township_officer, fair, make_vacancy):
    open_one = make_vacancy("叉车司机")
    make_vacancy("已关闭的岗位", status="closed", closed_on=TODAY - DAY)
    login(client, township_officer)
    page = client.get(f"/jobservices/fairs/{fair.pk}/").content.decode()
    assert "叉车司机" in page and "已关闭的岗位" not in page
    response = client.post(f"/jobservices/fairs/{fair.pk}/vacancies/", {"vacancy": open_one.pk})
    assert response.status_code == 302
    assert FairVacancy.objects.filter(fair=fair, vacancy=open_one).exists()


def test_a_vacancy_added_by_mistake_is_removed_unless_someone_was_referred_to_it_there(
        township_officer, fair, make_vacancy, make_referral, person, client):
    mistaken, referred = make_vacancy("误添加"), make_vacancy("已推荐")
    add(township_officer, fair, mistaken)
    add(township_officer, fair, referred)
    make_referral(person, referred, fair=fair)
    login(client, township_officer).post(f"/jobservices/fairs/{fair.pk}/vacancies/remove/", {"vacancy": mistaken.pk})
    assert list(FairVacancy.objects.values_list("vacancy__title", flat=True)) == ["已推荐"]
    with pytest.raises(ValidationError, match="不能移除"):
        services.remove_fair_vacancy(actor=township_officer, fair=fair, vacancy=referred)
