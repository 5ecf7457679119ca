"""The benefits part's writes (待遇领取): keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), an audit entry for each write. Bad input is a ValidationError saying in
Chinese what to fix, and nothing is written.

Contracts for the other parts: `suspend` and `resume` (the certification part), `after_death(hook)` (retirees,
cards: run inside report_death's transaction)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from hrss.core import audit, scoping
from hrss.core.dates import add_months, month_index
from hrss.core.permissions import check_acting_in, check_permission
from hrss.pensions.models import PaymentKind, Pension, PensionPayment, PensionRoll, PensionState
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.pensions.schemes.rules import basic_pension_on

ZERO = Decimal("0.00")


def _month(day):
    return f"{day.year}年{day.month:02d}月"


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


def _check_handling(actor, pension, action, message):
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=pension.region_code, action=action, message=message,
                    subject_id_number=pension.person.id_number)


# --- suspension and resumption (the certification part's contract) --------------------------------------------


def suspend(*, actor, pension, from_month, reason, today):
    """暂停发放: a paying pension gets no regular payment from `from_month` (any day of it; not before the first
    month) until it is resumed. Returns the pension."""
    _check_handling(actor, pension, "pensions.pension.suspend", "您无权暂停该人员的养老金发放。")
    problems = []
    if pension.state != PensionState.PAYING:
        problems.append(f"该养老金现为“{pension.get_state_display()}”，只有正常发放的养老金可以暂停。")
    if not isinstance(from_month, datetime.date):
        problems.append("请填写暂停起始年月。")
    if not (reason or "").strip():
        problems.append("请填写暂停原因。")
    if problems:
        raise ValidationError(problems)
    start = max(first_of_month(from_month), pension.first_month)
    with transaction.atomic():
        if not Pension.objects.filter(pk=pension.pk, state=PensionState.PAYING).update(
                state=PensionState.SUSPENDED, suspended_from=start, suspend_reason=reason.strip()[:100],
                version=pension.version + 1):
            raise ValidationError(["该养老金的状态刚被他人改变，请刷新后再操作。"])
        pension.refresh_from_db()
        audit.record(actor=actor, action="pensions.pension.suspended", target=pension,
                     region_code=pension.region_code, subject_id_number=pension.person.id_number,
                     before={"state": PensionState.PAYING}, after={"state": pension.state, "suspended_from": start},
                     note=reason.strip()[:255])
    return pension


def missed_months(pension, today):
    """The suspended months already missed on `today`: from suspended_from to the month before today's month, and
    today's month too when the county's roll for it has been made; a month already paid (regular or back pay) is not
    missed."""
    if pension.suspended_from is None:
        return []
    this_month = first_of_month(today)
    rolled = PensionRoll.objects.filter(region_code=county_roll_code(pension.region_code), month=this_month).exists()
    last = this_month if rolled else add_months(this_month, -1)
    months = _months(max(pension.suspended_from, pension.first_month), last)
    paid = set(pension.payments.filter(kind__in=[PaymentKind.REGULAR, PaymentKind.BACK_PAY], month__in=months)
               .values_list("month", flat=True))
    return [month for month in months if month not in paid]


def resume(*, actor, pension, certified_on, today):
    """恢复发放 after certification: refused unless the pension is suspended and the certification day is given (not
    after today). The pension pays again; every suspended month already missed is paid as back pay (补发) in the
    current month's roll. Returns the back pay total (Decimal)."""
    _check_handling(actor, pension, "pensions.pension.resume", "您无权恢复该人员的养老金发放。")
    problems = []
    if pension.state != PensionState.SUSPENDED:
        problems.append(f"该养老金现为“{pension.get_state_display()}”，只有暂停发放的养老金可以恢复发放。")
    if not isinstance(certified_on, datetime.date):
        problems.append("恢复发放须先完成领取待遇资格认证：请填写认证日期。")
    elif certified_on > today:
        problems.append("认证日期不能晚于今天。")
    if problems:
        raise ValidationError(problems)
    paid_in = first_of_month(today)
    with transaction.atomic():
        if not Pension.objects.filter(pk=pension.pk, state=PensionState.SUSPENDED).update(
                state=PensionState.PAYING, version=pension.version + 1):
            raise ValidationError(["该养老金的状态刚被他人改变，请刷新后再操作。"])
        months = missed_months(pension, today)
        rows = [PensionPayment(pension=pension, region_code=pension.region_code, month=month,
                               kind=PaymentKind.BACK_PAY, amount=monthly_amount(pension, month), paid_in=paid_in)
                for month in months]
        PensionPayment.objects.bulk_create(rows)
        total = sum((row.amount for row in rows), ZERO)
        suspended_from = pension.suspended_from
        Pension.objects.filter(pk=pension.pk).update(suspended_from=None, suspend_reason="")
        pension.refresh_from_db()
        audit.record(actor=actor, action="pensions.pension.resumed", target=pension,
                     region_code=pension.region_code, subject_id_number=pension.person.id_number,
                     before={"state": PensionState.SUSPENDED, "suspended_from": suspended_from},
                     after={"state": pension.state, "certified_on": certified_on, "back_pay_months": len(rows),
                            "back_pay": total})
    return total


# --- deaths ------------------------------------------------------------------------------------------------------

_after_death = []


def after_death(hook):
    """Register `hook(person, died_on, actor, today)` to run inside report_death's transaction, after the pension
    (if any) is stopped and the enrolment ended: a part whose records stand on the living person (a retiree's
    record, a social-security card) closes them there. Returns `hook` (usable as a decorator)."""
    if hook not in _after_death:
        _after_death.append(hook)
    return hook


def run_after_death(person, died_on, actor, today):
    for hook in _after_death:
        hook(person, died_on, actor, today)


def month_count(first, last):
    return month_index(last.year, last.month) - month_index(first.year, first.month) + 1
