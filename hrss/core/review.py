"""Review chains (审核流程): one mechanism for every case type. A chain is configuration: its steps, which roles
act at each (their level follows from the role), the deadline of each step in working days, and the moves allowed
there. A case starts at the village's intake (村受理/初审) and moves up; anyone acting can send it back for
correction (退回补正) or refuse it, with a reason; the intake can withdraw it. Every move is a ReviewDecision
(append-only) and an audit entry; the case's version makes a second officer acting on the same state fail with
"this case changed" instead of overwriting the first.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from hrss.core import audit, scoping, workdays
from hrss.core.models import ReviewCase, ReviewDecision
from hrss.core.permissions import check_acting_in

Action = ReviewDecision.Action
Status = ReviewCase.Status

# Moves that need a reason the applicant can act on.
NEEDS_REASON = {Action.RETURN, Action.REJECT, Action.WITHDRAW}


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    roles: frozenset
    # Working days from the day the case reaches the step (0: no deadline): a number, or for a rule that has
    # changed or may change, ((effective from, days), ...) with the dates ascending.
    deadline_days: int | tuple = 0
    moves: frozenset = field(default=frozenset({Action.FORWARD, Action.RETURN, Action.REJECT}))


    def deadline_on(self, day):
        """The deadline in force for a case reaching this step on `day`."""
        if isinstance(self.deadline_days, int):
            return self.deadline_days
        days = 0
        for effective_from, value in self.deadline_days:
            if effective_from <= day:
                days = value
        return days

    def due_date(self, start, calendar=None):
        """The deadline for a case reaching this step on `start`, or None: no deadline, or that year's holiday
        arrangement is not loaded yet."""
        days = self.deadline_on(start)
        if not days:
            return None
        try:
            return (calendar or workdays.Calendar.load()).add(start, days)
        except workdays.UnknownArrangement:
            return None


@dataclass(frozen=True)
class Chain:
    case_type: str
    label: str
    steps: tuple  # the first is the intake, where a case starts and where it returns for correction
    # A case among offices (an office's acceptance), not a service to a resident: no service in the catalogue and
    # no rating code (好差评) when it closes; areas reading review cases for the public skip it.
    internal: bool = False

    def step(self, key):
        return next(step for step in self.steps if step.key == key)

    def after(self, key):
        keys = [step.key for step in self.steps]
        index = keys.index(key)
        return self.steps[index + 1] if index + 1 < len(self.steps) else None

    @property
    def intake(self):
        return self.steps[0]


_chains = {}


def register_chain(chain):
    _chains[chain.case_type] = chain
    # The audit log names a chain's moves after the chain (submit is the intake's move, recorded as .submitted).
    audit.register_actions({
        f"{chain.case_type}.submit": f"{chain.label}：受理（未获准）",
        f"{chain.case_type}.submitted": f"{chain.label}：受理",
        **{f"{chain.case_type}.{action}": f"{chain.label}：{label}" for action, label in Action.choices
           if action != Action.SUBMIT},
    })
    audit.register_values("step", {step.key: step.label for step in chain.steps})
    return chain


def registered_chains():
    return list(_chains.values())


def chain_of(case):
    return _chains[case.case_type]


class CaseChanged(Exception):
    """Someone else moved the case since this user loaded it."""

    def __init__(self):
        super().__init__("该案件刚被他人办理，状态已变化；请刷新页面，查看最新情况后再操作。")


class MoveRefused(ValueError):
    """The move is not possible at this step (the message, in Chinese, says why)."""


def allowed_actions(user, case):
    """The moves `user` may make on `case` now (empty when none)."""
    if not case.is_open or not scoping.scope_of(user).contains_code(case.region_code):
        return []
    chain = chain_of(case)
    roles = set(user.role_list)
    actions = []
    if case.status == Status.RETURNED:
        if roles & chain.intake.roles:
            actions += [Action.RESUBMIT, Action.WITHDRAW]
        return actions
    step = chain.step(case.step)
    if roles & step.roles:
        for action in (Action.FORWARD, Action.RETURN, Action.REJECT):
            if action in step.moves:
                actions.append(Action.APPROVE if action == Action.FORWARD and chain.after(step.key) is None
                               else action)
    if roles & chain.intake.roles and Action.WITHDRAW not in actions:
        actions.append(Action.WITHDRAW)
    return actions


def _refuse(actor, case, action, message):
    audit.record_denied(actor=actor, action=f"review.{action}", target=case, region_code=case.region_code,
                        subject_id_number=case.subject_id_number, note=message)
    raise PermissionDenied(message)


def check_intake(*, chain, region_code, actor, subject_id_number=""):
    """Refuse (and audit) an intake by someone without the intake role or outside the region."""
    check_acting_in(actor, region_code=region_code, action=f"{chain.case_type}.submit", roles=chain.intake.roles,
                    subject_id_number=subject_id_number, message="您无权在此受理该业务。")


def open_case(*, chain, region_code, subject_id_number, title, actor, note="", today=None):
    """The intake: an assistant accepts an application and does the first review; the case goes to the next
    step with its deadline. A domain service calls check_intake before its own transaction (so a refusal's audit
    entry stays), then this inside it, with the application's own records."""
    check_intake(chain=chain, region_code=region_code, actor=actor, subject_id_number=subject_id_number)
    with transaction.atomic():
        today = today or timezone.localdate()
        first = chain.steps[1]
        case = ReviewCase.objects.create(
            case_type=chain.case_type, region_code=region_code, subject_id_number=subject_id_number, title=title[:200],
            step=first.key, step_started_on=today, due_date=first.due_date(today), opened_by=actor)
        ReviewDecision.objects.create(case=case, step=chain.intake.key, action=Action.SUBMIT, to_step=first.key,
                                      actor=actor, actor_region_code=_region_code(actor), reason=note[:500])
        audit.record(actor=actor, action=f"{chain.case_type}.submitted", target=case, region_code=region_code,
                     subject_id_number=subject_id_number, after={"step": first.key})
        return case


