"""Routine visits to employers, a lead made from a visit that found a problem, and the cell's figures (leads this
year, open leads, visits this year, employers visited), on the cell's page and the area's statistics."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from hrss.supervision.grid import selectors, services
from hrss.supervision.models import EmployerVisit, Lead, LeadState
from tests.conftest import TODAY, TOWNSHIP, VILLAGE
from tests.supervision.grid.conftest import USCC, region, report


def visit(actor, code=VILLAGE, **changes):
    values = {"employer_name": "河源市某餐饮有限公司", "employer_uscc": USCC, "visited_on": TODAY,
              "findings": "在岗8人，已签劳动合同", **changes}
    return services.record_visit(actor=actor, region=region(code), **values)


def test_a_visit_that_found_a_problem_reports_a_lead_with_it(heyuan, village_assistant):
    done = visit(village_assistant, findings="3人未参保", problems_found=True, lead_kind="not_insured",
                 lead_description="3名员工未参加社会保险", workers_affected=3)
    lead = done.lead
    assert lead.state == LeadState.REPORTED and lead.kind == "not_insured" and lead.employer_uscc == USCC
    assert lead.region_code == VILLAGE and lead.visit == done


def test_visit_refusals_say_what_to_fix(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        visit(village_assistant, employer_name="", findings="", visited_on=TODAY + datetime.timedelta(days=1),
              lead_kind="wages", lead_description="欠薪", workers_affected=2)
    text = " ".join(refused.value.messages)
    for reason in ("请填写用人单位名称", "请填写走访情况", "走访日期", "未发现问题的走访不能报告线索"):
        assert reason in text, reason
    assert not EmployerVisit.objects.exists() and not Lead.objects.exists()


def test_figures_count_this_years_leads_visits_and_distinct_employers(heyuan, village_assistant, township_officer):
    last_year = TODAY.replace(year=TODAY.year - 1, day=1)
    report(village_assistant)
    services.dismiss_lead(actor=township_officer, lead=report(village_assistant, kind="overtime"), reason="已核实")
    report(village_assistant, reported_on=last_year)
    visit(village_assistant)
    visit(village_assistant, employer_name="同一家（名称写法不同）")  # the same code: one employer
    visit(village_assistant, employer_uscc="", employer_name="下城洗车行")
    visit(village_assistant, visited_on=last_year)
    visit(township_officer, TOWNSHIP, employer_uscc="", employer_name="街道某厂")
    figures = selectors.figures(village_assistant, region(VILLAGE), TODAY)
    # Open: this year's first lead and last year's; visited: the coded company (twice, two names) and the car wash.
    assert figures == {"leads_this_year": 2, "open_leads": 2, "visits_this_year": 3, "employers_visited": 2}
    township = selectors.figures(township_officer, region(TOWNSHIP), TODAY)
    assert township["visits_this_year"] == 4 and township["employers_visited"] == 3
    client = Client()
    client.force_login(township_officer)
    page = client.get("/supervision/statistics/", {"region": TOWNSHIP}).content.decode()
    assert "本年网格线索" in page and "待处理网格线索" in page and "本年走访的用人单位" in page
