"""What the trial asked for on the grid's pages: the lead form starts with one worker and the user's own cell, picked
by name (a township chooses among its cells by name, never types a code; the neighbouring village's is not offered);
forwarding says the case is 待受理 and names it by number; the ledgers show the employer and the state first."""

import re

from django.test import Client

from hrss.supervision.models import InspectionCase, Lead
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.grid.conftest import report


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def selected_option(page, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, f"no select named {name}"
    return select.group(1)


def test_the_village_lead_form_starts_with_one_worker_and_its_own_cell_by_name(heyuan, village_assistant):
    page = logged_in(village_assistant).get("/supervision/grid/leads/new/").content.decode()
    assert re.search(r'name="workers_affected"[^>]*value="1"', page)
    options = selected_option(page, "region")
    assert re.search(rf'<option value="{VILLAGE}" selected>上城街道 下城社区</option>', options)
    assert options.count("<option") == 1
    assert not re.search(rf'<input[^>]*name="region"[^>]*value="{VILLAGE}"', page)


def test_the_township_picks_among_its_cells_by_name(heyuan, township_officer):
    client = logged_in(township_officer)
    options = selected_option(client.get("/supervision/grid/leads/new/").content.decode(), "region")
    assert re.search(rf'<option value="{TOWNSHIP}" selected>上城街道（乡镇\(街道\)本级）</option>', options)
    assert "上城街道 下城社区" in options and NEIGHBOUR_VILLAGE in options  # the neighbour is in the same township
    done = client.post("/supervision/grid/leads/new/", {
        "region": VILLAGE, "reported_on": str(TODAY), "employer_name": "某工地", "employer_uscc": "",
        "kind": "wages", "workers_affected": "1", "description": "欠薪两个月"})
    assert done.status_code == 302 and Lead.objects.get().region_code == VILLAGE


def test_a_village_cannot_post_another_cell(heyuan, village_assistant):
    refused = logged_in(village_assistant).post("/supervision/grid/leads/new/", {
        "region": NEIGHBOUR_VILLAGE, "reported_on": str(TODAY), "employer_name": "某工地", "employer_uscc": "",
        "kind": "wages", "workers_affected": "1", "description": "欠薪"})
    assert refused.status_code == 200 and "所选网格不存在或不在您的管辖范围内" in refused.content.decode()
    assert not Lead.objects.exists()


def test_forwarding_says_the_case_waits_for_acceptance_and_names_it(heyuan, village_assistant, township_officer):
    lead = report(village_assistant)
    done = logged_in(township_officer).post(f"/supervision/grid/leads/{lead.pk}/forward/", {"note": ""}, follow=True)
    case = InspectionCase.objects.get(lead=lead)
    page = done.content.decode()
    assert f"已移交劳动保障监察（监察案件{case.number}，待受理）" in page and "已立" not in page
    assert f"监察案件 {case.number}</a>" in page


def test_the_lead_ledger_shows_the_employer_and_state_first(heyuan, village_assistant):
    report(village_assistant, employer_name="河源市某某建材经营部有限公司第一分公司")
    page = logged_in(village_assistant).get("/supervision/grid/leads/").content.decode()
    head = page.split('data-testid="grid-leads"', 1)[1].split("</thead>", 1)[0]
    assert head.index("用人单位") < head.index("状态") < head.index("报告日期") < head.index("网格")
    assert 'title="河源市某某建材经营部有限公司第一分公司"' in page
