"""The posts part's pending work on the home page (core.pending): placements whose subsidy ends within 30 days (the
unit and the person are told; the placement ends or goes on unsubsidised)."""

from django.urls import reverse
from django.utils import timezone

from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.assistance.posts import rules, selectors
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission


def subsidy_ending(user):
    if not has_permission(user, ASSISTANCE_HANDLE):
        return []
    count = selectors.ending_soon(user, timezone.localdate()).count()
    if not count:
        return []
    return [PendingItem(f"公益性岗位补贴{rules.ENDING_SOON_DAYS}天内到期的人员", count,
                        reverse("assistance:posts-placements") + "?state=ending")]
