"""The monthly report's writes (月报), a small state machine:

    generated (生成) → checked (核对, the township's 审核员) → submitted (上报) → approved and locked (审核并锁定, the
    county's 审批员), or returned with a reason (退回) → the township edits or regenerates, checks and submits again;
    a locked report is unlocked (解锁) only by the county's 审批员, with a reason, and then goes the same way again.

Not a core.review chain: a chain's approval closes its case for good (a closed case cannot be reopened, as an unlock
must), its return sends the case back to an intake that resubmits the same application (a report is regenerated: a
new snapshot), and a closed review case is a service case of the supervision area (好差评 rating code, 限时办结)
through review.after_case_closed, which a township's own report is not.

Each write checks permission and scope before its transaction (the refusal's audit entry stays), then, holding the
report's row, checks its state again and writes the report, the history (ReportEvent) and an audit entry. A locked
report refuses every change with who locked it and when; every snapshot is kept (ReportVersion)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import areas, audit
from hrss.core.models import Level
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.network.models import MonthlyReport, ReportEvent, ReportVersion
from hrss.network.permissions import REPORT_APPROVE, REPORT_SUBMIT
from hrss.network.reports import rules

State = MonthlyReport.State
Action = ReportEvent.Action

CHECKERS = frozenset({Role.TOWNSHIP_REVIEWER})  # 核对: the township's 审核员 [believed], as in its review steps
APPROVERS = frozenset({Role.COUNTY_APPROVER})
TOWNSHIP_ROLES = frozenset({Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER})
EDITABLE = (State.GENERATED, State.CHECKED, State.RETURNED, State.UNLOCKED)  # the township may change it
# The audit action of each act (written out: tests/core/test_audit_names.py reads them from the code).
AUDITED = {Action.GENERATED: "network.reports.generated", Action.REGENERATED: "network.reports.regenerated",
           Action.REMARKS: "network.reports.remarks", Action.CHECKED: "network.reports.checked",
           Action.SUBMITTED: "network.reports.submitted", Action.APPROVED: "network.reports.approved",
           Action.RETURNED: "network.reports.returned", Action.UNLOCKED: "network.reports.unlocked"}
REMARKS_LIMIT = 2000
REASON_LIMIT = 500


def month_label(month):
    return f"{month.year}年{month.month}月"


def person_name(user):
    return (getattr(user, "full_name", "") or user.get_username()) if user else ""


def locked_reason(report):
    """Why a locked report cannot change (None when it is not locked)."""
    if report.state != State.APPROVED:
        return None
    at = timezone.localtime(report.approved_at)
    return (f"{month_label(report.month)}月报已由{person_name(report.approved_by)}于{at.year}年{at.month}月{at.day}日"
            f"审核锁定，如需更正请县(区)审批员解锁。")


def _refuse_if_locked(actor, report, action):
    """A change to a locked month: refused with the reason, and the attempt audited."""
    if reason := locked_reason(report):
        audit.record_denied(actor=actor, action=action, target=report, region_code=report.region_code, note=reason)
        raise ValidationError(reason)


def _held(report):
    """The report's row, locked for the rest of the transaction (two users acting at once take turns)."""
    return MonthlyReport.objects.select_for_update(of=("self",)).select_related("approved_by").get(pk=report.pk)


def _event(report, actor, action, now, reason=""):
    ReportEvent.objects.create(report=report, region_code=report.region_code, action=action, version=report.version,
                               actor=actor, at=now, reason=reason[:REASON_LIMIT])


def _check_township(actor, region_code, action):
    check_permission(actor, REPORT_SUBMIT)
    check_acting_in(actor, region_code=region_code, action=action, roles=TOWNSHIP_ROLES,
                    message="只有本乡镇(街道)的经办员或审核员可以办理本乡镇(街道)的月报。")


def _reason(text, what):
    text = (text or "").strip()
    if not text:
        raise ValidationError(f"请填写{what}理由。")
    if len(text) > REASON_LIMIT:
        raise ValidationError(f"{what}理由最多{REASON_LIMIT}字，现有{len(text)}字，请精简。")
    return text


# --- the snapshot --------------------------------------------------------------------------------------------


def _stored(count):
    """A figure's value as the snapshot keeps it: a number (an amount's Decimal `.value` as a string of yuan) and
    the text the page prints."""
    value = getattr(count, "value", count)
    if not isinstance(value, int | float):
        value = str(value)
    return value, str(count)


