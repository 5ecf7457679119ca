"""The contributions part's pending work on the home page (core.pending): the unmatched payment rows of the
user's area not yet dealt with."""

from django.urls import reverse

from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.pensions.contributions import selectors
from hrss.pensions.permissions import PENSIONS_HANDLE


def unresolved_unmatched(user):
    if not has_permission(user, PENSIONS_HANDLE):
        return []
    count = selectors.unmatched(user).count()
    return [PendingItem("未匹配的养老保险缴费（待核对处理）", count, reverse("pensions:contributions-unmatched"))]
