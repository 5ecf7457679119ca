"""The inspection part's writes (劳动保障监察): keyword-only, taking the actor, checking permission and scope before
one transaction (a refusal's audit entry stays), one audit entry and one event of the case's history each. Bad input
is a ValidationError listing every reason in Chinese, and nothing is written.

Who acts: the county's 劳动保障监察员 (INSPECTION_HANDLE) on the cases of their county; the county's approver
(INSPECTION_APPROVE) decides an extension. A township officer forwarding a petition or a grid lead (the petitions and
grid parts call open_from_petition and open_from_lead) makes the case, received (待受理), for the inspectors.

Deadlines (deadlines.py, working days): 受理 within 5 working days of receipt (received_on), 结案 within 60 working
days of 立案 (opened_on), once extended by 30 working days from that due date; each is stored on the case when its
period starts. Acting after a due date is not refused: the case shows it overdue (the law binds the office, and
the complainant's case must still be handled). Nor is acting while a count reaches a year whose holiday arrangement
is not loaded yet (from October on, 60 working days reach the next year): the due date is stored null, 截止日期待定,
the case's history says so, and fill_missing_due_dates (run by workdays.load_arrangement, registered in declare.py)
computes it from the period's start once that year is loaded."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from hrss.core import audit, scoping, workdays
from hrss.core.credit_codes import check_uscc, normalise
from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.models import Level
from hrss.core.permissions import check_acting_in, has_permission
from hrss.core.text import amount_of, money
from hrss.supervision import deadlines, inputs
from hrss.supervision.inspection.selectors import PENDING
from hrss.supervision.models import (
    INSPECTION_NUMBER_PREFIX,
    ExtensionState,
    InspectionCase,
    InspectionEvent,
    InspectionMeasure,
    InspectionSource,
    InspectionState,
    InspectionWorker,
    MeasureKind,
    ReferralKind,
)
from hrss.supervision.models.grid import LeadState
from hrss.supervision.models.petitions import INSPECTION_CATEGORIES, PetitionCategory
from hrss.supervision.permissions import INSPECTION_APPROVE, INSPECTION_HANDLE, SUPERVISION_HANDLE

MAX_AMOUNT = Decimal("9999999999.99")
# The most one worker can be owed: a sanity cap against a typo (a few extra digits) that would make the county's
# 欠薪 figures absurd; wages owed to one person over years stay far below it.
MAX_OWED_PER_WORKER = Decimal("5000000.00")
RATING_SERVICE = "劳动保障监察投诉处理"  # the service's name on the rating code (ratings part)
NOT_AN_INSPECTOR = "只有县(区)劳动保障监察员可以办理劳动保障监察案件。"
NOT_AN_APPROVER = ("延期须经县(区)人力资源社会保障部门负责人批准（《劳动保障监察条例》第十七条）：您没有批准延期的权限，"
                   "请报审批人批准。")
INTAKE_SOURCES = (InspectionSource.COMPLAINT, InspectionSource.ROUTINE)  # what an inspector records directly


# --- checks -----------------------------------------------------------------------------------------------------

def _refuse_without(actor, permission, message):
    """PermissionDenied with `message` (and the denial audited) when the actor lacks `permission`."""
    if not has_permission(actor, permission):
        audit.record_denied(actor=actor, action=permission.value)
        raise PermissionDenied(message)


def _check_handle(actor, case, action):
    _refuse_without(actor, INSPECTION_HANDLE, NOT_AN_INSPECTOR)
    check_acting_in(actor, region_code=case.region_code, action=action,
                    message="只能办理本县(区)的劳动保障监察案件。")


def _due(kind, start, calendar=None):
    """(deadlines.due, None) or, while the count reaches a year whose holiday arrangement is not loaded, (None, that
    year): the due date waits for the year, never refused for it."""
    try:
        return deadlines.due(kind, start, calendar=calendar), None
    except workdays.UnknownArrangement as error:
        return None, error.year


def _pending_text(what, year):
    return f"{what}{PENDING}，待录入{year}年节假日安排后自动计算"


def _day_text(day):
    return f"{day.isoformat()}" if day else PENDING


def _day_problem(day, label, today, *, not_before=None, not_before_label=""):
    if not isinstance(day, datetime.date):
        return f"请填写{label}。"
    if day > today:
        return f"{label}{day.isoformat()}晚于今天，请填写已经发生的日期。"
    if not_before is not None and day < not_before:
        return f"{label}{day.isoformat()}早于{not_before_label}{not_before.isoformat()}。"
    return None


def _text(value):
    return (value or "").strip()


def _amount(value):
    """core.text.amount_of, with "-0" (a negative zero) read as 0.00: never stored or shown as -0.00."""
    amount = amount_of(value)
    return amount.copy_abs() if amount is not None and amount == 0 else amount



def uscc_problem(code):
    """What is wrong with an employer's 统一社会信用代码 (core.credit_codes, GB 32100-2015), or None; blank is allowed
    (a worker may not know it)."""
    code = normalise(code)
    if not code:
        return None
    checked = check_uscc(code)
    return None if checked.valid else f"用人单位的统一社会信用代码“{code}”有误：{checked.error}"


def _code_warning(code):
    """A petition's or a lead's code comes as its part checked it (its shape): a wrong check character is noted in
    the case's history for the inspector to verify, not a reason to hold the complaint back."""
    problem = uscc_problem(code)
    return f"；{problem}，请核实" if problem else ""


