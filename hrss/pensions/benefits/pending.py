"""The benefits part's pending work on the home page (core.pending): award cases waiting at the user's step (the
township's review, the county's approval, a case sent back to the village), and, for the village's assistant, the
enrolled people who turn 60 next month and have not applied."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import review
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.pensions.benefits import eligibility
from hrss.pensions.benefits.chains import AWARD, VILLAGE_ROLES
from hrss.pensions.permissions import PENSIONS_HANDLE

LIST = "pensions:benefits-list"


def review_work(user):
    if not has_permission(user, PENSIONS_HANDLE):
        return []
    today = timezone.localdate()
    queue = review.queue_for(user, case_type=AWARD.case_type)
    overdue = queue.filter(due_date__lt=today).count()
    return [PendingItem("待办理的养老金待遇核定", queue.count(), reverse(LIST) + "?mine=1", overdue=overdue)]


def turning_sixty(user):
    if not has_permission(user, PENSIONS_HANDLE) or not set(user.role_list) & VILLAGE_ROLES:
        return []
    count = eligibility.turning_sixty_without_application(user, timezone.localdate()).count()
    return [PendingItem("下月年满60周岁、已参保未申领待遇", count, reverse(LIST) + "?state=turning_sixty")]
