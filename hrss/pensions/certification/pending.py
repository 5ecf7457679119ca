"""The certification part's pending work on the home page (core.pending): the village's subjects still due while a
window is open (with the days left), and a county's or the city's campaign whose window has closed with the
uncertified not yet suspended."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.pensions.certification import selectors
from hrss.pensions.models import Certification, CertificationCampaign, CertificationState
from hrss.pensions.permissions import PENSIONS_HANDLE

LAST_DAYS = 7  # in the window's last week the ones still due are shown as urgent


def due_in_open_windows(user):
    """One item a campaign covering the user's region whose window is open today: how many of the user's scope are
    still due (with the subjects not yet given a row), and the days left (today included)."""
    scope = scoping.scope_of(user)
    if not has_permission(user, PENSIONS_HANDLE) or scope.is_empty:
        return []
    today = timezone.localdate()
    items = []
    for campaign in selectors.covering(user, scope.region).filter(opens_on__lte=today, closes_on__gte=today):
        count = scoping.visible_to(user, Certification.objects.filter(campaign=campaign,
                                                                      state=CertificationState.DUE)).count()
        count += sum(subjects.count() for subjects in selectors.subjects_without_rows(user, scope.region, [campaign]))
        left = selectors.days_left(campaign, today)
        items.append(PendingItem(f"{campaign.year}年度领取待遇资格认证：待认证人员（认证期还剩{left}天）", count,
                                 f"{reverse('pensions:certification-people')}?year={campaign.year}&state=due",
                                 overdue=count if left <= LAST_DAYS else 0))
    return items


def suspensions_to_run(user):
    """Campaigns of the user's scope whose window has closed with no suspension run."""
    if not has_permission(user, PENSIONS_HANDLE):
        return []
    count = scoping.visible_to(user, CertificationCampaign.objects.filter(
        closes_on__lt=timezone.localdate(), suspensions_done_on__isnull=True)).count()
    return [PendingItem("认证期已结束、尚未暂停未认证人员待遇的认证活动", count,
                        f"{reverse('pensions:certification-campaigns')}?state=to_suspend", overdue=count)]
