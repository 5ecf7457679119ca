"""The targets part's one write: recomputing a month's figures (重新计算). Keyword-only, taking the actor, checking
permission and scope before it asks the background task (snapshots.refresh_month) and leaves an audit entry. The
figures themselves are computed by the task for every region at once (snapshots.compute_snapshots)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.core import audit
from hrss.core.permissions import check_acting_in, check_permission
from hrss.network.permissions import OFFICE_EDIT
from hrss.network.targets import snapshots

# Recomputing is work of the staff (every staff role keeps an office's record); the read-only roles (the province's
# viewer) only look.
RECOMPUTE = OFFICE_EDIT


def recompute(*, actor, region, month, today=None):
    """Ask for `month`'s figures (a date in it) to be counted again as of today, from the page of `region` (in the
    actor's scope). The task runs after the transaction (at once where tasks run immediately)."""
    today = today or timezone.localdate()
    check_permission(actor, RECOMPUTE)
    check_acting_in(actor, region_code=region.code, action="network.targets.recompute",
                    message="您无权重新计算该区域的目标统计。")
    month = month.replace(day=1)
    if month > today:
        raise ValidationError({"month": [f"{month:%Y年%m月}尚未开始，没有可统计的数据：请选择本月或以前的月份。"]})
    with transaction.atomic():
        audit.record(actor=actor, action="network.targets.recomputed", target=region, region_code=region.code,
                     after={"month": f"{month:%Y-%m}"})
        transaction.on_commit(lambda: snapshots.refresh_month.enqueue(f"{month:%Y-%m}"))
    return month
