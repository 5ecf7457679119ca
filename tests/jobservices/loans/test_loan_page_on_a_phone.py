"""The loan's page on a phone: the 录入还款 form comes before the schedule (not after its 24 to 120 rows), and the
schedule is a sideways-scrolling table whose cells do not wrap (状态 one character a line, 贴息 cut off before)."""

import re
from decimal import Decimal

from hrss.jobservices.models import Loan
from tests.conftest import TODAY
from tests.jobservices.loans.test_chain import apply, move


def test_the_repayment_form_comes_first_and_the_schedule_scrolls(client, applicant, village_assistant,
                                                                 township_reviewer, county_officer,
                                                                 guarantee_officer, bank_officer):
    application = apply(village_assistant, applicant, term_months=36)
    for actor in (township_reviewer, county_officer, guarantee_officer):
        move(application, actor, "forward")
    move(application, bank_officer, "approve", principal=Decimal(90_000), annual_rate=Decimal("3.45"),
         start_date=TODAY, method="equal_instalments", term_months=36)
    loan = Loan.objects.get(application=application)
    client.force_login(bank_officer)
    page = client.get(f"/jobservices/loans/{loan.pk}/").content.decode()
    form = page.index('data-testid="repayment-form"')
    schedule = page.index('data-testid="schedule"')
    assert form < schedule
    assert page.count("</tr>", schedule) >= 36
    wrapper = re.search(r'<div class="([^"]*)">\s*<table class="([^"]*)" data-testid="schedule"', page)
    assert wrapper and "table-responsive" in wrapper.group(1).split()
    assert "text-nowrap" in wrapper.group(2).split()
    assert "{#" not in page and "sideways" not in page  # the template's comments stay comments
