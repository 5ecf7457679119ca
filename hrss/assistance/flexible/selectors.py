"""Reads of the flexible part, always through core.scoping: the 灵活就业台账, the subsidies, the quarter's roll, the
figures of the statistics page, and the recognised 就业困难人员 a subsidy needs."""

import datetime

from django.db.models import Q, Sum

from hrss.assistance.flexible import rules
from hrss.assistance.models import (
    FlexibleRegistration,
    FlexibleSubsidy,
    FlexibleSubsidyPeriod,
)
from hrss.assistance.recognition import selectors as recognition_selectors
from hrss.core import scoping
from hrss.core.id_numbers import mask
from hrss.core.models import ReviewCase
from hrss.core.selectors import place_names  # noqa: F401 - the place column of this part's lists
from hrss.residents.models import FlexibleForm

APPROVED = ReviewCase.Status.APPROVED
OPEN = (ReviewCase.Status.OPEN, ReviewCase.Status.RETURNED)


def _within(user, queryset, region=None):
    queryset = scoping.visible_to(user, queryset)
    return scoping.within_region(queryset, region) if region is not None else queryset


# Whether a person is recognised on a day is the recognition part's rule, used here as it is.
valid_recognition = recognition_selectors.valid_recognition


def recognition_end(recognition):
    """The last day the recognition holds: its exit (the day before it), or the end of its validity."""
    if recognition.exited_on is not None:
        return min(recognition.valid_until or recognition.exited_on,
                   recognition.exited_on - datetime.timedelta(days=1))
    return recognition.valid_until


# --- the ledger ----------------------------------------------------------------------------------------------------

STATES = {
    "active": ("有效", Q(ended_on__isnull=True)),
    "unverified": ("待核实", Q(ended_on__isnull=True, verified_on__isnull=True)),
    "ended": ("已终止", Q(ended_on__isnull=False)),
}


def registrations(user, region=None, *, state="", form="", insured="", late=""):
    found = _within(user, FlexibleRegistration.objects.select_related("person"), region)
    if state in STATES:
        found = found.filter(STATES[state][1])
    if form in FlexibleForm.values:
        found = found.filter(form=form)
    if insured in ("yes", "no"):
        found = found.filter(pays_insurance=insured == "yes")
    if late == "yes":
        found = found.filter(is_late=True)
    return found.order_by("region_code", "-started_on", "-id")


def active_registration(person):
    return FlexibleRegistration.objects.filter(person=person, ended_on__isnull=True).first()


def verification_due(user, today):
    """Active registrations still to be verified, and how many of them are past the days allowed."""
    waiting = _within(user, FlexibleRegistration.objects.filter(ended_on__isnull=True, verified_on__isnull=True))
    late = waiting.filter(registered_on__lt=today - datetime.timedelta(days=rules.verify_within(today)))
    return waiting, late


LEDGER_HEADER = ["姓名", "公民身份号码", "村(社区)", "灵活就业形式", "从事工作", "从业地点", "开始从业日期", "登记日期",
                 "逾期登记", "月收入", "参加社保", "核实日期", "核实情况", "终止日期", "终止原因", "联系电话"]


def ledger_rows(user, region, **filters):
    found = list(registrations(user, region, **filters)[:20000])
    places = place_names(r.region_code for r in found)
    return LEDGER_HEADER, [
        [r.person.name, mask(r.person.id_number), places.get(r.region_code, ""), r.get_form_display(), r.work,
         r.place, r.started_on, r.registered_on, "是" if r.is_late else "否", r.get_income_band_display(),
         "是" if r.pays_insurance else "否", r.verified_on, r.verification_note, r.ended_on,
         r.get_end_reason_display() if r.end_reason else "", r.phone or r.person.phone]
        for r in found]


# --- the subsidy ---------------------------------------------------------------------------------------------------

SUBSIDY_STATES = {
    "open": ("审核中", Q(case__status__in=OPEN)),
    "approved": ("已批准", Q(case__status=APPROVED)),
    "closed": ("未批准/撤回", Q(case__status__in=[ReviewCase.Status.REJECTED, ReviewCase.Status.WITHDRAWN])),
}


def subsidies(user, region=None, *, state=""):
    found = _within(user, FlexibleSubsidy.objects.select_related("person", "case", "registration"), region)
    if state in SUBSIDY_STATES:
        found = found.filter(SUBSIDY_STATES[state][1])
    return found.order_by("-applied_on", "-id")


def receiving(user, region, today):
    """Subsidies approved and running on `today`: within their maximum duration, not stopped."""
    return subsidies(user, region, state="approved").filter(
        Q(stopped_on__isnull=True) | Q(stopped_on__gt=today), subsidy_from__lte=today, limit_until__gte=today)


def periods(user, region=None, *, year=None, quarter=None):
    found = _within(user, FlexibleSubsidyPeriod.objects.select_related("subsidy__person"), region)
    if year and quarter:
        found = found.filter(year=year, quarter=quarter)
    return found.order_by("region_code", "subsidy__person__name", "id")


def total(queryset):
    return queryset.aggregate(total=Sum("subsidy_amount"))["total"] or 0


ROLL_HEADER = ["姓名", "公民身份号码", "村(社区)", "年度", "季度", "缴费月数", "个人实缴（元）", "补贴金额（元）", "缴费凭证",
               "补贴期限截止"]


def roll_rows(user, region, year, quarter):
    found = list(periods(user, region, year=year, quarter=quarter)[:20000])
    places = place_names(p.region_code for p in found)
    return ROLL_HEADER, [
        [p.subsidy.person.name, mask(p.subsidy.person.id_number), places.get(p.region_code, ""), p.year, p.quarter,
         p.months, p.paid_amount, p.subsidy_amount, p.proof, p.subsidy.limit_until] for p in found]


# --- the figures of the area's statistics page ----------------------------------------------------------------------


def count_active(user, region, today):
    return registrations(user, region, state="active").filter(started_on__lte=today).count()


def count_receiving(user, region, today):
    return receiving(user, region, today).values("person_id").distinct().count()


def amount_this_quarter(user, region, today):
    year, quarter = rules.quarter_of(today)
    return int(total(periods(user, region, year=year, quarter=quarter)))
