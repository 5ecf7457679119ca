"""The plan's other target of this area beside KPI 5 on the coverage part's targets page: KPI 2 (五个100% 之二,
"对参保资料齐全的群众100%当天办结参保手续"), which the enrolment part computes (enrolment.selectors.kpi_rows): read
there, never computed again here."""

from django.urls import reverse

from hrss.pensions.enrolment import selectors as enrolment_selectors


def same_day_enrolments(user, region, today):
    """{region code: (done the same day, with complete documents)} in `today`'s month, for `region` and each of its
    children in scope."""
    return {place.code: (same, complete)
            for place, complete, same in enrolment_selectors.kpi_rows(user, region, today.year, today.month)}


def rate(same, complete):
    return enrolment_selectors.rate(complete, same)


def kpi2_url():
    return reverse("pensions:enrolment-kpi")
