"""Reads of the referrals part, through core.scoping."""

from django.db.models import Q
from django.http import Http404

from hrss.core import scoping
from hrss.core.dates import month_bounds
from hrss.jobservices.models import Referral, ReferralOutcome, Vacancy, VacancyStatus
from hrss.jobservices.referrals.kpi import parse_month


def referrals(user, region=None):
    """The referrals of the user's scope (of `region` inside it), with what a ledger row shows."""
    rows = scoping.visible_to(user, Referral.objects.select_related(
        "seeker__person", "vacancy__employer", "created_by"))
    return scoping.within_region(rows, region) if region is not None else rows


def filtered(rows, *, outcome="", month="", q="", today):
    if outcome == "overdue":
        rows = rows.filter(outcome=ReferralOutcome.PENDING, due_on__lt=today)
    elif outcome:
        rows = rows.filter(outcome=outcome)
    if month:
        try:
            rows = rows.filter(referred_on__range=month_bounds(*parse_month(month)))
        except ValueError:
            pass
    if q.strip():
        rows = rows.filter(Q(seeker__person__name__contains=q.strip()) | Q(number=q.strip().upper()))
    return rows


def overdue(user, *, today):
    """Referrals of the user's scope past their answer's due day with no outcome recorded."""
    return referrals(user).filter(outcome=ReferralOutcome.PENDING, due_on__lt=today)


def referable_vacancy(user, pk):
    """A vacancy the user may refer someone to: one of their scope, or any open one (an open vacancy is advertised
    to every office: a seeker of 源城区 who will move may go to a 紫金县 employer). 404 otherwise."""
    vacancy = Vacancy.objects.select_related("employer").filter(pk=pk).filter(
        Q(status=VacancyStatus.OPEN) | Q(pk__in=scoping.visible_to(user, Vacancy.objects.filter(pk=pk)))).first()
    if vacancy is None:
        raise Http404
    return vacancy
