"""The recognition part's pending work on the home page (core.pending): cases waiting at the user's step, notices
that have run out (ready to send to the county), and reviews of continuing eligibility due."""

from django.urls import reverse
from django.utils import timezone

from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.assistance.recognition import selectors
from hrss.assistance.recognition.chains import NOTICE_STEP, RECOGNITION, TOWNSHIP_ROLES
from hrss.assistance.recognition.services import FOLLOW_UP_ROLES
from hrss.core import review
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission

LIST = "assistance:recognition-list"


def review_work(user):
    if not has_permission(user, ASSISTANCE_HANDLE):
        return []
    today = timezone.localdate()
    queue = review.queue_for(user, case_type=RECOGNITION.case_type).exclude(step=NOTICE_STEP)
    overdue = queue.filter(due_date__lt=today).count()
    return [PendingItem("待办理的就业困难人员认定", queue.count(), reverse(LIST) + "?mine=1", overdue=overdue)]


def notices_ended(user):
    if not has_permission(user, ASSISTANCE_HANDLE) or not set(user.role_list) & TOWNSHIP_ROLES:
        return []
    count = selectors.notice_ended(user, timezone.localdate()).count()
    return [PendingItem("公示期满待报县审批的就业困难人员认定", count, reverse(LIST) + "?state=in_notice")]


def reviews_due(user):
    if not has_permission(user, ASSISTANCE_HANDLE) or not set(user.role_list) & FOLLOW_UP_ROLES:
        return []
    today = timezone.localdate()
    due = selectors.reviews_due(user, today)
    return [PendingItem("到期待复核的就业困难人员", due.count(), reverse(LIST) + "?state=reviews_due",
                        overdue=due.filter(next_review_on__lt=today).count())]