def _state_problem(case, *states, what):
    if case.state in states:
        return None
    return f"案件{case.number}{case.get_state_display()}，不能{what}。"


def _refuse(problems):
    problems = [problem for problem in problems if problem]
    if problems:
        raise ValidationError(problems)


def _event(case, actor, on, action, text):
    InspectionEvent.objects.create(case=case, on=on, action=action, text=text[:1000], by=actor)


def _locked(case):
    """The case read again under a row lock inside the transaction: two inspectors acting at once act in turn, and
    the second sees what the first did."""
    return InspectionCase.objects.select_for_update().get(pk=case.pk)


def _refresh(case, fresh):
    for field in fresh._meta.concrete_fields:
        setattr(case, field.attname, getattr(fresh, field.attname))
    return case


# --- intake -------------------------------------------------------------------------------------------------------

def _next_number(region_code, year):
    prefix = f"{INSPECTION_NUMBER_PREFIX}{scoping.county_code_of(region_code)}{year}"
    last = (InspectionCase.objects.filter(number__startswith=prefix).order_by("-number")
            .values_list("number", flat=True).first())
    return f"{prefix}{(int(last[len(prefix):]) + 1 if last else 1):04d}"


def _create(*, actor, region_code, source, received_on, employer_name, employer_uscc="", employer_address="",
            summary, complainant_name="", complainant_phone="", petition=None, lead=None, event_text):
    """Inside the caller's transaction: the case, numbered JC + county + year + sequence (a number taken by another
    request at the same moment is drawn again), with its acceptance due date."""
    accept_due, waiting_for = _due("inspection-accept", received_on)
    if accept_due is None:
        event_text += "；" + _pending_text("受理期限", waiting_for)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                case = InspectionCase.objects.create(
                    number=_next_number(region_code, received_on.year), region_code=region_code, source=source,
                    petition=petition, lead=lead, complainant_name=_text(complainant_name)[:50],
                    complainant_phone=_text(complainant_phone)[:20], employer_name=_text(employer_name)[:100],
                    employer_uscc=normalise(employer_uscc), employer_address=_text(employer_address)[:200],
                    summary=_text(summary)[:500], received_on=received_on, accept_due=accept_due, created_by=actor)
            break
        except IntegrityError:
            if petition is not None and InspectionCase.objects.filter(petition=petition).exists():
                raise ValidationError(f"信访件{petition.number}已转劳动保障监察，不能重复转办。") from None
            if lead is not None and InspectionCase.objects.filter(lead=lead).exists():
                raise ValidationError("该网格线索已移交劳动保障监察，不能重复移交。") from None
    else:
        raise RuntimeError("no free inspection case number after five attempts")
    _event(case, actor, received_on, "received", event_text)
    audit.record(actor=actor, action="supervision.inspection.received", target=case, region_code=region_code,
                 after={"number": case.number, "source": source, "employer_name": case.employer_name,
                        "employer_uscc": case.employer_uscc, "received_on": received_on, "accept_due": accept_due})
    return case


def intake_problems(*, region_code, source, employer_name, employer_uscc, summary, received_on, today):
    problems = []
    if source not in INTAKE_SOURCES:
        problems.append("案件来源只能是来访来电投诉或日常巡查（信访件、网格线索由乡镇(街道)转来）。")
    if scoping.level_of_code(region_code or "") not in (Level.VILLAGE, Level.TOWNSHIP):
        problems.append("请选择用人单位所在的村(社区)或乡镇(街道)。")
    if not _text(employer_name):
        problems.append("请填写用人单位名称。")
    elif len(_text(employer_name)) > 100:
        problems.append("用人单位名称不超过100字。")
    problems.append(uscc_problem(employer_uscc))
    if not _text(summary):
        problems.append("请填写投诉事项（拖欠工资的期间、人数、金额等）。")
    problems.append(inputs.date_problem(received_on, "收到投诉日期", today, not_before=deadlines.INSPECTION_FROM,
                                        not_before_label="《劳动保障监察条例》施行之日"))
    return [problem for problem in problems if problem]


