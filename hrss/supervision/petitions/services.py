"""The petitions part's writes (信访, 信访工作条例 2022): keyword-only, taking the actor, checking permission and scope
before one transaction (a refusal's audit entry stays), one audit entry and one history event (PetitionEvent)
each. Bad input is a ValidationError listing every reason in Chinese, and nothing is written.

The course of a petition: recorded by whoever received it (首问负责; a village assistant at the village), carried up
to the township or county (forward_up), decided there within the accept period (decide: 受理、转送、不予受理; or
forward_to_inspection for unpaid wages and other labour-law violations), handled within the handle period
(extendable once, extend), closed only with a reply (reply: 办结答复, which issues the rating code), then 复查 and
复核 by the offices above (request_review, decide_review, request_recheck, decide_recheck). Each period's last
day is stored when the period starts (deadlines.py, calendar days as the regulation counts them; provisional, without
the roll-over over rest days, while the year it reaches has no holiday arrangement: recompute_provisional_dues settles
it when the year is loaded); a decision or a
reply after it is taken and shown as late; a request for 复查 or 复核 after its period is refused (the
petitioner's right has lapsed)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, scoping, workdays
from hrss.core.credit_codes import check_uscc
from hrss.core.credit_codes import normalise as normalise_code
from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.models import Level, Region
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.core.text import amount_of as yuan_amount
from hrss.supervision import deadlines
from hrss.supervision.inputs import phone_problem
from hrss.supervision.models import (
    Petition,
    PetitionCategory,
    PetitionChannel,
    PetitionDecision,
    PetitionEvent,
    PetitionEventKind,
    PetitionState,
)
from hrss.supervision.models.petitions import INSPECTION_CATEGORIES
from hrss.supervision.permissions import SUPERVISION_HANDLE
from hrss.supervision.petitions import selectors

MAX_AMOUNT = Decimal("9999999999.99")
MAX_WORKERS = 100000
RATING_SERVICE = "信访事项办理"
DECIDING_LEVELS = (Level.TOWNSHIP, Level.COUNTY, Level.CITY)  # 村(社区) records and carries up; it does not decide
# 本机关负责人 (信访工作条例 art. 32), who approve an extension of the handle period: the township's 审核员, the
# county's 审批员, and the city's administrator (the only role held at the city).
EXTENSION_LEADERS = frozenset({Role.TOWNSHIP_REVIEWER, Role.COUNTY_APPROVER, Role.CITY_ADMIN})
STALE = "该信访件刚刚已被他人办理，请刷新页面后重试。"


def _check(actor, petition, action, message, *, region_code=None):
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=region_code or petition.region_code, action=action, message=message,
                    subject_id_number=petition.petitioner_id_number)


def due(kind, start, *, days=None):
    """(due, provisional): deadlines.due_or_provisional. A period reaching a year whose holiday arrangement is not
    loaded is not refused: its calendar-day last day is stored as provisional until the year is loaded."""
    return deadlines.due_or_provisional(kind, start, days=days)


def _marks(petition, provisional):
    """The petition's provisional_dues with each field of `provisional` ({field: bool}) marked or cleared."""
    kept = [field for field in petition.provisional_dues if field not in provisional]
    return kept + [field for field, marked in provisional.items() if marked]


def _shown(day, provisional):
    return deadlines.due_text(day, provisional)


def _text(value):
    return (value or "").strip()


def _date_problem(day, label, today, *, not_before=None, not_before_label=""):
    if not isinstance(day, datetime.date):
        return f"请填写{label}。"
    if day > today:
        return f"{label}{day:%Y-%m-%d}晚于今天，请填写已经发生的日期。"
    if not_before is not None and day < not_before:
        return f"{label}{day:%Y-%m-%d}早于{not_before_label}{not_before:%Y-%m-%d}。"
    return None


def _length_problem(value, label, limit, *, required=False, hint=""):
    if required and not value:
        return f"请填写{label}{hint}。"
    if len(value) > limit:
        return f"{label}不超过{limit}字。"
    return None


def amount_of(value):
    """An amount in yuan (core.text.amount_of), None when blank, or the string "bad" when it is not one."""
    return yuan_amount(value, bad="bad")


def _event(petition, kind, actor, on, note=""):
    return PetitionEvent.objects.create(petition=petition, kind=kind, on=on, office_code=petition.region_code,
                                        by=actor, note=note[:500])


def _office_name(code):
    return Region.objects.filter(code=code).values_list("name", flat=True).first() or code


# --- intake ----------------------------------------------------------------------------------------------------

