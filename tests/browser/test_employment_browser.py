import datetime

import pytest

from hrss.core.permissions import Role
from hrss.core.workdays import load_seed
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.browser.test_workbench_browser import log_in
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE
from tests.residents.factories import make_id_number

pytestmark = pytest.mark.browser


def test_an_unemployment_registration_goes_from_village_intake_to_a_printed_certificate(
        transactional_db, live_server, browser, heyuan, village_assistant, township_officer, make_user, screenshot):
    load_seed()  # a transactional test empties the tables the migration seeded
    make_user("cara", COUNTY, Role.COUNTY_APPROVER)
    make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)  # the township's step is the 审核员's
    make_user("carl", COUNTY, Role.COUNTY_OFFICER)  # the county's 经办 comes before its approver
    person = residents_services.register_person(
        actor=village_assistant, id_number=make_id_number(birth=datetime.date(1990, 5, 1), sequence=11),
        name="张三", village=heyuan[VILLAGE], status=LabourStatus.FARMING)[0]

    # 村受理/初审: the assistant opens the person and takes in the application.
    alice = log_in(browser, live_server, "alice")
    alice.goto(f"{live_server.url}/residents/{person.pk}/")
    alice.click("text=办理失业登记")
    alice.select_option("#id_category", "lost_job")
    alice.check("#id_wants_work")
    alice.check("#id_able_to_work")
    alice.check("input[value=id_card]")
    alice.fill("#id_last_employer", "河源市某电子厂")
    alice.fill("#id_left_job_on", (TODAY - datetime.timedelta(days=10)).isoformat())
    alice.fill("#id_note", "材料齐全")
    screenshot(alice, "unemployment-intake")
    alice.click("text=受理并报乡镇(街道)审核")
    alice.wait_for_load_state("networkidle")
    assert "缺少材料：终止/解除劳动关系证明" in alice.text_content("[data-testid=form-errors]")
    alice.check("input[value=termination_proof]")
    alice.click("text=受理并报乡镇(街道)审核")
    alice.wait_for_load_state("networkidle")
    assert "乡镇(街道)审核" in alice.text_content("[data-testid=case-state]")

    # 乡镇审核: the township reviewer finds it in her queue, with its deadline, and sends it back.
    tina = log_in(browser, live_server, "rita")
    assert "待办理的失业登记" in tina.text_content("[data-testid=pending]")
    tina.click("text=就业失业登记")
    screenshot(tina, "township-queue")
    assert "剩 5 个工作日" in tina.text_content("[data-testid=queue]")
    tina.click("[data-testid=queue] >> text=张三 失业登记")
    tina.fill("#id_reason", "请补充失业日期")
    tina.click("text=退回补正")
    tina.wait_for_load_state("networkidle")
    assert "退回村(社区)补正" in tina.text_content("[data-testid=case-state]")

    # The assistant corrects and resubmits.
    alice.goto(f"{live_server.url}/employment/queue/")
    assert "退回补正" in alice.text_content("[data-testid=queue]")
    alice.click("[data-testid=queue] >> text=张三 失业登记")
    assert "请补充失业日期" in alice.text_content("[data-testid=decisions]")
    alice.fill("#correct_left_job_on", (TODAY - datetime.timedelta(days=11)).isoformat())
    alice.click("text=保存更正")
    alice.wait_for_load_state("networkidle")
    alice.fill("#id_reason", "已更正失业日期")
    alice.click("button:has-text('已补正，重新提交')")
    alice.wait_for_load_state("networkidle")

    tina.goto(f"{live_server.url}/employment/queue/")
    tina.click("[data-testid=queue] >> text=张三 失业登记")
    tina.click("text=审核通过，报县(区)经办（经办员复核）")
    tina.wait_for_load_state("networkidle")

    # 县区经办: the county's officer checks the file and passes it to the approver.
    carl = log_in(browser, live_server, "carl")
    carl.click("text=就业失业登记")
    carl.click("[data-testid=queue] >> text=张三 失业登记")
    carl.click("text=复核通过，报县(区)审批（审批员）")
    carl.wait_for_load_state("networkidle")

    # 县区审批: the county approves; the person is registered unemployed in the ledger.
    cara = log_in(browser, live_server, "cara")
    cara.click("text=就业失业登记")
    cara.click("[data-testid=queue] >> text=张三 失业登记")
    cara.click("text=审批通过，登记失业")
    cara.wait_for_load_state("networkidle")
    screenshot(cara, "unemployment-approved")
    assert "登记失业" in cara.text_content("[data-testid=registration-status]")
    timeline = cara.text_content("[data-testid=decisions]")
    for step in ("村(社区)受理初审", "乡镇(街道)审核", "县(区)审批", "退回补正", "请补充失业日期"):
        assert step in timeline
    person.refresh_from_db()
    assert person.labour_status == LabourStatus.UNEMPLOYED

    # The certificate was issued with the approval; the county prints it.
    number = cara.text_content("[data-testid=certificate-link] a")
    year = f"{person.status_since:%y}"
    assert len(number) == 16 and number.startswith("441602") and number[8:] == f"{year}000001"
    cara.click("[data-testid=certificate-link] a")
    screenshot(cara, "certificate")
    href = cara.get_attribute("[data-testid=print-certificate]", "href")
    printed = cara.request.get(f"{live_server.url}{href}")
    assert printed.headers["content-type"] == "application/pdf" and printed.body().startswith(b"%PDF")
    assert b"WenQuanYiMicroHei" in printed.body()
