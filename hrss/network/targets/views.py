"""The targets part's pages under /network/targets/ (url names prefixed "targets"): the 五个100% of a region and
month with its child regions (each a link down: city → county → township → village) and the months before, the
people who missed a target (ID numbers masked), both as .xlsx; and 重新计算. Views only translate: the write is
services.py's, the reads selectors.py's."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.dates import add_months
from hrss.core.forms import submit
from hrss.core.id_numbers import mask
from hrss.core.pages import xlsx_download
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.network.permissions import NETWORK_VIEW, OFFICE_EDIT
from hrss.network.targets import config, selectors, services

TREND_MONTHS = 12
SHOWN_PEOPLE = 500  # a page lists at most this many; the .xlsx has them all


def _month(request, today):
    """?month=YYYY-MM, or the last completed month (a refused value too: the page says why and which month it
    shows)."""
    try:
        return selectors.parse_month(request.GET.get("month") or request.POST.get("month") or "", today)
    except selectors.MonthRefused as refused:
        month = selectors.default_month(today)
        messages.error(request, f"{refused}已显示{selectors.month_label(month)}。")
        return month


class RecomputeForm(forms.Form):
    month = forms.CharField(widget=forms.HiddenInput)


def _cell(figure):
    """A figure's rate as a spreadsheet cell: the percentage, or why there is none."""
    return figure.rate if figure.rate is not None else figure.rate_text


def _count(value):
    return "—" if value is None else value


@staff_view(NETWORK_VIEW)
def index(request):
    """五个100%: the region's figures of the month (the user's own region by default), its child regions', the
    months before; ?format=xlsx downloads them."""
    today = timezone.localdate()
    region = scoping.region_from_request(request)
    month = _month(request, today)
    shown = selectors.figures(region, month, today=today)
    children = selectors.children_figures(request.user, region, month, today=today)
    trend = selectors.trend(region, selectors.last_months(month, TREND_MONTHS), today=today)
    computed_at, as_of = selectors.computed_at(shown)
    if request.GET.get("format") == "xlsx":
        return _download(request, region, month, shown, children, trend, computed_at, as_of)
    return render(request, "network/targets/index.html", {
        "region": region, "month": month, "today": today, "figures": shown, "children": children,
        "trend": list(reversed(trend)), "computed_at": computed_at, "as_of": as_of,
        "previous": add_months(month, -1), "following": add_months(month, 1) if add_months(month, 1) <= today else None,
        "crumbs": scoping.breadcrumb(request.user, region), "form": RecomputeForm(initial={"month": f"{month:%Y-%m}"}),
        "can_recompute": has_permission(request.user, services.RECOMPUTE)})


def _download(request, region, month, shown, children, trend, computed_at, as_of):
    when = (f"计算于{timezone.localtime(computed_at):%Y-%m-%d %H:%M}" if computed_at
            else f"截至{as_of:%Y-%m-%d}实时计算" if as_of else "")
    title = f"五个100%（{region.name}，{selectors.month_label(month)}，{when}）"
    own = [[f"之{figure.number}", figure.title, _count(figure.numerator), _count(figure.denominator), _cell(figure),
            figure.definition or figure.why_not] for figure in shown]
    header = ["区域", *(f"之{figure.number} {figure.short}" for figure in shown)]
    down = [[child.name, *(_cell(figure) for figure in figures)] for child, figures in children]
    months = [[selectors.month_label(when_month), *(_cell(figure) for figure in figures)]
              for when_month, figures in trend]
    sheets = [("目标", [title], [["目标", "内容", "达标人数", "应统计人数", "完成率（%）", "统计口径"], *own]),
              ("下级区域", [title], [header, *down]),
              ("逐月", [title], [["月份", *header[1:]], *months])]
    return xlsx_download(request, sheets, f"五个100%-{region.name}-{month:%Y%m}.xlsx",
                         action="network.targets.exported", target=region,
                         after={"month": f"{month:%Y-%m}", "rows": len(own) + len(down)})


@staff_view(NETWORK_VIEW)
def missed(request):
    """The people of the region who missed one target in the month (?target=CODE), ID numbers masked; ?format=xlsx
    downloads them all."""
    today = timezone.localdate()
    region = scoping.region_from_request(request)
    month = _month(request, today)
    target = config.target(request.GET.get("target", ""))
    if target is None or not target.in_force_on(month):
        raise Http404("没有该目标。")
    figure = next(figure for figure in selectors.figures(region, month, today=today, live=False)
                  if figure.code == target.code)
    people = selectors.missed_people(region, month, target.code, today=today)
    places = place_names((row.region_code for row in people or ()), below=region)
    if request.GET.get("format") == "xlsx" and people is not None:
        rows = [[number, places.get(row.region_code, ""), row.name, mask(row.id_number), row.what]
                for number, row in enumerate(people, start=1)]
        title = f"五个100%之{target.number}未达标人员（{region.name}，{selectors.month_label(month)}）"
        return xlsx_download(request, [("未达标人员", [title], [["序号", "村(社区)", "姓名", "公民身份号码", "未达标情况"],
                                                            *rows])],
                             f"未达标人员-{target.short}-{region.name}-{month:%Y%m}.xlsx",
                             action="network.targets.missed_exported", target=region,
                             after={"month": f"{month:%Y-%m}", "target": target.short, "rows": len(rows)})
    rows = [{"row": row, "place": places.get(row.region_code, ""), "masked": mask(row.id_number)}
            for row in (people or [])[:SHOWN_PEOPLE]]
    return render(request, "network/targets/missed.html", {
        "region": region, "month": month, "target": target, "title": target.title_on(month), "figure": figure,
        "people": people, "rows": rows, "total": len(people or ()), "shown_limit": SHOWN_PEOPLE,
        "crumbs": scoping.breadcrumb(request.user, region), "today": today})


@staff_view(OFFICE_EDIT)
def recompute(request):
    """重新计算 (POST, ?region=CODE): the month's figures counted again as of today, for every region."""
    region = scoping.region_from_request(request)
    back = f"{reverse('network:targets-index')}?region={region.code}"
    if request.method != "POST":
        return redirect(back)
    today = timezone.localdate()
    form = RecomputeForm(request.POST)

    def act(data):
        try:
            month = selectors.month_of(data["month"])
        except ValueError:
            raise forms.ValidationError("月份无法识别：请按“2026-05”的格式填写。") from None
        return services.recompute(actor=request.user, region=region, month=month, today=today)

    def redisplay(form):
        for error in form.errors.get("__all__", []) + form.errors.get("month", []):
            messages.error(request, error)
        return redirect(back)

    return submit(request, form, act, success=lambda month: f"已重新计算{selectors.month_label(month)}的统计。",
                  done=lambda month: redirect(f"{back}&month={month:%Y-%m}"), redisplay=redisplay)


urlpatterns = [
    path("targets/", index, name="targets-index"),
    path("targets/missed/", missed, name="targets-missed"),
    path("targets/recompute/", recompute, name="targets-recompute"),
]