def snapshot(*, actor, township, as_of):
    """Every statistics figure of every area (core.areas.figures) for `township`, as of `as_of`, in the registry's
    order: [{"area", "part", "label", "value", "shown"}]. Counted within the actor's scope (the township's own)."""
    rows = []
    for area_name, part_name, figure in areas.figures():
        value, shown = _stored(figure.count(actor, township, as_of))
        rows.append({"area": area_name, "part": part_name, "label": figure.label, "value": value, "shown": shown})
    return rows


# --- the township's acts -----------------------------------------------------------------------------------------


def generation_problem(*, township, month, today):
    """Why the report of `month` cannot be generated for `township` on `today` (a message in Chinese), or None."""
    if township.level != Level.TOWNSHIP:
        return "月报由乡镇(街道)生成：请选择一个乡镇(街道)。"
    if month.day != 1:
        return "请选择月份（每月1日代表该月）。"
    if month < rules.FIRST_MONTH:
        return f"请选择{month_label(rules.FIRST_MONTH)}以后的月份。"
    end = rules.last_day(month)
    if today <= end:
        start = end + datetime.timedelta(days=1)
        return (f"{month_label(month)}尚未结束，不能生成该月月报：月报统计截至该月最后一天，"
                f"{start.year}年{start.month}月{start.day}日起才能生成。")
    return None


def generate_report(*, actor, township, month, today=None):
    """生成 (or 重新生成) the township's report of `month`: a new snapshot of every figure as of the month's last day,
    kept as a new version; the report goes (back) to 生成, to be checked and submitted. Refused before the month has
    ended, while it waits for the county (上报), and when it is locked (the reason says who locked it and when)."""
    _check_township(actor, township.code, "network.reports.generate")
    today = today or timezone.localdate()
    if problem := generation_problem(township=township, month=month, today=today):
        raise ValidationError(problem)
    existing = MonthlyReport.objects.select_related("approved_by").filter(region_code=township.code, month=month).first()
    if existing is not None:
        _refuse_if_locked(actor, existing, "network.reports.generate")
    as_of = rules.last_day(month)
    figures = snapshot(actor=actor, township=township, as_of=as_of)
    now = timezone.now()
    try:
        with transaction.atomic():
            if existing is None:
                report = MonthlyReport.objects.create(region_code=township.code, month=month, generated_by=actor,
                                                      generated_at=now)
                action = Action.GENERATED
            else:
                report = _held(existing)
                if report.state not in EDITABLE:
                    raise ValidationError(_state_refusal(report))
                report.version += 1
                report.state, report.generated_by, report.generated_at = State.GENERATED, actor, now
                report.checked_by = report.checked_at = None
                report.save(update_fields=["version", "state", "generated_by", "generated_at", "checked_by",
                                           "checked_at"])
                action = Action.REGENERATED
            ReportVersion.objects.create(report=report, region_code=report.region_code, number=report.version,
                                         as_of=as_of, figures=figures, remarks=report.remarks, generated_by=actor,
                                         generated_at=now)
            _event(report, actor, action, now)
            audit.record(actor=actor, action=AUDITED[action], target=report,
                         region_code=report.region_code,
                         after={"report_month": month_label(month), "report_version": report.version,
                                "figures": len(figures)})
    except IntegrityError:  # generated by a colleague a moment ago: theirs stands
        raise ValidationError(f"{month_label(month)}月报刚由他人生成，请刷新页面后查看。") from None
    return report


def _state_refusal(report):
    if reason := locked_reason(report):
        return reason
    if report.state == State.SUBMITTED:
        return f"{month_label(report.month)}月报已上报，正等待县(区)审核；如需修改，请县(区)审批员退回。"
    return f"{month_label(report.month)}月报当前为“{report.get_state_display()}”，不能进行这一操作。"


def edit_remarks(*, actor, report, remarks):
    """The township's remarks (说明) on its report; the report goes (back) to 生成, to be checked again (a returned
    or unlocked report so goes round without a new snapshot). Refused once submitted, and when locked."""
    _check_township(actor, report.region_code, "network.reports.remarks")
    _refuse_if_locked(actor, report, "network.reports.remarks")
    remarks = (remarks or "").strip()
    if len(remarks) > REMARKS_LIMIT:
        raise ValidationError(f"说明最多{REMARKS_LIMIT}字，现有{len(remarks)}字，请精简。")
    with transaction.atomic():
        held = _held(report)
        if held.state not in EDITABLE:
            raise ValidationError(_state_refusal(held))
        before = {"remarks": held.remarks, "report_state": held.state}
        held.remarks = remarks
        held.state, held.checked_by, held.checked_at = State.GENERATED, None, None  # to be checked (again)
        held.save(update_fields=["remarks", "state", "checked_by", "checked_at"])
        _event(held, actor, Action.REMARKS, timezone.now())
        audit.record(actor=actor, action="network.reports.remarks", target=held, region_code=held.region_code,
                     before=before, after={"remarks": held.remarks, "report_state": held.state})
    return held


