"""服务承诺 measured on the real 失业登记 chain: a case closed in the month is timed from its acceptance to its
decision, in working days (the opening day not counted), and compared with the promise in force on the day it was
opened: 10 working days. A withdrawn case is not the office's work and is not counted."""

import dataclasses
import datetime

import pytest
from django.test import Client

from hrss.core import catalogue
from hrss.supervision.promises import figures, selectors
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE, login
from tests.supervision.promises.conftest import past_2025

D = datetime.date
CODE = "employment/unemployment_registration"


@pytest.fixture
def march(unemployment_case):
    """Four cases closed in March 2025 (no holiday then): 9, 10 (the promise itself), 11 and 13 working days; one
    withdrawn; one closed in April."""
    unemployment_case(D(2025, 3, 3), D(2025, 3, 14), name="甲")  # 9
    unemployment_case(D(2025, 2, 27), D(2025, 3, 13), name="乙")  # 10: 2/28, 3/3-7, 3/10-13
    unemployment_case(D(2025, 2, 27), D(2025, 3, 14), name="丙", outcome="reject")  # 11
    unemployment_case(D(2025, 3, 3), D(2025, 3, 20), name="丁")  # 13
    unemployment_case(D(2025, 3, 3), D(2025, 3, 5), name="戊", outcome="withdraw")
    unemployment_case(D(2025, 3, 20), D(2025, 4, 1), name="己")


def test_the_months_cases_are_measured_against_the_promise_at_and_around_its_boundary(march, county_officer,
                                                                                      heyuan):
    [row] = selectors.promise_rows(county_officer, heyuan[COUNTY], 2025, 3)
    assert row.service.code == CODE and row.promise == "10个工作日"
    assert (row.closed, row.within, row.late, row.unknown) == (4, 2, 2, 0)
    assert (row.median, row.longest, row.rate) == (10.5, 13, 50.0)
    days = {measured.case.title: (measured.days, measured.within) for measured in selectors.measured_cases(
        county_officer, heyuan[COUNTY], 2025, 3, catalogue.service(CODE))}
    assert days == {"甲 失业登记": (9, True), "乙 失业登记": (10, True), "丙 失业登记": (11, False),
                    "丁 失业登记": (13, False)}


def test_a_changed_promise_leaves_the_cases_opened_before_it_under_the_old_one(march, county_officer, heyuan,
                                                                              monkeypatch):
    """From 2025-03-01 the promise is 12 calendar days (a made-up change): cases opened in February keep 10 working
    days, those opened in March are held to the new rule, counted in calendar days."""
    old = catalogue.service(CODE)
    changed = dataclasses.replace(old, promised_days=(*old.promised_days, (D(2025, 3, 1), 12)), working_days=False)
    monkeypatch.setitem(catalogue._services, CODE, changed)
    measured = {row.case.title: (row.days, row.promised) for row in selectors.measured_cases(
        county_officer, heyuan[COUNTY], 2025, 3, changed)}
    assert measured["乙 失业登记"] == (14, 10)  # opened 2/27: the old promise (in calendar days now: 14 > 10)
    assert measured["甲 失业登记"] == (11, 12)  # opened 3/3: the new one


def test_the_page_shows_the_figures_and_opens_the_late_cases(march, county_officer, clock, settings):
    past_2025(clock, settings)
    client = login(Client(), county_officer)
    page = client.get("/supervision/promises/promise/", {"month": "2025-03"}).content.decode()
    assert "失业登记" in page and "10个工作日" in page and "10.5个工作日" in page and "超时 2" in page
    late = client.get("/supervision/promises/promise/cases/",
                      {"service": CODE, "month": "2025-03", "late": "1"}).content.decode()
    assert "丙 失业登记" in late and "丁 失业登记" in late and "甲 失业登记" not in late
    assert "13个工作日" in late


def test_scope_a_neighbour_county_sees_none_of_it_and_cannot_ask_for_it(march, neighbour_county_officer, heyuan,
                                                                       township_officer):
    assert selectors.promise_rows(neighbour_county_officer, heyuan[COUNTY], 2025, 3) == []
    client = login(Client(), neighbour_county_officer)
    assert "甲 失业登记" not in client.get("/supervision/promises/promise/cases/",
                                        {"service": CODE, "month": "2025-03"}).content.decode()
    assert client.get("/supervision/promises/promise/", {"region": TOWNSHIP}).status_code == 404
    # The township sees its villages' cases; the village's own region gives the same.
    [row] = selectors.promise_rows(township_officer, heyuan[TOWNSHIP], 2025, 3)
    assert row.closed == 4
    assert selectors.promise_rows(township_officer, heyuan[VILLAGE], 2025, 3)[0].closed == 4


def test_the_statistics_figure_counts_the_cases_closed_within_promise_this_month(unemployment_case, county_officer,
                                                                                 heyuan):
    unemployment_case(TODAY, TODAY)  # accepted and decided the same day: 0 days
    assert figures.within_promise_this_month(county_officer, heyuan[COUNTY], TODAY) == 1
    assert figures.within_promise_this_month(county_officer, heyuan[VILLAGE], TODAY) == 1
