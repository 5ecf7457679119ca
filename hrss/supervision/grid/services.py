"""The grid part's writes (网格化管理): keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), one audit entry each. Bad input is a ValidationError listing every
reason in Chinese, and nothing is written.

Who does what: any office of the cell's scope reports leads and records visits; the cell's staff (网格员) are set by
the township (or the county) for its villages and itself; a lead is forwarded to labour inspection or dismissed by
the township or the county (the village reports, it does not decide); a lead resolved on the spot is recorded by
any office of its scope. What a cell recorded (a lead still with it, a visit) is corrected by the cell's office
itself. Forwarding opens the inspection case through the inspection part's named service
(`inspection.services.open_from_lead`), inside the same transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, credit_codes, scoping
from hrss.core.models import Level, Region
from hrss.core.permissions import check_acting_in, check_permission
from hrss.supervision import inputs
from hrss.supervision.inspection import services as inspection_services
from hrss.supervision.models import (
    EmployerVisit,
    GridCell,
    GridStaff,
    GridStaffPost,
    Lead,
    LeadKind,
    LeadState,
)
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.recording import is_recording_office

CELL_LEVELS = (Level.VILLAGE, Level.TOWNSHIP)
DECIDING_LEVELS = (Level.TOWNSHIP, Level.COUNTY, Level.CITY, Level.PROVINCE)  # the village reports, it does not decide
MAX_WORKERS = 100000
# What a correction may change (the audit's before/after of it): the fields of the form it was recorded with, but
# the cell (and a visit's lead, which is corrected as a lead).
LEAD_FIELDS = ("reported_on", "employer_name", "employer_uscc", "kind", "description", "workers_affected")
VISIT_FIELDS = ("employer_name", "employer_uscc", "visited_on", "findings", "problems_found")


def _level_of(actor):
    scope = scoping.scope_of(actor)
    return None if scope.is_empty else scope.region.level


def _check_level(actor, *, region_code, action, levels, message):
    """Refuse (audited) an actor whose own office is not at one of `levels` (after check_acting_in)."""
    if _level_of(actor) in levels:
        return
    audit.record_denied(actor=actor, action=action, region_code=region_code)
    raise PermissionDenied(message)


def _date_problem(day, label, today, *, not_before=inputs.RECORDS_FROM, not_before_label=inputs.RECORDS_FROM_LABEL):
    return inputs.date_problem(day, label, today, not_before=max(not_before, inputs.RECORDS_FROM),
                               not_before_label=not_before_label if not_before >= inputs.RECORDS_FROM
                               else inputs.RECORDS_FROM_LABEL)


def _text_problem(value, label, limit, *, required=True):
    value = (value or "").strip()
    if required and not value:
        return f"请填写{label}。"
    if len(value) > limit:
        return f"{label}不超过{limit}字（现为{len(value)}字）。"
    return None


def uscc_problem(code):
    """Why an employer's 统一社会信用代码 (optional) is not one, or None; the check is core.credit_codes'."""
    code = credit_codes.normalise(code)
    if not code:
        return None
    check = credit_codes.check_uscc(code)
    return None if check.valid else f"统一社会信用代码“{code}”有误：{check.error}请核对，或不填。"


def region_problem(region):
    if region.level not in CELL_LEVELS or not region.is_active:
        return f"{region.name}不是网格：网格为村(社区)或乡镇(街道)，请选择村(社区)或乡镇(街道)。"
    return None


def _cell(region_code):
    """Inside the caller's transaction (or alone): the cell of `region_code`, made when it is first needed."""
    try:
        with transaction.atomic():
            return GridCell.objects.get_or_create(region_code=region_code)[0]
    except IntegrityError:  # made by another request in between
        return GridCell.objects.get(region_code=region_code)


def _check_recording_office(actor, *, region_code, target, action, message, recorded_by=None):
    """Refuse (audited) an actor not of the office that recorded `target` (after check_acting_in)."""
    if is_recording_office(actor, region_code, recorded_by):
        return
    audit.record_denied(actor=actor, action=action, target=target, region_code=region_code)
    raise PermissionDenied(message)


