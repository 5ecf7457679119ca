"""平台总览's figures: a region's children (the city's counties, a county's townships, a township's villages), each
with the figures the other parts keep precomputed, never a scan of the people or the cases:

- 八统一达标: offices.selectors.summary_under (the stored OfficeStanding of each office; a region without an office
  counts as unknown);
- 验收: acceptance.selectors.states_by_region and milestone_progress;
- 五个100%: targets.selectors.figures and trend (the TargetSnapshot rows; 未统计 where no area measures a target);
- 月报: reports.selectors.completeness (完整率、及时率);
- 应用与联网: this area's activity part (OfficeActivity).

The same numbers feed the page's charts and tables, the .xlsx and the API."""

from dataclasses import dataclass, field

from django.db.models import Min
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from hrss.core import scoping, workdays
from hrss.core.dates import add_months
from hrss.core.models import Level, Region
from hrss.network.acceptance import selectors as acceptance
from hrss.network.activity import selectors as activity
from hrss.network.models import MonthlyReport
from hrss.network.offices import selectors as offices
from hrss.network.reports import selectors as reports
from hrss.network.targets import config as targets_config
from hrss.network.targets import selectors as targets

TREND_MONTHS = 12
OFFICE_LEVELS = (Level.TOWNSHIP, Level.VILLAGE)
ACCEPTANCE_STATES = tuple(acceptance.STATES)  # none, requested, accepted, refused
# The page's order: the outcomes first, so that a phone shows them without scrolling sideways.
SHOWN_STATES = ("accepted", "refused", "requested", acceptance.NONE)


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


def link(url_name, **query):
    """The address of another part's page with its query, or "" where that part has no such page."""
    try:
        path = reverse(url_name)
    except NoReverseMatch:
        return ""
    query = {key: value for key, value in query.items() if value not in (None, "")}
    return f"{path}?{urlencode(query)}" if query else path


@dataclass
class Row:
    """One region's figures (a child of the page's region, or the region itself as the total)."""

    region: Region
    standards: dict  # offices.selectors.summary_under
    acceptance: dict  # state -> offices
    targets: list  # [targets.selectors.TargetFigure]
    reports: object | None  # reports.selectors.Row (None below a township)
    activity: dict  # offices, active, inactive, counted (False: the first count has not run: 尚未统计)
    links: dict = field(default_factory=dict)
    own: bool = False  # a township's own 服务所 (本级), a row beside its villages so the rows add up to the total

    @property
    def label(self):
        return f"{self.region.name}（本级服务所）" if self.own else self.region.name

    @property
    def key(self):
        """What tells the row apart in the page (data-testid): the region's code, "own" for the 本级 row."""
        return "own" if self.own else self.region.code

    @property
    def standards_percent(self):
        return percent(self.standards["all_ok"], self.standards["offices"])

    @property
    def activity_percent(self):
        """None also before the first count of the activity (尚未统计), never 0%."""
        if not self.activity.get("counted", True):
            return None
        return percent(self.activity["active"], self.activity["offices"])

    @property
    def acceptance_cells(self):
        """[(state, offices)] in the order of acceptance.STATES."""
        return [(state, self.acceptance.get(state, 0)) for state in ACCEPTANCE_STATES]

    @property
    def acceptance_links(self):
        """[(offices, the list of those acceptances or "")] in the page's order (SHOWN_STATES; "未申请" has no list
        of its own: the offices page lists every office)."""
        base = self.links.get("acceptance", "")
        return [(count, f"{base}&state={state}" if base and count and state != acceptance.NONE else
                 (self.links.get("offices", "") if count else ""))
                for state, count in ((state, self.acceptance.get(state, 0)) for state in SHOWN_STATES)]

    @property
    def accepted_percent(self):
        return percent(self.acceptance.get("accepted", 0), self.standards["offices"])


@dataclass(frozen=True)
class Metric:
    """What colours the map and the bar chart of the regions: its key (?metric=), label and value of a Row."""

    key: str
    label: str
    unit: str = "%"

    def value(self, row):
        if self.key == "standards":
            return row.standards_percent
        if self.key == "activity":
            return row.activity_percent
        if self.key == "accepted":
            return row.accepted_percent
        if self.key == "reports":
            return None if row.reports is None or row.reports.completeness is None else float(row.reports.completeness)
        code = self.key.removeprefix("target:")
        figure = next((figure for figure in row.targets if figure.code == code), None)
        return figure.rate if figure is not None else None


def metrics(month):
    """The metrics a user can colour the map by, the first the default."""
    fixed = [Metric("standards", "八统一全部达标率"), Metric("accepted", "通过验收比例"), Metric("activity", "应用与联网使用率"),
             Metric("reports", "月报完整率")]
    return fixed + [Metric(f"target:{target.code}", f"{target.short}（五个100%之{target.number}）")
                    for target in targets_config.targets_on(month)]


def metric_of(key, month):
    available = metrics(month)
    return next((metric for metric in available if metric.key == key), available[0]), available


def regions_of(user, region):
    """The regions the page shows a row for: the region's children the user may see (a village: itself)."""
    if region.level >= Level.VILLAGE:
        return [region]
    return list(scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))


