"""Hires from a fair: the referrals made at the fair (Referral.fair) whose outcome is hired, counted on the fair's
page, the list and the API; other outcomes and referrals made elsewhere are not."""

import pytest

from hrss.jobservices.guidance import services
from tests.conftest import TODAY, TOWNSHIP, login


@pytest.fixture
def fair(township_officer):
    return services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="上城街道招聘会", held_on=TODAY,
                              today=TODAY)


def test_only_hired_referrals_of_the_fair_are_counted(api, client, township_officer, fair, person, neighbour,
                                                      make_vacancy, make_referral):
    vacancy = make_vacancy("普工")
    services.add_fair_vacancy(actor=township_officer, fair=fair, vacancy=vacancy)
    make_referral(person, vacancy, fair=fair, outcome="hired")
    make_referral(neighbour, vacancy, fair=fair, outcome="refused_with_reason")
    make_referral(neighbour, make_vacancy("仓管员"), fair=None, outcome="hired")  # not at the fair
    detail = api(township_officer).get(f"/api/v1/job-fairs/{fair.pk}").json()
    assert (detail["referrals"], detail["hires"]) == (2, 1)
    login(client, township_officer)
    page = client.get(f"/jobservices/fairs/{fair.pk}/").content.decode()
    assert "2 / 1" in page and "张三" in page and "李四" not in page
    listing = client.get("/jobservices/fairs/").content.decode()
    assert "上城街道招聘会" in listing


def test_a_fair_without_referrals_counts_none(api, township_officer, fair):
    detail = api(township_officer).get(f"/api/v1/job-fairs/{fair.pk}").json()
    assert (detail["referrals"], detail["hires"]) == (0, 0)
