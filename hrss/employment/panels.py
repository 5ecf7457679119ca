"""This area's panels on other areas' pages (core.areas.Panel), registered by area.py: a person's 就业失业登记 on
the person's page, and the registered-unemployed count beside the ledger's 失业 on a region's statistics page."""

from django.utils import timezone

from hrss.core.permissions import has_permission
from hrss.employment import selectors
from hrss.employment.permissions import EMPLOYMENT_HANDLE, EMPLOYMENT_VIEW
from hrss.residents.models import LabourStatus
from hrss.residents.statistics import figures_for


def person_registrations(request, person):
    """The person's unemployment and employment registrations, with the buttons to register them. `person` was
    fetched through core.scoping by the page."""
    if not has_permission(request.user, EMPLOYMENT_VIEW):
        return None
    return {
        "person": person,
        "registrations": person.unemployment_registrations.order_by("-applied_at"),
        "employment_registrations": person.employment_registrations.order_by("-event_date", "-id"),
        "can_handle_employment": has_permission(request.user, EMPLOYMENT_HANDLE),
    }


def two_unemployed_figures(request, region):
    """The 失业 of the statistics page is the ledger's survey status; the monthly figures count 失业登记. Both are
    shown, each said for what it is, so the two numbers do not read as one figure that disagrees with itself."""
    if not has_permission(request.user, EMPLOYMENT_VIEW):
        return None
    today = timezone.localdate()
    figures = figures_for(request.user, region)
    return {
        "today": today,
        "surveyed_unemployed": dict(figures["status_counts"]).get(LabourStatus.UNEMPLOYED, 0),
        "registered_unemployed": selectors.registered_unemployed_on(request.user, region, today).count(),
    }