def intake_problems(*, office, received_on, channel, category, petitioner_name, petitioner_id_number,
                    petitioner_phone, petitioner_address, subject, summary, employer_name, employer_uscc,
                    workers_count, amount_claimed, repeat_of, today):
    """What keeps a petition from being recorded: [(field, reason in Chinese)], empty when nothing."""
    problems = []
    if office.level == Level.PROVINCE:
        problems.append(("office", "信访件由市、县(区)、乡镇(街道)或村(社区)登记。"))
    problem = _date_problem(received_on, "收到日期", today, not_before=deadlines.PETITIONS_FROM,
                            not_before_label="《信访条例》施行之日")
    if problem:
        problems.append(("received_on", problem))
    if channel not in PetitionChannel.values:
        problems.append(("channel", "请选择信访形式（来访、来信、来电或网上信访）。"))
    if category not in PetitionCategory.values:
        problems.append(("category", "请选择问题类别（欠薪、劳动合同、社会保险、工伤、其他劳动保障违法或其他）。"))
    for field, value, label, limit, required, hint in (
            ("petitioner_name", petitioner_name, "信访人姓名", 50, True, ""),
            ("subject", subject, "事由", 100, True, "（如：某公司拖欠3个月工资）"),
            ("summary", summary, "主要诉求和情况", 2000, True, ""),
            ("petitioner_address", petitioner_address, "住址", 100, False, ""),
            ("employer_name", employer_name, "涉及单位", 100, category == PetitionCategory.WAGES,
             "（欠薪信访须写明欠薪单位）")):
        if problem := _length_problem(value, label, limit, required=required, hint=hint):
            problems.append((field, problem))
    if petitioner_phone and (problem := phone_problem(petitioner_phone)):
        problems.append(("petitioner_phone", problem))
    if not petitioner_phone and not petitioner_address:
        problems.append(("petitioner_phone", "请填写信访人的联系电话或住址，以便告知受理情况和答复。"))
    if petitioner_id_number:
        try:
            parse(petitioner_id_number, today=today)
        except InvalidIdNumber as error:
            problems.append(("petitioner_id_number", f"信访人公民身份号码有误：{error}（不知道的可以不填）"))
    if employer_uscc and not (checked := check_uscc(employer_uscc)).valid:
        problems.append(("employer_uscc", f"单位统一社会信用代码“{employer_uscc}”有误：{checked.error}"
                                          "（不知道的可以不填）"))
    if not isinstance(workers_count, int) or not 1 <= workers_count <= MAX_WORKERS:
        problems.append(("workers_count", f"涉及人数应为1至{MAX_WORKERS}的整数。"))
    amount = amount_of(amount_claimed)
    if amount == "bad" or (amount is not None and not 0 <= amount <= MAX_AMOUNT):
        problems.append(("amount_claimed", "诉求金额应为不小于0的金额（元），如 12800.00；没有金额的可以不填。"))
    if repeat_of is not None and not _same_petitioner(repeat_of, petitioner_id_number, petitioner_name,
                                                      petitioner_phone):
        problems.append(("repeat_of", f"前次信访件{repeat_of.number}的信访人与本次不是同一人，不能关联为重复信访。"))
    return problems


def _normal_id(raw, today):
    try:
        return parse(raw, today=today).number if raw else ""
    except InvalidIdNumber:
        return raw


def _same_petitioner(earlier, id_number, name, phone):
    if id_number and earlier.petitioner_id_number:
        return earlier.petitioner_id_number == id_number.upper()
    return earlier.petitioner_name == name and bool(phone) and earlier.petitioner_phone == phone


def _next_number(office_code, year):
    prefix = f"XF{scoping.county_code_of(office_code)}{year}"
    last = (Petition.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True)
            .first())
    return f"{prefix}{int(last[len(prefix):]) + 1 if last else 1:05d}"


class RepeatQuestion(ValidationError):
    """The petitioner has earlier petitions on the same matter (`candidates`): say whether this one repeats one."""

    def __init__(self, candidates):
        self.candidates = candidates
        listed = "、".join(f"{p.number}（{p.received_on:%Y-%m-%d}，{p.get_state_display()}）" for p in candidates)
        super().__init__(f"该信访人此前有同类信访件：{listed}，请确认本次是否为重复信访。")


