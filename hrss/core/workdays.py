"""Working days (工作日): Monday to Friday, less the statutory holidays, plus the weekend days made working days
(调休上班), year by year as the State Council publishes them. The arrangement is data (CalendarYear, CalendarDay),
seeded from chinesecalendar 1.11.0 for 2004-2026 and extended by administrators; every review deadline is counted
here. Counting into a year whose arrangement is not loaded fails with the year named: counting weekends only
would put deadlines on holidays without anyone noticing.
"""

import datetime
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hrss.core import audit, scoping, tabular
from hrss.core.models import CalendarDay, CalendarYear
from hrss.core.permissions import CALENDAR_MANAGE, has_permission
from hrss.core.spreadsheets import cell_date, cell_text

SEED_FILE = Path(__file__).resolve().parent / "data" / "holidays-cn-2004-2026.csv"
# As the pages name it: the arrangement's publisher, not the package it was read from (chinesecalendar 1.11.0).
SEED_SOURCE = "国务院办公厅节假日安排（2004–2026年，系统预置）"
# What databases seeded before said; the calendar page shows them as SEED_SOURCE.
EARLIER_SEED_SOURCES = {"chinesecalendar 1.11.0（国务院办公厅节假日安排 2004–2026）"}

KIND_WORDS = {
    "放假": CalendarDay.Kind.HOLIDAY, "休息": CalendarDay.Kind.HOLIDAY, "节假日": CalendarDay.Kind.HOLIDAY,
    "假日": CalendarDay.Kind.HOLIDAY, "上班": CalendarDay.Kind.WORKDAY, "调休上班": CalendarDay.Kind.WORKDAY,
    "补班": CalendarDay.Kind.WORKDAY, "工作日": CalendarDay.Kind.WORKDAY,
}
# A holiday arrangement file (an import of the tabular pipeline, loaded all or nothing: see parse_arrangement).
ARRANGEMENT = tabular.Spec(
    (tabular.Column("date", "日期", required=True), tabular.Column("kind", "类型", ("放假/上班",), required=True),
     tabular.Column("name", "名称", ("节日", "说明"))),
    missing=gettext_lazy("表头须有“日期”和“类型”两列（类型填“放假”或“上班”），可另加“名称”列。"),
    empty=gettext_lazy("文件是空的。"))


class UnknownArrangement(ValueError):
    """Counting reached a year whose holiday arrangement has not been loaded."""

    def __init__(self, year):
        self.year = year
        super().__init__(_("尚未录入%(year)s年的节假日安排，无法计算工作日。请联系市级系统管理员在“节假日安排”页面"
                           "导入该年安排后再试。") % {"year": year})


@dataclass(frozen=True)
class Calendar:
    years: frozenset
    holidays: frozenset
    workdays: frozenset

    @classmethod
    def load(cls):
        days = list(CalendarDay.objects.values_list("date", "kind"))
        return cls(
            years=frozenset(CalendarYear.objects.values_list("year", flat=True)),
            holidays=frozenset(day for day, kind in days if kind == CalendarDay.Kind.HOLIDAY),
            workdays=frozenset(day for day, kind in days if kind == CalendarDay.Kind.WORKDAY),
        )

    def is_working_day(self, day):
        if day.year not in self.years:
            raise UnknownArrangement(day.year)
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add(self, day, count):
        """The `count`-th working day after `day` (`day` itself is not counted; 0 gives `day`)."""
        if count < 0:
            raise ValueError("count must not be negative")
        while count:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def working_days_after(self, start, end):
        """How many working days fall after `start` up to and including `end` (0 if `end` is not after it)."""
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count


def add_working_days(day, count):
    return Calendar.load().add(day, count)


def is_working_day(day):
    return Calendar.load().is_working_day(day)


# --- loading an arrangement ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrangementError:
    row: int
    column: str
    reason: str


class ArrangementRefused(ValueError):
    """The file as a whole cannot be read (not a spreadsheet, no header)."""


