"""Write services of the loans part: keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), an audit entry for each write. Bad input is a ValidationError listing
every reason in Chinese, and nothing is written."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hrss.core import audit, review, scoping
from hrss.core.models import Level, ReviewCase, ReviewDecision
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.core.working_age import MINIMUM_WORKING_AGE, age_on, is_past_retirement
from hrss.jobservices.loans import rules, schedule, selectors
from hrss.jobservices.loans.chains import LOAN_APPLICATION
from hrss.jobservices.models import (
    BorrowerKind,
    Category,
    CreditCommunity,
    Document,
    Instalment,
    Loan,
    LoanApplication,
    Repayment,
    RepaymentMethod,
)
from hrss.jobservices.permissions import BANK_OFFICER, GUARANTEE_OFFICER, LOAN_HANDLE

Action = ReviewDecision.Action
OPEN = (ReviewCase.Status.OPEN, ReviewCase.Status.RETURNED)

# Who records repayments: the lending bank's officer, and the county's officer who keeps the 贷款台账 [believed].
REPAYMENT_ROLES = frozenset({BANK_OFFICER, Role.COUNTY_OFFICER})
# Who marks and revokes 信用社区: the county's 人社 officers and the guarantee agency [believed].
CREDIT_COMMUNITY_ROLES = frozenset({Role.COUNTY_OFFICER, Role.COUNTY_APPROVER, GUARANTEE_OFFICER})
MAX_RATE = Decimal("24")  # percent a year: anything above is a typing error, not a loan


def _yuan(value):
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value is not None else ""


def _decimal(value):
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except (InvalidOperation, ValueError):
        return None


def application_problems(*, person, category, borrower_kind, amount, term_months, project, documents, partners=1,
                         applied_on):
    """What keeps this application from being taken in on `applied_on`, in Chinese (empty when nothing): the
    category and the limits are those in force that day (rules.py)."""
    problems = []
    name = rules.loan_name(applied_on)
    age = age_on(person.birth_date, applied_on)
    if age < MINIMUM_WORKING_AGE or is_past_retirement(person.birth_date, person.sex, applied_on,
                                                        person.retirement_category):
        problems.append(f"申请人现年{age}岁，不在法定劳动年龄内，不能申请{name}。")
    if category not in Category.values:
        problems.append("请选择申请人类别。")
    elif rules.CATEGORY_SINCE[category] > applied_on:
        problems.append(f"“{Category(category).label}”自{rules.CATEGORY_SINCE[category]:%Y年%m月%d日}起才可申请"
                        f"{rules.loan_name(rules.CATEGORY_SINCE[category])}，申请日期{applied_on:%Y-%m-%d}时不在"
                        "贷款对象范围内。")
    if borrower_kind not in BorrowerKind.values:
        problems.append("请选择贷款对象（个人创业、合伙创业或小微企业）。")
        return problems
    if borrower_kind == BorrowerKind.PARTNERSHIP and (partners or 0) < 2:
        problems.append("合伙创业须填写合伙人数（至少2人）。")
    if borrower_kind != BorrowerKind.PARTNERSHIP and partners not in (None, 1):
        problems.append("只有合伙创业填写合伙人数；个人创业和小微企业的合伙人数为1。")
    if not (project or "").strip():
        problems.append("请填写创业项目（经营内容）。")
    limits = rules.limits_on(applied_on)
    amount = _decimal(amount)
    if amount is None or amount <= 0:
        problems.append("请填写申请金额（大于0的金额，单位元）。")
    elif limits is not None:
        limit = limits.amount(borrower_kind, partners or 1)
        if amount > limit:
            kind = BorrowerKind(borrower_kind).label
            per = f"（{partners}人）" if borrower_kind == BorrowerKind.PARTNERSHIP else ""
            problems.append(f"申请金额{_yuan(amount)}元超过{name}{kind}{per}的额度上限{_yuan(limit)}元"
                            f"（{applied_on:%Y-%m-%d}执行的标准），请调低申请金额。")
    if not term_months or term_months < 1:
        problems.append("请填写申请期限（月数，至少1个月）。")
    elif limits is not None and term_months > limits.months(borrower_kind):
        problems.append(f"申请期限{term_months}个月超过{name}的最长期限{limits.months(borrower_kind)}个月，"
                        "请缩短期限。")
    if category in Category.values:
        missing = rules.required_documents(category) - set(documents or ())
        if missing:
            problems.append("缺少材料：" + "、".join(str(Document(key).label) for key in sorted(missing)) + "。")
    return problems


def apply_for_loan(*, actor, person, category, borrower_kind, amount, term_months, project, documents,
                   micro_profit=False, partners=1, business_name="", guarantor="", phone="", note="", today=None):
    """The village's intake of a 创业担保贷款 application: checked against the rules in force today, the case sent to
    the township. Whether the village is a 信用社区 today is kept with the application."""
    today = today or timezone.localdate()
    check_permission(actor, LOAN_HANDLE)
    review.check_intake(chain=LOAN_APPLICATION, region_code=person.region_code, actor=actor,
                        subject_id_number=person.id_number)
    partners = partners or 1
    problems = application_problems(person=person, category=category, borrower_kind=borrower_kind, amount=amount,
                                    term_months=term_months, project=project, documents=documents,
                                    partners=partners, applied_on=today)
    owing = Instalment.objects.filter(loan__person=person, paid_on__isnull=True).values_list("loan__name", flat=True)
    if owing.exists():
        # A second loan only once the first is repaid (二次扶持) [believed: 财金〔2008〕100号 and after].
        problems.append(f"该人员尚有未还清的{owing.first()}，还清后方可再次申请。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        # One application under review a person at a time: checked with the person's row locked.
        list(type(person).objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        if LoanApplication.objects.filter(person=person, case__status__in=OPEN).exists():
            raise ValidationError(["该人员已有一份审核中的创业担保贷款申请，不能重复申请。"])
        name = rules.loan_name(today)
        case = review.open_case(chain=LOAN_APPLICATION, region_code=person.region_code,
                                subject_id_number=person.id_number, title=f"{person.name} {name}申请", actor=actor,
                                note=note, today=today)
        application = LoanApplication.objects.create(
            person=person, region_code=person.region_code, case=case, applied_on=today, category=category,
            borrower_kind=borrower_kind, partners=partners, business_name=business_name.strip()[:100],
            project=project.strip()[:200], micro_profit=bool(micro_profit), amount=_decimal(amount),
            term_months=term_months, documents=sorted(set(documents)),
            from_credit_community=selectors.credit_community_on(person.region_code, today) is not None,
            guarantor=guarantor.strip()[:100], phone=(phone or person.phone).strip()[:20], applied_by=actor)
    return application


# What a correction (补正) may change, and the audit's before/after of it.
CORRECTABLE_FIELDS = ("category", "borrower_kind", "partners", "business_name", "project", "micro_profit", "amount",
                      "term_months", "documents", "guarantor", "phone")


def correct_loan_application(*, actor, application, version, category, borrower_kind, amount, term_months, project,
                             documents, micro_profit=False, partners=1, business_name="", guarantor="", phone="",
                             today=None):
    """补正: while the case is sent back, the village's assistant changes the application (checked against the rules
    of its application date); the case stays with the village until resubmitted. `version` is the case's as loaded
    (CaseChanged when someone moved it since). Audited with the fields before and after."""
    case = application.case
    check_permission(actor, LOAN_HANDLE)
    check_acting_in(actor, region_code=case.region_code, action="jobservices.loan_application.correct",
                    roles=LOAN_APPLICATION.intake.roles, subject_id_number=case.subject_id_number,
                    message="退回补正的申请由受理的村(社区)协理员更正。")
    if version != case.version:
        raise review.CaseChanged
    if case.status != ReviewCase.Status.RETURNED:
        raise ValidationError(["只有退回补正的申请可以更正；该申请现在不在村(社区)补正环节。"])
    partners = partners or 1
    problems = application_problems(person=application.person, category=category, borrower_kind=borrower_kind,
                                    amount=amount, term_months=term_months, project=project, documents=documents,
                                    partners=partners, applied_on=application.applied_on)
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(application, CORRECTABLE_FIELDS)
    with transaction.atomic():
        if not ReviewCase.objects.filter(pk=case.pk, version=version).update(version=F("version") + 1):
            raise review.CaseChanged
        application.category, application.borrower_kind, application.partners = category, borrower_kind, partners
        application.business_name, application.project = business_name.strip()[:100], project.strip()[:200]
        application.micro_profit, application.amount = bool(micro_profit), _decimal(amount)
        application.term_months, application.documents = term_months, sorted(set(documents))
        application.guarantor, application.phone = guarantor.strip()[:100], phone.strip()[:20]
        application.save(update_fields=list(CORRECTABLE_FIELDS))
        after = audit.snapshot(application, CORRECTABLE_FIELDS)
        audit.record(actor=actor, action="jobservices.loan_application.corrected", target=application,
                     region_code=application.region_code, subject_id_number=case.subject_id_number,
                     before={key: value for key, value in before.items() if value != after[key]},
                     after={key: value for key, value in after.items() if value != before[key]})
    case.refresh_from_db()
    application.case = case
    return application


def grant_problems(*, application, principal, annual_rate, start_date, method, term_months, today):
    """What is wrong with the bank's terms, in Chinese (empty when nothing)."""
    problems = []
    name = rules.loan_name(application.applied_on)
    principal, annual_rate = _decimal(principal), _decimal(annual_rate)
    limits = rules.limits_on(application.applied_on)
    if principal is None or principal <= 0:
        problems.append("请填写贷款金额（元）。")
    elif principal > application.amount:
        problems.append(f"贷款金额{_yuan(principal)}元超过申请金额{_yuan(application.amount)}元。")
    elif limits is not None and principal > limits.amount(application.borrower_kind, application.partners):
        problems.append(f"贷款金额超过{name}的额度上限"
                        f"{_yuan(limits.amount(application.borrower_kind, application.partners))}元。")
    if annual_rate is None or annual_rate <= 0 or annual_rate > MAX_RATE:
        problems.append(f"请填写年利率（百分数，大于0且不超过{MAX_RATE}，如 3.85）。")
    if not isinstance(start_date, datetime.date):
        problems.append("请填写放款日期。")
    elif start_date < application.applied_on or start_date > today:
        problems.append(f"放款日期应在申请日期{application.applied_on:%Y-%m-%d}和今天之间。")
    if method not in RepaymentMethod.values:
        problems.append("请选择还款方式。")
    if not term_months or term_months < 1:
        problems.append("请填写贷款期限（月）。")
    elif limits is not None and term_months > limits.months(application.borrower_kind):
        problems.append(f"贷款期限超过{name}的最长期限{limits.months(application.borrower_kind)}个月。")
    return problems


