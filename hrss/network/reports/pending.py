"""The reports part's pending work on the home page (core.pending): a township's report due (last month's not yet
submitted, and any report returned or unlocked), and the county approver's submitted reports to approve."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.dates import add_months
from hrss.core.models import Level
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.network.models import MonthlyReport
from hrss.network.permissions import REPORT_APPROVE, REPORT_SUBMIT
from hrss.network.reports import rules, selectors, services

State = MonthlyReport.State


def township_due(user):
    """上报月报: the months whose report the township still has to generate, check or submit."""
    scope = scoping.scope_of(user)
    if (not has_permission(user, REPORT_SUBMIT) or scope.is_empty or scope.region.level != Level.TOWNSHIP
            or not set(user.role_list) & services.TOWNSHIP_ROLES):
        return []
    today = timezone.localdate()
    last_month = add_months(today.replace(day=1), -1)
    open_reports = list(selectors.reports_visible_to(user).filter(state__in=services.EDITABLE))
    months = {report.month for report in open_reports}
    if not selectors.reports_visible_to(user).filter(month=last_month).exists():
        months.add(last_month)
    if not months:
        return []
    overdue = sum(1 for month in months if (deadline := rules.deadline_of(month)) is not None and today > deadline)
    return [PendingItem("待生成、核对或上报的月报", len(months), reverse("network:reports-list"), overdue=overdue)]


def county_to_approve(user):
    """审核月报: the townships' submitted reports waiting for the county's 审批员."""
    scope = scoping.scope_of(user)
    if (not has_permission(user, REPORT_APPROVE) or scope.is_empty or scope.region.level != Level.COUNTY
            or not set(user.role_list) & services.APPROVERS):
        return []
    count = selectors.reports_visible_to(user).filter(state=State.SUBMITTED).count()
    if not count:
        return []
    return [PendingItem("待审核的乡镇(街道)月报", count, reverse("network:reports-list") + "?state=submitted")]
