from django.urls import reverse
from django.utils import timezone

from hrss.core import review
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.employment.permissions import EMPLOYMENT_HANDLE


def review_work(user):
    if not has_permission(user, EMPLOYMENT_HANDLE):
        return []
    queue = review.queue_for(user, case_type=UNEMPLOYMENT_REGISTRATION.case_type)
    waiting = queue.count()
    overdue = queue.filter(due_date__lt=timezone.localdate()).count()
    return [PendingItem("待办理的失业登记", waiting, reverse("employment:queue"), overdue=overdue)]
