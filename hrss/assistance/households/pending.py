"""The households part's pending work on the home page (core.pending): for the village and the township, the open
零就业家庭 past their target days and those not yet verified."""

from django.urls import reverse
from django.utils import timezone

from hrss.assistance.households import selectors
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.core.pending import PendingItem
from hrss.core.permissions import Role, has_permission

ROLES = frozenset({Role.VILLAGE_ASSISTANT, Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER})


def open_cases(user):
    if not has_permission(user, ASSISTANCE_HANDLE) or not set(user.role_list) & ROLES:
        return []
    today = timezone.localdate()
    mine = selectors.cases(user)
    overdue = selectors.in_state(mine, "overdue", today).count()
    unverified = selectors.in_state(mine, "found", today).count()
    url = reverse("assistance:households-list")
    items = []
    if overdue:
        items.append(PendingItem("超过目标天数未清零的零就业家庭", overdue, url + "?state=overdue", overdue=overdue))
    if unverified:
        items.append(PendingItem("待核实的零就业家庭", unverified, url + "?state=found"))
    return items
