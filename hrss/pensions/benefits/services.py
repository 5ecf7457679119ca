"""The benefits part's writes (待遇领取): keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), an audit entry for each write. Bad input is a ValidationError saying in
Chinese what to fix, and nothing is written.

Contracts for the other parts: `suspend` and `resume` (the certification part), `after_death(hook)` (retirees,
cards: run inside report_death's transaction)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from hrss.core import audit, review, scoping
from hrss.core.models import Level, ReviewDecision
from hrss.core.permissions import check_acting_in, check_permission
from hrss.pensions.benefits import calc
from hrss.pensions.benefits import rules as own_rules
from hrss.pensions.benefits.chains import AWARD, COUNTY_ROLES, TOWNSHIP_ROLES, VILLAGE_ROLES
from hrss.pensions.benefits.eligibility import eligibility, first_month_for, standing_enrolment
from hrss.pensions.benefits.selectors import (
    ZERO,
    due_pensions,
    first_of_month,
    inheritable_balance,
    missed_months,
    monthly_amount,
    outstanding,
    paid_after,
    unpaid_months,
)
from hrss.pensions.contributions import account
from hrss.pensions.enrolment import services as enrolment_services
from hrss.pensions.models import (
    DeathReport,
    Enrolment,
    EnrolmentState,
    PaymentKind,
    Pension,
    PensionPayment,
    PensionRoll,
    PensionState,
)
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.residents.models import Person

Action = ReviewDecision.Action
STANDING = (PensionState.IN_REVIEW, PensionState.PAYING, PensionState.SUSPENDED)
# Who reports a death (the village that knows it first; the township and the county may too) [believed].
DEATH_ROLES = VILLAGE_ROLES | TOWNSHIP_ROLES | COUNTY_ROLES



def _month(day):
    return f"{day.year}年{day.month:02d}月"


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
                     before={"pension_state": PensionState.PAYING}, after={"pension_state": pension.state, "suspended_from": start},
                     note=reason.strip()[:255])
    return pension


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
    with transaction.atomic():
        if not Pension.objects.filter(pk=pension.pk, state=PensionState.SUSPENDED).update(
                state=PensionState.PAYING, version=pension.version + 1):
            raise ValidationError(["该养老金的状态刚被他人改变，请刷新后再操作。"])
        rows = _back_pay(pension, missed_months(pension, today), today)
        total = sum((row.amount for row in rows), ZERO)
        suspended_from = pension.suspended_from
        Pension.objects.filter(pk=pension.pk).update(suspended_from=None, suspend_reason="")
        pension.refresh_from_db()
        audit.record(actor=actor, action="pensions.pension.resumed", target=pension,
                     region_code=pension.region_code, subject_id_number=pension.person.id_number,
                     before={"pension_state": PensionState.SUSPENDED, "suspended_from": suspended_from},
                     after={"pension_state": pension.state, "certified_on": certified_on, "back_pay_months": len(rows),
                            "back_pay": total})
    return total


def _back_pay(pension, months, today):
    """补发: one back-pay row for each of `months`, paid in today's month's roll. Returns the rows."""
    paid_in = first_of_month(today)
    rows = [PensionPayment(pension=pension, region_code=pension.region_code, month=month, kind=PaymentKind.BACK_PAY,
                           amount=monthly_amount(pension, month), paid_in=paid_in) for month in months]
    PensionPayment.objects.bulk_create(rows)
    return rows


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


# --- eligibility ---------------------------------------------------------------------------------------------


# --- the award ---------------------------------------------------------------------------------------------------



def apply(*, actor, person, today):
    """The village's intake of an application for the pension (待遇申领): refused before the eligible month
    ("不能早于 YYYY年MM月 起领") and when not eligible (each reason); the pension is worked out with the personal
    account's balance on the day and the case goes to the township."""
    check_permission(actor, PENSIONS_HANDLE)
    review.check_intake(chain=AWARD, region_code=person.region_code, actor=actor, subject_id_number=person.id_number)
    problems = []
    first = first_month_for(person, today)
    if first_of_month(today) < first:
        problems.append(f"不能早于 {first:%Y}年{first:%m}月 起领：{person.name}"
                        f"{person.birth_date:%Y年%m月%d日}出生，年满60周岁的次月起方可申领。")
    else:
        problems += eligibility(person, today).problems
    enrolment = standing_enrolment(person)
    if enrolment is None:
        problems.append("未参加城乡居民养老保险：请先办理参保登记。")
    if DeathReport.objects.filter(person=person).exists():
        problems.append("该人员已报告死亡，不能申领养老金。")
    if Pension.objects.filter(person=person, state__in=STANDING).exists():
        problems.append("该人员已有审核中或发放中的养老金，不能重复申领。")
    if problems:
        raise ValidationError(problems)
    balance = account.balance(person, today)
    result = calc.calculate(birth_date=person.birth_date, account_balance=balance, on=today,
                            county_code=scoping.county_code_of(person.region_code))
    with transaction.atomic():
        list(Person.objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        if Pension.objects.filter(person=person, state__in=STANDING).exists():
            raise ValidationError(["该人员已有审核中或发放中的养老金，不能重复申领。"])
        case = review.open_case(chain=AWARD, region_code=person.region_code, subject_id_number=person.id_number,
                                title=f"{person.name} 养老金待遇核定", actor=actor, today=today)
        pension = Pension.objects.create(
            person=person, enrolment=enrolment, region_code=person.region_code, case=case, applied_on=today,
            first_month=max(first, result.first_month), account_balance=balance, basic=result.basic,
            account_part=result.account_part, total=result.total,
            calculation={**result.as_stored(), "route": eligibility(person, today).route}, created_by=actor)
        audit.record(actor=actor, action="pensions.pension.applied", target=pension, region_code=pension.region_code,
                     subject_id_number=person.id_number,
                     after={"first_month": pension.first_month, "total": pension.total})
    return pension


def decide_pension(*, actor, pension, action, version, reason="", today):
    """One move on the award's review: forward (township), approve (county: the pension is paying from its first
    month, approved_on today, the enrolment marked drawing; the months from the first month already past (before
    today's month, and today's month when its roll is made) are paid as back pay (补发) in today's month's roll, as
    resume() does), send back, refuse, resubmit, withdraw."""
    case = pension.case
    check_permission(actor, PENSIONS_HANDLE)
    review.check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    if action == Action.RESUBMIT:
        problems = eligibility(pension.person, today).problems
        if problems:
            raise ValidationError(problems)
    with transaction.atomic():
        case = review.apply_move(case=case, actor=actor, action=action, version=version, reason=reason, today=today)
        if action == Action.APPROVE:
            Pension.objects.filter(pk=pension.pk).update(state=PensionState.PAYING, approved_on=today,
                                                         version=pension.version + 1)
            _mark_drawing(pension, today)
            pension.refresh_from_db()
            back_pay = _back_pay(pension, unpaid_months(pension, today, pension.first_month), today)
            audit.record(actor=actor, action="pensions.pension.approved", target=pension,
                         region_code=pension.region_code, subject_id_number=pension.person.id_number,
                         after={"pension_state": pension.state, "approved_on": today, "first_month": pension.first_month,
                                "total": pension.total, "back_pay_months": len(back_pay),
                                "back_pay": sum((row.amount for row in back_pay), ZERO)})
        elif action in (Action.REJECT, Action.WITHDRAW):
            Pension.objects.filter(pk=pension.pk).update(state=PensionState.REFUSED, version=pension.version + 1)
            pension.refresh_from_db()
    pension.case = case
    return pension


def _mark_drawing(pension, today):
    if pension.enrolment_id is None:
        return
    enrolment_services.mark_drawing(enrolment=pension.enrolment, on=today)


# --- the monthly roll ------------------------------------------------------------------------------------------


def _county_in_scope(actor, county_code, action, message):
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=scoping.code_of_prefix(county_code), action=action, roles=COUNTY_ROLES,
                    message=message)