def intake(*, actor, office, received_on, channel, category, petitioner_name, subject, summary,
           petitioner_id_number="", petitioner_phone="", petitioner_address="", employer_name="", employer_uscc="",
           workers_count=1, amount_claimed=None, repeat_of=None, ask_if_repeat=False, today=None):
    """登记信访事项 at `office` (a region of the actor's scope: a village assistant records it at the village), the
    actor its first receiver (首问负责). Its accept period starts on the day it was received. With `ask_if_repeat`
    and no `repeat_of`, a petitioner with earlier petitions on the same matter in the actor's scope is not recorded:
    RepeatQuestion names them (the caller asks whether it repeats one, as the page does)."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=office.code, action="supervision.petitions.intake",
                    message="只能在本辖区登记信访事项。")
    if repeat_of is not None:  # held in the actor's scope, or received there and since carried up (received_here)
        scope = scoping.scope_of(actor)
        held_here = not scope.is_empty and scope.contains_code(repeat_of.region_code)
        check_acting_in(actor, region_code=repeat_of.region_code if held_here else repeat_of.received_at_code,
                        action="supervision.petitions.intake", message="只能关联本辖区的信访件。")
    values = {"petitioner_name": _text(petitioner_name), "petitioner_id_number": _text(petitioner_id_number).upper(),
              "petitioner_phone": _text(petitioner_phone), "petitioner_address": _text(petitioner_address),
              "subject": _text(subject), "summary": _text(summary), "employer_name": _text(employer_name),
              "employer_uscc": normalise_code(employer_uscc)}
    problems = intake_problems(office=office, received_on=received_on, channel=channel, category=category,
                               workers_count=workers_count, amount_claimed=amount_claimed, repeat_of=repeat_of,
                               today=today, **values)
    if problems:
        raise ValidationError([reason for _field, reason in problems])
    values["petitioner_id_number"] = _normal_id(values["petitioner_id_number"], today)
    if ask_if_repeat and repeat_of is None:
        candidates = list(selectors.repeat_candidates(actor, id_number=values["petitioner_id_number"],
                                            name=values["petitioner_name"], phone=values["petitioner_phone"],
                                            category=category)[:5])
        if candidates:
            raise RepeatQuestion(candidates)
    accept_due, provisional = due("petition-accept", received_on)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                petition = Petition.objects.create(
                    number=_next_number(office.code, received_on.year), region_code=office.code,
                    received_at_code=office.code, received_by=actor, received_on=received_on, channel=channel,
                    category=category, workers_count=workers_count, amount_claimed=amount_of(amount_claimed),
                    repeat_of=repeat_of, accept_due=accept_due,
                    provisional_dues=["accept_due"] if provisional else [], **values)
                note = f"{petition.get_channel_display()}，首问负责人{actor}"
                if repeat_of is not None:
                    note += f"；重复信访，前次信访件{repeat_of.number}"
                _event(petition, PetitionEventKind.RECEIVED, actor, received_on, note)
                audit.record(actor=actor, action="supervision.petitions.received", target=petition,
                             region_code=petition.region_code, subject_id_number=petition.petitioner_id_number,
                             after={"petition_number": petition.number, "petition_channel": channel,
                                    "petition_category": category, "received_on": received_on,
                                    "accept_due": accept_due,
                                    "repeat_of": repeat_of.number if repeat_of is not None else ""})
                return petition
        except IntegrityError:  # the number was taken by another intake at the same moment: draw the next
            continue
    raise ValidationError("信访件编号生成冲突，请稍后重试。")


# --- carrying up and deciding ------------------------------------------------------------------------------------

UP_LEVELS = {Level.TOWNSHIP: "转乡镇(街道)", Level.COUNTY: "转县(区)"}


def forward_up(*, actor, petition, level, note="", today=None):
    """转乡镇 / 转县(区): a petition not yet decided goes to the township's or the county's office above the office
    holding it (region_code becomes that office's), which decides it; the accept period runs on from receipt."""
    today = today or timezone.localdate()
    _check(actor, petition, "supervision.petitions.forward_up", "只能上报本辖区的信访件。")
    problems = []
    here = scoping.level_of_code(petition.region_code)
    if petition.state != PetitionState.RECEIVED:
        problems.append(f"信访件{petition.number}已作出受理决定（{petition.get_state_display()}），不能再上报。")
    if level not in UP_LEVELS:
        problems.append("请选择上报到乡镇(街道)或县(区)。")
    elif here is None or level >= here:
        problems.append(f"信访件已在{_office_name(petition.region_code)}，只能上报到更上一级。")
    note = _text(note)
    if len(note) > 500:
        problems.append("上报说明不超过500字。")
    if problems:
        raise ValidationError(problems)
    target = scoping.ancestor_code(petition.region_code, level)
    before = petition.region_code
    with transaction.atomic():
        if not Petition.objects.filter(pk=petition.pk, state=PetitionState.RECEIVED, region_code=before).update(
                region_code=target):
            raise ValidationError(STALE)
        petition.refresh_from_db()
        _event(petition, PetitionEventKind.FORWARDED_UP, actor, today,
               f"{UP_LEVELS[level]}：由{_office_name(before)}转{_office_name(target)}" + (f"。{note}" if note else ""))
        audit.record(actor=actor, action="supervision.petitions.forwarded_up", target=petition, region_code=target,
                     subject_id_number=petition.petitioner_id_number, before={"region_code": before},
                     after={"region_code": target}, note=note)
    return petition


def _decision_problems(petition, decided_on, today):
    problems = []
    if petition.state != PetitionState.RECEIVED:
        problems.append(f"信访件{petition.number}已于{petition.decided_on:%Y-%m-%d}作出决定"
                        f"（{petition.get_decision_display()}），不能重复决定。")
    if scoping.level_of_code(petition.region_code) not in DECIDING_LEVELS:
        problems.append("是否受理由乡镇(街道)或县(区)决定：请先将信访件上报（转乡镇或转县(区)）。")
    problem = _date_problem(decided_on, "决定日期", today, not_before=petition.received_on,
                            not_before_label="收到日期")
    if problem:
        problems.append(problem)
    return problems


def _late_note(petition, decided_on):
    if decided_on > petition.accept_due:
        return f"超过受理期限（{petition.accept_due:%Y-%m-%d}）{(decided_on - petition.accept_due).days}日"
    return ""


def decide(*, actor, petition, decision, decided_on, forwarded_to="", reason="", today=None):
    """受理、转送或不予受理 (信访工作条例 art. 31), by the township or county holding the petition. 受理 starts the
    handle period and makes the actor its handler; 转送 names the agency it was sent to; 不予受理 gives the reason
    and closes the petition. A decision after the accept period is taken and recorded as late."""
    today = today or timezone.localdate()
    _check(actor, petition, "supervision.petitions.decide", "只能办理本辖区的信访件。")
    problems = _decision_problems(petition, decided_on, today)
    forwarded_to, reason = _text(forwarded_to), _text(reason)
    if decision not in PetitionDecision.values:
        problems.append("请选择受理意见（受理、转送有权处理的机关或不予受理）。")
    if decision == PetitionDecision.FORWARD and not forwarded_to:
        problems.append("转送的，请填写转送的机关名称。")
    if decision == PetitionDecision.NOT_ACCEPT and not reason:
        problems.append("不予受理的，请填写理由（将书面告知信访人）。")
    if len(forwarded_to) > 100:
        problems.append("转送机关名称不超过100字。")
    if len(reason) > 500:
        problems.append("理由或说明不超过500字。")
    if problems:
        raise ValidationError(problems)
    changes = {"decision": decision, "decided_on": decided_on, "decided_by": actor, "decision_reason": reason}
    if decision == PetitionDecision.ACCEPT:
        handle_due, provisional = due("petition-handle", decided_on)
        changes.update(state=PetitionState.ACCEPTED, accepted_on=decided_on, handle_due=handle_due,
                       handle_due_initial=handle_due, handler=actor,
                       provisional_dues=_marks(petition, {"handle_due_initial": provisional,
                                                          "handle_due": provisional}))
        kind, note = PetitionEventKind.ACCEPTED, f"办理期限至{_shown(handle_due, provisional)}"
    elif decision == PetitionDecision.FORWARD:
        changes.update(state=PetitionState.FORWARDED, forwarded_to=forwarded_to)
        kind, note = PetitionEventKind.FORWARDED, f"转送{forwarded_to}"
    else:
        changes.update(state=PetitionState.NOT_ACCEPTED, concluded_on=decided_on)
        kind, note = PetitionEventKind.NOT_ACCEPTED, f"理由：{reason}"
    if late := _late_note(petition, decided_on):
        note = f"{note}；{late}"
    elif decision == PetitionDecision.FORWARD and reason:
        note = f"{note}；{reason}"
    with transaction.atomic():
        return _decided(petition, actor, changes, kind, decided_on, note)


def _decided(petition, actor, changes, kind, decided_on, note):
    """Inside the caller's transaction: the decision written (unless someone decided first), its event and audit."""
    if not Petition.objects.filter(pk=petition.pk, state=PetitionState.RECEIVED,
                                   region_code=petition.region_code).update(**changes):
        raise ValidationError(STALE)
    petition.refresh_from_db()
    _event(petition, kind, actor, decided_on, note)
    audit.record(actor=actor, action="supervision.petitions.decided", target=petition,
                 region_code=petition.region_code, subject_id_number=petition.petitioner_id_number,
                 before={"petition_state": PetitionState.RECEIVED},
                 after={"petition_state": petition.state, "petition_decision": petition.decision,
                        "decided_on": decided_on, "forwarded_to": petition.forwarded_to,
                        "handle_due": petition.handle_due, "late": petition.decided_late})
    return petition


def inspection_agency(petition):
    """The labour inspection a petition of `petition`'s office goes to: its county's (劳动保障监察 is county-run)."""
    county = scoping.ancestor_code(petition.region_code, Level.COUNTY)
    return f"{_office_name(county)}劳动保障监察机构"


def open_inspection_case(petition):
    """The labour-inspection case opened from `petition` while it is not finished (待受理、已受理、已立案), or None:
    the office replies to the petitioner with its outcome, so not before it is concluded (or not accepted)."""
    from hrss.supervision.models import InspectionCase
    from hrss.supervision.models.inspection import INSPECTION_OPEN_STATES

    return InspectionCase.objects.filter(petition=petition, state__in=INSPECTION_OPEN_STATES).first()


def forward_to_inspection(*, actor, petition, today=None):
    """转劳动保障监察: a petition about unpaid wages or another labour-law violation, decided by the township or
    county holding it, is sent to the county's labour inspection, which opens a case with its own legal deadlines
    (inspection.services.open_from_petition, in the same transaction). The petition is then 已转送; the office
    replies to the petitioner with the outcome (reply)."""
    from hrss.supervision.inspection import services as inspection_services

    today = today or timezone.localdate()
    _check(actor, petition, "supervision.petitions.forward_to_inspection", "只能办理本辖区的信访件。")
    problems = _decision_problems(petition, today, today)
    if petition.category not in INSPECTION_CATEGORIES:
        problems.append(f"问题类别为“{petition.get_category_display()}”的信访件不转劳动保障监察：只有欠薪和其他劳动"
                        "保障违法行为的才转，其他请选择受理、转送或不予受理。")
    if problems:
        raise ValidationError(problems)
    agency = inspection_agency(petition)
    changes = {"decision": PetitionDecision.FORWARD, "decided_on": today, "decided_by": actor,
               "state": PetitionState.FORWARDED, "forwarded_to": agency,
               "decision_reason": "劳动保障违法行为，依法由劳动保障监察处理"}
    note = f"转{agency}立案查处" + (f"；{late}" if (late := _late_note(petition, today)) else "")
    with transaction.atomic():
        petition = _decided(petition, actor, changes, PetitionEventKind.INSPECTION, today, note)
        inspection_services.open_from_petition(actor=actor, petition=petition, today=today)
    return petition


# --- handling and the reply ------------------------------------------------------------------------------------

def may_extend(actor, petition):
    """Whether `actor` is a leader (负责人: EXTENSION_LEADERS) of the very office holding `petition`: 信访工作条例
    art. 32 extends a handle period only "经本机关、单位负责人批准", so a clerk cannot, nor the leader of an office
    above or below."""
    scope = scoping.scope_of(actor)
    return (not scope.is_empty and scope.region.code == petition.region_code
            and bool(set(actor.role_list) & EXTENSION_LEADERS))


def not_a_leader_message(petition):
    return (f"延长办理期限须经本机关负责人批准（《信访工作条例》第三十二条）：请报{_office_name(petition.region_code)}"
            f"负责人（{_office_name(petition.region_code)}的{leader_role_label(petition.region_code)}）批准，由其登记延期；"
            "上级或下级机关不能代为批准。")


def leader_role_label(code):
    """The role of the leader (EXTENSION_LEADERS) at the level of the office `code`."""
    level = scoping.level_of_code(code)
    role = {Level.TOWNSHIP: Role.TOWNSHIP_REVIEWER, Level.COUNTY: Role.COUNTY_APPROVER,
            Level.CITY: Role.CITY_ADMIN}.get(level)
    return role.label if role is not None else "负责人"


def extend(*, actor, petition, days, reason, today=None):
    """延长办理期限 (信访工作条例 art. 32): once, before the handle period ends, by at most the rule's days, with the
    reason (told to the petitioner in the 延期告知书). Only the leader of the office holding it (may_extend) records
    it, named as its approver. The new last day counts from the handle due date."""
    today = today or timezone.localdate()
    _check(actor, petition, "supervision.petitions.extend", "只能办理本辖区的信访件。")
    if not may_extend(actor, petition):
        audit.record_denied(actor=actor, action="supervision.petitions.extend", region_code=petition.region_code,
                            subject_id_number=petition.petitioner_id_number)
        raise PermissionDenied(not_a_leader_message(petition))
    rule = deadlines.rule("petition-extension", petition.handle_due or today)
    problems = []
    reason = _text(reason)
    if petition.state != PetitionState.ACCEPTED:
        problems.append(f"只有办理中的信访件可以延期（本件{petition.get_state_display()}）。")
    elif petition.extension_days is not None:
        problems.append(f"信访件{petition.number}已于{petition.extended_on:%Y-%m-%d}延期{petition.extension_days}日，"
                        f"办理期限只能延长一次（{rule.basis}）。")
    elif today > petition.handle_due:
        problems.append(f"办理期限已于{petition.handle_due:%Y-%m-%d}届满，不能再延期：请尽快办结并答复信访人。")
    if not isinstance(days, int) or days < 1:
        problems.append("请填写延长的天数（1日以上）。")
    elif days > rule.days:
        problems.append(f"延长{days}日超过法定上限：延长期限不得超过{rule.days}日（{rule.basis}）。")
    if not reason:
        problems.append("请填写延期理由（将告知信访人）。")
    elif len(reason) > 500:
        problems.append("延期理由不超过500字。")
    if problems:
        raise ValidationError(problems)
    new_due, provisional = due("petition-extension", petition.handle_due, days=days)
    provisional = provisional or "handle_due" in petition.provisional_dues  # counted from a provisional day
    before = petition.handle_due
    with transaction.atomic():
        if not Petition.objects.filter(pk=petition.pk, state=PetitionState.ACCEPTED,
                                       extension_days__isnull=True).update(
                extension_days=days, extension_reason=reason, extended_on=today, extension_approved_by=actor,
                handle_due=new_due,
                provisional_dues=_marks(petition, {"handle_due": provisional})):
            raise ValidationError(STALE)
        petition.refresh_from_db()
        _event(petition, PetitionEventKind.EXTENDED, actor, today,
               f"经本机关负责人{actor}批准延长{days}日，办理期限由{before:%Y-%m-%d}延至{_shown(new_due, provisional)}；"
               f"理由：{reason}")
        audit.record(actor=actor, action="supervision.petitions.extended", target=petition,
                     region_code=petition.region_code, subject_id_number=petition.petitioner_id_number,
                     before={"handle_due": before},
                     after={"handle_due": new_due, "extension_days": days, "extension_reason": reason,
                            "extension_approved_by": str(actor)})
    return petition


def reply(*, actor, petition, text, replied_on, today=None):
    """办结答复: a petition accepted (or sent on, with the outcome) is closed only with the written reply to the
    petitioner (答复意见书), which starts the period to ask for 复查. Issues the service's rating code (好差评) of the
    office that closed it. A reply after the handle period is taken and recorded as late."""
    from hrss.supervision.ratings.services import issue_code

    today = today or timezone.localdate()
    _check(actor, petition, "supervision.petitions.reply", "只能办理本辖区的信访件。")
    text = _text(text)
    problems = []
    if petition.replied_on is not None:
        problems.append(f"信访件{petition.number}已于{petition.replied_on:%Y-%m-%d}答复办结，不能再次答复。")
    elif petition.state not in (PetitionState.ACCEPTED, PetitionState.FORWARDED):
        problems.append(f"信访件{petition.number}{petition.get_state_display()}，不能办结答复。")
    elif (case := open_inspection_case(petition)) is not None:
        problems.append(f"信访件{petition.number}已转劳动保障监察（监察案件{case.number}，{case.get_state_display()}），"
                        "监察结案后再答复信访人。")
    if not text:
        problems.append("办结须书面答复信访人：请填写答复意见（办理结果和依据），不能没有答复就办结。")
    elif len(text) > 2000:
        problems.append("答复意见不超过2000字。")
    problem = _date_problem(replied_on, "答复日期", today, not_before=petition.decided_on,
                            not_before_label="受理（转送）日期")
    if problem:
        problems.append(problem)
    if problems:
        raise ValidationError(problems)
    request_due, provisional = due("petition-review-request", replied_on)
    before = petition.state
    with transaction.atomic():
        if not Petition.objects.filter(pk=petition.pk, state=before).update(
                state=PetitionState.REPLIED, reply=text, replied_on=replied_on, replied_by=actor,
                concluded_on=replied_on, review_request_due=request_due,
                provisional_dues=_marks(petition, {"review_request_due": provisional})):
            raise ValidationError(STALE)
        petition.refresh_from_db()
        note = f"复查请求期限至{_shown(request_due, provisional)}"
        if petition.replied_late:
            note += f"；超过办理期限（{petition.handle_due:%Y-%m-%d}）{(replied_on - petition.handle_due).days}日"
        _event(petition, PetitionEventKind.REPLIED, actor, replied_on, note)
        code = issue_code(region_code=petition.region_code, service=RATING_SERVICE, source="petition",
                          source_id=str(petition.pk), served_by=petition.received_by, completed_on=replied_on)
        audit.record(actor=actor, action="supervision.petitions.replied", target=petition,
                     region_code=petition.region_code, subject_id_number=petition.petitioner_id_number,
                     before={"petition_state": before},
                     after={"petition_state": petition.state, "replied_on": replied_on,
                            "review_request_due": request_due, "late": petition.replied_late,
                            "rating_code": code.code})
    return petition


# --- 复查 and 复核 -------------------------------------------------------------------------------------------------

def upper_office(code):
    """The office above `code`'s (复查 by the office above the one that replied, 复核 by the one above that)."""
    level = scoping.level_of_code(code)
    return scoping.ancestor_code(code, level - 1) if level and level > Level.PROVINCE else None


# The audit actions of 复查 and 复核 (written out: tests/core/test_audit_names.py reads them from the code).
ACTIONS = {"review": ("supervision.petitions.request_review", "supervision.petitions.review_requested",
                      "supervision.petitions.decide_review", "supervision.petitions.reviewed"),
           "recheck": ("supervision.petitions.request_recheck", "supervision.petitions.recheck_requested",
                       "supervision.petitions.decide_recheck", "supervision.petitions.rechecked")}


def _request(*, actor, petition, requested_on, text, today, stage):
    """请求复查 / 请求复核: recorded by the office above, within the period from the reply (or the review opinion);
    the petition moves there, and that office's period to answer starts."""
    review = stage == "review"
    word = "复查" if review else "复核"
    upper = upper_office(petition.region_code) or petition.region_code
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=upper, action=ACTIONS[stage][0],
                    message=f"{word}请求由上一级机关（{_office_name(upper)}）登记。",
                    subject_id_number=petition.petitioner_id_number)
    needed = PetitionState.REPLIED if review else PetitionState.REVIEWED
    last_field = "review_request_due" if review else "recheck_request_due"
    last_day = getattr(petition, last_field)
    # A provisional last day is the calendar-day count before the roll-over over rest days, which may still move
    # it later: a request after it is recorded (the petitioner's right is not taken on a guess), with a note.
    unsure = last_field in petition.provisional_dues
    start = petition.replied_on if review else petition.reviewed_on
    text = _text(text)
    problems = []
    if petition.state != needed:
        problems.append(f"信访件{petition.number}{petition.get_state_display()}，不能请求{word}"
                        f"（{'须已办结答复' if review else '须已有复查意见'}）。")
    elif upper == petition.region_code:
        problems.append(f"{_office_name(petition.region_code)}没有上一级机关，不能在本系统请求{word}。")
    problem = _date_problem(requested_on, f"{word}请求日期", today, not_before=start,
                            not_before_label="答复日期" if review else "复查意见日期")
    if problem:
        problems.append(problem)
    elif last_day is not None and requested_on > last_day and last_field not in petition.provisional_dues:
        basis = deadlines.rule(f"petition-{stage}-request", start).basis
        problems.append(f"{word}请求须在{'收到答复意见' if review else '收到复查意见'}之日起"
                        f"{deadlines.rule(f'petition-{stage}-request', start).days}日内提出（至{last_day:%Y-%m-%d}），"
                        f"{requested_on:%Y-%m-%d}已超过期限，不予{word}（{basis}）。")
    if not text:
        problems.append(f"请填写{word}请求的事项和理由。")
    elif len(text) > 1000:
        problems.append(f"{word}请求不超过1000字。")
    if problems:
        raise ValidationError(problems)
    answer_due, provisional = due(f"petition-{stage}", requested_on)
    prefix = "review" if review else "recheck"
    note = f"由{_office_name(upper)}{word}，期限至{_shown(answer_due, provisional)}"
    if unsure and requested_on > last_day:
        note += (f"；请求日期晚于暂按自然日计的请求期限{last_day:%Y-%m-%d}，是否逾期待节假日安排录入后按法定休假日"
                 "顺延核定")
    before = {"petition_state": petition.state, "region_code": petition.region_code}
    with transaction.atomic():
        if not Petition.objects.filter(pk=petition.pk, state=needed, region_code=petition.region_code).update(
                state=PetitionState.REVIEW if review else PetitionState.RECHECK, region_code=upper,
                provisional_dues=_marks(petition, {f"{prefix}_due": provisional}),
                **{f"{prefix}_requested_on": requested_on, f"{prefix}_request": text, f"{prefix}_due": answer_due}):
            raise ValidationError(STALE)
        petition.refresh_from_db()
        _event(petition, PetitionEventKind.REVIEW_REQUESTED if review else PetitionEventKind.RECHECK_REQUESTED,
               actor, requested_on, note)
        audit.record(actor=actor, action=ACTIONS[stage][1], target=petition,
                     region_code=upper, subject_id_number=petition.petitioner_id_number, before=before,
                     after={"petition_state": petition.state, "region_code": upper, f"{prefix}_due": answer_due})
    return petition


