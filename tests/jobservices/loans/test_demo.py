"""hrss demo: the guarantee and bank logins, an application at each step of the chain, a granted loan with an
overdue instalment; run twice, nothing more."""

from django.core.management import call_command

from hrss.accounts.models import User
from hrss.jobservices.loans import selectors
from hrss.jobservices.models import Loan, LoanApplication
from tests.conftest import TODAY


def test_the_demo_gives_each_loan_login_an_application_at_its_step(heyuan, capsys):
    call_command("demo", "--people", "300", "--seed", "2011")
    out = capsys.readouterr().out
    assert "yuancheng_guarantee" in out and "yuancheng_bank" in out
    steps = sorted(LoanApplication.objects.values_list("case__status", "case__step"))
    for step in ("township_review", "county_handling", "guarantee_review", "bank_lending"):
        assert ("open", step) in steps
    loan = Loan.objects.get()
    summary = selectors.loan_summary(loan, TODAY)
    assert summary.overdue == 1 and summary.repaid > 0
    bank = User.objects.get(username="yuancheng_bank")
    assert list(selectors.overdue_instalments(bank, TODAY).values_list("number", flat=True)) == [3]
    call_command("demo", "--people", "300", "--seed", "2011")
    assert LoanApplication.objects.count() == 5