def decide_loan_application(*, actor, application, action, version, reason="", principal=None, annual_rate=None,
                            start_date=None, method=None, term_months=None, contract_number="", today=None):
    """One move on the application's review: forward, send back, refuse, resubmit, withdraw; at the bank, approve
    with the loan's terms, which grants the loan and schedules its instalments (schedule.py)."""
    today = today or timezone.localdate()
    case = application.case
    check_permission(actor, LOAN_HANDLE)
    review.check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    if action == Action.RESUBMIT:
        problems = application_problems(
            person=application.person, category=application.category, borrower_kind=application.borrower_kind,
            amount=application.amount, term_months=application.term_months, project=application.project,
            documents=application.documents, partners=application.partners, applied_on=application.applied_on)
        if problems:
            raise ValidationError(["请先更正申请再重新提交：", *problems])
    term_months = term_months or application.term_months
    if action == Action.APPROVE:
        problems = grant_problems(application=application, principal=principal, annual_rate=annual_rate,
                                  start_date=start_date, method=method, term_months=term_months, today=today)
        if problems:
            raise ValidationError(problems)
    with transaction.atomic():
        case = review.apply_move(case=case, actor=actor, action=action, version=version, reason=reason, today=today)
        if action == Action.APPROVE:
            _grant(actor=actor, application=application, principal=_decimal(principal),
                   annual_rate=_decimal(annual_rate), start_date=start_date, method=method, term_months=term_months,
                   contract_number=contract_number)
    application.case = case
    return application


