"""The person page's 个人账户 panel (core.areas.Panel, declared in declare.py): the account's last years."""

from django.utils import timezone

from hrss.core.permissions import has_permission
from hrss.pensions.contributions import account
from hrss.pensions.permissions import PENSIONS_VIEW

SHOWN_YEARS = 5


def person_account(request, person):
    """The statement's last years and the balance; None for a user without the area's permission and for a
    person with nothing credited."""
    if not has_permission(request.user, PENSIONS_VIEW):
        return None
    today = timezone.localdate()
    rows = account.statement(person, today)
    if not rows:
        return None
    return {"person": person, "today": today, "balance": rows[-1].closing, "recent": rows[-SHOWN_YEARS:],
            "total_years": len(rows), "paid_years": account.paid_years(person, today)}