def receive_complaint(*, actor, region_code, source, employer_name, summary, employer_uscc="", employer_address="",
                      complainant_name="", complainant_phone="", received_on=None, today=None):
    """登记投诉（或日常巡查发现的问题）: an inspector records a case received at the county itself, for an employer in
    a village or township of the county; it waits for the acceptance decision (5 working days)."""
    today = today or timezone.localdate()
    received_on = received_on or today
    _refuse_without(actor, INSPECTION_HANDLE, NOT_AN_INSPECTOR)
    check_acting_in(actor, region_code=region_code or "", action="supervision.inspection.receive",
                    message="只能登记本县(区)用人单位的劳动保障监察案件。")
    _refuse(intake_problems(region_code=region_code, source=source, employer_name=employer_name,
                            employer_uscc=employer_uscc, summary=summary, received_on=received_on, today=today))
    label = InspectionSource(source).label
    with transaction.atomic():
        return _create(actor=actor, region_code=region_code, source=source, received_on=received_on,
                       employer_name=employer_name, employer_uscc=employer_uscc, employer_address=employer_address,
                       summary=summary, complainant_name=complainant_name, complainant_phone=complainant_phone,
                       event_text=f"登记{label}：{_text(summary)}")


def open_from_petition(*, actor, petition, today=None):
    """转劳动保障监察: the township (or county) officer holding a petition about unpaid wages or another labour-law
    violation passes it to the county's labour inspection; the case is received (待受理) on `today`, for the employer
    where the petition was first received (the village's code: the assistant there sees it), the petitioner its
    complainant and, for one worker's claim, its first worker owed wages. The petition part updates the petition."""
    today = today or timezone.localdate()
    _refuse_without(actor, SUPERVISION_HANDLE, "只有乡镇(街道)、县(区)经办人员可以将信访件转劳动保障监察。")
    check_acting_in(actor, region_code=petition.region_code, action="supervision.inspection.receive",
                    message="只能转办本辖区的信访件。")
    problems = []
    if petition.category not in INSPECTION_CATEGORIES:
        problems.append(f"信访件{petition.number}的问题类别为“{petition.get_category_display()}”：只有欠薪和其他劳动"
                        "保障违法问题转劳动保障监察。")
    if InspectionCase.objects.filter(petition=petition).exists():
        problems.append(f"信访件{petition.number}已转劳动保障监察，不能重复转办。")
    _refuse(problems)
    with transaction.atomic():
        case = _create(actor=actor, region_code=petition.received_at_code, source=InspectionSource.PETITION,
                       received_on=today, employer_name=_text(petition.employer_name) or "（信访件未写明单位）",
                       employer_uscc=petition.employer_uscc, summary=f"{petition.subject}：{petition.summary}",
                       complainant_name=petition.petitioner_name, complainant_phone=petition.petitioner_phone,
                       petition=petition, event_text=f"信访件{petition.number}转来（{petition.get_category_display()}）"
                       + _code_warning(petition.employer_uscc))
        if (petition.category == PetitionCategory.WAGES and petition.workers_count == 1
                and petition.amount_claimed is not None):
            InspectionWorker.objects.create(case=case, name=petition.petitioner_name,
                                            id_number=petition.petitioner_id_number,
                                            phone=petition.petitioner_phone, amount_owed=petition.amount_claimed)
            _sum_amounts(case)
        return case


def open_from_lead(*, actor, lead, today=None):
    """移交劳动保障监察: the officer deciding a grid lead passes it to the county's labour inspection; the case is
    received (待受理) on `today`, for the employer in the lead's grid cell (its village or township). The grid part
    updates the lead."""
    today = today or timezone.localdate()
    _refuse_without(actor, SUPERVISION_HANDLE, "只有乡镇(街道)、县(区)经办人员可以将网格线索移交劳动保障监察。")
    check_acting_in(actor, region_code=lead.region_code, action="supervision.inspection.receive",
                    message="只能移交本辖区的网格线索。")
    problems = []
    if lead.state not in (LeadState.REPORTED, LeadState.FORWARDED):
        problems.append(f"该线索{lead.get_state_display()}，不能移交劳动保障监察。")
    if InspectionCase.objects.filter(lead=lead).exists():
        problems.append("该网格线索已移交劳动保障监察，不能重复移交。")
    _refuse(problems)
    with transaction.atomic():
        return _create(actor=actor, region_code=lead.region_code, source=InspectionSource.GRID, received_on=today,
                       employer_name=lead.employer_name, employer_uscc=lead.employer_uscc,
                       summary=f"{lead.get_kind_display()}：{lead.description}", lead=lead,
                       event_text=f"网格线索转来（{lead.get_kind_display()}，{lead.reported_on.isoformat()}报告）"
                       + _code_warning(lead.employer_uscc))


# --- acceptance and 立案 ------------------------------------------------------------------------------------------

