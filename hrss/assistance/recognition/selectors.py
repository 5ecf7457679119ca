"""Reads of the recognition part, always through core.scoping, and what other parts use: `valid_recognition(person,
day)` (the person's recognition in force on a day) and `recognised(user, region, day)` (the people recognised that
day whom the user may see)."""

import datetime

from django.db.models import Q

from hrss.assistance.models import Recognition, RecognitionStatus
from hrss.assistance.recognition import categories, rules
from hrss.assistance.recognition.chains import NOTICE_STEP
from hrss.core import scoping
from hrss.core.dates import month_bounds
from hrss.core.id_numbers import mask
from hrss.core.models import ReviewCase
from hrss.core.selectors import place_names
from hrss.residents.labour_status import IN_WORK

OPEN = (ReviewCase.Status.OPEN, ReviewCase.Status.RETURNED)


def in_force_q(day):
    """Recognitions in force on `day`: recognised on or before it, valid through it, not exited."""
    return Q(status=RecognitionStatus.RECOGNISED, recognised_on__lte=day, valid_until__gte=day)


def valid_recognition(person, day):
    """The person's recognition in force on `day`, or None (for other parts: a placement, a subsidy)."""
    return Recognition.objects.filter(in_force_q(day), person=person).first()


def _within(user, queryset, region=None):
    queryset = scoping.visible_to(user, queryset)
    return scoping.within_region(queryset, region) if region is not None else queryset


def recognitions(user, region=None):
    return _within(user, Recognition.objects.select_related("person", "case"), region).order_by("-applied_on", "-id")


def recognised(user, region, day):
    """The recognitions in force on `day` that `user` may see within `region` (None: all of the user's)."""
    return recognitions(user, region).filter(in_force_q(day))


def in_review(user, region=None):
    return recognitions(user, region).filter(status=RecognitionStatus.IN_REVIEW)


def in_notice(user, region=None):
    return recognitions(user, region).filter(status=RecognitionStatus.IN_REVIEW, case__status=ReviewCase.Status.OPEN,
                                             case__step=NOTICE_STEP)


def notice_ended(user, day, region=None):
    """Cases whose notice has run out by `day` (ready to send to the county, unless an objection is open)."""
    return in_notice(user, region).filter(notice_until__lt=day)


def reviews_due(user, day, region=None):
    """Recognitions in force whose next review falls within rules.REVIEW_NOTICE_DAYS of `day` (or is past)."""
    return recognised(user, region, day).filter(
        next_review_on__lte=day + datetime.timedelta(days=rules.REVIEW_NOTICE_DAYS)).order_by("next_review_on", "id")


def expired(user, day, region=None):
    """Recognitions still marked recognised whose validity ended before `day` (to be closed or applied for again)."""
    return recognitions(user, region).filter(status=RecognitionStatus.RECOGNISED, valid_until__lt=day).order_by(
        "valid_until", "id")


def new_this_month(user, region, day):
    first, last = month_bounds(day.year, day.month)
    return recognitions(user, region).filter(recognised_on__gte=first, recognised_on__lte=min(last, day))


def exited_this_year(user, region, day):
    return recognitions(user, region).filter(status=RecognitionStatus.EXITED, exited_on__year=day.year,
                                             exited_on__lte=day)


STATES = {
    "in_review": ("审核中", lambda user, region, day: in_review(user, region)),
    "in_notice": ("公示中", lambda user, region, day: in_notice(user, region)),
    "recognised": ("有效认定", recognised),
    "new_this_month": ("本月新认定", new_this_month),
    "exited_this_year": ("本年退出", exited_this_year),
    "reviews_due": ("待复核", lambda user, region, day: reviews_due(user, day, region)),
    "expired": ("已到期未退出", lambda user, region, day: expired(user, day, region)),
    "refused": ("未认定", lambda user, region, day: recognitions(user, region).filter(
        status=RecognitionStatus.REFUSED)),
    "exited": ("已退出", lambda user, region, day: recognitions(user, region).filter(
        status=RecognitionStatus.EXITED)),
}


def filtered(user, region, day, *, state="", category="", step=""):
    """The list page's rows: by state (STATES), category code, and the chain's step of cases in review."""
    found = STATES[state][1](user, region, day) if state in STATES else recognitions(user, region)
    if category:
        found = found.filter(category=category)
    if step:
        found = found.filter(case__step=step, case__status__in=OPEN)
    return found.order_by("-applied_on", "-id")


LEDGER_HEADER = ["认定编号", "姓名", "公民身份号码", "性别", "村(社区)", "村(社区)代码", "援助对象类别", "申请日期", "状态",
                 "公示期", "认定日期", "有效期至", "下次复核", "退出日期", "退出原因"]


def _d(value):
    return value.isoformat() if value else ""


def ledger_rows(queryset, region):
    """The 就业困难人员认定台账 (.xlsx) of the rows of the list; ID numbers masked (the file leaves the system)."""
    found = list(queryset.select_related("person"))
    places = place_names([r.region_code for r in found], region)
    rows = [[r.number, r.person.name, mask(r.person.id_number), r.person.get_sex_display(),
             places.get(r.region_code, ""), r.region_code, categories.name_of(r.category), _d(r.applied_on),
             r.get_status_display(),
             f"{_d(r.notice_from)}至{_d(r.notice_until)}" if r.notice_from else "", _d(r.recognised_on),
             _d(r.valid_until), _d(r.next_review_on), _d(r.exited_on), r.get_exit_reason_display() if r.exit_reason
             else ""] for r in found]
    return LEDGER_HEADER, rows


def notice_list(user, township):
    """公示名单 of a township (its villages' cases in notice), by notice date and village."""
    return in_notice(user, township).order_by("notice_from", "region_code", "id")


def in_work_warning(recognition):
    """"台账显示已就业（单位就业，YYYY-MM-DD起），应办理退出" when the ledger shows a recognised person in work, else ""."""
    person = recognition.person
    if recognition.status != RecognitionStatus.RECOGNISED or person.labour_status not in IN_WORK:
        return ""
    since = f"，{person.status_since:%Y-%m-%d}起" if person.status_since else ""
    return f"台账显示已就业（{person.get_labour_status_display()}{since}），应办理退出"


def status_label(recognition):
    """The recognition's state for a page: 公示中 while its notice runs, else the status's label."""
    case = recognition.case
    if recognition.status == RecognitionStatus.IN_REVIEW and case.status == ReviewCase.Status.OPEN \
            and case.step == NOTICE_STEP:
        return "公示中"
    return recognition.get_status_display()


def apply_blocker(person, day):
    """Why an intake for `person` would be refused for a reason known before the form is filled (in work, a standing
    recognition), in Chinese, or ""."""
    if person.labour_status in IN_WORK:
        return f"台账显示现为“{person.get_labour_status_display()}”（已就业），不能申请认定"
    standing = Recognition.objects.filter(person=person, status=RecognitionStatus.IN_REVIEW).first()
    if standing is not None:
        return f"已有审核中的认定申请（{standing.number}）"
    valid = valid_recognition(person, day)
    if valid is not None:
        return f"已认定为就业困难人员，有效期至{valid.valid_until:%Y-%m-%d}"
    return ""