def _grant(*, actor, application, principal, annual_rate, start_date, method, term_months, contract_number):
    subsidised = rules.subsidised_rate(applied_on=application.applied_on, start_date=start_date,
                                       kind=application.borrower_kind, micro_profit=application.micro_profit,
                                       annual_rate=annual_rate)
    loan = Loan.objects.create(
        application=application, person=application.person, region_code=application.region_code,
        name=rules.loan_name(application.applied_on), principal=principal, annual_rate=annual_rate,
        subsidised_rate=subsidised, term_months=term_months, start_date=start_date, method=method,
        contract_number=(contract_number or "").strip()[:50], granted_by=actor)
    Instalment.objects.bulk_create([
        Instalment(loan=loan, number=period.number, due_date=period.due_date, principal=period.principal,
                   interest=period.interest, subsidy=period.subsidy)
        for period in schedule.schedule(principal=principal, annual_rate=annual_rate, term_months=term_months,
                                        start=start_date, method=method, subsidised_rate=subsidised)])
    audit.record(actor=actor, action="jobservices.loan.granted", target=loan, region_code=loan.region_code,
                 subject_id_number=application.person.id_number,
                 after={"loan_principal": principal, "loan_annual_rate": annual_rate, "loan_subsidised_rate": subsidised,
                        "loan_term_months": term_months, "loan_start_date": start_date, "repayment_method": method})
    return loan