def check_report(*, actor, report):
    """核对: the township's 审核员 confirms the generated report (its figures and remarks) before it is submitted."""
    _check_township(actor, report.region_code, "network.reports.check")
    check_acting_in(actor, region_code=report.region_code, action="network.reports.check", roles=CHECKERS,
                    message="月报由本乡镇(街道)的审核员核对。")
    _refuse_if_locked(actor, report, "network.reports.check")
    return _move(actor, report, frm=(State.GENERATED,), to=State.CHECKED, action=Action.CHECKED,
                 stamp=("checked_by", "checked_at"))


def submit_report(*, actor, report, today=None):
    """上报 a checked report to the county. The first submission's day is kept for timeliness (及时率)."""
    _check_township(actor, report.region_code, "network.reports.submit")
    _refuse_if_locked(actor, report, "network.reports.submit")
    today = today or timezone.localdate()
    return _move(actor, report, frm=(State.CHECKED,), to=State.SUBMITTED, action=Action.SUBMITTED,
                 stamp=("submitted_by", "submitted_at"), first_submitted_on=today)


# --- the county's acts ---------------------------------------------------------------------------------------------


def _check_county(actor, report, action):
    check_permission(actor, REPORT_APPROVE)
    check_acting_in(actor, region_code=report.region_code, action=action, roles=APPROVERS,
                    message="只有本县(区)的审批员可以审核、退回或解锁乡镇(街道)月报。")


def approve_report(*, actor, report):
    """审核并锁定 a submitted report: from now on nothing of that month's report changes until it is unlocked."""
    _check_county(actor, report, "network.reports.approve")
    _refuse_if_locked(actor, report, "network.reports.approve")
    return _move(actor, report, frm=(State.SUBMITTED,), to=State.APPROVED, action=Action.APPROVED,
                 stamp=("approved_by", "approved_at"))


def return_report(*, actor, report, reason):
    """退回 a submitted report to the township with the reason; refused when it is locked."""
    _check_county(actor, report, "network.reports.return")
    _refuse_if_locked(actor, report, "network.reports.return")
    reason = _reason(reason, "退回")
    return _move(actor, report, frm=(State.SUBMITTED,), to=State.RETURNED, action=Action.RETURNED, reason=reason)


def unlock_report(*, actor, report, reason):
    """解锁 a locked report, a recorded act of the county's 审批员 (who, when, why: ReportEvent and the audit log):
    the township may then regenerate it and submit it again; the locked version stays in the history."""
    _check_county(actor, report, "network.reports.unlock")
    reason = _reason(reason, "解锁")
    return _move(actor, report, frm=(State.APPROVED,), to=State.UNLOCKED, action=Action.UNLOCKED, reason=reason)


def _move(actor, report, *, frm, to, action, stamp=None, reason="", first_submitted_on=None):
    now = timezone.now()
    with transaction.atomic():
        held = _held(report)
        if held.state not in frm:
            raise ValidationError(_state_refusal(held))
        before = {"report_state": held.state}
        held.state = to
        fields = ["state"]
        if stamp:
            setattr(held, stamp[0], actor)
            setattr(held, stamp[1], now)
            fields += list(stamp)
        if to != State.APPROVED and held.approved_at is not None:  # unlocked: no longer locked by anyone
            held.approved_by, held.approved_at = None, None
            fields += ["approved_by", "approved_at"]
        if to == State.RETURNED:
            held.returned_reason = reason
            fields.append("returned_reason")
        if first_submitted_on is not None:
            held.first_submitted_on = held.first_submitted_on or first_submitted_on
            fields.append("first_submitted_on")
            ReportVersion.objects.filter(report=held, number=held.version).update(remarks=held.remarks)
        held.save(update_fields=fields)
        _event(held, actor, action, now, reason)
        audit.record(actor=actor, action=AUDITED[action], target=held, region_code=held.region_code,
                     before=before, after={"report_state": to, "report_month": month_label(held.month),
                                           "report_version": held.version},
                     note=reason[:255])
    return held

