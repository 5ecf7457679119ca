"""The households part's pending work on the home page (core.pending), each item one step of 发现一户、援助一户、
消除一户, the counts not overlapping, each linking to the list filtered to those households:
- 台账显示为零就业、尚未建档的家庭 (the township, which compares the ledger with the cases: the list's button);
- 待核实的零就业家庭 (the village checks them), with how many are past their target days;
- 援助中、尚未清零的零就业家庭 (verified: the village helps until a member works), with how many are past it.
The residents area's tile "台账显示为零就业的家庭" counts the ledger's 零就业家庭 whether a case is open or not; these items
are the area's work on them."""

from django.urls import reverse
from django.utils import timezone

from hrss.assistance.households import rules, selectors
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.core import scoping
from hrss.core.models import Level
from hrss.core.pending import PendingItem
from hrss.core.permissions import Role, has_permission

ROLES = frozenset({Role.VILLAGE_ASSISTANT, Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER})
# Who is told of the ledger's households without a case: the township, whose comparison opens them.
SCAN_ROLES = frozenset({Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER})


def open_cases(user):
    if not has_permission(user, ASSISTANCE_HANDLE) or not set(user.role_list) & ROLES:
        return []
    today = timezone.localdate()
    mine = selectors.cases(user)
    url = reverse("assistance:households-list")
    items = []
    scope = scoping.scope_of(user)
    if set(user.role_list) & SCAN_ROLES and not scope.is_empty and scope.region.level == Level.TOWNSHIP:
        not_yet = len(selectors.not_yet_open(user, scope.region, today))
        items.append(PendingItem("台账显示为零就业、尚未建档的家庭（请比对台账）", not_yet,
                                 f"{url}?region={scope.region.code}&state=open"))
    for state, title in (("found", "待核实的零就业家庭"), ("verified", "援助中、尚未清零的零就业家庭")):
        waiting = selectors.in_state(mine, state, today)
        count = waiting.count()
        if count:
            overdue = waiting.filter(rules.found_before_target_q(today)).count()
            items.append(PendingItem(title, count, f"{url}?state={state}", overdue=overdue))
    return [item for item in items if item.count]
