"""The API: the offices of a region for a month and the staff of an office; 404 outside the caller's scope, 403
for a village assistant, 422 for a month that is not one."""

import datetime

from django.test import Client

from hrss.accounts import services as account_services
from tests.conftest import TOWNSHIP, VILLAGE
from tests.supervision.appraisal.conftest import DUE, OPENED


def get(user, path, query):
    token = account_services.create_token(actor=None, user=user)
    return Client().get("/api/v1" + path, query, headers={"Authorization": f"Bearer {token}"})


def test_offices_and_staff_of_a_month(intake, move, township_reviewer, county_officer):
    move(intake(OPENED), township_reviewer, DUE)
    move(intake(OPENED), township_reviewer, datetime.date(2023, 10, 9))
    offices = get(county_officer, "/supervision/appraisal", {"month": "2023-10", "region": TOWNSHIP})
    assert offices.status_code == 200
    by_code = {row["region_code"]: row for row in offices.json()}
    assert by_code[TOWNSHIP]["own"] and by_code[TOWNSHIP]["handled"] == 2 and by_code[TOWNSHIP]["late"] == 1
    assert by_code[VILLAGE]["score"] is None and by_code[VILLAGE]["handled"] == 0
    staff = get(county_officer, "/supervision/appraisal/staff", {"month": "2023-10", "region": TOWNSHIP}).json()
    rita = next(row for row in staff if row["username"] == "rita")
    assert rita["on_time"] == 1 and rita["on_time_percent"] == "50.0" and rita["score"] == "66.7"


def test_outside_the_scope_is_404_and_a_village_assistant_403(neighbour_county_officer, village_assistant, heyuan):
    for path in ("/supervision/appraisal", "/supervision/appraisal/staff"):
        assert get(neighbour_county_officer, path, {"region": TOWNSHIP}).status_code == 404
        assert get(village_assistant, path, {"region": VILLAGE}).status_code == 403


def test_a_month_that_is_not_one_is_422(county_officer):
    answer = get(county_officer, "/supervision/appraisal", {"month": "2023-13"})
    assert answer.status_code == 422 and "2026-05" in answer.json()["detail"]
