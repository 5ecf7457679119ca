"""The loans pages as each role sees them: the intake form takes an application in, the guarantee agency and the
bank find it in their queue, the bank grants it with its terms, the loan's page shows the schedule, the 贷款台账
exports, the wants-business list and the person page's panel; the home page's pending work counts overdue
instalments."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from hrss.core.pending import pending_work_for
from hrss.jobservices.models import Loan, LoanApplication
from tests.conftest import TODAY, frozen_now
from tests.jobservices.loans.test_chain import DOCS, apply, move


def login(client, user):
    client.force_login(user)
    return client


def test_the_intake_form_takes_an_application_in(client, applicant, village_assistant):
    login(client, village_assistant)
    form = client.get(f"/jobservices/loans/apply/{applicant.pk}/")
    assert "创业担保贷款 · 村(社区)受理初审" in form.content.decode()
    response = client.post(f"/jobservices/loans/apply/{applicant.pk}/", {
        "category": "registered_unemployed", "borrower_kind": "individual", "partners": "1", "project": "奶茶店",
        "amount": "80000", "term_months": "24", "documents": DOCS})
    application = LoanApplication.objects.get(person=applicant)
    assert response.status_code == 302 and response.url.endswith(f"/loans/applications/{application.pk}/")
    assert application.case.step == "township_review"


def test_the_intake_form_says_what_is_wrong(client, applicant, village_assistant):
    login(client, village_assistant)
    response = client.post(f"/jobservices/loans/apply/{applicant.pk}/", {
        "category": "registered_unemployed", "borrower_kind": "individual", "partners": "1", "project": "奶茶店",
        "amount": "400000", "term_months": "24", "documents": ["id_card"]})
    page = response.content.decode()
    assert "超过创业担保贷款个人创业的额度上限300,000元" in page
    assert "缺少材料" in page
    assert not LoanApplication.objects.exists()


def test_the_bank_grants_from_the_page(client, applicant, village_assistant, township_reviewer, county_officer,
                                       guarantee_officer, bank_officer):
    application = apply(village_assistant, applicant)
    for actor in (township_reviewer, county_officer):
        move(application, actor, "forward")
    login(client, guarantee_officer)
    assert applicant.name in client.get("/jobservices/loans/applications/").content.decode()
    move(application, guarantee_officer, "forward")
    login(client, bank_officer)
    queue = client.get("/jobservices/loans/applications/").content.decode()
    assert f"{applicant.name} 创业担保贷款申请" in queue
    detail = client.get(f"/jobservices/loans/applications/{application.pk}/").content.decode()
    assert "审批通过，发放贷款" in detail and "放款日期" in detail
    application.case.refresh_from_db()
    response = client.post(f"/jobservices/loans/applications/{application.pk}/act/", {
        "action": "approve", "version": application.case.version, "principal": "100000", "annual_rate": "3.45",
        "term_months": "24", "start_date": TODAY.isoformat(), "method": "interest_monthly"})
    loan = Loan.objects.get(application=application)
    assert response.url.endswith(f"/jobservices/loans/{loan.pk}/")
    page = client.get(f"/jobservices/loans/{loan.pk}/").content.decode()
    assert "还款计划" in page and page.count("未到期") + page.count("本月到期") == 24
    assert "录入还款" in page


def test_a_missing_term_is_said_on_the_page(client, applicant, village_assistant, township_reviewer,
                                            county_officer, guarantee_officer, bank_officer):
    application = apply(village_assistant, applicant)
    for actor in (township_reviewer, county_officer, guarantee_officer):
        move(application, actor, "forward")
    login(client, bank_officer)
    application.case.refresh_from_db()
    response = client.post(f"/jobservices/loans/applications/{application.pk}/act/", {
        "action": "approve", "version": application.case.version}, follow=True)
    assert "请填写年利率" in response.content.decode()
    assert not Loan.objects.exists()


@pytest.fixture
def granted(applicant, village_assistant, township_reviewer, county_officer, guarantee_officer, bank_officer):
    application = apply(village_assistant, applicant)
    for actor in (township_reviewer, county_officer, guarantee_officer):
        move(application, actor, "forward")
    move(application, bank_officer, "approve", principal=Decimal(60_000), annual_rate=Decimal("3.45"),
         start_date=TODAY, method="equal_instalments")
    return Loan.objects.get(application=application)


def test_the_ledger_exports_the_loans(client, granted, county_officer):
    login(client, county_officer)
    assert granted.person.name in client.get("/jobservices/loans/ledger/").content.decode()
    response = client.get("/jobservices/loans/ledger.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("贷款名称", "借款人", "公民身份号码")
    assert rows[1][0] == "创业担保贷款" and rows[1][1] == granted.person.name and rows[1][7] == 60000
    assert "*" in rows[1][2]  # masked


def test_the_wants_business_list_and_the_person_panel(client, applicant, village_assistant, granted):
    login(client, village_assistant)
    page = client.get("/jobservices/loans/wants-business/").content.decode()
    assert applicant.name in page and "受理贷款申请" in page
    person_page = client.get(reverse("residents:person-detail", args=[applicant.pk])).content.decode()
    assert 'data-testid="loans-panel"' in person_page and "有创业意愿" in person_page
    assert "创业担保贷款 60,000.00 元" in person_page


def test_pending_work_for_the_chain_and_for_overdue_instalments(granted, bank_officer, clock):
    assert not [item for item in pending_work_for(bank_officer) if "逾期" in item.title]
    clock.move_to(frozen_now() + datetime.timedelta(days=200))
    items = {item.title: item.count for item in pending_work_for(bank_officer)}
    assert items.get("逾期未还的创业担保贷款期次", 0) >= 5


def test_the_ledger_lists_only_loans_with_overdue_instalments_when_asked(client, granted, county_officer, clock):
    login(client, county_officer)
    assert granted.person.name not in client.get("/jobservices/loans/ledger/", {"overdue": "1"}).content.decode()
    clock.move_to(frozen_now() + datetime.timedelta(days=70))  # two instalments overdue, the password still valid
    login(client, county_officer)
    page = client.get("/jobservices/loans/ledger/", {"overdue": "1"}).content.decode()
    assert granted.person.name in page and "逾期未还的期次" in page


def test_the_bank_does_not_see_the_ledger_s_people(client, applicant, bank_officer, guarantee_officer):
    for outsider in (bank_officer, guarantee_officer):
        login(client, outsider)
        assert client.get("/jobservices/loans/wants-business/").status_code == 403
