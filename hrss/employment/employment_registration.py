"""就业登记 (就业服务与就业管理规定 art. 62): hires registered by the employer, one or a list at once;
self-employment and flexible employment registered by the person; the end of a labour relation. Late
registrations are marked, not refused: the job exists whether or not the form came in time."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hrss.core import audit, scoping, tabular
from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.models import Level, Region
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.spreadsheets import cell_date, cell_text
from hrss.core.working_age import MINIMUM_WORKING_AGE, age_on, is_past_retirement
from hrss.employment import selectors
from hrss.employment.models import (
    CancelReason,
    EmploymentKind,
    EmploymentRegistration,
    Standing,
    UnemploymentRegistration,
)
from hrss.employment.permissions import EMPLOYMENT_HANDLE
from hrss.residents import services as residents_services
from hrss.residents.models import FlexibleForm, LabourStatus

# Days allowed after the event [sourced: S-28 art. 62, 2007 text: 30 days after hiring, 15 after the end; a 2022
# local guide uses 30 for the self-employed too].
DAYS_ALLOWED = {
    EmploymentKind.HIRED: 30,
    EmploymentKind.SELF_EMPLOYED: 30,
    EmploymentKind.FLEXIBLE: 30,
    EmploymentKind.CONTRACT_ENDED: 15,
}
# Which of art. 67's reasons ends a 失业登记 when work starts: flexible employment is "有稳定收入的劳动" (reason 3),
# not 个体经营 (reason 2) [sourced: S-local 宜宾, domain-rules §2 triggers 1-3].
CANCEL_REASON_ON_WORK = {
    EmploymentKind.HIRED: CancelReason.HIRED,
    EmploymentKind.SELF_EMPLOYED: CancelReason.SELF_EMPLOYED,
    EmploymentKind.FLEXIBLE: CancelReason.STABLE_INCOME,
}

# What the officer registering such a hire is told (the registration carries it as `warning`).
HELD_A_JOB_WARNING = "该人员有尚在办理/已登记的失业登记，已列入建议注销，请核实。"


def _status_for(kind, flexible_form):
    return {
        EmploymentKind.HIRED: (LabourStatus.EMPLOYED, ""),
        EmploymentKind.SELF_EMPLOYED: (LabourStatus.FLEXIBLE, FlexibleForm.SELF_EMPLOYED),
        EmploymentKind.FLEXIBLE: (LabourStatus.FLEXIBLE, flexible_form),
        EmploymentKind.CONTRACT_ENDED: (LabourStatus.UNEMPLOYED, ""),
    }[kind]


def problems_with(person, *, kind, event_date, employer_name, flexible_form, today):
    problems = []
    if kind not in EmploymentKind.values:
        return ["请选择登记类型。"]
    if event_date > today:
        problems.append("日期不能晚于今天。")
    if kind in (EmploymentKind.HIRED, EmploymentKind.CONTRACT_ENDED) and not employer_name.strip():
        problems.append("请填写用人单位名称。")
    if kind == EmploymentKind.FLEXIBLE and flexible_form not in FlexibleForm.values:
        problems.append("请选择灵活就业形式。")
    if kind in selectors.STARTS_WORK:
        age = age_on(person.birth_date, event_date)
        if age < MINIMUM_WORKING_AGE:
            problems.append(f"{event_date:%Y-%m-%d}时未满{MINIMUM_WORKING_AGE}周岁（{age}岁），不能办理就业登记。")
        elif is_past_retirement(person.birth_date, person.sex, event_date, person.retirement_category):
            problems.append("已达到法定退休年龄，不办理就业登记。")
    if kind == EmploymentKind.CONTRACT_ENDED and person.labour_status != LabourStatus.EMPLOYED:
        problems.append(f"台账中该人员现为“{person.status_label}”，不是单位就业，无需登记终止劳动关系。")
    return problems


def _employer_village(actor, employer_region_code):
    """The village where the employer is, for a hire registered there: an active village in the actor's scope."""
    village = Region.objects.filter(code=employer_region_code, level=Level.VILLAGE, is_active=True).first()
    if village is None:
        raise ValidationError("请选择用人单位所在的村(社区)。")
    check_acting_in(actor, region_code=village.code, action="employment.employment.register",
                    message="用人单位所在村(社区)不在您的管辖范围内：招用登记由用人单位所在地办理。")
    return village


