"""The benefits part's reads: what a pension pays for a month, the months a suspension missed, the pensions a county's
roll is due to pay, what a death leaves (the overpayment, the inheritable balance), and the lists of the pages
(through core.scoping: a user sees only their scope)."""

import datetime
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Q, Sum

from hrss.core import scoping
from hrss.core.dates import add_months, month_index
from hrss.pensions.models import DeathReport, PaymentKind, Pension, PensionPayment, PensionRoll, PensionState
from hrss.pensions.schemes.rules import basic_pension_on

ZERO = Decimal("0.00")
PAID_KINDS = (PaymentKind.REGULAR, PaymentKind.BACK_PAY)
# A payment for a month after the pension stopped (after the death month): not to be paid, nor listed on a roll, its
# export or the figures; the row stays (it is the overpayment to recover, Pension.overpaid).
AFTER_STOP = Q(kind__in=PAID_KINDS) & (Q(pension__stopped_on__isnull=False, pension__stopped_on__lt=F("month"))
                                       | Q(pension__died_on__isnull=False, pension__died_on__lt=F("month")))


def first_of_month(day):
    return day.replace(day=1)


def county_roll_code(region_code):
    """The 12-digit code of the county a pension is paid in (the roll is per county)."""
    return scoping.code_of_prefix(scoping.county_code_of(region_code))


def monthly_amount(pension, month):
    """What the pension pays for `month` (its first day): the basic pension in force in the county that month (a
    raise applies to every pensioner from its day) plus the approved personal-account part."""
    basic, _rules = basic_pension_on(scoping.county_code_of(pension.region_code), month)
    return basic + pension.account_part


def _months(first, last):
    """The first days of the months from `first` to `last` (both first days), inclusive."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


def unpaid_months(pension, today, since):
    """The months from `since` (not before the first month) to the month before today's month, and today's month
    too when the county's roll for it has been made, that have no regular or back payment yet."""
    this_month = first_of_month(today)
    rolled = PensionRoll.objects.filter(region_code=county_roll_code(pension.region_code), month=this_month).exists()
    last = this_month if rolled else add_months(this_month, -1)
    months = _months(max(since, pension.first_month), last)
    paid = set(pension.payments.filter(kind__in=PAID_KINDS, month__in=months).values_list("month", flat=True))
    return [month for month in months if month not in paid]


def missed_months(pension, today):
    """The suspended months already missed on `today`: from suspended_from to the month before today's month, and
    today's month too when the county's roll for it has been made; a month already paid (regular or back pay) is not
    missed."""
    if pension.suspended_from is None:
        return []
    return unpaid_months(pension, today, pension.suspended_from)


def due_pensions(county_code, month):
    """The pensions of the county due a regular payment for `month`: paying (or suspended after it), started by
    then, not yet paid for it; never for a month after the pension stopped or the person's death month."""
    low, high = scoping.code_range(county_code)
    paid = PensionPayment.objects.filter(pension=OuterRef("pk"), month=month,
                                         kind__in=[PaymentKind.REGULAR, PaymentKind.BACK_PAY])
    # A suspended pension is still due the months before its suspension (a roll made late).
    due = Q(state=PensionState.PAYING) | Q(state=PensionState.SUSPENDED, suspended_from__gt=month)
    dead = DeathReport.objects.filter(person=OuterRef("person"), died_on__lt=month)
    return (Pension.objects.filter(due, region_code__gte=low, region_code__lte=high, first_month__lte=month)
            .exclude(Exists(paid)).exclude(Exists(dead)).exclude(stopped_on__lt=month).exclude(died_on__lt=month)
            .select_related("person"))


def paid_after(pension, month):
    """The sum of the regular and back-pay payments of the pension for months after `month`."""
    return pension.payments.filter(kind__in=[PaymentKind.REGULAR, PaymentKind.BACK_PAY], month__gt=month) \
        .aggregate(total=Sum("amount"))["total"] or ZERO


def inheritable_balance(pension, death_month):
    """The personal account's remainder the heirs inherit: the balance at approval less the account parts paid for
    the months up to the death month (not below 0) [believed]."""
    months = pension.payments.filter(kind__in=[PaymentKind.REGULAR, PaymentKind.BACK_PAY],
                                     month__lte=death_month).count()
    return max(pension.account_balance - pension.account_part * months, ZERO)