def load_seed(calendar_day_model=CalendarDay, calendar_year_model=CalendarYear):
    """Load the seeded years (2004-2026) that are missing; a year already present is left as it is. Called by the
    migration (with its historical models) and by tests whose database was emptied."""
    import csv

    with open(SEED_FILE, encoding="utf-8", newline="") as handle:
        days, years, errors = parse_arrangement(enumerate(csv.reader(handle), start=1))
    if errors:
        raise ValueError(f"{SEED_FILE}: {errors[:3]}")
    present = set(calendar_year_model.objects.values_list("year", flat=True))
    calendar_day_model.objects.bulk_create(calendar_day_model(date=day, kind=kind, name=name)
                                           for day, (kind, name) in sorted(days.items()) if day.year not in present)
    calendar_year_model.objects.bulk_create(calendar_year_model(year=year, source=SEED_SOURCE)
                                            for year in sorted(years - present))


def parse_arrangement(rows):
    """rows: (row number, cells) with the header first. Returns ({date: (kind, name)}, years, errors). A weekday
    marked 上班 or a date given twice is an error; nothing is loaded from a file with errors."""
    days, errors, seen = {}, [], {}
    try:
        found = list(ARRANGEMENT.records(rows))
    except tabular.ImportRefused as error:
        raise ArrangementRefused(str(error)) from None
    for number, cell in found:
        day = cell_date(cell["date"])
        kind = KIND_WORDS.get(cell_text(cell["kind"]))
        if day is None:
            errors.append(ArrangementError(number, "日期", _("“%s”不是日期，请写成 2027-01-01 的形式。")
                                           % cell_text(cell["date"])))
            continue
        if kind is None:
            errors.append(ArrangementError(number, "类型", _("“%s”应为“放假”或“上班”。") % cell_text(cell["kind"])))
            continue
        if day in seen:
            errors.append(ArrangementError(number, "日期", _("%(day)s 与第%(row)s行重复。")
                                           % {"day": day.isoformat(), "row": seen[day]}))
            continue
        if kind == CalendarDay.Kind.WORKDAY and day.weekday() < 5:
            errors.append(ArrangementError(number, "类型", _("%s 本来就是工作日，不需要登记为调休上班。")
                                           % day.isoformat()))
            continue
        seen[day] = number
        days[day] = (kind, cell_text(cell["name"])[:50])
    return days, {day.year for day in days}, errors


def read_arrangement_file(path):
    """A holiday arrangement from an .xlsx, .xls or .csv file: the columns 日期, 类型 (放假/上班) and 名称."""
    return parse_arrangement(tabular.checked_rows(path))


def load_arrangement(*, days, years, actor, source, adding=()):
    """Make `years`' arrangement exactly `days` ({date: (kind, name)}): days of those years not in `days` are
    removed, so loading the same file twice changes nothing and a corrected file replaces the first. The days of the
    years `adding` (a file's few days of a year it only reaches into: whole_and_reaching) are set in those years,
    which must be loaded already (ArrangementRefused otherwise), their other days left as they are. The
    arrangement holds for the whole deployment, so only an administrator whose scope covers it may change it
    (`actor` None: an operator's command)."""
    if actor is not None and not (has_permission(actor, CALENDAR_MANAGE)
                                  and scoping.scope_of(actor).contains_code(settings.HRSS_ROOT_REGION_CODE)):
        audit.record_denied(actor=actor, action="core.calendar.load")  # outside the transaction: it stays
        raise PermissionDenied(_("节假日安排全市通用，只有市级（或省级）系统管理员可以修改。"))
    missing = sorted(set(adding) - set(CalendarYear.objects.filter(year__in=adding).values_list("year", flat=True)))
    if missing:
        year = missing[0]
        count = sum(1 for day in days if day.year == year)
        raise ArrangementRefused(_(
            "文件中%(year)s年只有%(count)s天，不像是该年全年的节假日安排（全年至少有%(least)s天放假），而系统中还没有%(year)s年"
            "的安排：请先导入%(year)s年全年的安排，或补全文件后再导入。未导入任何内容。")
            % {"year": year, "count": count, "least": WHOLE_YEAR_HOLIDAYS})
    with transaction.atomic():
        count = _replace_years({day: value for day, value in days.items() if day.year in years}, years, actor,
                               source) if years else 0
        count += _add_days({day: value for day, value in days.items() if day.year in adding}, adding, actor, source)
        for hook in _after_load:
            hook()
    return count