def accept_case(*, actor, case, on=None, today=None):
    """受理: within 5 working days of receipt (a later acceptance is recorded and shows late). The acting inspector
    becomes the case's inspector when it has none."""
    today = today or timezone.localdate()
    on = on or today
    _check_handle(actor, case, "supervision.inspection.accept")
    with transaction.atomic():
        fresh = _locked(case)
        _refuse([_state_problem(fresh, InspectionState.RECEIVED, what="再作受理决定"),
                 _day_problem(on, "受理日期", today, not_before=fresh.received_on, not_before_label="收到投诉日期")])
        fresh.state, fresh.accepted_on = InspectionState.ACCEPTED, on
        fresh.inspector = fresh.inspector or actor
        fresh.save(update_fields=["state", "accepted_on", "inspector"])
        late = fresh.accept_due is not None and on > fresh.accept_due
        _event(fresh, actor, on, "accepted", f"受理{'（超过受理期限 ' + fresh.accept_due.isoformat() + '）' if late else ''}")
        audit.record(actor=actor, action="supervision.inspection.accepted", target=fresh,
                     before={"state": InspectionState.RECEIVED},
                     after={"state": fresh.state, "accepted_on": on, "accept_due": fresh.accept_due})
    return _refresh(case, fresh)


def decline_case(*, actor, case, reason, on=None, today=None):
    """不予受理, with the reason the complainant is told (not a labour-law matter, outside the county, …)."""
    today = today or timezone.localdate()
    on = on or today
    _check_handle(actor, case, "supervision.inspection.decline")
    with transaction.atomic():
        fresh = _locked(case)
        _refuse([_state_problem(fresh, InspectionState.RECEIVED, what="再作受理决定"),
                 None if _text(reason) else
                 f"请填写不予受理的理由{'（将告知投诉人）' if fresh.complainant_name else ''}。",
                 _day_problem(on, "决定日期", today, not_before=fresh.received_on, not_before_label="收到投诉日期")])
        fresh.state, fresh.not_accepted_on, fresh.not_accepted_reason = (InspectionState.NOT_ACCEPTED, on,
                                                                         _text(reason)[:500])
        fresh.save(update_fields=["state", "not_accepted_on", "not_accepted_reason"])
        _event(fresh, actor, on, "declined", f"不予受理：{fresh.not_accepted_reason}")
        audit.record(actor=actor, action="supervision.inspection.declined", target=fresh,
                     before={"state": InspectionState.RECEIVED},
                     after={"state": fresh.state, "not_accepted_reason": fresh.not_accepted_reason})
    return _refresh(case, fresh)


def open_case(*, actor, case, on=None, today=None):
    """立案: the investigation starts; it is concluded within 60 working days of `on` (stored now)."""
    today = today or timezone.localdate()
    on = on or today
    _check_handle(actor, case, "supervision.inspection.open")
    with transaction.atomic():
        fresh = _locked(case)
        _refuse([_state_problem(fresh, InspectionState.ACCEPTED, what="立案"),
                 _day_problem(on, "立案日期", today, not_before=fresh.accepted_on, not_before_label="受理日期")])
        due, waiting_for = _due("inspection-conclude", on)
        fresh.state, fresh.opened_on, fresh.first_conclude_due, fresh.conclude_due = InspectionState.OPEN, on, due, due
        fresh.inspector = fresh.inspector or actor
        fresh.save(update_fields=["state", "opened_on", "first_conclude_due", "conclude_due", "inspector"])
        _event(fresh, actor, on, "opened", f"立案调查，应于{due.isoformat()}前结案（60个工作日）" if due else
               f"立案调查（60个工作日内结案）；{_pending_text('结案期限', waiting_for)}")
        audit.record(actor=actor, action="supervision.inspection.opened", target=fresh,
                     before={"state": InspectionState.ACCEPTED},
                     after={"state": fresh.state, "opened_on": on, "conclude_due": due})
    return _refresh(case, fresh)


# --- workers, amounts, measures -----------------------------------------------------------------------------------

def _sum_amounts(case):
    totals = InspectionWorker.objects.filter(case=case).aggregate(owed=Sum("amount_owed"),
                                                                  recovered=Sum("amount_recovered"))
    case.amount_owed = totals["owed"] or Decimal("0.00")
    case.amount_recovered = totals["recovered"] or Decimal("0.00")
    InspectionCase.objects.filter(pk=case.pk).update(amount_owed=case.amount_owed,
                                                      amount_recovered=case.amount_recovered)