def request_review(*, actor, petition, requested_on, text, today=None):
    """请求复查 (信访工作条例 art. 35): within the period from the reply, to the office above the one that replied."""
    return _request(actor=actor, petition=petition, requested_on=requested_on, text=text,
                    today=today or timezone.localdate(), stage="review")


def request_recheck(*, actor, petition, requested_on, text, today=None):
    """请求复核: within the period from the review opinion, to the office above the reviewing one."""
    return _request(actor=actor, petition=petition, requested_on=requested_on, text=text,
                    today=today or timezone.localdate(), stage="recheck")


def holds(actor, petition):
    """Whether `actor` works at the very office holding `petition` (its region_code): the office a 复查 or 复核 was
    asked of records its opinion, not an office above it (信访工作条例 art. 35)."""
    scope = scoping.scope_of(actor)
    return not scope.is_empty and scope.region.code == petition.region_code


def not_the_holder_message(petition, word):
    return (f"{word}意见由受理{word}请求的{_office_name(petition.region_code)}作出并登记；上级机关可以查看，"
            f"不能代为作出{word}意见。")


def _opinion(*, actor, petition, opinion, decided_on, today, stage):
    review = stage == "review"
    word = "复查" if review else "复核"
    _check(actor, petition, ACTIONS[stage][2], f"只能办理本辖区的{word}。")
    if not holds(actor, petition):
        audit.record_denied(actor=actor, action=ACTIONS[stage][2], target=petition, region_code=petition.region_code,
                            subject_id_number=petition.petitioner_id_number)
        raise PermissionDenied(not_the_holder_message(petition, word))
    needed = PetitionState.REVIEW if review else PetitionState.RECHECK
    opinion = _text(opinion)
    problems = []
    if petition.state != needed:
        problems.append(f"信访件{petition.number}{petition.get_state_display()}，不在{word}中。")
    start = petition.review_requested_on if review else petition.recheck_requested_on
    problem = _date_problem(decided_on, f"{word}意见日期", today, not_before=start,
                            not_before_label=f"{word}请求日期")
    if problem:
        problems.append(problem)
    if not opinion:
        problems.append(f"请填写{word}意见（将书面答复信访人）。")
    elif len(opinion) > 2000:
        problems.append(f"{word}意见不超过2000字。")
    if problems:
        raise ValidationError(problems)
    if review:
        request_due, provisional = due("petition-recheck-request", decided_on)
        changes = {"state": PetitionState.REVIEWED, "review_opinion": opinion, "reviewed_on": decided_on,
                   "recheck_request_due": request_due, "concluded_on": decided_on,
                   "provisional_dues": _marks(petition, {"recheck_request_due": provisional})}
        due_day = petition.review_due
    else:
        changes = {"state": PetitionState.RECHECKED, "recheck_opinion": opinion, "rechecked_on": decided_on,
                   "concluded_on": decided_on}
        due_day = petition.recheck_due
    with transaction.atomic():
        if not Petition.objects.filter(pk=petition.pk, state=needed).update(**changes):
            raise ValidationError(STALE)
        petition.refresh_from_db()
        note = f"复核请求期限至{petition.due_text('recheck_request_due')}" if review else "复核意见为最终意见"
        if decided_on > due_day:
            note += f"；超过{word}期限（{due_day:%Y-%m-%d}）{(decided_on - due_day).days}日"
        _event(petition, PetitionEventKind.REVIEWED if review else PetitionEventKind.RECHECKED, actor, decided_on,
               note)
        audit.record(actor=actor, action=ACTIONS[stage][3],
                     target=petition, region_code=petition.region_code,
                     subject_id_number=petition.petitioner_id_number, before={"petition_state": needed},
                     after={"petition_state": petition.state, "concluded_on": decided_on})
    return petition


