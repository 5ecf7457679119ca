"""hrss demo for the targets part: the 五个100% of the last twelve months computed from the other areas' demo data
(run after them: the area's demo_order), so the pages, the dashboard and the trend have figures at once."""

from django.utils import timezone

from hrss.core.dates import add_months
from hrss.network.targets.snapshots import compute_snapshots

DEMO_MONTHS = 12


def demo(stdout, options):
    if not options.get("people"):
        return None  # the logins only: no data to count
    today = timezone.localdate()
    rows = sum(compute_snapshots(add_months(today.replace(day=1), -offset), today=today)
               for offset in range(DEMO_MONTHS))
    stdout.write(f"已计算近{DEMO_MONTHS}个月的五个100%统计（{rows}行）。")
    return None
