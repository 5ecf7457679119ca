"""The seekers API: 求职登记 and the matches both ways, with the limit, and scope (out of scope is 404)."""

import pytest
from django.test import Client

from hrss.accounts import services as account_services
from tests.jobservices.seekers.conftest import NEIGHBOUR_VILLAGE_CODE


def api(user):
    return Client(headers={"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"})


def test_register_a_seeker_over_the_api(person_born, village_assistant):
    person = person_born(name="李四")
    response = api(village_assistant).post("/api/v1/seekers", {
        "person_id": person.pk, "occupations": ["4-02-06-01", "6"], "mobility": "city", "not_selective": True,
        "wage_min": 3200}, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "李四" and body["occupations"] == ["4-02-06-01", "6"]
    assert body["id_number"] == person.masked_id_number and "*" in body["id_number"]
    again = api(village_assistant).post("/api/v1/seekers", {
        "person_id": person.pk, "occupations": ["6"], "mobility": "city", "not_selective": True},
        content_type="application/json")
    assert again.status_code == 422 and "不能重复登记" in again.json()["detail"]


def test_a_seekers_matches_with_their_scores_and_reasons(make_seeker, make_vacancy, village_assistant):
    seeker = make_seeker()
    for index in range(3):
        make_vacancy(title=f"仓储{index}")
    response = api(village_assistant).get(f"/api/v1/seekers/{seeker.pk}/matches", {"limit": 2})
    assert response.status_code == 200
    items = response.json()
    assert len(items) == 2
    first = items[0]
    assert first["suitable"] is True and 0 <= first["score"] <= 100
    assert "意向职业与岗位同属细类 4-02-06-01 仓储管理员" in first["reasons"]
    assert first["vacancy"]["employer_name"] == "河源市某物流公司" and first["vacancy"]["title"] == "仓储0"


@pytest.mark.parametrize("limit", [0, 51])
def test_the_limit_is_1_to_50(make_seeker, village_assistant, limit):
    seeker = make_seeker()
    assert api(village_assistant).get(f"/api/v1/seekers/{seeker.pk}/matches", {"limit": limit}).status_code == 422


def test_a_vacancys_matches_list_the_callers_seekers_only(make_seeker, make_vacancy, village_assistant,
                                                          neighbour_village_assistant):
    vacancy = make_vacancy(region_code=NEIGHBOUR_VILLAGE_CODE)  # in 公园社区, next door
    make_seeker(name="下城的求职人")
    ours = api(village_assistant).get(f"/api/v1/vacancies/{vacancy.pk}/matches")
    assert ours.status_code == 404  # the vacancy is outside 下城社区
    theirs = api(neighbour_village_assistant).get(f"/api/v1/vacancies/{vacancy.pk}/matches", {"limit": 5})
    assert theirs.status_code == 200 and theirs.json() == []  # 下城社区's seeker is not theirs to see


def test_a_vacancys_matches_for_a_township_officer(make_seeker, make_vacancy, township_officer):
    vacancy = make_vacancy()
    make_seeker(name="王五")
    items = api(township_officer).get(f"/api/v1/vacancies/{vacancy.pk}/matches").json()
    assert [item["seeker"]["name"] for item in items] == ["王五"]
    assert "*" in items[0]["seeker"]["id_number"] and items[0]["reasons"]


def test_seekers_outside_the_scope_are_not_found(make_seeker, neighbour_village_assistant, neighbour_county_officer):
    seeker = make_seeker()
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client = api(outsider)
        assert client.get(f"/api/v1/seekers/{seeker.pk}").status_code == 404
        assert client.get(f"/api/v1/seekers/{seeker.pk}/matches").status_code == 404
        assert client.patch(f"/api/v1/seekers/{seeker.pk}", {"mobility": "city"},
                            content_type="application/json").status_code == 404
        assert client.get("/api/v1/seekers").json() == []


def test_patch_changes_only_what_is_given_and_end_closes_it(make_seeker, village_assistant):
    seeker = make_seeker(wage_min=3000)
    client = api(village_assistant)
    response = client.patch(f"/api/v1/seekers/{seeker.pk}", {"mobility": "anywhere"},
                            content_type="application/json")
    assert response.status_code == 200
    assert (response.json()["mobility"], response.json()["wage_min"]) == ("anywhere", 3000)
    ended = client.post(f"/api/v1/seekers/{seeker.pk}/end", {"reason": "hired"}, content_type="application/json")
    assert ended.status_code == 200 and ended.json()["status"] == "ended"
    assert client.get("/api/v1/seekers").json() == []  # the ledger lists open registrations by default


def test_the_limit_cuts_a_vacancys_matches(make_seeker, make_vacancy, township_officer):
    vacancy = make_vacancy()
    make_seeker(name="王五")
    make_seeker(name="赵六")
    client = api(township_officer)
    everyone = client.get(f"/api/v1/vacancies/{vacancy.pk}/matches").json()
    assert sorted(item["seeker"]["name"] for item in everyone) == ["王五", "赵六"]
    cut = client.get(f"/api/v1/vacancies/{vacancy.pk}/matches?limit=1")
    assert cut.status_code == 200
    assert [item["seeker"]["name"] for item in cut.json()] == [everyone[0]["seeker"]["name"]]