def worker_problems(*, name, id_number, amount_owed, amount_recovered, today):
    problems = []
    if not _text(name):
        problems.append("请填写劳动者姓名。")
    elif len(_text(name)) > 50:
        problems.append("劳动者姓名不超过50字。")
    if _text(id_number):
        try:
            parse(id_number, today=today)
        except InvalidIdNumber as error:
            problems.append(f"劳动者的公民身份号码有误：{error}")
    owed, recovered = _amount(amount_owed), _amount(amount_recovered if amount_recovered is not None else 0)
    if owed is None or owed < 0:
        problems.append("请填写拖欠工资金额（元，不小于0），如 13900.00。")
    elif owed > MAX_OWED_PER_WORKER:
        problems.append(f"拖欠工资{money(owed)}元超过每名劳动者{money(MAX_OWED_PER_WORKER)}元的上限：请核对金额"
                        "（是否多输了几位数）。")
        owed = None  # not compared with what was recovered
    if recovered is None or recovered < 0:
        problems.append("已追回金额应为不小于0的金额（元）。")
    elif owed is not None and recovered > owed:
        problems.append(f"已追回金额{recovered}元超过拖欠金额{owed}元：追回的不能多于拖欠的，请核对。")
    return problems


WORKER_STATES = (InspectionState.RECEIVED, InspectionState.ACCEPTED, InspectionState.OPEN)


def _duplicate_problem(case, name, number):
    """The refusal of a worker already on the case: the same name and, when both rows give one, the same 身份号码
    (a double click or a resend would otherwise count the same wages twice); two people of one name are told apart by
    their 身份号码."""
    same = InspectionWorker.objects.filter(case=case, name=name)
    if number:
        same = same.filter(Q(id_number=number) | Q(id_number=""))
    existing = same.order_by("pk").first()
    if existing is None:
        return None
    return (f"该劳动者已登记在本案：{existing.name}，拖欠{money(existing.amount_owed)}元。请勿重复登记；"
            "如是同名的另一人，请填写其公民身份号码以示区分；如原登记有误，请先删除原登记再重新登记。")


def add_worker(*, actor, case, name, amount_owed, id_number="", phone="", amount_recovered=0, today=None):
    """登记被欠薪劳动者 with the wages owed (and anything already recovered); the case's totals follow."""
    today = today or timezone.localdate()
    _check_handle(actor, case, "supervision.inspection.add_worker")
    _refuse(worker_problems(name=name, id_number=id_number, amount_owed=amount_owed,
                            amount_recovered=amount_recovered, today=today))
    number = parse(id_number, today=today).number if _text(id_number) else ""
    with transaction.atomic():
        fresh = _locked(case)
        _refuse([_state_problem(fresh, *WORKER_STATES, what="再登记劳动者"),
                 _duplicate_problem(fresh, _text(name), number)])
        worker = InspectionWorker.objects.create(case=fresh, name=_text(name), id_number=number,
                                                 phone=_text(phone)[:20], amount_owed=_amount(amount_owed),
                                                 amount_recovered=_amount(amount_recovered or 0))
        _sum_amounts(fresh)
        _event(fresh, actor, today, "worker_added",
               f"登记劳动者{worker.name}：拖欠{money(worker.amount_owed)}元，已追回{money(worker.amount_recovered)}元")
        audit.record(actor=actor, action="supervision.inspection.worker_added", target=fresh,
                     subject_id_number=number,
                     after={"inspection_worker": worker.name, "amount_owed": worker.amount_owed,
                            "amount_recovered": worker.amount_recovered})
    _refresh(case, fresh)
    return worker


def record_recovery(*, actor, worker, amount_recovered, today=None):
    """登记追回工资: what has been paid to the worker so far (a total, not an addition), never more than owed."""
    today = today or timezone.localdate()
    case = worker.case
    _check_handle(actor, case, "supervision.inspection.record_recovery")
    recovered = _amount(amount_recovered)
    if recovered is None or recovered < 0:
        raise ValidationError("请填写已追回的工资总额（元，不小于0）。")
    with transaction.atomic():
        fresh = _locked(case)
        current = InspectionWorker.objects.select_for_update().get(pk=worker.pk)
        _refuse([_state_problem(fresh, *WORKER_STATES, what="再登记追回工资"),
                 None if recovered <= current.amount_owed else
                 f"已追回金额{recovered}元超过{current.name}的拖欠金额{current.amount_owed}元：追回的不能多于拖欠的，请核对。"])
        before = current.amount_recovered
        current.amount_recovered = recovered
        current.save(update_fields=["amount_recovered"])
        _sum_amounts(fresh)
        _event(fresh, actor, today, "recovered", f"{current.name}已追回工资{money(recovered)}元（拖欠{money(current.amount_owed)}元）")
        audit.record(actor=actor, action="supervision.inspection.recovered", target=fresh,
                     subject_id_number=current.id_number, before={"amount_recovered": before},
                     after={"inspection_worker": current.name, "amount_recovered": recovered})
    worker.amount_recovered = recovered
    return worker