def record_repayment(*, actor, loan, paid_on, amount, note="", today=None):
    """A repayment received: it pays the earliest unpaid instalments first; an instalment paid in full after its due
    date stays marked as paid late (its period's subsidy is lost, rules.OVERDUE_LOSES_SUBSIDY)."""
    today = today or timezone.localdate()
    check_permission(actor, LOAN_HANDLE)
    check_acting_in(actor, region_code=loan.region_code, action="jobservices.loan.repay", roles=REPAYMENT_ROLES,
                    subject_id_number=loan.person.id_number, message="还款由经办银行信贷员或县(区)经办员录入。")
    amount = _decimal(amount)
    problems = []
    if amount is None or amount <= 0:
        problems.append("请填写还款金额（大于0，单位元）。")
    if not isinstance(paid_on, datetime.date):
        problems.append("请填写还款日期。")
    elif paid_on < loan.start_date or paid_on > today:
        problems.append(f"还款日期应在放款日期{loan.start_date:%Y-%m-%d}和今天之间。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        loan = Loan.objects.select_for_update().get(pk=loan.pk)
        instalments = list(loan.instalments.order_by("number"))
        outstanding = sum((i.total - i.paid_amount for i in instalments), Decimal(0))
        if amount > outstanding:
            raise ValidationError([f"还款金额{_yuan(amount)}元超过尚未归还的{_yuan(outstanding)}元。"])
        repayment = Repayment.objects.create(loan=loan, paid_on=paid_on, amount=amount, note=note.strip()[:200],
                                             recorded_by=actor)
        paid, _left = schedule.allocate([i.total for i in instalments],
                                        loan.repayments.values_list("paid_on", "amount"))
        changed = []
        for instalment, result in zip(instalments, paid, strict=True):
            if (instalment.paid_amount, instalment.paid_on) != (result.amount, result.paid_on):
                instalment.paid_amount, instalment.paid_on = result.amount, result.paid_on
                changed.append(instalment)
        Instalment.objects.bulk_update(changed, ["paid_amount", "paid_on"])
        audit.record(actor=actor, action="jobservices.loan.repayment_recorded", target=loan,
                     region_code=loan.region_code, subject_id_number=loan.person.id_number,
                     after={"repaid_on": paid_on, "repaid_amount": amount}, note=note[:255])
    return repayment


def mark_credit_community(*, actor, region_code, marked_on, note="", today=None):
    """Mark a village 信用社区 from `marked_on`."""
    today = today or timezone.localdate()
    check_permission(actor, LOAN_HANDLE)
    check_acting_in(actor, region_code=region_code, action="jobservices.credit_community.mark",
                    roles=CREDIT_COMMUNITY_ROLES, message="信用社区由县(区)人社部门或担保机构评定。")
    problems = []
    if scoping.level_of_code(region_code) != Level.VILLAGE:
        problems.append("信用社区按村(社区)评定：请选择一个村(社区)。")
    if not isinstance(marked_on, datetime.date) or marked_on > today:
        problems.append("请填写评定日期（不晚于今天）。")
    if CreditCommunity.objects.filter(region_code=region_code, revoked_on__isnull=True).exists():
        problems.append("该村(社区)已是信用社区。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        community = CreditCommunity.objects.create(region_code=region_code, marked_on=marked_on, by=actor,
                                                   note=note.strip()[:200])
        audit.record(actor=actor, action="jobservices.credit_community.marked", target=community,
                     region_code=region_code, after={"credit_marked_on": marked_on}, note=note[:255])
    return community


def revoke_credit_community(*, actor, community, revoked_on, note, today=None):
    """End a 信用社区 mark from `revoked_on` (applications taken in before keep their flag)."""
    today = today or timezone.localdate()
    check_permission(actor, LOAN_HANDLE)
    check_acting_in(actor, region_code=community.region_code, action="jobservices.credit_community.revoke",
                    roles=CREDIT_COMMUNITY_ROLES, message="信用社区由县(区)人社部门或担保机构评定和撤销。")
    problems = []
    if community.revoked_on is not None:
        problems.append("该信用社区标记已撤销。")
    if not isinstance(revoked_on, datetime.date) or revoked_on > today or revoked_on < community.marked_on:
        problems.append(f"撤销日期应在评定日期{community.marked_on:%Y-%m-%d}和今天之间。")
    if not (note or "").strip():
        problems.append("请填写撤销原因。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        updated = CreditCommunity.objects.filter(pk=community.pk, revoked_on__isnull=True).update(
            revoked_on=revoked_on, revoked_by=actor, revoke_note=note.strip()[:200])
        if not updated:
            raise ValidationError(["该信用社区标记已撤销。"])
        audit.record(actor=actor, action="jobservices.credit_community.revoked", target=community,
                     region_code=community.region_code, after={"credit_revoked_on": revoked_on}, note=note[:255])
    community.refresh_from_db()
    return community