def check_move(*, case, actor, action, version, reason=""):
    """Refuse a move before any transaction starts: CaseChanged when the user's page shows an older state than
    `case` (what they chose no longer applies), PermissionDenied (audited) for a user without the step's role or
    outside the case's region, MoveRefused for a move the step does not allow or a missing reason."""
    if version != case.version:
        raise CaseChanged
    if action not in allowed_actions(actor, case):
        if case.is_open and action in _all_moves(chain_of(case), case):
            _refuse(actor, case, action, "您无权办理该案件的这一环节。")
        raise MoveRefused("该案件当前不能进行这一操作。")
    if action in NEEDS_REASON and not (reason or "").strip():
        raise MoveRefused("请填写理由，申请人将据此补正或知悉结果。")


def act(*, case, actor, action, version, reason="", today=None):
    """Make one move on `case`, as loaded at `version` (check_move first); CaseChanged when the case moved since.
    A domain service wrapping this (to act on its own records too) calls check_move before its transaction."""
    check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    with transaction.atomic():
        return apply_move(case=case, actor=actor, action=action, version=version, reason=reason, today=today)


def apply_move(*, case, actor, action, version, reason="", today=None):
    """The move itself, inside the caller's transaction, after check_move: a domain service changes its own
    records in the same transaction."""
    chain = chain_of(case)
    reason = (reason or "").strip()
    acting = chain.step(case.step)  # a case sent back waits at the intake step
    today = today or timezone.localdate()
    changes = {"version": F("version") + 1}
    if action in (Action.FORWARD, Action.RESUBMIT):
        target = chain.after(acting.key)
        changes.update(status=Status.OPEN, step=target.key, step_started_on=today,
                       due_date=target.due_date(today))
    elif action == Action.APPROVE:
        target = None
        changes.update(status=Status.APPROVED, due_date=None, closed_at=timezone.now())
    elif action == Action.RETURN:
        target = chain.intake
        changes.update(status=Status.RETURNED, step=chain.intake.key, step_started_on=today,
                       due_date=chain.intake.due_date(today))
    else:  # reject or withdraw: closed
        target = None
        changes.update(status=Status.REJECTED if action == Action.REJECT else Status.WITHDRAWN, due_date=None,
                       closed_at=timezone.now())
    moved = ReviewCase.objects.filter(pk=case.pk, version=version).update(**changes)
    if not moved:
        raise CaseChanged
    ReviewDecision.objects.create(case=case, step=acting.key, action=action, to_step=target.key if target else "",
                                  actor=actor, actor_region_code=_region_code(actor), reason=reason[:500])
    audit.record(actor=actor, action=f"{chain.case_type}.{action}", target=case, region_code=case.region_code,
                 subject_id_number=case.subject_id_number, before={"step": case.step, "status": case.status},
                 after={"step": changes.get("step", case.step), "status": changes.get("status", case.status)},
                 note=reason[:255])
    case.refresh_from_db()
    if not case.is_open:
        for hook in _after_close:
            hook(case)
    return case