def make_roll(*, actor, county_code, month, today):
    """The county's payment roll of `month` (any day of it; six-digit county code): a regular payment for each
    paying pension due that month (not before its first month, not twice: a roll made again adds only what is newly
    due), the back pay written at resumptions paid in that month on the roll too. Refused for a future month."""
    _county_in_scope(actor, county_code, "pensions.roll.make", "发放名册由县(区)经办人员制作。")
    if not isinstance(month, datetime.date):
        raise ValidationError(["请选择发放年月。"])
    month = first_of_month(month)
    if month > first_of_month(today):
        raise ValidationError([f"不能制作未来月份（{_month(month)}）的发放名册；本月为{_month(today)}。"])
    code = scoping.code_of_prefix(county_code)
    with transaction.atomic():
        roll, made = PensionRoll.objects.get_or_create(region_code=code, month=month,
                                                       defaults={"made_on": today, "made_by": actor})
        pensions = list(due_pensions(county_code, month).select_for_update(of=("self",)))
        rows = [PensionPayment(pension=pension, region_code=pension.region_code, month=month,
                               kind=PaymentKind.REGULAR, amount=monthly_amount(pension, month), paid_in=month)
                for pension in pensions]
        PensionPayment.objects.bulk_create(rows)
        audit.record(actor=actor, action="pensions.roll.made", target=roll, region_code=code,
                     after={"month": month, "regular_payments": len(rows),
                            "amount": sum((row.amount for row in rows), ZERO)})
    return roll


# --- deaths ------------------------------------------------------------------------------------------------------


