"""The cards part's pending work on the home page (core.pending): the cards arrived at the service point and not yet
handed over (the village's, and those above it who see them), and the county's applications waiting for a batch."""

from django.urls import reverse

from hrss.core import scoping
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.pensions.cards import selectors
from hrss.pensions.cards.services import COUNTY_ROLES
from hrss.pensions.permissions import PENSIONS_HANDLE


def arrived(user):
    if not has_permission(user, PENSIONS_HANDLE):
        return []
    count = selectors.in_group(user, None, "arrived").count()
    return [PendingItem("已到达网点待领取的社保卡", count, reverse("pensions:cards-ledger") + "?state=arrived")]


def waiting_for_batch(user):
    if not has_permission(user, PENSIONS_HANDLE) or not set(user.role_list) & COUNTY_ROLES:
        return []
    region = scoping.scope_of(user).region
    count = selectors.waiting_count(user, region.code)
    return [PendingItem("待组批制卡的社保卡申领", count, reverse("pensions:cards-batches"))]

