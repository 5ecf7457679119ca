"""A loan form that is refused shows the page again with what the user typed and one error per line: the bank's
approval (批准放款), a move without its reason, the revoking of a credit community."""

import datetime
import re

from hrss.jobservices.loans import services
from hrss.jobservices.models import CreditCommunity, Loan
from tests.conftest import TODAY, VILLAGE
from tests.jobservices.loans.test_chain import apply, move


def errors_of(page, testid):
    block = re.search(rf'data-testid="{testid}"[^>]*>(.*?)</div>', page, re.S)
    assert block, f"no {testid} on the page"
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", block.group(1), re.S)]


def value_of(page, name):
    tag = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>(?:([^<]*)</textarea>)?', page)
    assert tag, f"no field {name}"
    if tag.group(0).startswith("<textarea"):
        return tag.group(1).strip()
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else ""


def at_the_bank(applicant, village_assistant, township_reviewer, county_officer, guarantee_officer):
    application = apply(village_assistant, applicant)
    for actor in (township_reviewer, county_officer, guarantee_officer):
        move(application, actor, "forward")
    application.case.refresh_from_db()
    return application


def test_a_refused_approval_keeps_what_the_bank_typed(client, applicant, village_assistant, township_reviewer,
                                                      county_officer, guarantee_officer, bank_officer):
    application = at_the_bank(applicant, village_assistant, township_reviewer, county_officer, guarantee_officer)
    client.force_login(bank_officer)
    response = client.post(f"/jobservices/loans/applications/{application.pk}/act/", {
        "action": "approve", "version": application.case.version, "principal": "150000", "annual_rate": "",
        "term_months": "24", "start_date": TODAY.isoformat(), "method": "", "contract_number": "HT-2026-0042",
        "reason": "按合同放款"}, follow=True)
    page = response.content.decode()
    assert not Loan.objects.exists()
    assert value_of(page, "principal") == "150000"  # not the applied 100000
    assert value_of(page, "contract_number") == "HT-2026-0042"
    assert value_of(page, "reason") == "按合同放款"
    errors = errors_of(page, "decision-errors")
    assert errors == ["贷款金额150,000元超过申请金额100,000元。",
                      "请填写年利率（百分数，大于0且不超过24，如 3.85）。", "请选择还款方式。"]
    assert "。；" not in page


def test_a_wrong_number_is_said_at_its_field_and_the_rest_stays(client, applicant, village_assistant,
                                                                 township_reviewer, county_officer,
                                                                 guarantee_officer, bank_officer):
    application = at_the_bank(applicant, village_assistant, township_reviewer, county_officer, guarantee_officer)
    client.force_login(bank_officer)
    page = client.post(f"/jobservices/loans/applications/{application.pk}/act/", {
        "action": "approve", "version": application.case.version, "principal": "八万", "annual_rate": "3.45",
        "term_months": "24", "start_date": TODAY.isoformat(), "method": "equal_instalments",
        "contract_number": "HT-7"}, follow=True).content.decode()
    assert not Loan.objects.exists()
    assert value_of(page, "principal") == "八万" and value_of(page, "annual_rate") == "3.45"
    assert value_of(page, "contract_number") == "HT-7"
    assert "请输入一个数字" in page or "输入一个数字" in page


def test_a_return_without_reason_keeps_the_page(client, applicant, village_assistant, township_reviewer):
    application = apply(village_assistant, applicant)
    client.force_login(township_reviewer)
    application.case.refresh_from_db()
    page = client.post(f"/jobservices/loans/applications/{application.pk}/act/", {
        "action": "return", "version": application.case.version, "reason": ""}, follow=True).content.decode()
    assert errors_of(page, "decision-errors") == ["请填写理由，申请人将据此补正或知悉结果。"]
    application.case.refresh_from_db()
    assert application.case.step == "township_review"


def test_a_refused_revoke_keeps_the_reason_and_lists_the_errors(client, heyuan, county_officer):
    community = services.mark_credit_community(actor=county_officer, region_code=VILLAGE, marked_on=TODAY,
                                               note="")
    client.force_login(county_officer)
    before = (TODAY - datetime.timedelta(days=365)).isoformat()
    expected = [f"撤销日期应在评定日期{TODAY:%Y-%m-%d}和今天之间。"]
    page = client.post(f"/jobservices/loans/credit-communities/{community.pk}/revoke/", {
        "revoked_on": before, "note": "村里出现多笔逾期"}, follow=True).content.decode()
    assert errors_of(page, f"revoke-errors-{community.pk}") == expected
    assert "村里出现多笔逾期" in page and f'value="{before}"' in page
    assert CreditCommunity.objects.get(pk=community.pk).revoked_on is None