def register_employment(*, actor, person, kind, event_date, employer_name="", employer_code="", flexible_form="",
                        note="", employer_region_code="", today=None):
    """Register one employment event; the ledger follows from `event_date`, and a registered unemployed person who
    starts work has their 失业登记 cancelled. Returns the EmploymentRegistration.

    A hire is registered where the employer is (`employer_region_code`, a village in the actor's scope), and the
    registration belongs to that village's ledger. The worker may live outside the actor's scope (a 紫金县 worker
    hired in 源城区): the hire is then registered all the same, the worker's home ledger gets the status change,
    and the actor learns nothing of the worker beyond what the employer's list gave (see
    selectors.worker_for_hire). Other kinds are registered for people in the actor's scope only."""
    today = today or timezone.localdate()
    check_permission(actor, EMPLOYMENT_HANDLE)
    village = None
    if kind == EmploymentKind.HIRED and employer_region_code:
        village = _employer_village(actor, employer_region_code)
    if village is None or scoping.scope_of(actor).contains_code(person.region_code):
        check_acting_in(actor, region_code=person.region_code, action="employment.employment.register",
                        subject_id_number=person.id_number, message="该人员不在您的管辖范围内。")
    problems = problems_with(person, kind=kind, event_date=event_date, employer_name=employer_name,
                             flexible_form=flexible_form, today=today)
    if kind == EmploymentKind.HIRED and not problems:
        problems = _duplicate_hire(person, employer_name=employer_name, employer_code=employer_code,
                                   event_date=event_date)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        return _register(actor, person, kind, event_date, employer_name, employer_code, flexible_form, note, today,
                         village)


def _duplicate_hire(person, *, employer_name, employer_code, event_date):
    """A hire of `person` by the same employer (the same credit code, or without codes the same name) on the same
    day, or within an employment with that employer that no 终止劳动关系 registration has ended: the same job
    registered twice (a list sent again, another office registering it too)."""
    code, name = employer_code.strip().upper()[:18], employer_name.strip()[:100]
    same_employer = Q(employer_code=code) if code else Q(employer_name=name)
    registrations = person.employment_registrations.filter(same_employer)
    ends = sorted(registrations.filter(kind=EmploymentKind.CONTRACT_ENDED).values_list("event_date", flat=True))
    for hired_on in registrations.filter(kind=EmploymentKind.HIRED).values_list("event_date", flat=True):
        first, last = sorted((hired_on, event_date))
        if first == last or not any(first <= ended < last for ended in ends):
            return [f"该劳动者已由该用人单位登记招用（{hired_on:%Y-%m-%d}起），劳动关系尚未登记终止，不能重复登记；"
                    "如曾离职后再次录用，请先登记终止劳动关系。"]
    return []


