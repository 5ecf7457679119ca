"""The plan's other target of this area beside KPI 5 on the coverage part's targets page: KPI 2 (五个100% 之二,
"对参保资料齐全的群众100%当天办结参保手续"), which the enrolment part computes. Read through that part's selectors
when it offers them (looked up when the page is asked for, so this part does not break while that part is being
built); otherwise the page links to the enrolment part's own page."""

import importlib

from django.urls import NoReverseMatch, reverse

# The enrolment part's selector of KPI 2 for one region: f(user, region, today) -> (done the same day, complete).
KPI2_SELECTORS = ("same_day_counts", "kpi2_counts", "same_day_figures")
KPI2_PAGES = ("pensions:enrolment-kpi2", "pensions:enrolment-same-day", "pensions:enrolment-ledger")


def _enrolment_selectors():
    try:
        return importlib.import_module("hrss.pensions.enrolment.selectors")
    except ImportError:
        return None


def same_day_enrolments(user, regions, today):
    """{region code: (same day, complete)} this month for each of `regions`, or None when the enrolment part offers
    no such selector."""
    module = _enrolment_selectors()
    selector = next((getattr(module, name) for name in KPI2_SELECTORS if module and hasattr(module, name)), None)
    if selector is None:
        return None
    found = {}
    for region in regions:
        value = selector(user, region, today)
        found[region.code] = tuple(value) if isinstance(value, tuple | list) else None
    return found


def kpi2_url():
    for name in KPI2_PAGES:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""