def report_death(*, actor, person, died_on, today):
    """死亡报告 (the village reports it): the pension, if any, stops (stopped, stopped_on and died_on the day of
    death), with the overpayment (payments for months after the death month, to recover), the funeral grant and the
    personal account's inheritable balance; the enrolment ends (enrolment.services.end_for_death); then every
    after_death hook. Returns the DeathReport."""
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action="pensions.death.report", roles=DEATH_ROLES,
                    subject_id_number=person.id_number, message="死亡报告由人员所在的村(社区)或乡镇、县(区)经办人员登记。")
    problems = []
    if not isinstance(died_on, datetime.date):
        problems.append("请填写死亡日期。")
    elif died_on > today:
        problems.append("死亡日期不能晚于今天。")
    elif died_on < person.birth_date:
        problems.append("死亡日期不能早于出生日期。")
    if DeathReport.objects.filter(person=person).exists():
        problems.append(f"{person.name}的死亡已于此前报告，不能重复报告。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        list(Person.objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        if DeathReport.objects.filter(person=person).exists():
            raise ValidationError([f"{person.name}的死亡已于此前报告，不能重复报告。"])
        report = DeathReport.objects.create(person=person, region_code=person.region_code, died_on=died_on,
                                            reported_on=today, reported_by=actor)
        stopped = None
        for pension in Pension.objects.filter(person=person, state__in=STANDING).select_for_update():
            stopped = _stop_for_death(actor=actor, pension=pension, died_on=died_on, today=today)
        enrolment = standing_enrolment(person) or Enrolment.objects.filter(
            person=person, state=EnrolmentState.PENDING).first()
        if enrolment is not None:
            enrolment_services.end_for_death(enrolment=enrolment, died_on=died_on)
        audit.record(actor=actor, action="pensions.death.reported", target=report, region_code=person.region_code,
                     subject_id_number=person.id_number,
                     after={"died_on": died_on, "pension_stopped": stopped is not None})
        run_after_death(person, died_on, actor, today)
    return report


def _stop_for_death(*, actor, pension, died_on, today):
    death_month = first_of_month(died_on)
    if pension.state == PensionState.IN_REVIEW:
        case = pension.case
        if case is not None and case.is_open:
            review.apply_move(case=case, actor=actor, action=Action.WITHDRAW, version=case.version,
                              reason="申请人死亡", today=today)
        Pension.objects.filter(pk=pension.pk).update(state=PensionState.REFUSED, died_on=died_on,
                                                     stop_reason="申请人死亡", version=pension.version + 1)
        return None
    province = scoping.code_prefix(pension.region_code, Level.PROVINCE)
    grant, _rule = own_rules.funeral_grant_on(province, died_on)
    before = {"pension_state": pension.state}
    changes = {"state": PensionState.STOPPED, "stopped_on": died_on, "died_on": died_on, "stop_reason": "死亡",
               "overpaid": paid_after(pension, death_month), "funeral_grant": grant,
               "inheritable": inheritable_balance(pension, death_month), "suspended_from": None,
               "version": pension.version + 1}
    Pension.objects.filter(pk=pension.pk).update(**changes)
    pension.refresh_from_db()
    audit.record(actor=actor, action="pensions.pension.stopped", target=pension, region_code=pension.region_code,
                 subject_id_number=pension.person.id_number, before=before,
                 after={"pension_state": changes["state"], **{key: changes[key] for key in (
                     "stopped_on", "overpaid", "funeral_grant", "inheritable")}})
    return pension


def record_recovery(*, actor, pension, amount, today):
    """追回: an amount of the overpayment recovered (from the heirs or the bank), not more than is outstanding;
    kept as a negative payment of the month it was recovered in (one row a month, added to)."""
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=pension.region_code, action="pensions.recovery.record", roles=COUNTY_ROLES,
                    subject_id_number=pension.person.id_number, message="多发养老金的追回由县(区)经办人员登记。")
    problems = []
    left = outstanding(pension)
    try:
        amount = Decimal(str(amount)).quantize(Decimal("0.01")) if amount not in (None, "") else None
    except ArithmeticError:
        amount = None
    if pension.state != PensionState.STOPPED or left <= 0:
        problems.append("该养老金没有待追回的多发金额。")
    elif amount is None or amount <= 0:
        problems.append("请填写追回金额（大于0的金额，元）。")
    elif amount > left:
        problems.append(f"追回金额不能超过待追回的{calc.money(left)}元。")
    if problems:
        raise ValidationError(problems)
    month = first_of_month(today)
    with transaction.atomic():
        row, made = PensionPayment.objects.select_for_update().get_or_create(
            pension=pension, month=month, kind=PaymentKind.RECOVERY,
            defaults={"region_code": pension.region_code, "amount": -amount, "paid_in": month})
        if not made:
            row.amount -= amount
            row.save(update_fields=["amount"])
        audit.record(actor=actor, action="pensions.recovery.recorded", target=pension,
                     region_code=pension.region_code, subject_id_number=pension.person.id_number,
                     after={"recovered": amount, "outstanding": outstanding(pension)})
    return row