def _save_correction(*, actor, record, fields, values, action):
    """Inside the caller's transaction: `values` written on `record`, audited with the fields changed (before and
    after); nothing written and nothing recorded when nothing changed. Returns the fields changed."""
    before = audit.snapshot(record, fields)
    for field, value in values.items():
        setattr(record, field, value)
    after = audit.snapshot(record, fields)
    changed = [key for key in fields if before[key] != after[key]]
    if changed:
        type(record).objects.filter(pk=record.pk).update(**{key: after[key] for key in changed})
        audit.record(actor=actor, action=action, target=record, region_code=record.region_code,
                     before={key: before[key] for key in changed}, after={key: after[key] for key in changed})
    return changed


def ensure_cell(*, actor, region, today=None):
    """The grid cell of `region` (a village or a township of the actor's scope), made on demand the first time its
    page is opened or a lead is reported there: an empty row, not audited (nothing was decided)."""
    check_permission(actor, SUPERVISION_VIEW)
    check_acting_in(actor, region_code=region.code, action="supervision.grid.open_cell",
                    message="只能查看本辖区的网格。")
    if (problem := region_problem(region)) is not None:
        raise ValidationError(problem)
    return _cell(region.code)


# --- the cell's staff (网格员) -----------------------------------------------------------------------------------


def staff_problems(*, region, name, phone, post, user, since, today):
    problems = [problem for problem in (region_problem(region), _text_problem(name, "姓名", 30),
                                        _text_problem(phone, "联系电话", 20) or inputs.phone_problem(phone.strip()))
                if problem]
    if post not in GridStaffPost.values:
        problems.append(f"请选择职务（{'、'.join(map(str, GridStaffPost.labels))}）。")
    if (problem := _date_problem(since, "任职日期", today)) is not None:
        problems.append(problem)
    if user is not None and (user.region_id is None or user.region.code != region.code):
        problems.append(f"账号{user.username}不属于{region.name}：只能关联本网格单位的工作人员账号，或不关联。")
    if user is not None and GridStaff.objects.filter(region_code=region.code, user=user, left_on__isnull=True).exists():
        problems.append(f"账号{user.username}已是{region.name}的网格员。")
    return problems


def add_staff(*, actor, region, name, phone, post, user=None, since=None, today=None):
    """设置网格员: a named person (and their account, if any) responsible for the cell of `region`, set by the
    township for its villages and itself (or by the county)."""
    today = today or timezone.localdate()
    since = since or today
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=region.code, action="supervision.grid_staff.add",
                    message="只能为本辖区的网格设置网格员。")
    _check_level(actor, region_code=region.code, action="supervision.grid_staff.add", levels=DECIDING_LEVELS,
                 message="网格员由乡镇(街道)为本乡镇和所辖村(社区)设置，村(社区)不能设置。")
    problems = staff_problems(region=region, name=name, phone=phone, post=post, user=user, since=since, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        _cell(region.code)
        staff = GridStaff.objects.create(region_code=region.code, name=name.strip(), phone=phone.strip(),
                                         post=post, user=user, since=since, set_by=actor)
        audit.record(actor=actor, action="supervision.grid_staff.added", target=staff, region_code=region.code,
                     after={"staff_name": staff.name, "phone": staff.phone, "grid_post": post, "since": since,
                            "account": user.username if user else ""})
    return staff


def remove_staff(*, actor, staff, left_on=None, today=None):
    """网格员卸任: the person is no longer responsible for the cell from `left_on` (the row stays)."""
    today = today or timezone.localdate()
    left_on = left_on or today
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=staff.region_code, action="supervision.grid_staff.remove",
                    message="只能调整本辖区网格的网格员。")
    _check_level(actor, region_code=staff.region_code, action="supervision.grid_staff.remove",
                 levels=DECIDING_LEVELS, message="网格员由乡镇(街道)为本乡镇和所辖村(社区)调整，村(社区)不能调整。")
    problems = []
    if staff.left_on is not None:
        problems.append(f"{staff.name}已于{staff.left_on:%Y-%m-%d}卸任。")
    elif (problem := _date_problem(left_on, "卸任日期", today, not_before=staff.since,
                                   not_before_label="任职日期")) is not None:
        problems.append(problem)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        if not GridStaff.objects.filter(pk=staff.pk, left_on__isnull=True).update(left_on=left_on):
            raise ValidationError("该网格员刚刚已被他人调整，请刷新页面后重试。")
        staff.refresh_from_db()
        audit.record(actor=actor, action="supervision.grid_staff.removed", target=staff,
                     region_code=staff.region_code, after={"staff_name": staff.name, "left_on": left_on})
    return staff


