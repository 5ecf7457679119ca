"""应用与联网's figures, read from OfficeActivity (refresh.py), never from the audit log: each office (a township's
服务所, a village's 服务站: every active township and village region, whether or not its Office row exists yet)
with its last activity and this month's entries and cases, the offices without activity in the rule's days
(rules.py), each region below with its counts, and the months of a region."""

import datetime
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from hrss.core import scoping
from hrss.core.dates import add_months
from hrss.core.models import Level, Region
from hrss.network.activity import rules
from hrss.network.models import ActivityWatermark, OfficeActivity

OFFICE_LEVELS = (Level.TOWNSHIP, Level.VILLAGE)
MONTHS = 12  # the months shown on the page and in the .xlsx


@dataclass(frozen=True)
class OfficeRow:
    region: Region
    last_at: datetime.datetime | None  # None: never used
    entries: int  # this month
    cases: int
    inactive: bool  # no activity in the rule's days up to today

    @property
    def last_day(self):
        return timezone.localtime(self.last_at).date() if self.last_at else None


@dataclass(frozen=True)
class ChildRow:
    region: Region
    offices: int
    active: int
    inactive: int
    entries: int
    cases: int
    last_at: datetime.datetime | None

    @property
    def active_percent(self):
        return round(100 * self.active / self.offices, 1) if self.offices else None


def counted():
    """Whether the activity has been counted at least once (refresh.py): before that no office is "never used" and no
    rate is 0%: the pages say 尚未统计."""
    return ActivityWatermark.objects.filter(pk=1, refreshed_at__isnull=False).exists()


def cutoff(today):
    """(days, the first day that still counts as recent): an office whose last activity is before it is listed."""
    days = rules.inactive_days(today)
    return days, today - datetime.timedelta(days=days - 1)


def office_rows(user, region, today):
    """Every office in `region` (the region itself if it is a township or village) the user may see, in code order."""
    bounds = scoping.code_range(region.prefix)
    regions = list(scoping.visible_to(user, Region.objects.filter(
        is_active=True, level__in=OFFICE_LEVELS, code__range=bounds)).order_by("code"))
    last = dict(OfficeActivity.objects.filter(region_code__range=bounds).values_list("region_code")
                .annotate(last=Max("last_at")).order_by())
    month = {code: (entries, cases) for code, entries, cases in OfficeActivity.objects.filter(
        region_code__range=bounds, month=today.replace(day=1)).values_list("region_code", "entries", "cases")}
    _, since = cutoff(today)
    rows = []
    for place in regions:
        last_at = last.get(place.code)
        entries, cases = month.get(place.code, (0, 0))
        recent = last_at is not None and timezone.localtime(last_at).date() >= since
        rows.append(OfficeRow(region=place, last_at=last_at, entries=entries, cases=cases, inactive=not recent))
    return rows


def child_rows(user, region, offices):
    """The regions just below `region` the user may see, each with its offices' counts (from `offices`)."""
    children = list(scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))
    out = []
    for child in children:
        mine = [row for row in offices if scoping.ancestor_code(row.region.code, child.level) == child.code]
        lasts = [row.last_at for row in mine if row.last_at]
        out.append(ChildRow(region=child, offices=len(mine), active=sum(not row.inactive for row in mine),
                            inactive=sum(row.inactive for row in mine), entries=sum(row.entries for row in mine),
                            cases=sum(row.cases for row in mine), last_at=max(lasts) if lasts else None))
    return out


def months(region, today, count=MONTHS):
    """[(month, entries, cases)] of the region's offices for the `count` months up to today's, oldest first."""
    first = add_months(today.replace(day=1), -(count - 1))
    totals = {add_months(first, index): [0, 0] for index in range(count)}
    rows = OfficeActivity.objects.filter(region_code__range=scoping.code_range(region.prefix), month__gte=first)
    for code, month, entries, cases in rows.values_list("region_code", "month", "entries", "cases"):
        if scoping.level_of_code(code) in OFFICE_LEVELS and month in totals:
            totals[month][0] += entries
            totals[month][1] += cases
    return [(month, entries, cases) for month, (entries, cases) in totals.items()]


def summary(offices):
    """(offices, active, inactive) of a list of OfficeRow."""
    inactive = sum(row.inactive for row in offices)
    return len(offices), len(offices) - inactive, inactive