def decide_review(*, actor, petition, opinion, decided_on, today=None):
    """复查意见: by the office the review was asked of, within the review period (late is recorded as late)."""
    return _opinion(actor=actor, petition=petition, opinion=opinion, decided_on=decided_on,
                    today=today or timezone.localdate(), stage="review")


def decide_recheck(*, actor, petition, opinion, decided_on, today=None):
    """复核意见: the last word (信访工作条例 art. 35: the petitioner's further requests are not accepted again)."""
    return _opinion(actor=actor, petition=petition, opinion=opinion, decided_on=decided_on,
                    today=today or timezone.localdate(), stage="recheck")


# --- due dates waiting for a year's holiday arrangement -----------------------------------------------------------

# Each stored due date: (the kind of its period, the field of the day it starts on).
DUE_STARTS = {"accept_due": ("petition-accept", "received_on"),
              "handle_due_initial": ("petition-handle", "accepted_on"),
              "review_request_due": ("petition-review-request", "replied_on"),
              "review_due": ("petition-review", "review_requested_on"),
              "recheck_request_due": ("petition-recheck-request", "reviewed_on"),
              "recheck_due": ("petition-recheck", "recheck_requested_on")}


def recompute_provisional_dues():
    """The provisional due dates (counted in calendar days while their year's holiday arrangement was missing)
    computed again, with the roll-over over rest days, wherever the loaded arrangement now allows: one pass
    (registered with workdays.after_arrangement_loaded by declare.py: runs inside load_arrangement's transaction,
    whose audit entry records the load). Returns how many petitions changed."""
    calendar = workdays.Calendar.load()
    changed = 0
    for petition in Petition.objects.exclude(provisional_dues=[]).order_by("pk"):
        values, still = {}, []
        for field in [name for name in DUE_STARTS if name in petition.provisional_dues]:
            kind, start = DUE_STARTS[field]
            day, provisional = deadlines.due_or_provisional(kind, getattr(petition, start), calendar=calendar)
            values[field] = day
            if provisional:
                still.append(field)
        if "handle_due" in petition.provisional_dues:  # the first handle due, or the extension counted from it
            base = values.get("handle_due_initial", petition.handle_due_initial)
            if "handle_due_initial" in still:
                day, provisional = base, True
            elif petition.extension_days:
                day, provisional = deadlines.due_or_provisional("petition-extension", base,
                                                                days=petition.extension_days, calendar=calendar)
            else:
                day, provisional = base, False
            values["handle_due"] = day
            if provisional:
                still.append("handle_due")
        changed += Petition.objects.filter(pk=petition.pk).update(provisional_dues=still, **values)
    return changed