# --- leads (线索) ----------------------------------------------------------------------------------------------


def lead_problems(*, region, reported_on, employer_name, employer_uscc, kind, description, workers_affected, today):
    """What keeps a lead from being reported: [reason in Chinese], empty when nothing."""
    problems = [problem for problem in (
        region_problem(region), _date_problem(reported_on, "报告日期", today),
        _text_problem(employer_name, "用人单位名称", 100), uscc_problem(employer_uscc),
        _text_problem(description, "情况描述", 1000)) if problem]
    if kind not in LeadKind.values:
        problems.append(f"请选择线索类别（{'、'.join(map(str, LeadKind.labels))}）。")
    if not isinstance(workers_affected, int) or isinstance(workers_affected, bool) or not (
            0 <= workers_affected <= MAX_WORKERS):
        problems.append(f"涉及劳动者人数应为0至{MAX_WORKERS}的整数。")
    elif kind == LeadKind.WAGES and workers_affected == 0:
        problems.append("欠薪线索请填写涉及的劳动者人数（至少1人）。")
    return problems


def _create_lead(*, actor, region, reported_on, employer_name, employer_uscc, kind, description, workers_affected):
    _cell(region.code)
    lead = Lead.objects.create(
        region_code=region.code, reported_by=actor, reported_on=reported_on, employer_name=employer_name.strip(),
        employer_uscc=credit_codes.normalise(employer_uscc), kind=kind, description=description.strip(),
        workers_affected=workers_affected)
    audit.record(actor=actor, action="supervision.lead.reported", target=lead, region_code=region.code,
                 after={"employer_name": lead.employer_name, "employer_uscc": lead.employer_uscc,
                        "lead_kind": kind, "reported_on": reported_on, "workers_affected": workers_affected})
    return lead


