"""The targets' figures of every region for a month, computed together and kept as snapshots (ADR 0003, like
hrss/residents/statistics.py): each area's measure counts its people in one grouped pass (core.targets.Measure
.grouped: numerator and denominator by the region code each person is counted in), and each row is added into its
village, township, county and city. A region's page then reads one row a target, at 20,000 people as at 2,000,000.

Run by a django-tasks task (refresh_month: asked by the pages' 重新计算, and by any read of this or last month's
figures older than today, request_refresh) and by `hrss demo`; the pages show when the figures were computed."""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from hrss.core import scoping, targets
from hrss.core.dates import add_months, month_bounds
from hrss.core.models import Level
from hrss.network.models import TargetSnapshot
from hrss.network.targets import config


def period_of(month, today):
    """(first, last) of the month counted on `today`: the month's days up to `today` (a month not begun has none)."""
    first, last = month_bounds(month.year, month.month)
    return first, min(last, today)


def added_up(grouped):
    """{region code: [numerator, denominator]} of every region above each counted code, the code's own included:
    a village's counts go to its township, county, city and province."""
    totals = defaultdict(lambda: [0, 0])
    for code, (numerator, denominator) in grouped.items():
        level = scoping.level_of_code(code)
        if level is None:
            continue
        for upper in Level:
            if upper > level:
                break
            entry = totals[scoping.ancestor_code(code, upper)]
            entry[0] += numerator
            entry[1] += denominator
    return totals


def compute_snapshots(month, today=None):
    """Recompute every region's figures of `month` (a date in it) as of `today`. Returns the number of rows written.
    A target in force with a measure gets a row for each region with anyone counted, and always the root region's
    (0 / 0 when no one is); a target no area measures gets none (it is shown as not measured)."""
    today = today or timezone.localdate()
    month = month.replace(day=1)
    if month > today:
        raise ValueError("a month not begun has no figures yet")
    first, last = period_of(month, today)
    now = timezone.now()
    rows = []
    for target in config.targets_on(month):
        measure = targets.measure_for(target.code)
        if measure is None:
            continue
        totals = added_up(measure.grouped(first, last, today))
        totals.setdefault(settings.HRSS_ROOT_REGION_CODE, [0, 0])
        rows.extend(TargetSnapshot(region_code=code, month=month, target=target.code, numerator=numerator,
                                   denominator=denominator, as_of=today, computed_at=now)
                    for code, (numerator, denominator) in totals.items())
    with transaction.atomic():
        TargetSnapshot.objects.filter(month=month).delete()
        TargetSnapshot.objects.bulk_create(rows, batch_size=500)
    return len(rows)


@task()
def refresh_month(month_text):
    """The task: recompute one month ("2026-03") as of today."""
    import datetime

    return compute_snapshots(datetime.date.fromisoformat(f"{month_text}-01"))


REQUEST_EVERY = 600  # seconds: a process asks for one month's refresh at most this often


def needs_refresh(month, as_of, today):
    """Whether figures of `month` counted on `as_of` (None: never) should be counted again on `today`: this month's
    and last month's change every day (cases recorded, a job offer's 10 working days running out); older months are
    counted again on request (重新计算)."""
    recent = month >= add_months(today.replace(day=1), -1)
    return month <= today and recent and (as_of is None or as_of < today)


def request_refresh(month, today):
    """Ask the task for `month`'s figures as of today, after the current transaction, once per process every ten
    minutes at most (a page read many times asks once)."""
    from django.core.cache import cache

    if cache.add(f"network-targets-refresh-{month:%Y-%m}-{today:%Y%m%d}", True, REQUEST_EVERY):
        transaction.on_commit(lambda: refresh_month.enqueue(f"{month:%Y-%m}"))
