"""The ratings part's pending work on the home page (core.pending): the complaints the user's own office handles
(a township's, or a county's or the city's own office's), open, with the overdue among them; never those about the
user."""

from django.urls import reverse
from django.utils import timezone

from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.supervision.permissions import SUPERVISION_HANDLE
from hrss.supervision.ratings import selectors


def complaints_to_answer(user):
    if not has_permission(user, SUPERVISION_HANDLE) or not user.region_id:
        return []
    open_count, overdue = selectors.handled_here(user, timezone.localdate())
    url = f"{reverse('supervision:ratings-complaints')}?state=open&handler={user.region.code}"
    return [PendingItem("待答复的投诉（差评、意见箱）", open_count, url, overdue=overdue)]