def report_lead(*, actor, region, employer_name, kind, description, employer_uscc="", workers_affected=0,
                reported_on=None, today=None):
    """报告线索 from the cell of `region` (a village or a township of the actor's scope): the cell is made if it
    was not; the lead waits for the township's or county's decision."""
    today = today or timezone.localdate()
    reported_on = reported_on or today
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=region.code, action="supervision.lead.report",
                    message="只能报告本辖区网格的线索。")
    problems = lead_problems(region=region, reported_on=reported_on, employer_name=employer_name,
                             employer_uscc=employer_uscc, kind=kind, description=description,
                             workers_affected=workers_affected, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        return _create_lead(actor=actor, region=region, reported_on=reported_on, employer_name=employer_name,
                            employer_uscc=employer_uscc, kind=kind, description=description,
                            workers_affected=workers_affected)


def forwarded_problem(lead):
    """Why a lead is not corrected by the cell any more, or None: a forwarded one is the inspection case's; one the
    township or county dismissed or found resolved was decided on what it said, which a correction would rewrite."""
    if lead.state in (LeadState.DISMISSED, LeadState.RESOLVED):
        return (f"该线索已于{lead.decided_on:%Y-%m-%d}处理（{lead.get_state_display()}），处理意见针对当时报告的情况，"
                "不能再更正；如情况有变或有新情况，请报告新的线索。")
    if lead.state != LeadState.FORWARDED:
        return None
    case = lead.inspection_cases.order_by("-pk").first()  # the inspection part's case opened from it
    named = f"监察案件{case.number}" if case is not None else "劳动保障监察"
    return (f"该线索已于{lead.decided_on:%Y-%m-%d}移交劳动保障监察，现为{named}办理，网格不能再更正；"
            f"如有出入，请告知办理该案件的劳动保障监察机构。")


def correct_lead(*, actor, lead, employer_name, kind, description, employer_uscc="", workers_affected=0,
                 reported_on=None, today=None):
    """更正网格线索: the fields it was reported with (not the cell), by the cell's office itself, while the lead is
    still with the cell (a forwarded one is the inspection case's); checked as when it was reported. Audited with
    the fields changed, before and after."""
    today = today or timezone.localdate()
    reported_on = reported_on or lead.reported_on
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=lead.region_code, action="supervision.lead.correct",
                    message="只能更正本辖区网格的线索。")
    _check_recording_office(actor, region_code=lead.region_code, target=lead, action="supervision.lead.correct",
                            recorded_by=lead.reported_by,
                            message="网格线索只能由报告它的网格单位本身更正；上级单位可以查看、处理，不能代为更正。")
    problems = [problem for problem in (forwarded_problem(lead),) if problem] or lead_problems(
        region=Region.objects.get(code=lead.region_code), reported_on=reported_on, employer_name=employer_name,
        employer_uscc=employer_uscc, kind=kind, description=description, workers_affected=workers_affected,
        today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        # Locked, so a forwarding in between is seen: the case then holds the lead as it was forwarded.
        if Lead.objects.select_for_update().filter(pk=lead.pk, state=LeadState.FORWARDED).exists():
            lead.refresh_from_db()
            raise ValidationError(forwarded_problem(lead))
        _save_correction(actor=actor, record=lead, fields=LEAD_FIELDS, action="supervision.lead.corrected", values={
            "reported_on": reported_on, "employer_name": employer_name.strip(),
            "employer_uscc": credit_codes.normalise(employer_uscc), "kind": kind, "description": description.strip(),
            "workers_affected": workers_affected})
    return lead


def _check_decider(actor, lead, verb):
    check_permission(actor, SUPERVISION_HANDLE)
    action = f"supervision.lead.{verb}"
    check_acting_in(actor, region_code=lead.region_code, action=action, message="只能处理本辖区网格的线索。")
    _check_level(actor, region_code=lead.region_code, action=action, levels=DECIDING_LEVELS,
                 message="线索由乡镇(街道)或县(区)决定移交劳动保障监察或不予移交，村(社区)负责报告。")


def _open_problem(lead):
    if lead.state != LeadState.REPORTED:
        when = f"于{lead.decided_on:%Y-%m-%d}" if lead.decided_on else ""
        return f"该线索已{when}处理（{lead.get_state_display()}），不能再处理。"
    return None


def _decide(*, actor, lead, state, note, today, action):
    """Inside the caller's transaction: the reported lead decided (`state`), or a ValidationError when someone else
    decided it in between."""
    if not Lead.objects.filter(pk=lead.pk, state=LeadState.REPORTED).update(
            state=state, decided_on=today, decided_by=actor, decision_note=note):
        raise ValidationError("该线索刚刚已被他人处理，请刷新页面查看。")
    lead.refresh_from_db()
    audit.record(actor=actor, action=action, target=lead, region_code=lead.region_code,
                 before={"lead_state": LeadState.REPORTED},
                 after={"lead_state": state, "decided_on": today, "decision_note": note})
    return lead


def open_inspection_case(*, actor, lead, today):
    """The inspection part's case opened for `lead` (its named service, inside the caller's transaction)."""
    return inspection_services.open_from_lead(actor=actor, lead=lead, today=today)


def forward_lead(*, actor, lead, note="", today=None):
    """移交劳动保障监察: the township or the county passes the lead to the county's labour-inspection team, which
    opens a case for it (inspection.services.open_from_lead), in one transaction."""
    today = today or timezone.localdate()
    _check_decider(actor, lead, "forward")
    problems = [problem for problem in (_open_problem(lead), _text_problem(note, "移交说明", 500, required=False))
                if problem]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        lead = _decide(actor=actor, lead=lead, state=LeadState.FORWARDED, note=(note or "").strip(), today=today,
                       action="supervision.lead.forwarded")
        open_inspection_case(actor=actor, lead=lead, today=today)
    return lead


def dismiss_lead(*, actor, lead, reason, today=None):
    """不予移交: the township or the county dismisses the lead, saying why (the reason is required)."""
    today = today or timezone.localdate()
    _check_decider(actor, lead, "dismiss")
    problems = [problem for problem in (_open_problem(lead), _text_problem(reason, "不予移交的理由", 500)) if problem]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        return _decide(actor=actor, lead=lead, state=LeadState.DISMISSED, note=reason.strip(), today=today,
                       action="supervision.lead.dismissed")


def resolve_lead(*, actor, lead, note, today=None):
    """已现场解决: the lead was settled on the spot (the employer paid, signed the contracts...), saying how;
    recorded by any office of the lead's scope."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=lead.region_code, action="supervision.lead.resolve",
                    message="只能处理本辖区网格的线索。")
    problems = [problem for problem in (_open_problem(lead), _text_problem(note, "解决情况", 500)) if problem]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        return _decide(actor=actor, lead=lead, state=LeadState.RESOLVED, note=note.strip(), today=today,
                       action="supervision.lead.resolved")


# --- routine visits to employers (走访用人单位) ----------------------------------------------------------------


def visit_problems(*, region, employer_name, employer_uscc, visited_on, findings, problems_found, lead_kind,
                   lead_description, workers_affected, today):
    problems = [problem for problem in (
        region_problem(region), _text_problem(employer_name, "用人单位名称", 100), uscc_problem(employer_uscc),
        _date_problem(visited_on, "走访日期", today), _text_problem(findings, "走访情况", 1000)) if problem]
    if lead_kind and not problems_found:
        problems.append("未发现问题的走访不能报告线索：请勾选“发现问题”，或不报告线索。")
    if lead_kind:
        problems.extend(problem for problem in lead_problems(
            region=region, reported_on=today, employer_name=employer_name, employer_uscc=employer_uscc,
            kind=lead_kind, description=lead_description, workers_affected=workers_affected, today=today)
            if problem not in problems)
    return problems


def record_visit(*, actor, region, employer_name, visited_on, findings, employer_uscc="", problems_found=False,
                 lead_kind="", lead_description="", workers_affected=0, today=None):
    """登记走访用人单位 in the cell of `region`; when a problem was found and `lead_kind` is given, a lead is
    reported from the visit in the same transaction (the visit names it)."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=region.code, action="supervision.employer_visit.record",
                    message="只能登记本辖区网格的走访。")
    problems = visit_problems(region=region, employer_name=employer_name, employer_uscc=employer_uscc,
                              visited_on=visited_on, findings=findings, problems_found=problems_found,
                              lead_kind=lead_kind, lead_description=lead_description,
                              workers_affected=workers_affected, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        lead = None
        if lead_kind:
            lead = _create_lead(actor=actor, region=region, reported_on=today, employer_name=employer_name,
                                employer_uscc=employer_uscc, kind=lead_kind, description=lead_description,
                                workers_affected=workers_affected)
        else:
            _cell(region.code)
        visit = EmployerVisit.objects.create(
            region_code=region.code, employer_name=employer_name.strip(),
            employer_uscc=credit_codes.normalise(employer_uscc), visited_on=visited_on, by=actor,
            findings=findings.strip(), problems_found=bool(problems_found), lead=lead)
        audit.record(actor=actor, action="supervision.employer_visit.recorded", target=visit,
                     region_code=region.code,
                     after={"employer_name": visit.employer_name, "employer_uscc": visit.employer_uscc,
                            "visited_on": visited_on, "findings": visit.findings,
                            "problems_found": visit.problems_found, "lead": lead.pk if lead else None})
    return visit


def correct_visit(*, actor, visit, employer_name, visited_on, findings, employer_uscc="", problems_found=False,
                  lead_kind="", lead_description="", workers_affected=0, today=None):
    """更正走访记录: the fields it was recorded with (not the cell), by the cell's office itself, checked as when it
    was recorded. A correction reports no lead (`lead_kind` and the rest of the lead's fields are refused: a lead
    is reported as a lead), and a visit a lead was reported from keeps 发现问题. Audited with the fields changed,
    before and after."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=visit.region_code, action="supervision.employer_visit.correct",
                    message="只能更正本辖区网格的走访记录。")
    _check_recording_office(actor, region_code=visit.region_code, target=visit,
                            action="supervision.employer_visit.correct", recorded_by=visit.by,
                            message="走访记录只能由登记它的网格单位本身更正；上级单位可以查看，不能代为更正。")
    problems = visit_problems(region=Region.objects.get(code=visit.region_code), employer_name=employer_name,
                              employer_uscc=employer_uscc, visited_on=visited_on, findings=findings,
                              problems_found=problems_found, lead_kind="", lead_description="", workers_affected=0,
                              today=today)
    if lead_kind or (lead_description or "").strip():
        problems.append("更正走访记录不能同时报告线索：请先保存更正，再在网格页“报告线索”。")
    if visit.lead_id is not None and not problems_found:
        problems.append("该走访已据此报告了线索，不能改为“未发现问题”；线索本身请在线索页更正。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        _save_correction(actor=actor, record=visit, fields=VISIT_FIELDS,
                         action="supervision.employer_visit.corrected", values={
                             "employer_name": employer_name.strip(),
                             "employer_uscc": credit_codes.normalise(employer_uscc), "visited_on": visited_on,
                             "findings": findings.strip(), "problems_found": bool(problems_found)})
    return visit
