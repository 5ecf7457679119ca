"""限时办结: the open cases of the catalogue's services in the user's scope whose step is overdue or due within 2
working days, flagged as the review queues flag them (core.review.timing), grouped by the office that holds the
step, with the step and the role that acts there."""

import datetime

from django.test import Client

from hrss.core import review, workdays
from hrss.core.models import ReviewDecision
from hrss.supervision.promises import figures, selectors
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE, login

Action = ReviewDecision.Action


def test_overdue_and_nearly_due_cases_are_flagged_and_later_ones_are_not(unemployment_case, county_officer,
                                                                         township_reviewer, heyuan):
    calendar = workdays.Calendar.load()
    late = unemployment_case(TODAY - datetime.timedelta(days=30), name="甲")  # the township's 5 days long gone
    unemployment_case(TODAY, name="乙")  # due in 5 working days: not yet
    nearly = unemployment_case(TODAY, name="丙")
    nearly = review.act(case=nearly, actor=township_reviewer, action=Action.FORWARD, version=nearly.version,
                        today=TODAY)  # the county's handling: 2 working days
    assert nearly.due_date == calendar.add(TODAY, 2)

    flagged = selectors.open_cases_due(county_officer, heyuan[COUNTY], TODAY)
    assert [row.case.title for row in flagged] == ["甲 失业登记", "丙 失业登记"]
    first, second = flagged
    assert first.overdue and first.timing.label.startswith("已逾期")
    assert not second.overdue and second.timing.label == "剩 2 个工作日"
    assert (first.step_label, first.holders, first.office_code) == (
        "乡镇(街道)审核（审核员）", "乡镇(街道)审核员", TOWNSHIP)
    assert (second.holders, second.office_code) == ("县(区)经办员", COUNTY)
    assert (first.staff, second.staff) == ("rita", "carl")  # the accounts holding the step's role there
    assert late.pk == first.case.pk
    assert figures.overdue(county_officer, heyuan[COUNTY], TODAY) == 1


def test_a_returned_case_waits_for_the_village_and_is_held_there(unemployment_case, county_officer,
                                                                  township_reviewer, heyuan):
    case = unemployment_case(TODAY - datetime.timedelta(days=40))
    review.act(case=case, actor=township_reviewer, action=Action.RETURN, version=case.version, reason="缺证明",
               today=TODAY - datetime.timedelta(days=30))
    [row] = selectors.open_cases_due(county_officer, heyuan[COUNTY], TODAY)
    assert row.office_code == VILLAGE and row.holders == "村(社区)协理员" and row.overdue
    assert "退回补正" in row.step_label and row.staff == "alice"


def test_the_page_groups_by_office_and_a_neighbour_sees_nothing(unemployment_case, county_officer,
                                                               neighbour_county_officer, neighbour_village_assistant,
                                                               heyuan):
    unemployment_case(TODAY - datetime.timedelta(days=30), name="甲")
    page = login(Client(), county_officer).get("/supervision/promises/overdue/").content.decode()
    assert "上城街道" in page and "甲 失业登记" in page and "已逾期" in page and "乡镇(街道)审核员" in page
    for outsider in (neighbour_county_officer, neighbour_village_assistant):
        assert selectors.open_cases_due(outsider, outsider.region, TODAY) == []
        client = login(Client(), outsider)
        assert "甲 失业登记" not in client.get("/supervision/promises/overdue/").content.decode()
        assert client.get("/supervision/promises/overdue/", {"region": VILLAGE}).status_code == 404
    assert figures.overdue(neighbour_county_officer, neighbour_county_officer.region, TODAY) == 0


def test_the_areas_statistics_page_counts_the_overdue_cases_per_region(unemployment_case, county_officer):
    unemployment_case(TODAY - datetime.timedelta(days=30), name="甲")
    page = login(Client(), county_officer).get("/supervision/statistics/").content.decode()
    assert "已超期的在办案件" in page and "本月承诺时限内办结" in page
    assert "/supervision/promises/overdue/?region=" in page
