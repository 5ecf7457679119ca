"""The referrals part's figures on the area's statistics page (core.parts.Figure): count(user, region, today),
filtered as the 推荐记录台账 filters them (selectors.filtered), so a figure's link lists the same referrals."""

from hrss.jobservices.models import ReferralOutcome
from hrss.jobservices.referrals import selectors


def _count(outcome):
    def count(user, region, today):
        return selectors.filtered(selectors.referrals(user, region), outcome=outcome, today=today).count()

    return count


referred = _count("")
hired = _count(ReferralOutcome.HIRED)
overdue = _count("overdue")
