"""What the reports part reads: a township's reports, a report's figures grouped by area and part, and the
completeness and timeliness of the reports (完整率、及时率) per county and month, as DHIS2's reporting rate summary
shows them: reports expected (the county's townships), submitted (上报, now submitted or approved), submitted on
time (first submitted by the deadline, rules.deadline_of), completeness = submitted / expected and timeliness = on
time / expected (both over the expected reports, as DHIS2's "reporting rate" and "reporting rate on time")."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from hrss.core import scoping, workdays
from hrss.core.dates import add_months
from hrss.core.models import Level, Region
from hrss.core.permissions import has_permission
from hrss.network.models import MonthlyReport, ReportEvent
from hrss.network.permissions import REPORT_APPROVE, REPORT_SUBMIT
from hrss.network.reports import rules, services

State = MonthlyReport.State
SUBMITTED_STATES = (State.SUBMITTED, State.APPROVED)


class MonthRefused(ValueError):
    """A month the pages cannot take (the message, in Chinese, says what to type)."""


def parse_month(text, today):
    """The first day of the month typed "YYYY-MM" (the previous month when empty), or MonthRefused."""
    if not text:
        return add_months(today.replace(day=1), -1)
    try:
        year, month = (int(part) for part in text.split("-"))
        first = datetime.date(year, month, 1)
    except ValueError:
        raise MonthRefused(f"月份“{text[:20]}”无法识别：请按“2026-05”的格式选择年份和月份。") from None
    if first > today:
        raise MonthRefused(f"{first:%Y年%m月}尚未开始：请选择本月或以前的月份。")
    if first < rules.FIRST_MONTH:
        raise MonthRefused(f"请选择{rules.FIRST_MONTH:%Y年%m月}以后的月份。")
    return first


def reports_visible_to(user):
    return scoping.visible_to(user, MonthlyReport.objects.all())


def percent(part, whole):
    """part / whole as a percentage with one decimal (half up), or None when nothing is expected."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Row:
    """One line of the completeness table: a county (its townships' reports) or a township (its one report)."""

    region: Region
    expected: int = 0
    submitted: int = 0
    on_time: int = 0
    deadline: datetime.date | None = None
    report: MonthlyReport | None = None  # a township's row: its report, if generated
    late: list = field(default_factory=list)  # townships that submitted after the deadline
    missing: list = field(default_factory=list)  # townships that have not submitted

    @property
    def completeness(self):
        return percent(self.submitted, self.expected)

    @property
    def timeliness(self):
        """None also while the deadline is unknown (the year's holiday arrangement not loaded): never guessed."""
        return None if self.deadline is None else percent(self.on_time, self.expected)


def townships_of(region):
    """The active townships (乡镇、街道) within `region` (itself, for a township), in code order."""
    townships = Region.objects.filter(level=Level.TOWNSHIP, is_active=True)
    return list(scoping.within_region(townships, region).select_related("parent").order_by("code"))


SUBMITTING_ACTS = (ReportEvent.Action.SUBMITTED, ReportEvent.Action.APPROVED)


def _submitted_on(reports, as_of):
    """{report id: submitted} as the reports stood at the end of `as_of`: first submitted (上报) by then, and the
    last act done by then (if any) was 上报 or 审核锁定 (a report returned after the day still counted submitted on
    it, one first submitted after it not)."""
    end = timezone.make_aware(datetime.datetime.combine(as_of + datetime.timedelta(days=1), datetime.time.min))
    last = {}
    for report_id, action in (ReportEvent.objects.filter(report__in=reports, at__lt=end)
                              .order_by("at", "id").values_list("report_id", "action")):
        last[report_id] = action
    return {report.pk: (report.first_submitted_on is not None and report.first_submitted_on <= as_of
                        and last.get(report.pk, SUBMITTING_ACTS[0]) in SUBMITTING_ACTS) for report in reports}


