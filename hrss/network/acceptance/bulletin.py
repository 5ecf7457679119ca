"""通报: the monthly progress bulletin of the network's construction, per county — its offices, how many meet every
rule in force, how many are accepted, the rectification items open and overdue, the progress against each
milestone — the counties ranked. One set of rows (`bulletin`) printed two ways: a PDF with the embedded CJK font
and an .xlsx (core.spreadsheets). Everything is as it stood at the end of the month (or today, for the month under
way)."""

import datetime
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q

from hrss.core import scoping
from hrss.core.dates import month_end
from hrss.core.models import Level, Region
from hrss.core.pdf import cjk_font
from hrss.network.acceptance import rules, selectors
from hrss.network.models import Office, Rectification
from hrss.network.standards import compliance

FIRST_MONTH = (rules.PLAN_DAY.year, rules.PLAN_DAY.month)  # the plan's month: nothing to report before it


@dataclass(frozen=True)
class CountyLine:
    region: object
    offices: int  # the township and village offices the county should have
    meeting: int  # offices meeting every rule in force (nothing failing, nothing unrecorded)
    accepted: int
    items_open: int  # rectification items not fixed at the end of the month
    items_overdue: int  # of those, past their deadline
    milestones: tuple  # (on time, due) for each milestone, in order
    rank: int = 0

    @property
    def accepted_share(self):
        return round(100 * self.accepted / self.offices) if self.offices else 0

    @property
    def meeting_share(self):
        return round(100 * self.meeting / self.offices) if self.offices else 0


@dataclass(frozen=True)
class Bulletin:
    year: int
    month: int
    as_of: datetime.date
    milestones: tuple
    lines: list  # ranked
    total: CountyLine

    @property
    def title(self):
        return f"全市乡镇（街道）人力资源社会保障公共服务平台建设进展情况通报（{self.year}年{self.month}月）"


def month_problem(year, month, today):
    if not (1 <= month <= 12) or (year, month) < FIRST_MONTH:
        return f"请选择{FIRST_MONTH[0]}年{FIRST_MONTH[1]}月（建设方案印发）以后的月份。"
    if (year, month) > (today.year, today.month):
        return f"{year}年{month}月尚未开始，不能通报。"
    return None


def default_month(today):
    """The month the bulletin opens on: the last completed one (the plan's month while it is under way)."""
    last = (today.replace(day=1) - datetime.timedelta(days=1))
    return max((last.year, last.month), FIRST_MONTH)


def parse_month(text, today):
    """(year, month) from "YYYY-MM" (the last completed month when blank, as the dashboard opens on: the month in
    progress is still chosen by hand); ValidationError in Chinese otherwise."""
    if not text:
        return default_month(today)
    try:
        year, month = (int(part) for part in text.split("-"))
    except ValueError:
        raise ValidationError(f"月份“{text[:20]}”格式不对，请按 2012-09 的格式选择月份。") from None
    problem = month_problem(year, month, today)
    if problem:
        raise ValidationError(problem)
    return year, month


def _line(unit, as_of, milestones, accepted):
    regions = scoping.within_region(Region.objects.filter(level__in=[Level.TOWNSHIP, Level.VILLAGE],
                                                           is_active=True), unit)
    codes = list(regions.values_list("code", flat=True))
    meeting = 0
    for office in scoping.within_region(Office.objects.all(), unit):
        result = compliance.check(office, as_of)
        meeting += bool(result.results) and result.failing == 0 and result.unknown == 0
    items = scoping.within_region(Rectification.objects.filter(opened_on__lte=as_of), unit).filter(
        Q(fixed_on__isnull=True) | Q(fixed_on__gt=as_of))
    done = [accepted[code] for code in codes if code in accepted]
    progress = []
    for milestone in milestones:
        due = selectors.offices_due(milestone, as_of, regions)
        progress.append((sum(1 for code in due if code in accepted and accepted[code] <= milestone.due_on),
                         len(due)))
    return CountyLine(unit, len(codes), meeting, len(done), items.count(), items.filter(due_on__lt=as_of).count(),
                      tuple(progress))