def _register(actor, person, kind, event_date, employer_name, employer_code, flexible_form, note, today,
              village=None):
    standing = person.unemployment_registrations.filter(standing=Standing.REGISTERED).first()
    days_allowed = DAYS_ALLOWED[kind]
    # Re-employment: work that starts while the person stands registered unemployed (not a job from before).
    reemployed = (kind in selectors.STARTS_WORK and standing is not None
                  and (standing.registered_on is None or standing.registered_on <= event_date))
    registration = EmploymentRegistration.objects.create(
        person=person, region_code=village.code if village else person.region_code, kind=kind, employer_name=employer_name.strip()[:100],
        employer_code=employer_code.strip().upper()[:18], flexible_form=flexible_form, event_date=event_date,
        registered_on=today, days_allowed=days_allowed, is_late=(today - event_date).days > days_allowed,
        was_registered_unemployed=reemployed, note=note[:200], recorded_by=actor)
    status, detail = _status_for(kind, flexible_form)
    # A ledger entry made after the event (a survey, an import) must not hide it: the status then counts from
    # that entry's date, and the note keeps the real one.
    effective = max(event_date, person.status_since or event_date)
    note_text = EmploymentKind(kind).label + (f"（{event_date:%Y-%m-%d}起）" if effective != event_date else "")
    if village is not None and village.code != person.region_code:
        # The home village reads where the hire was registered, as the status change's note.
        place = "".join(Region.objects.filter(code__in=[*scoping.ancestor_codes(village.code)[2:], village.code])
                        .order_by("code").values_list("name", flat=True))
        note_text = f"{note_text}：{registration.employer_name}，{place}登记"[:200]
    # The worker's home ledger follows, though a hire registered where the employer is may come from an actor whose
    # scope does not hold the worker: register_employment checked this actor under the hire's own rule.
    residents_services.apply_status_change(actor=actor, person=person, status=status, detail=detail,
                                           effective_date=effective, note=note_text, today=today)
    # A hire registered where the employer is, by an office whose scope does not hold the worker, does not end the
    # worker's 失业登记: that is the home office's act. It becomes a proposal for the home officers to confirm
    # (services.cancellation_proposals, from this registration).
    if reemployed and scoping.scope_of(actor).contains_code(person.region_code):
        _cancel_on_work(actor, standing, CANCEL_REASON_ON_WORK[kind], event_date, today)
    # A hire from before the registration date (or while the application is under review): the person held a job
    # when registered. Registered all the same, it ends nothing by itself: the home officers confirm the
    # cancellation (services.cancellation_proposals), the reviewer sees it on the case page. Only an officer whose
    # scope holds the worker is told (elsewhere the 失业登记 is not theirs to learn of).
    registration.warning = ""
    held_a_job = False
    if kind == EmploymentKind.HIRED and not reemployed:
        open_registration = person.unemployment_registrations.filter(UnemploymentRegistration.status_q(
            UnemploymentRegistration.Status.PENDING, UnemploymentRegistration.Status.REGISTERED)).first()
        held_a_job = (open_registration is not None
                      and open_registration.pk in selectors.hires_before_registration([open_registration]))
        if held_a_job and scoping.scope_of(actor).contains_code(person.region_code):
            registration.warning = HELD_A_JOB_WARNING
    audit.record(actor=actor, action="employment.employment.registered", target=registration,
                 region_code=registration.region_code, subject_id_number=person.id_number,
                 after={"kind": kind, "event_date": event_date, "late": registration.is_late,
                        **({"held_a_job_when_registered_unemployed": True} if held_a_job else {})})
    return registration


def _cancel_on_work(actor, standing, reason, event_date, today):
    # The officer registering the job may be a village assistant, who cannot cancel by hand: starting work
    # ends a 失业登记 by rule (trigger 1 or 2), so this cancellation is the registration's, audited as such.
    standing.standing = Standing.CANCELLED
    standing.cancelled_on = event_date
    standing.cancel_reason = reason
    standing.save(update_fields=["standing", "cancelled_on", "cancel_reason"])
    audit.record(actor=actor, action="employment.unemployment.cancelled", target=standing,
                 region_code=standing.region_code, subject_id_number=standing.person.id_number,
                 after={"reason": reason, "effective_date": event_date}, note="就业登记时自动注销")


@dataclass(frozen=True)
class HireError:
    row: int
    id_number: str
    reason: str


# The same answer whether the number is unknown or belongs to someone outside the officer's scope whose name was
# not given or does not match: a guessed number tells an officer nothing.
NOT_FOUND = ("辖区台账中没有此人：本辖区的人员请先在劳动力台账中登记；外地劳动者请同时填写姓名，"
             "姓名和公民身份号码须与其户籍地台账一致。")