# A year's whole arrangement rests at least this many weekdays and weekend days marked 放假: the statutory holidays
# are 10 days (1999-2007), 11 (2008-2024) and 13 (from 2025), and the seeded years have 22 to 33. Fewer days of a
# year in a file are the edge of another year's notice (the 2023 notice's 元旦 begins on 2022-12-31): they are
# added to the year already loaded, never put in place of it.
WHOLE_YEAR_HOLIDAYS = 10


def whole_and_reaching(days, years):
    """(the years `days` arranges whole, the years it only reaches into)."""
    holidays = Counter(day.year for day, (kind, _name) in days.items() if kind == CalendarDay.Kind.HOLIDAY)
    whole = {year for year in years if holidays[year] >= WHOLE_YEAR_HOLIDAYS}
    return whole, set(years) - whole


def _add_days(days, years, actor, source):
    """Set `days` in `years` already loaded, leaving those years' other days as they are."""
    if not days:
        return 0
    for day, (kind, name) in sorted(days.items()):
        CalendarDay.objects.update_or_create(date=day, defaults={"kind": kind, "name": name})
    audit.record(actor=actor, action="core.calendar.loaded", after={
        "years": sorted(years), "days": len(days), "source": f"{source[:180]}（并入已有年度）"})
    return len(days)


# Called in load_arrangement's transaction once a year's arrangement is loaded (review fills the deadlines that
# waited for it). Modules that count in working days register here; this one imports none of them.
_after_load = []


def after_arrangement_loaded(hook):
    """Register `hook()` to run, in the same transaction, after every load of an arrangement. Returns `hook`."""
    if hook not in _after_load:
        _after_load.append(hook)
    return hook


def _replace_years(days, years, actor, source):
    before = {year: CalendarDay.objects.filter(date__year=year).count() for year in years}
    CalendarDay.objects.filter(date__year__in=years).delete()
    CalendarDay.objects.bulk_create(CalendarDay(date=day, kind=kind, name=name)
                                    for day, (kind, name) in sorted(days.items()))
    for year in years:
        CalendarYear.objects.update_or_create(year=year, defaults={"source": source[:200], "loaded_by": actor})
    audit.record(actor=actor, action="core.calendar.loaded", before={"days": before},
                 after={"years": sorted(years), "days": len(days), "source": source[:200]})
    return len(days)


# From this day of each year the next year's arrangement is due on the home page of whoever loads it: cases taken in
# from December have deadlines in January, and without the arrangement every chain's move fails (UnknownArrangement).
# [believed: the State Council's notice of the next year's holidays comes out between October and December]
NEXT_YEAR_DUE_FROM = (12, 1)


def next_year_pending(user):
    """core.pending provider: "next year's arrangement is not loaded" for an account that may load it, from
    NEXT_YEAR_DUE_FROM to the year's end."""
    from django.urls import reverse
    from django.utils import timezone

    from hrss.core.pending import PendingItem

    if not has_permission(user, CALENDAR_MANAGE):
        return []
    today = timezone.localdate()
    year = today.year + 1
    if (today.month, today.day) < NEXT_YEAR_DUE_FROM or CalendarYear.objects.filter(year=year).exists():
        return []
    return [PendingItem(f"尚未录入{year}年节假日安排（跨年的办理时限将无法计算，请尽快导入）", 1, reverse("core:calendar"),
                        overdue=1)]
