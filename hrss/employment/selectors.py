"""Reads for the employment ledgers (就业登记台账, 失业登记台账, 登记证发放台账) and the monthly figures, for any
region in the user's scope. Every figure is a queryset of people, so each number drills down to the names."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Q

from hrss.core import scoping
from hrss.employment.models import (
    CertificateIssue,
    EmploymentCertificate,
    EmploymentKind,
    EmploymentRegistration,
    UnemploymentRegistration,
)
from hrss.residents.models import LabourStatus, Person

STARTS_WORK = [EmploymentKind.HIRED, EmploymentKind.SELF_EMPLOYED, EmploymentKind.FLEXIBLE]
WORKING = [LabourStatus.EMPLOYED, LabourStatus.FLEXIBLE, LabourStatus.MIGRANT]


def month_bounds(year, month):
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def employment_registrations(user, region):
    return scoping.within_region(scoping.visible_to(user, EmploymentRegistration.objects.all()), region)


def unemployment_registrations(user, region):
    return scoping.within_region(scoping.visible_to(user, UnemploymentRegistration.objects.all()), region)


def certificate_issues(user, region):
    certificates = scoping.within_region(scoping.visible_to(user, EmploymentCertificate.objects.all()), region)
    return CertificateIssue.objects.filter(certificate__in=certificates)


def registered_unemployed_on(user, region, day):
    """Registrations standing on `day`: registered by then and not cancelled by then."""
    return unemployment_registrations(user, region).filter(
        registered_on__lte=day).filter(Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=day)).exclude(
        status=UnemploymentRegistration.Status.NOT_REGISTERED)


FIGURES = {
    "new_employment": "城镇新增就业人数",
    "reemployed": "失业人员再就业人数",
    "registered_unemployed": "期末登记失业人数",
    "employed": "从业人员数（台账）",
}


def parse_month(text):
    """(year, month) from "2026-11"; ValueError when it is not a month."""
    year, month = (int(part) for part in text.split("-"))
    datetime.date(year, month, 1)
    return year, month


def _rows_behind(user, region, figure, year, month):
    """The rows behind one monthly figure, and the field that names their person."""
    first, last = month_bounds(year, month)
    if figure == "new_employment":
        return employment_registrations(user, region).filter(kind__in=STARTS_WORK,
                                                              event_date__range=(first, last)), "person_id"
    if figure == "reemployed":
        return employment_registrations(user, region).filter(kind__in=STARTS_WORK, event_date__range=(first, last),
                                                              was_registered_unemployed=True), "person_id"
    if figure == "registered_unemployed":
        return registered_unemployed_on(user, region, last), "person_id"
    if figure == "employed":
        return scoping.within_region(scoping.visible_to(user, Person.objects.filter(labour_status__in=WORKING)),
                                     region), "pk"
    raise KeyError(figure)


def people_behind(user, region, figure, year, month):
    """The people behind one monthly figure (the drill-down)."""
    rows, person = _rows_behind(user, region, figure, year, month)
    return rows if person == "pk" else Person.objects.filter(pk__in=rows.values(person))


@dataclass(frozen=True)
class MonthlyFigures:
    new_employment: int
    reemployed: int
    registered_unemployed: int
    employed: int

    @property
    def unemployment_rate(self):
        """城镇登记失业率 = 登记失业人数 / (从业人员 + 登记失业人数) [believed], in percent; None without a base."""
        base = self.employed + self.registered_unemployed
        return round(100 * self.registered_unemployed / base, 2) if base else None


def monthly_figures(user, region, year, month):
    return MonthlyFigures(**{figure: people_behind(user, region, figure, year, month).count()
                             for figure in FIGURES})


def monthly_figures_of_children(user, region, children, year, month):
    """[(child, MonthlyFigures)] for the regions one level below `region`: one grouped query per figure, not four
    queries per child."""
    counts = {}
    for figure in FIGURES:
        rows, person = _rows_behind(user, region, figure, year, month)
        counts[figure] = scoping.counts_by_child(rows, children, distinct=person)
    return [(child, MonthlyFigures(**{figure: counts[figure][child.code] for figure in FIGURES}))
            for child in children]
