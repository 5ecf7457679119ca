"""The 贷款台账 page shows money with two decimals (yuan and fen), whatever the database's sums return: SQLite
adds decimals as floats and gave 5855.99000000000 and 286.600000000000."""

import datetime
import re
from decimal import Decimal

import pytest

from hrss.jobservices.loans import services
from hrss.jobservices.models import Loan
from tests.conftest import TODAY, frozen_now
from tests.jobservices.loans.test_chain import apply, move


@pytest.fixture
def repaid_twice(applicant, village_assistant, township_reviewer, county_officer, guarantee_officer, bank_officer,
                 clock):
    application = apply(village_assistant, applicant)
    for actor in (township_reviewer, county_officer, guarantee_officer):
        move(application, actor, "forward")
    move(application, bank_officer, "approve", principal=Decimal("70000"), annual_rate=Decimal("3.45"),
         start_date=TODAY, method="equal_instalments")
    loan = Loan.objects.get(application=application)
    later = TODAY + datetime.timedelta(days=75)
    clock.move_to(frozen_now() + datetime.timedelta(days=75))
    first, second = loan.instalments.order_by("number")[:2]
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=first.due_date, amount=first.total, today=later)
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=later, amount=second.total, today=later)
    return loan


def test_the_ledger_shows_two_decimals(client, repaid_twice, county_officer):
    loan = repaid_twice
    client.force_login(county_officer)
    page = client.get("/jobservices/loans/ledger/").content.decode()
    table = re.search(r'data-testid="loan-ledger".*?</table>', page, re.S).group(0)
    row = re.search(rf'<tr[^>]*><td><a href="/jobservices/loans/{loan.pk}/">.*?</tr>', table, re.S).group(0)
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    instalments = list(loan.instalments.order_by("number"))
    repaid = sum(i.paid_amount for i in instalments)
    owed = sum(i.total for i in instalments) - repaid
    subsidy = instalments[0].subsidy  # the first paid on its due date, the second late
    assert cells[2] == "70,000.00"
    assert cells[5:8] == [f"{repaid:,.2f}", f"{owed:,.2f}", f"{subsidy:,.2f}"]
    assert not re.search(r"\d\.\d{3,}", table)
    overdue = re.search(r'data-testid="overdue-instalments".*?</div>', page, re.S)
    assert overdue is None or not re.search(r"\d\.\d{3,}", overdue.group(0))
