"""Reads of the targets part (五个100%): each target's figure of a region and month from the snapshots (snapshots.py),
or counted live when the month has not been computed yet; the month by month trend; the people who missed a target.

Contract for the dashboard and the monthly reports: `figures(region, month)` -> [TargetFigure] in the targets'
order, `trend(region, months)` -> [(month, [TargetFigure])]. `region` is a core Region (the caller checks it is in
the user's scope: core.scoping.get_region_or_404); `month` a date in the month (or "YYYY-MM"). A target no area
measures has measured=False, numerator, denominator and rate None, and why_not says so (未统计): never 0% or 100%;
a measured target with no one to count has denominator 0, rate None and why_not 无应统计对象."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from hrss.core import scoping, targets
from hrss.network.models import TargetSnapshot
from hrss.network.targets import config, snapshots
from hrss.network.targets.snapshots import period_of

NOT_MEASURED = "未统计：尚无业务领域按此目标统计（相关业务数据尚未纳入系统）"
NO_ONE = "无应统计对象"
NOT_COMPUTED = "该月尚未计算"


@dataclass(frozen=True)
class TargetFigure:
    code: str
    title: str  # the plan's wording in force in the month
    numerator: int | None
    denominator: int | None
    rate: float | None  # percent, one decimal; None when not measured or nobody is counted
    measured: bool
    why_not: str  # "" when there is a rate
    number: int = 0  # 之一 … 之五
    short: str = ""
    definition: str = ""  # in Chinese, the measure's numerator and denominator
    computed_at: datetime.datetime | None = None  # None: counted live for this page
    as_of: datetime.date | None = None  # the day the figures were counted on

    @property
    def rate_text(self):
        if not self.measured:
            return "未统计"
        if self.denominator is None:
            return self.why_not
        if not self.denominator:
            return NO_ONE
        return f"{self.rate:.1f}%"

    @property
    def missed(self):
        return None if self.numerator is None else self.denominator - self.numerator


def month_of(value):
    """The first day of the month of a date, or of "YYYY-MM"; ValueError otherwise."""
    if isinstance(value, datetime.date):
        return value.replace(day=1)
    year, _, month = str(value or "").partition("-")
    if not (len(year) == 4 and year.isdigit() and month.isdigit()):
        raise ValueError(value)
    return datetime.date(int(year), int(month), 1)


class MonthRefused(ValueError):
    pass


def parse_month(text, today):
    """The month a page or the API asks for ("2026-05"; empty: the last completed month, as the dashboard opens on,
    or this month in the plan's first month), refused in Chinese when malformed or not begun."""
    if not text:
        return default_month(today)
    try:
        month = month_of(text)
    except ValueError:
        raise MonthRefused(f"月份“{str(text)[:20]}”无法识别：请按“2026-05”的格式填写年份和月份。") from None
    if month > today:
        raise MonthRefused(f"{month:%Y年%m月}尚未开始：请选择本月或以前的月份。")
    if month < config.PLAN_DAY.replace(day=1):
        raise MonthRefused(f"五个100%目标自{config.PLAN_DAY:%Y年%m月}起考核：请选择此后的月份。")
    return month


def default_month(today):
    """The month a page opens on: the last completed one (the month in progress is still chosen by hand)."""
    from hrss.core.dates import add_months

    return max(add_months(today.replace(day=1), -1), config.PLAN_DAY.replace(day=1))


def rate_of(numerator, denominator):
    return round(100 * numerator / denominator, 1) if denominator else None


def _figure(target, month, numerator, denominator, *, measure, computed_at=None, as_of=None):
    if measure is None:
        return TargetFigure(target.code, target.title_on(month), None, None, None, False, NOT_MEASURED,
                            number=target.number, short=target.short)
    return TargetFigure(target.code, target.title_on(month), numerator, denominator, rate_of(numerator, denominator),
                        True, "" if denominator else NO_ONE, number=target.number, short=target.short,
                        definition=measure.definition, computed_at=computed_at, as_of=as_of)


def figures(region, month, *, today=None, live=True):
    """Each target's figure of `region` in `month`, in order (see the module's contract). A month not computed yet
    is counted live, or, with live=False (a trend of many months), shown as 该月尚未计算. Asked as of a `today`
    before the stored count's day (a past month's report), the month is counted live up to `today`."""
    today = today or timezone.localdate()
    month = month_of(month)
    shown = config.targets_on(month)
    stored = {row.target: row for row in TargetSnapshot.objects.filter(
        month=month, region_code=region.code, target__in=[target.code for target in shown])}
    computed = {row.target: row for row in TargetSnapshot.objects.filter(
        month=month, region_code=settings.HRSS_ROOT_REGION_CODE, target__in=[target.code for target in shown])}
    measured = [target for target in shown if targets.measure_for(target.code) is not None]
    stored_on = min((computed[target.code].as_of if target.code in computed else None for target in measured),
                    key=lambda day: day or datetime.date.min, default=today)
    if measured and snapshots.needs_refresh(month, stored_on, today):
        snapshots.request_refresh(month, today)
    out = []
    for target in shown:
        measure = targets.measure_for(target.code)
        if measure is None:
            out.append(_figure(target, month, None, None, measure=None))
        elif target.code in computed and computed[target.code].as_of <= today:
            # the month was computed (up to `today`: a later count would hold later events): a region without a row
            # had no one to count
            row, marker = stored.get(target.code), computed[target.code]
            out.append(_figure(target, month, row.numerator if row else 0, row.denominator if row else 0,
                               measure=measure, computed_at=marker.computed_at, as_of=marker.as_of))
        elif month > today:
            out.append(_figure(target, month, 0, 0, measure=measure, as_of=today))
        elif not live:
            out.append(TargetFigure(target.code, target.title_on(month), None, None, None, True, NOT_COMPUTED,
                                    number=target.number, short=target.short, definition=measure.definition))
        else:
            first, last = period_of(month, today)
            numerator, denominator = measure.count(region, first, last, today)
            out.append(_figure(target, month, numerator, denominator, measure=measure, as_of=today))
    return out


def children_figures(user, region, month, *, today=None):
    """[(child region, [TargetFigure])] of the region's children in the user's scope."""
    children = list(scoping.regions_visible_to(user).filter(parent=region).order_by("code"))
    return [(child, figures(child, month, today=today)) for child in children]


def computed_at(shown):
    """(computed at, counted as of) of a list of figures: those of the snapshot, or (None, the day) when counted
    live for the page."""
    for figure in shown:
        if figure.measured and figure.as_of is not None:
            return figure.computed_at, figure.as_of
    return None, None


def trend(region, months, *, today=None, live=False):
    """[(month's first day, [TargetFigure])] for each of `months` (dates or "YYYY-MM"), oldest first, from the
    snapshots (a month not computed: 该月尚未计算, unless live=True)."""
    return [(month, figures(region, month, today=today, live=live))
            for month in sorted({month_of(m) for m in months})]


def last_months(today, count):
    """The `count` months up to `today`'s, oldest first (for a trend)."""
    from hrss.core.dates import add_months

    start = today.replace(day=1)
    return [add_months(start, -offset) for offset in range(count - 1, -1, -1)]


def missed_people(region, month, code, *, today=None):
    """The people of `region` who missed target `code` in `month` (core.targets.Missed rows), or None when the target
    is not measured. Always counted live (a list of names is not kept)."""
    today = today or timezone.localdate()
    month = month_of(month)
    measure = targets.measure_for(code)
    if measure is None or month > today:
        return None if measure is None else []
    first, last = period_of(month, today)
    return measure.missed(region, first, last, today)


def month_choices(today, count=24):
    """The months a page offers, newest first."""
    return list(reversed(last_months(today, count)))


def month_label(month):
    return f"{month.year}年{month.month}月"