def remove_worker(*, actor, worker, reason, today=None):
    """删除 a worker row entered in error (a duplicate, the wrong person): only while the case is open for workers and
    nothing was recovered for that worker, with the reason in the case's history and the audit log; the case's
    totals follow."""
    today = today or timezone.localdate()
    case = worker.case
    _check_handle(actor, case, "supervision.inspection.remove_worker")
    with transaction.atomic():
        fresh = _locked(case)
        current = InspectionWorker.objects.select_for_update().filter(pk=worker.pk, case=fresh).first()
        if current is None:
            raise ValidationError("该劳动者不在本案件中（可能已被删除），请刷新页面。")
        _refuse([_state_problem(fresh, *WORKER_STATES, what="删除劳动者"),
                 None if _text(reason) else "请填写删除原因（如：重复登记、登记错人）。",
                 None if len(_text(reason)) <= 200 else "删除原因不超过200字。",
                 None if current.amount_recovered == 0 else
                 f"已为{current.name}登记追回工资{money(current.amount_recovered)}元，不能删除：如追回金额登记有误，"
                 "请先把已追回改为0再删除。"])
        details = {"inspection_worker": current.name, "amount_owed": current.amount_owed,
                   "amount_recovered": current.amount_recovered}
        number = current.id_number
        current.delete()
        _sum_amounts(fresh)
        _event(fresh, actor, today, "worker_removed",
               f"删除劳动者{details['inspection_worker']}（拖欠{money(details['amount_owed'])}元）的登记，"
               f"原因：{_text(reason)}")
        audit.record(actor=actor, action="supervision.inspection.worker_removed", target=fresh,
                     subject_id_number=number, before=details,
                     after={"inspection_worker_removal_reason": _text(reason)})
    return _refresh(case, fresh)


def add_measure(*, actor, case, kind, taken_on, amount=None, note="", today=None):
    """登记监察措施 (责令改正、责令支付、行政处罚、移送公安…) of an open case."""
    today = today or timezone.localdate()
    _check_handle(actor, case, "supervision.inspection.add_measure")
    value = _amount(amount) if amount not in (None, "") else None
    problems = [None if kind in MeasureKind.values else "请选择措施种类。",
                None if amount in (None, "") or (value is not None and 0 <= value <= MAX_AMOUNT)
                else "金额应为不小于0的金额（元）。"]
    if kind in (MeasureKind.PAY, MeasureKind.PENALTY) and value is None:
        problems.append(f"{MeasureKind(kind).label}请填写金额（元）。")
    with transaction.atomic():
        fresh = _locked(case)
        _refuse([*problems, _state_problem(fresh, InspectionState.OPEN, what="登记措施（须先立案）"),
                 _day_problem(taken_on, "措施日期", today, not_before=fresh.opened_on, not_before_label="立案日期")])
        measure = InspectionMeasure.objects.create(case=fresh, kind=kind, taken_on=taken_on, amount=value,
                                                   note=_text(note)[:500], by=actor)
        shown = f"，{money(value)}元" if value is not None else ""
        _event(fresh, actor, taken_on, "measure_added", f"{measure.get_kind_display()}{shown}{'：' + measure.note if measure.note else ''}")
        audit.record(actor=actor, action="supervision.inspection.measure_added", target=fresh,
                     after={"inspection_measure": kind, "inspection_measure_on": taken_on, "inspection_measure_amount": value, "inspection_measure_note": measure.note})
    return measure


# --- extension ------------------------------------------------------------------------------------------------

def request_extension(*, actor, case, reason, today=None):
    """申请延期: the inspector asks the county's approver for 30 more working days, with the reason, before the
    case is due. Once: an approved extension is not extended again."""
    today = today or timezone.localdate()
    _check_handle(actor, case, "supervision.inspection.request_extension")
    with transaction.atomic():
        fresh = _locked(case)
        problems = [_state_problem(fresh, InspectionState.OPEN, what="申请延期")]
        if fresh.extension_state == ExtensionState.APPROVED:
            problems.append(f"案件已延期一次（至{_day_text(fresh.conclude_due)}）：延期只能一次，不能再次延期。")
        elif fresh.extension_state == ExtensionState.REQUESTED:
            problems.append("已有待批准的延期申请，请等审批人决定。")
        elif fresh.conclude_due is not None and today > fresh.conclude_due:
            problems.append(f"结案期限已于{fresh.conclude_due.isoformat()}届满，不能再申请延期。")
        if not _text(reason):
            problems.append("请填写延期理由（案情复杂的具体情况）。")
        _refuse(problems)
        fresh.extension_state, fresh.extension_reason = ExtensionState.REQUESTED, _text(reason)[:500]
        fresh.extension_requested_on, fresh.extension_requested_by = today, actor
        fresh.extension_decided_on, fresh.extension_decided_by, fresh.extension_note = None, None, ""
        fresh.save(update_fields=["extension_state", "extension_reason", "extension_requested_on",
                                  "extension_requested_by", "extension_decided_on", "extension_decided_by",
                                  "extension_note"])
        _event(fresh, actor, today, "extension_requested", f"申请延期30个工作日：{fresh.extension_reason}")
        audit.record(actor=actor, action="supervision.inspection.extension_requested", target=fresh,
                     after={"extension_state": fresh.extension_state, "extension_reason": fresh.extension_reason})
    return _refresh(case, fresh)