def outstanding(pension):
    """The overpayment still to recover: overpaid less what has been recovered (recoveries are negative rows)."""
    recovered = pension.payments.filter(kind=PaymentKind.RECOVERY).aggregate(total=Sum("amount"))["total"] or ZERO
    return pension.overpaid + recovered


def month_count(first, last):
    return month_index(last.year, last.month) - month_index(first.year, first.month) + 1


# --- the pages' lists ----------------------------------------------------------------------------------------


def pensions_visible(user, region=None):
    found = scoping.visible_to(user, Pension.objects.select_related("person", "case"))
    if region is not None:
        found = scoping.within_region(found, region)
    return found.order_by("region_code", "person__name", "-id")


def _paid_this_month(user, region, today):
    month = first_of_month(today)
    paid = (PensionPayment.objects.filter(pension=OuterRef("pk"), paid_in=month, kind__in=PAID_KINDS)
            .exclude(AFTER_STOP))
    return pensions_visible(user, region).filter(Exists(paid))


def _stopped_this_year(user, region, today):
    return pensions_visible(user, region).filter(state=PensionState.STOPPED, stopped_on__year=today.year)


STATES = {
    "in_review": ("审核中", lambda user, region, today: pensions_visible(user, region).filter(
        state=PensionState.IN_REVIEW)),
    "paying": ("正常发放", lambda user, region, today: pensions_visible(user, region).filter(
        state=PensionState.PAYING)),
    "suspended": ("暂停发放", lambda user, region, today: pensions_visible(user, region).filter(
        state=PensionState.SUSPENDED)),
    "stopped": ("终止发放", lambda user, region, today: pensions_visible(user, region).filter(
        state=PensionState.STOPPED)),
    "refused": ("不予核定（含撤回）", lambda user, region, today: pensions_visible(user, region).filter(
        state=PensionState.REFUSED)),
    "paid_this_month": ("本月有发放", _paid_this_month),
    "stopped_this_year": ("本年终止", _stopped_this_year),
    "to_recover": ("有多发待追回", lambda user, region, today: pensions_visible(user, region).filter(
        state=PensionState.STOPPED, overpaid__gt=0)),
}


def payments_visible(user, region=None):
    found = scoping.visible_to(user, PensionPayment.objects.select_related("pension", "pension__person"))
    if region is not None:
        found = scoping.within_region(found, region)
    return found


def roll_lines(user, region, month):
    """The payments of the month's roll within `region` (regular, back pay and recoveries paid in it), by place and
    name; not a payment for a month after the pension stopped (the death month): that row is the overpayment."""
    return list(payments_visible(user, region).filter(paid_in=month).exclude(AFTER_STOP)
                .order_by("region_code", "pension__person__name", "month", "kind"))


def roll_sums(lines):
    people = {line.pension_id for line in lines if line.kind != PaymentKind.RECOVERY}
    regular = sum((line.amount for line in lines if line.kind == PaymentKind.REGULAR), ZERO)
    back_pay = sum((line.amount for line in lines if line.kind == PaymentKind.BACK_PAY), ZERO)
    return {"people": len(people), "regular": regular, "back_pay": back_pay, "total": regular + back_pay}


def paid_this_month_amount(user, region, today):
    """The statistics' 本月发放金额: regular payments and back pay paid in today's month (whole yuan are not
    rounded: the sum to the fen)."""
    month = first_of_month(today)
    total = payments_visible(user, region).filter(paid_in=month, kind__in=PAID_KINDS).exclude(AFTER_STOP) \
        .aggregate(total=Sum("amount"))["total"]
    return Decimal(total or ZERO).quantize(Decimal("0.01"))  # SQLite's sum carries more digits


def roll_of(county_code, month):
    return PensionRoll.objects.filter(region_code=scoping.code_of_prefix(county_code), month=month).first()


def paid_months(pension):
    return pension.payments.filter(kind__in=PAID_KINDS).count()


MONTH_PROBLEM = "月份应为 YYYY-MM 形式（如 {example}），年份在2000至2100之间；请重新选择月份。"

def parse_month(text, today):
    """The first day of "YYYY-MM" (today's month when empty), or None when malformed."""
    if not text:
        return today.replace(day=1)
    year, _, month = text.partition("-")
    try:
        year, month = int(year), int(month)
    except ValueError:
        return None
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    return datetime.date(year, month, 1)