def _township_rows(townships, month, deadline, as_of=None):
    reports = {report.region_code: report for report in MonthlyReport.objects.filter(
        month=month, region_code__in=[township.code for township in townships])}
    stood = _submitted_on(list(reports.values()), as_of) if as_of is not None else None
    rows = []
    for township in townships:
        report = reports.get(township.code)
        if stood is None:
            submitted = report is not None and report.state in SUBMITTED_STATES
        else:
            submitted = report is not None and stood[report.pk]
        on_time = submitted and deadline is not None and report.first_submitted_on <= deadline
        row = Row(region=township, expected=1, submitted=int(submitted), on_time=int(on_time), deadline=deadline,
                  report=report)
        if not submitted:
            row.missing.append(township)
        elif not on_time and deadline is not None:
            row.late.append(township)
        rows.append(row)
    return rows


def completeness(region, month, *, calendar=None, as_of=None):
    """The completeness and timeliness of the reports of `month` (its first day) under `region`: one Row per county
    for the city (or the province), one Row per township for a county, the township's own Row for a township (none for a village); each
    with expected, submitted and on_time (and completeness, timeliness in %, the late and missing townships). The
    caller checks that the user may see `region` (core.scoping.get_region_or_404). With `as_of`, the reports as
    they stood at the end of that day (from their acts), not now."""
    deadline = rules.deadline_of(month, calendar or workdays.Calendar.load())
    if region.level == Level.TOWNSHIP:
        return _township_rows([region], month, deadline, as_of)
    if region.level > Level.TOWNSHIP:
        return []  # a village reports nothing of its own; its township's report is the township's
    townships = townships_of(region)
    if region.level == Level.COUNTY:
        return _township_rows(townships, month, deadline, as_of)
    counties = list(scoping.within_region(Region.objects.filter(level=Level.COUNTY, is_active=True), region)
                    .order_by("code"))
    by_county = {county.code: Row(region=county, deadline=deadline) for county in counties}
    for row in _township_rows(townships, month, deadline, as_of):
        county = by_county.get(scoping.ancestor_code(row.region.code, Level.COUNTY))
        if county is None:
            continue
        county.expected += row.expected
        county.submitted += row.submitted
        county.on_time += row.on_time
        county.late += row.late
        county.missing += row.missing
    return list(by_county.values())


def total(region, rows):
    """The region's own line: its rows added up."""
    out = Row(region=region, deadline=rows[0].deadline if rows else None)
    for row in rows:
        out.expected += row.expected
        out.submitted += row.submitted
        out.on_time += row.on_time
        out.late += row.late
        out.missing += row.missing
    return out


# --- one report ------------------------------------------------------------------------------------------------


def allowed_acts(user, report):
    """The acts `user` may take on `report` now, by its state and the user's roles and scope: a subset of
    {"generate", "remarks", "check", "submit", "approve", "return", "unlock"} (the services check again)."""
    if not scoping.scope_of(user).contains_code(report.region_code):
        return set()
    roles = set(user.role_list)
    acts = set()
    if has_permission(user, REPORT_SUBMIT) and roles & services.TOWNSHIP_ROLES:
        if report.state in services.EDITABLE:
            acts |= {"generate", "remarks"}
        if report.state == State.GENERATED and roles & services.CHECKERS:
            acts.add("check")
        if report.state == State.CHECKED:
            acts.add("submit")
    if has_permission(user, REPORT_APPROVE) and roles & services.APPROVERS:
        if report.state == State.SUBMITTED:
            acts |= {"approve", "return"}
        if report.state == State.APPROVED:
            acts.add("unlock")
    return acts


def grouped_figures(version):
    """The version's figures as [(area, [(part, [row, ...]), ...]), ...], in the snapshot's order."""
    groups = []
    for row in version.figures if version else []:
        if not groups or groups[-1][0] != row["area"]:
            groups.append((row["area"], []))
        parts = groups[-1][1]
        if not parts or parts[-1][0] != row["part"]:
            parts.append((row["part"], []))
        parts[-1][1].append(row)
    return groups


def is_late(report, deadline, today):
    """Submitted after the deadline, or not submitted when the deadline has passed."""
    if deadline is None:
        return False
    if report is not None and report.first_submitted_on is not None:
        return report.first_submitted_on > deadline
    return today > deadline
