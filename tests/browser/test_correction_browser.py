"""A village assistant corrects an application the township sent back, on a phone, and resubmits it."""

import datetime

import pytest

from hrss.core.models import ReviewDecision
from hrss.core.permissions import Role
from hrss.core.workdays import load_seed
from hrss.employment import services
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.browser.test_workbench_browser import log_in
from tests.conftest import TODAY, TOWNSHIP, VILLAGE
from tests.residents.factories import make_id_number

pytestmark = pytest.mark.browser


def test_a_returned_application_is_corrected_on_a_phone(transactional_db, live_server, browser, heyuan,
                                                        village_assistant, make_user, screenshot):
    load_seed()  # a transactional test empties the tables the migration seeded
    reviewer = make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)
    person = residents_services.register_person(
        actor=village_assistant, id_number=make_id_number(birth=datetime.date(1990, 5, 1), sequence=11),
        name="张三", village=heyuan[VILLAGE], status=LabourStatus.FARMING)[0]
    registration = services.apply_for_unemployment_registration(
        actor=village_assistant, person=person, category="lost_job", wants_work=True, able_to_work=True,
        documents=["id_card", "termination_proof"], last_employer="某厂",
        left_job_on=TODAY - datetime.timedelta(days=10))
    services.decide_unemployment_registration(actor=reviewer, registration=registration,
                                              action=ReviewDecision.Action.RETURN,
                                              version=registration.case.version, reason="失业日期与证明不符，原单位写全称")

    corrected_on = TODAY - datetime.timedelta(days=12)
    alice = log_in(browser, live_server, "alice", viewport={"width": 390, "height": 844})
    alice.goto(f"{live_server.url}/employment/unemployment/{registration.pk}/")
    screenshot(alice, "returned-case-phone")
    alice.fill("#correct_left_job_on", corrected_on.isoformat())
    alice.fill("#correct_last_employer", "河源市某电子厂有限公司")
    alice.click("text=保存更正")
    alice.wait_for_load_state("networkidle")
    screenshot(alice, "corrected-case-phone")
    assert "已保存更正" in alice.text_content("main")
    assert "河源市某电子厂有限公司" in alice.text_content("main")
    alice.click("button:has-text('已补正，重新提交')")
    alice.wait_for_load_state("networkidle")
    assert "乡镇(街道)审核" in alice.text_content("[data-testid=case-state]")
    assert alice.locator("[data-testid=correct]").count() == 0

    desktop = log_in(browser, live_server, "rita", viewport={"width": 1280, "height": 800})
    desktop.goto(f"{live_server.url}/employment/unemployment/{registration.pk}/")
    screenshot(desktop, "resubmitted-case-desktop")
    assert corrected_on.isoformat() in desktop.text_content("main")
