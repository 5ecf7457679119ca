"""The schemes part's pages under /pensions/ (url names prefixed with "schemes-"): every rule of the residents'
pension in force on a day (?on=YYYY-MM-DD, today by default), its source and its history. The rules are national
and provincial configuration, the same for every user: no region's data is read."""

import datetime

from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from hrss.core.permissions import staff_view
from hrss.pensions.permissions import PENSIONS_VIEW
from hrss.pensions.schemes import catalogue

EARLIEST = datetime.date(2009, 1, 1)


def day_asked(value, today):
    """(the day of ?on=, a message when it was refused): a date from 2009 to a year ahead, today otherwise."""
    if not value:
        return today, ""
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return today, f"日期“{value[:20]}”格式不对，请按 年-月-日（如 2014-07-01）填写；下面是今天的规则。"
    latest = today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) \
        else today.replace(year=today.year + 1, day=28)
    if not EARLIEST <= day <= latest:
        return today, f"只能查看 {EARLIEST:%Y-%m-%d} 至 {latest:%Y-%m-%d} 之间的规则；下面是今天的规则。"
    return day, ""


@staff_view(PENSIONS_VIEW)
def rules_page(request):
    today = timezone.localdate()
    day, refused = day_asked(request.GET.get("on", ""), today)
    return render(request, "pensions/schemes/rules.html", {
        "day": day, "today": today, "refused": refused, "sections": catalogue.sections(day),
        "counties": catalogue.county_starts(), "county_source": catalogue.rules.shown_source(
            catalogue.rules.COUNTY_STARTS_SOURCE)})


urlpatterns = [
    path("schemes/", rules_page, name="schemes-rules"),
]
