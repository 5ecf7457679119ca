"""The person page's 创业担保贷款 panel (core.areas.Panel, declared in declare.py)."""

from django.utils import timezone

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.jobservices.loans import selectors
from hrss.jobservices.loans.chains import LOAN_APPLICATION
from hrss.jobservices.models import Loan, LoanApplication
from hrss.jobservices.permissions import LOAN_HANDLE, LOAN_VIEW


def person_loans(request, person):
    """The person's applications and loans, with the intake button for their village's assistant. `person` was
    fetched through core.scoping by the page; None for a user without the loans' permission, and for a person with
    nothing to show who does not want to start a business, unless the user may take an application in."""
    user = request.user
    if not has_permission(user, LOAN_VIEW):
        return None
    applications = list(scoping.visible_to(user, LoanApplication.objects.filter(person=person))
                        .select_related("case").order_by("-applied_on", "-id"))
    loans = list(scoping.visible_to(user, Loan.objects.filter(person=person)).select_related("application")
                 .order_by("-start_date"))
    can_apply = has_permission(user, LOAN_HANDLE) and bool(set(user.role_list) & LOAN_APPLICATION.intake.roles)
    if not applications and not loans and not person.wants_business and not can_apply:
        return None
    today = timezone.localdate()
    return {
        "person": person, "can_apply": can_apply,
        "applications": [(a, LOAN_APPLICATION.step(a.case.step).label if a.case.is_open
                          else a.case.get_status_display()) for a in applications],
        "loans": [(loan, selectors.loan_summary(loan, today)) for loan in loans],
    }