def decide_extension(*, actor, case, approve, note="", today=None):
    """批准或不批准延期 (the county's approver): approved, the case is due 30 working days after its due date."""
    today = today or timezone.localdate()
    _refuse_without(actor, INSPECTION_APPROVE, NOT_AN_APPROVER)
    check_acting_in(actor, region_code=case.region_code, action="supervision.inspection.decide_extension",
                    message="只能批准本县(区)劳动保障监察案件的延期。")
    with transaction.atomic():
        fresh = _locked(case)
        problems = [_state_problem(fresh, InspectionState.OPEN, what="审批延期")]
        if fresh.extension_state != ExtensionState.REQUESTED:
            problems.append("该案件没有待批准的延期申请。" if fresh.extension_state != ExtensionState.APPROVED else
                            f"案件已延期一次（至{_day_text(fresh.conclude_due)}）：延期只能一次，不能再次延期。")
        if not approve and not _text(note):
            problems.append("不批准延期的，请填写审批意见。")
        _refuse(problems)
        before = {"extension_state": fresh.extension_state, "conclude_due": fresh.conclude_due}
        if approve and fresh.first_conclude_due is not None:
            fresh.conclude_due, waiting_for = _due("inspection-extension", fresh.first_conclude_due)
        else:  # the first due still 待定 (approved: extended, both computed when the year is loaded) or refused
            waiting_for = _due("inspection-conclude", fresh.opened_on)[1]
        fresh.extension_state = ExtensionState.APPROVED if approve else ExtensionState.REFUSED
        fresh.extension_decided_on, fresh.extension_decided_by, fresh.extension_note = today, actor, _text(note)[:500]
        fresh.save(update_fields=["extension_state", "extension_decided_on", "extension_decided_by", "extension_note",
                                  "conclude_due"])
        if fresh.conclude_due is None:
            text = (f"{'批准延期30个工作日' if approve else '不批准延期'}；"
                    + _pending_text("结案期限", waiting_for))
        else:
            text = (f"批准延期30个工作日，应于{fresh.conclude_due.isoformat()}前结案" if approve
                    else f"不批准延期，仍应于{fresh.conclude_due.isoformat()}前结案")
        _event(fresh, actor, today, "extension_decided", text + (f"（{fresh.extension_note}）" if fresh.extension_note else ""))
        audit.record(actor=actor, action="supervision.inspection.extension_decided", target=fresh, before=before,
                     after={"extension_state": fresh.extension_state, "conclude_due": fresh.conclude_due,
                            "extension_note": fresh.extension_note})
    return _refresh(case, fresh)


# --- referral ---------------------------------------------------------------------------------------------------

def refer_case(*, actor, case, kind, body, referred_on, today=None):
    """移送调解或仲裁: a dispute better settled by the 劳动人事争议调解组织 or 仲裁委员会 (the body named)."""
    today = today or timezone.localdate()
    _check_handle(actor, case, "supervision.inspection.refer")
    with transaction.atomic():
        fresh = _locked(case)
        _refuse([_state_problem(fresh, InspectionState.ACCEPTED, InspectionState.OPEN, what="移送调解或仲裁"),
                 None if fresh.referral_kind == ReferralKind.NONE else
                 f"案件已于{fresh.referred_on.isoformat()}移送{fresh.referral_body}{fresh.get_referral_kind_display()}。",
                 None if kind in (ReferralKind.MEDIATION, ReferralKind.ARBITRATION) else "请选择移送调解或仲裁。",
                 None if _text(body) else "请填写接收的调解组织或仲裁委员会名称。",
                 _day_problem(referred_on, "移送日期", today, not_before=fresh.accepted_on,
                              not_before_label="受理日期")])
        fresh.referral_kind, fresh.referral_body, fresh.referred_on = kind, _text(body)[:100], referred_on
        fresh.save(update_fields=["referral_kind", "referral_body", "referred_on"])
        _event(fresh, actor, referred_on, "referred", f"移送{fresh.referral_body}{fresh.get_referral_kind_display()}")
        audit.record(actor=actor, action="supervision.inspection.referred", target=fresh,
                     after={"referral_kind": kind, "referral_body": fresh.referral_body, "referred_on": referred_on})
    return _refresh(case, fresh)