# Before the employer's village is chosen nothing outside the scope is looked at: one answer for a worker from
# elsewhere and for a number registered nowhere.
NOT_FOUND_WITHOUT_VILLAGE = "辖区台账中没有此人；外地劳动者请先选择用人单位所在村(社区)后再核对姓名和身份证号。"


def register_hires(*, actor, employer_name, employer_code, hires, employer_region_code="", today=None):
    """An employer's list of new hires at once: [(id number as written, hiring date)], or [(row number, id
    number, hiring date)] or [(row number, id number, hiring date, name)] from a file. Each valid row is
    registered; each invalid one comes back with its row number and the reason. With `employer_region_code` (the
    employer's village, in the actor's scope) the hires are registered there, and the list may name workers from
    elsewhere, each with their name. A row's own fields are checked before the ledger is looked at, and each look
    beyond the actor's scope is counted and audited (selectors.worker_for_hire). Returns (registered, errors)."""
    today = today or timezone.localdate()
    check_permission(actor, EMPLOYMENT_HANDLE)
    if not employer_name.strip():
        raise ValidationError("请填写用人单位名称。")
    if employer_region_code:
        _employer_village(actor, employer_region_code)
    registered, errors, seen = [], [], set()
    for position, hire in enumerate(hires, start=1):
        row, raw_number, hired_on, name = (hire if len(hire) == 4 else (*hire, "") if len(hire) == 3
                                           else (position, *hire, ""))
        try:
            number = parse(raw_number, today=today).number
        except InvalidIdNumber as error:
            errors.append(HireError(row, cell_text(raw_number), str(error)))
            continue
        if number in seen:
            errors.append(HireError(row, number, "名单中重复。"))
            continue
        seen.add(number)
        if hired_on is None:
            errors.append(HireError(row, number, "请填写招用日期（如 2026-05-08）。"))
            continue
        if hired_on > today:
            errors.append(HireError(row, number, "招用日期不能晚于今天。"))
            continue
        try:
            person, in_scope = selectors.worker_for_hire(actor, id_number=number, name=cell_text(name),
                                                         reach_outside=bool(employer_region_code))
        except ValidationError as error:  # past the limit of looks beyond the scope
            errors.append(HireError(row, number, "；".join(error.messages)))
            continue
        if person is None:
            errors.append(HireError(row, number, NOT_FOUND if employer_region_code else NOT_FOUND_WITHOUT_VILLAGE))
            continue
        if in_scope and cell_text(name) and cell_text(name) != person.name:
            errors.append(HireError(row, number, f"姓名与台账不一致（台账为“{person.name}”），请核对。"))
            continue
        try:
            registered.append(register_employment(actor=actor, person=person, kind=EmploymentKind.HIRED,
                                                  event_date=hired_on, employer_name=employer_name,
                                                  employer_code=employer_code,
                                                  employer_region_code=employer_region_code, today=today))
        except ValidationError as error:
            errors.append(HireError(row, number, "；".join(error.messages)))
    return registered, errors


# An employer's list of new hires (the import of the tabular pipeline: its rows are checked and registered one by
# one by register_hires, which checks each worker's scope).
HIRE_LIST = tabular.Spec(
    (tabular.Column("id_number", "公民身份号码", ("身份证号码", "身份证号", "证件号码"), required=True, text=True),
     tabular.Column("hired_on", "招用日期", ("入职日期", "就业日期", "录用日期")),
     tabular.Column("name", "姓名")),
    missing="表头须有“公民身份号码”一列（可另加“招用日期”列）。", empty="文件是空的。")


def hires_from_file(path):
    """An employer's list from .xlsx, .xls or .csv: a header with 公民身份号码 and (optionally) 招用日期 and 姓名,
    then a row per hire. Returns [(row number, id number cell, date or None, name)]; other columns are ignored."""
    return [(number, row["id_number"], cell_date(row["hired_on"]), cell_text(row["name"]))
            for number, row in tabular.records(path, HIRE_LIST)]
