from django.urls import reverse
from django.utils import timezone

from hrss.core import review
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.employment import services
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.employment.permissions import EMPLOYMENT_HANDLE


def review_work(user):
    if not has_permission(user, EMPLOYMENT_HANDLE):
        return []
    queue = review.queue_for(user, case_type=UNEMPLOYMENT_REGISTRATION.case_type)
    waiting = queue.count()
    overdue = queue.filter(due_date__lt=timezone.localdate()).count()
    return [PendingItem("待办理的失业登记", waiting, reverse("employment:queue"), overdue=overdue)]


def hires_to_confirm(user):
    """Registered unemployed people of the user's scope hired through an office outside it: their 失业登记 waits for
    a home officer to confirm its cancellation (the proposals page, services.cancellation_proposals)."""
    if not set(user.role_list) & services.CANCELLING_ROLES:
        return []
    count = services.hired_elsewhere_count(user)
    return [PendingItem("已被外地用人单位录用、待确认注销的失业登记", count, reverse("employment:proposals"))]