_after_close = []


def after_case_closed(hook):
    """Register `hook(case)` to run, in the closing move's transaction, after a case is closed (approved,
    refused or withdrawn: `case.status` says which): an area above core gives a completed case what it needs
    (the supervision area's rating code) without core importing it. Returns `hook`."""
    if hook not in _after_close:
        _after_close.append(hook)
    return hook


def _all_moves(chain, case):
    step = chain.step(case.step)
    return {*step.moves, Action.APPROVE, Action.WITHDRAW, Action.RESUBMIT}


def _region_code(user):
    return user.region.code if user.region_id else ""


# --- reading ---------------------------------------------------------------------------------------------------


def queue_for(user, *, case_type=None):
    """The open cases waiting for `user`: in their scope, at a step one of their roles acts at (returned cases wait
    for the intake). Due and overdue first, then the oldest."""
    roles = set(user.role_list)
    waiting = Q(pk__in=[])
    for chain in _chains.values():
        if case_type and chain.case_type != case_type:
            continue
        for step in chain.steps[1:]:
            if roles & step.roles:
                waiting |= Q(case_type=chain.case_type, status=Status.OPEN, step=step.key)
        if roles & chain.intake.roles:
            waiting |= Q(case_type=chain.case_type, status=Status.RETURNED)
    cases = scoping.visible_to(user, ReviewCase.objects.filter(waiting))
    return cases.order_by(F("due_date").asc(nulls_last=True), "opened_at")


@dataclass(frozen=True)
class Timing:
    due_date: datetime.date | None
    working_days_left: int | None  # negative: overdue by that many working days
    label: str


def timing(case, calendar=None, today=None):
    """How the case stands against its deadline, in working days, for a queue row."""
    today = today or timezone.localdate()
    if not case.is_open:
        return Timing(None, None, "")
    if case.due_date is None:
        waiting = chain_of(case).step(case.step).deadline_on(case.step_started_on)
        return Timing(None, None, "截止日期待定（节假日安排未录入）" if waiting else "")
    calendar = calendar or workdays.Calendar.load()
    try:
        if case.due_date >= today:
            left = calendar.working_days_after(today, case.due_date)
            return Timing(case.due_date, left, "今天到期" if left == 0 else f"剩 {left} 个工作日")
        late = calendar.working_days_after(case.due_date, today)
    except workdays.UnknownArrangement:
        return Timing(case.due_date, None, "")
    return Timing(case.due_date, -late, f"已逾期 {late} 个工作日" if late else "已逾期")


@workdays.after_arrangement_loaded
def fill_missing_due_dates():
    """Deadlines that waited for a year's holiday arrangement, computed now that it may be loaded (run by
    workdays.load_arrangement, which does not import this module)."""
    filled, calendar = 0, workdays.Calendar.load()
    for case in ReviewCase.objects.filter(status__in=[Status.OPEN, Status.RETURNED], due_date__isnull=True):
        due = chain_of(case).step(case.step).due_date(case.step_started_on, calendar)
        if due is not None:
            filled += ReviewCase.objects.filter(pk=case.pk, due_date__isnull=True).update(due_date=due)
    return filled