def record_referral_outcome(*, actor, case, outcome, on, today=None):
    """调解、仲裁结果: what the body decided (达成调解协议…、仲裁裁决…), on a day."""
    today = today or timezone.localdate()
    _check_handle(actor, case, "supervision.inspection.record_referral_outcome")
    with transaction.atomic():
        fresh = _locked(case)
        _refuse([_state_problem(fresh, InspectionState.ACCEPTED, InspectionState.OPEN, what="登记调解、仲裁结果"),
                 None if fresh.referral_kind != ReferralKind.NONE else "案件尚未移送调解或仲裁。",
                 None if _text(outcome) else "请填写调解或仲裁的结果。",
                 _day_problem(on, "结果日期", today, not_before=fresh.referred_on, not_before_label="移送日期")])
        fresh.referral_outcome, fresh.referral_outcome_on = _text(outcome)[:500], on
        fresh.save(update_fields=["referral_outcome", "referral_outcome_on"])
        _event(fresh, actor, on, "referral_outcome",
               f"{fresh.get_referral_kind_display()}结果：{fresh.referral_outcome}")
        audit.record(actor=actor, action="supervision.inspection.referral_outcome", target=fresh,
                     after={"referral_outcome": fresh.referral_outcome, "referral_outcome_on": on})
    return _refresh(case, fresh)


# --- conclusion -----------------------------------------------------------------------------------------------------

def conclude_case(*, actor, case, result, on=None, today=None):
    """结案 with the result (what was found, ordered and paid): the total recovered is the workers'. A case with a
    complainant gets its rating code (ratings part) for the 结案告知 the complainant is given."""
    from hrss.supervision.ratings.services import issue_code

    today = today or timezone.localdate()
    on = on or today
    _check_handle(actor, case, "supervision.inspection.conclude")
    with transaction.atomic():
        fresh = _locked(case)
        _refuse([f"案件{fresh.number}已结案，不能再次结案。" if fresh.state == InspectionState.CONCLUDED else
                 _state_problem(fresh, InspectionState.OPEN, what="结案（须先立案）"),
                 None if _text(result) else "请填写处理结果（查明的事实、采取的措施、工资支付情况）后再结案。",
                 _day_problem(on, "结案日期", today, not_before=fresh.opened_on, not_before_label="立案日期")])
        _sum_amounts(fresh)
        fresh.state, fresh.concluded_on, fresh.result = InspectionState.CONCLUDED, on, _text(result)[:1000]
        fresh.save(update_fields=["state", "concluded_on", "result"])
        late = fresh.conclude_due is not None and on > fresh.conclude_due  # 待定: not late (appraisal agrees)
        _event(fresh, actor, on, "concluded", f"结案，追回工资{money(fresh.amount_recovered)}元"
               f"{'（超过结案期限 ' + fresh.conclude_due.isoformat() + '）' if late else ''}：{fresh.result}")
        if fresh.source != InspectionSource.ROUTINE:
            issue_code(region_code=scoping.ancestor_code(fresh.region_code, Level.COUNTY), service=RATING_SERVICE,
                       source="inspection", source_id=str(fresh.pk), served_by=fresh.inspector or actor,
                       completed_on=on)
        audit.record(actor=actor, action="supervision.inspection.concluded", target=fresh,
                     before={"state": InspectionState.OPEN},
                     after={"state": fresh.state, "concluded_on": on, "amount_recovered":
                            fresh.amount_recovered, "result": fresh.result})
    return _refresh(case, fresh)


# --- deadlines that waited for a year's holiday arrangement ---------------------------------------------------

def fill_missing_due_dates():
    """The due dates stored 待定, computed from their periods' starts now that a year's arrangement may be loaded
    (registered with workdays.after_arrangement_loaded by declare.py: runs in the loading transaction, one pass over
    the cases still waiting, whatever their state). A due date still reaching an unloaded year stays 待定. Returns
    how many cases changed."""
    calendar, filled = workdays.Calendar.load(), 0
    waiting = InspectionCase.objects.filter(Q(accept_due__isnull=True) | Q(
        opened_on__isnull=False, conclude_due__isnull=True)).select_for_update()
    for case in waiting:
        changes = {}
        if case.accept_due is None:
            changes["accept_due"], _year = _due("inspection-accept", case.received_on, calendar)
        first = case.first_conclude_due
        if case.opened_on is not None and first is None:
            first, _year = _due("inspection-conclude", case.opened_on, calendar)
            changes["first_conclude_due"] = first
        if first is not None and case.opened_on is not None and case.conclude_due is None:
            changes["conclude_due"] = (_due("inspection-extension", first, calendar)[0]
                                       if case.extension_state == ExtensionState.APPROVED else first)
        changes = {name: value for name, value in changes.items() if value is not None}
        if changes:
            filled += InspectionCase.objects.filter(pk=case.pk).update(**changes)
    return filled