def bulletin(user, year, month, today, region=None):
    """The bulletin of `year`-`month` for the user's counties, ranked: the share of offices accepted, then the share
    meeting every rule, then the fewest overdue items."""
    as_of = min(month_end(year, month), today)
    milestones = tuple(rules.milestones_on(as_of))
    accepted = {code: day for code, day in selectors.accepted_days_by_region().items() if day <= as_of}
    lines = [_line(unit, as_of, milestones, accepted) for unit in selectors.units_of(user, region)]
    lines.sort(key=lambda line: (-line.accepted_share, -line.meeting_share, line.items_overdue, line.region.code))
    ranked = [CountyLine(**{**line.__dict__, "rank": index}) for index, line in enumerate(lines, start=1)]
    total = CountyLine(None, sum(x.offices for x in lines), sum(x.meeting for x in lines),
                       sum(x.accepted for x in lines), sum(x.items_open for x in lines),
                       sum(x.items_overdue for x in lines),
                       tuple((sum(x.milestones[i][0] for x in lines), sum(x.milestones[i][1] for x in lines))
                             for i in range(len(milestones))))
    return Bulletin(year, month, as_of, milestones, ranked, total)


def header(report):
    """The column headings, short enough for one line a column (the milestone's full title is in the note)."""
    return ["排名", "县(区)", "服务机构数", "八统一达标", "已通过验收", "验收率(%)", "未完成整改", "逾期整改",
            *(f"{m.short or m.title}按期验收/应验收（{m.due_on:%Y-%m-%d}前）" for m in report.milestones)]


def milestone_note(report):
    return "；".join(f"{m.short or m.title}指{m.title}，期限{m.due_on:%Y年%m月%d日}" for m in report.milestones)


def _cells(line, *, rank, name):
    return [rank, name, line.offices, line.meeting, line.accepted, line.accepted_share, line.items_open,
            line.items_overdue, *(f"{done}/{due}" for done, due in line.milestones)]


def table(report):
    """The bulletin's table: the header, a row a county in rank order, the total."""
    rows = [_cells(line, rank=line.rank, name=line.region.name) for line in report.lines]
    return [header(report), *rows, _cells(report.total, rank="", name="合计")]


def xlsx_sheets(report):
    title = f"{report.title}（截至{report.as_of:%Y年%m月%d日}）"
    head, *rows = table(report)
    return [("通报", [title], [head, *rows])]


# --- the printed bulletin ----------------------------------------------------------------------------------------

def column_widths(report):
    """The PDF's column widths in points (A4 landscape less the margins, 273 mm): the rank and the county's name on
    one line, the six figures, then the milestones sharing what is left (about a seventh of the width each, not the
    near half they took when the table chose)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm

    usable = landscape(A4)[0] - 24 * mm
    fixed = [13 * mm, 30 * mm, *([26 * mm] * 6)]
    if not report.milestones:
        return [width * usable / sum(fixed) for width in fixed]
    return fixed + [(usable - sum(fixed)) / len(report.milestones)] * len(report.milestones)



def pdf(report, *, issuer):
    """The bulletin as an A4 landscape PDF: its title, the day it stands at, the ranked table and a note."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = cjk_font()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                                 topMargin=14 * mm, bottomMargin=14 * mm, title=report.title, author=issuer,
                                 initialFontName=font, initialFontSize=9)
    title = ParagraphStyle("title", fontName=font, fontSize=15, leading=20, alignment=1)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, alignment=1)
    # The rank and the county's name as plain strings: one line each (a Paragraph would wrap them, "源城 / 区").
    rows = [[str(value) if column < 2 else Paragraph(str(value), cell) for column, value in enumerate(row)]
            for row in table(report)]
    grid = Table(rows, repeatRows=1, colWidths=column_widths(report))
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (1, -1), 8), ("ALIGN", (0, 0), (1, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9ecef")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f8f9fa")),
    ]))
    story = [Paragraph(report.title, title), Spacer(1, 4 * mm),
             Paragraph(f"{issuer}　　统计截至{report.as_of:%Y年%m月%d日}", body), Spacer(1, 3 * mm), grid,
             Spacer(1, 4 * mm),
             Paragraph("说明：八统一达标指当日执行的各项建设标准均已登记且全部达到；未完成整改指检查发现、截至统计日尚未登记"
                       "整改的事项，逾期整改为其中已过整改期限的；按期验收指在方案规定的期限前通过市验收的服务机构。"
                       "排名依次按验收率、达标率和逾期整改数。" + (f"{milestone_note(report)}。" if report.milestones
                                                                  else ""), body)]
    document.build(story)
    return buffer.getvalue()
