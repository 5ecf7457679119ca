import datetime

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.models import Level
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.residents import selectors
from hrss.residents.models import ImportJob
from hrss.residents.permissions import RESIDENT_EDIT


def ledger_work(user):
    items = []
    if not has_permission(user, RESIDENT_EDIT):
        return items
    scope = scoping.scope_of(user)
    if scope.is_empty:
        return items
    stopped = ImportJob.objects.filter(created_by=user, status__in=[ImportJob.Status.RUNNING, ImportJob.Status.QUEUED],
                                       created_at__lt=timezone.now() - datetime.timedelta(minutes=10))
    if stopped.exists():
        items.append(PendingItem("未完成的台账导入", stopped.count(), reverse("residents:import"), overdue=stopped.count()))
    if scope.region.level >= Level.TOWNSHIP:
        # 零就业家庭: "发现一户、援助一户、消除一户"; counted live, bounded by one township.
        households = selectors.zero_employment_households(user, scope.region)
        items.append(PendingItem("台账显示为零就业的家庭", len(households),
                                 reverse("residents:statistics") + f"?region={scope.region.code}"))
    return items