def _acceptance_counts(codes_by_region, states):
    out = {}
    for code, codes in codes_by_region.items():
        counts = dict.fromkeys(ACCEPTANCE_STATES, 0)
        for office in codes:
            counts[states.get(office, acceptance.NONE)] += 1
        out[code] = counts
    return out


def rows(user, region, month, today, *, calendar=None):
    """(the rows of the region's children, the region's own total Row) for `month` (its first day). A township's
    rows are its own 服务所 (本级, Row.own) and its villages, so they add up to its total (a county and the city have
    no office of their own: offices are townships' and villages'). A month whose targets have not been computed
    shows them as 该月尚未计算 (targets' live=False): never counted on page load."""
    calendar = calendar or workdays.Calendar.load()
    shown = regions_of(user, region)
    office_rows = activity.office_rows(user, region, today)
    counted = activity.counted()
    codes_by_region = {place.code: [row.region.code for row in office_rows
                                    if scoping.ancestor_code(row.region.code, place.level) == place.code]
                       for place in [region, *shown]}
    own_key = f"own:{region.code}"
    codes_by_region[own_key] = [row.region.code for row in office_rows if row.region.code == region.code]
    states = acceptance.states_by_region(codes_by_region[region.code])
    accepted = _acceptance_counts(codes_by_region, states)
    report_rows = {row.region.code: row for row in reports.completeness(region, month, calendar=calendar)} \
        if region.level < Level.TOWNSHIP else {}
    total_report = _total_report(region, month, calendar)

    inactive_codes = {row.region.code for row in office_rows if row.inactive}

    def activity_of(key):
        mine = codes_by_region[key]
        inactive = sum(office in inactive_codes for office in mine)
        return {"offices": len(mine), "active": len(mine) - inactive, "inactive": inactive, "counted": counted}

    def row_of(place, report):
        return Row(region=place, standards=offices.summary_under(place), acceptance=accepted[place.code],
                   targets=targets.figures(place, month, today=today, live=False), reports=report,
                   activity=activity_of(place.code), links=_links(place, month))

    children = [row_of(place, report_rows.get(place.code)) for place in shown] if shown != [region] else []
    total = row_of(region, total_report)
    if region.level == Level.TOWNSHIP and children:
        children.insert(0, _own_row(region, total, children, accepted[own_key], activity_of(own_key), month))
    return children, total


def _own_row(township, total, villages, accepted, activity_counts, month):
    """The township's own 服务所: its standing is the township's count less its villages' (offices.summary_under
    counts a region with everything within it), its report the township's one report; its 五个100% are the
    township's people as a whole, so the row shows none (targets [])."""
    standards = {key: value - sum(row.standards[key] for row in villages) for key, value in total.standards.items()}
    links = {**_links(township, month), "dashboard": "", "missed": ""}
    return Row(region=township, standards=standards, acceptance=accepted, targets=[], reports=total.reports,
               activity=activity_counts, links=links, own=True)


def _total_report(region, month, calendar):
    """The region's own completeness: the sum of its rows (a township: its one report; a village: none)."""
    if region.level >= Level.VILLAGE:
        return None
    return reports.total(region, reports.completeness(region, month, calendar=calendar))


def _links(place, month):
    month_text = f"{month:%Y-%m}"
    return {
        "dashboard": link("network:dashboard", region=place.code, month=month_text),
        "offices": link("network:offices-list", region=place.code),
        "activity": link("network:activity", region=place.code),
        "acceptance": link("network:acceptance-list", region=place.code),
        "milestones": link("network:acceptance-milestones", region=place.code),
        "targets": link("network:targets-index", region=place.code, month=month_text),
        "missed": link("network:targets-missed", region=place.code, month=month_text),
        "reports": link("network:reports-completeness", region=place.code, month=month_text),
    }


def months_up_to(month, count=TREND_MONTHS):
    return [add_months(month, -offset) for offset in range(count - 1, -1, -1)]


def target_trend(region, month, today):
    """[(month, [TargetFigure])] of the region for the TREND_MONTHS months up to `month`."""
    return targets.trend(region, months_up_to(month), today=today, live=False)


def first_report_month(region):
    """The first month any township within `region` had a monthly report generated, or None (never)."""
    return scoping.within_region(MonthlyReport.objects.all(), region).aggregate(first=Min("month"))["first"]


def report_trend(region, month, *, calendar=None):
    """[(month, reports Row of the region, or None: 尚无月报)] for the TREND_MONTHS months up to `month` (none for a
    village). A month before the first report of the region's townships was ever generated (the reports part not yet
    in use there) is None, never "0 of 101 reported"."""
    if region.level >= Level.VILLAGE:
        return []
    calendar = calendar or workdays.Calendar.load()
    first_report = first_report_month(region)
    return [(first, _total_report(region, first, calendar) if first_report and first >= first_report else None)
            for first in months_up_to(month) if first >= reports.rules.FIRST_MONTH]


def milestones(user, region, today):
    return acceptance.milestone_progress(user, today, region=region)


def colour(value):
    """A shade for a percentage (the bar chart's and the table's legend): grey where there is none."""
    if value is None:
        return "#cccccc"
    steps = ((90, "#1a9850"), (75, "#91cf60"), (50, "#fee08b"), (25, "#fc8d59"))
    return next((shade for bound, shade in steps if value >= bound), "#d73027")

