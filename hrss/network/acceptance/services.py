"""The acceptance part's writes (检查、整改与验收): keyword-only, taking the actor, checking permission and scope
before one transaction (a refusal's audit entry stays), an audit entry each. Bad input is a ValidationError listing
every reason in Chinese, and nothing is written.

Who acts: an inspector of the county or the city (INSPECT) records an inspection of an office of their scope; the
office itself (its own staff, or the township's staff for a village's 服务站) records an item fixed with a photo;
the county (or the city) confirms the fix or reopens it; the county requests acceptance (the chain's intake) and
the city (ACCEPT) accepts or refuses. An office that fails a rule in force on the day is neither requested nor
accepted: the refusal lists each rule and what is missing."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from hrss.core import audit, review, scoping
from hrss.core.models import Level
from hrss.core.permissions import check_acting_in, check_permission
from hrss.network.acceptance import rules
from hrss.network.acceptance.chains import ACCEPTANCE
from hrss.network.models import (
    Acceptance,
    AcceptanceState,
    Finding,
    FindingResult,
    Inspection,
    Office,
    Rectification,
    RectificationState,
)
from hrss.network.offices import services as office_services
from hrss.network.permissions import ACCEPT, INSPECT, OFFICE_EDIT
from hrss.network.standards import compliance

Action = review.Action
OUT_OF_SCOPE = "该服务机构不在您的管辖范围内。"


def _text(value):
    return (value or "").strip()


def _refuse(problems):
    problems = [problem for problem in problems if problem]
    if problems:
        raise ValidationError(problems)


def _day_problem(day, label, today):
    if not isinstance(day, datetime.date):
        return f"请填写{label}。"
    if day > today:
        return f"{label}{day:%Y-%m-%d}晚于今天，请填写已经发生的日期。"
    if day < rules.PLAN_DAY:
        return f"{label}{day:%Y-%m-%d}早于建设方案印发（{rules.PLAN_DAY:%Y-%m-%d}），请核对。"
    return None


def rule_lines(results):
    """Each failing rule as a user reads it: the rule, what it requires and what the office has."""
    return [f"{result.title}（要求：{result.required}；现状：{result.actual or '未登记'}）" for result in results]


def failing_message(office_name, results, what):
    lines = "；".join(f"{index}. {line}" for index, line in enumerate(rule_lines(results), start=1))
    return f"{office_name}有{len(results)}项建设标准未达到，不能{what}：{lines}。请整改达标后再{what}。"


def _office_name(office):
    from hrss.core.models import Region

    region = Region.objects.filter(code=office.region_code).first()
    return region.name if region else office.region_code


# --- inspections ---------------------------------------------------------------------------------------------

def _check_inspector(actor, region_code, action):
    check_permission(actor, INSPECT)
    check_acting_in(actor, region_code=region_code, action=action, message=OUT_OF_SCOPE)


def inspection_problems(*, office, inspected_on, findings, due_on, today):
    """What keeps this inspection from being recorded (Chinese; empty when nothing). `findings` maps each rule's code
    to {"result": meets|fails|not_checked, "note": str}."""
    problems = [_day_problem(inspected_on, "检查日期", today)]
    if problems[0]:
        return problems
    results = compliance.check(office, inspected_on).results
    if not results:
        return [f"{inspected_on:%Y-%m-%d}没有适用于该服务机构的建设标准，无从检查。"]
    codes = {result.rule for result in results}
    findings = findings or {}
    unknown = sorted(set(findings) - codes)
    if unknown:
        problems.append("检查项不在当日执行的建设标准中：" + "、".join(unknown) + "。请刷新页面后重新填写。")
    for result in results:
        finding = findings.get(result.rule) or {}
        if finding.get("result") not in FindingResult.values:
            problems.append(f"请选择“{result.title}”的检查结果。")
        elif finding["result"] == FindingResult.FAILS and not _text(finding.get("note")):
            problems.append(f"“{result.title}”不符合：请在说明中写明缺少什么，服务机构据此整改。")
    if due_on is not None and (not isinstance(due_on, datetime.date) or due_on < inspected_on):
        problems.append("整改期限不能早于检查日期。")
    return problems


def record_inspection(*, actor, office, inspected_on, findings, inspectors="", note="", due_on=None, today=None):
    """An inspection of `office` on `inspected_on`: its checklist is the rules in force that day, each with the
    finding given in `findings` ({rule: {"result", "note"}}); every finding that does not meet its rule becomes a
    rectification item due on `due_on` (by default the number of days in force after the inspection)."""
    today = today or timezone.localdate()
    _check_inspector(actor, office.region_code, "network.acceptance.record_inspection")
    _refuse(inspection_problems(office=office, inspected_on=inspected_on, findings=findings, due_on=due_on,
                                today=today))
    results = compliance.check(office, inspected_on).results
    due_on = due_on or inspected_on + datetime.timedelta(days=rules.rectification_days(inspected_on))
    with transaction.atomic():
        inspection = Inspection.objects.create(
            office=office, region_code=office.region_code, inspected_on=inspected_on,
            inspectors=_text(inspectors)[:100], note=_text(note)[:1000], created_by=actor)
        failing = []
        for position, result in enumerate(results):
            given = findings[result.rule]
            finding = Finding.objects.create(
                inspection=inspection, position=position, rule=result.rule, title=result.title[:200],
                required=(result.required or "")[:500], recorded=(result.actual or "")[:500],
                result=given["result"], note=_text(given.get("note"))[:500])
            if finding.result == FindingResult.FAILS:
                Rectification.objects.create(finding=finding, office=office, region_code=office.region_code,
                                             opened_on=inspected_on, due_on=due_on)
                failing.append(result.rule)
        audit.record(actor=actor, action="network.acceptance.inspection_recorded", target=inspection,
                     region_code=office.region_code,
                     after={"inspected_on": inspected_on, "checklist_rules": len(results), "failing_rules": failing,
                            "rectification_due_on": due_on if failing else None})
    return inspection


# --- rectification -------------------------------------------------------------------------------------------

def _check_office_side(actor, item, action):
    """The office's own staff, or the township's staff for a village's 服务站: a township's or a village's account
    whose scope holds the office."""
    check_permission(actor, OFFICE_EDIT)
    scope = scoping.scope_of(actor)
    if scope.is_empty or scope.region.level not in (Level.TOWNSHIP, Level.VILLAGE):
        audit.record_denied(actor=actor, action=action, region_code=item.region_code)
        raise PermissionDenied("整改情况由服务机构本身（村(社区)服务站由所在乡镇(街道)）登记。")
    check_acting_in(actor, region_code=item.region_code, action=action, message=OUT_OF_SCOPE)


def _locked(item):
    return Rectification.objects.select_for_update().select_related("finding").get(pk=item.pk)


def _refresh(item, fresh):
    for field in fresh._meta.concrete_fields:
        setattr(item, field.attname, getattr(fresh, field.attname))
    return item


def fix_rectification(*, actor, item, note, upload, fixed_on=None, today=None):
    """The office records `item` fixed on `fixed_on` (today by default), with a note and a photo of the result (the
    offices part keeps the photo: images only, size-limited, location stripped)."""
    today = today or timezone.localdate()
    fixed_on = fixed_on or today
    _check_office_side(actor, item, "network.acceptance.fix_rectification")
    problems = [None if _text(note) else "请写明整改情况（做了什么、何时完成）。",
                None if upload else "请上传整改后的照片。"]
    if not isinstance(fixed_on, datetime.date) or fixed_on > today:
        problems.append("整改日期不能晚于今天。")
    elif fixed_on < item.opened_on:
        problems.append(f"整改日期不能早于提出整改的检查日期{item.opened_on:%Y-%m-%d}。")
    _refuse(problems)
    with transaction.atomic():
        fresh = _locked(item)
        if fresh.state != RectificationState.OPEN:
            raise ValidationError(f"该整改事项{fresh.get_state_display()}，不能再次登记整改。")
        photo = office_services.add_photo(actor=actor, office=fresh.office, upload=upload,
                                          subject=fresh.finding.rule, caption=f"整改：{fresh.finding.title}"[:100],
                                          today=today)
        fresh.state, fresh.fixed_on, fresh.fixed_note = RectificationState.FIXED, fixed_on, _text(note)[:500]
        fresh.fixed_by, fresh.photo = actor, photo
        fresh.save(update_fields=["state", "fixed_on", "fixed_note", "fixed_by", "photo"])
        audit.record(actor=actor, action="network.acceptance.rectification_fixed", target=fresh,
                     region_code=fresh.region_code,
                     after={"rectification_rule": fresh.finding.rule, "rectification_fixed_on": fixed_on,
                            "rectification_note": fresh.fixed_note, "rectification_photo": photo.pk})
    return _refresh(item, fresh)


def rule_status(item, on):
    """The item's rule as the office's record stands on `on` (standards.compliance.check): a RuleResult, or None
    when the rule is no longer in force for the office."""
    for result in compliance.check(item.office, on).results:
        if result.rule == item.finding.rule:
            return result
    return None


def office_record_url(item):
    """The office's page where its record (维护建设情况) is updated."""
    return reverse("network:offices-edit", args=[item.office_id])


def still_failing_message(item, on):
    """Why the item cannot be confirmed on `on` while its rule is not met by the office's record (None when met
    or no longer in force)."""
    result = rule_status(item, on)
    if result is None or result.ok is True:
        return None
    state = "未登记、不能判断是否达标" if result.ok is None else "仍未达标"
    return (f"按服务机构登记的建设情况，“{result.title}”{state}（要求：{result.required}；"
            f"现状：{result.actual or '未登记'}），不能确认整改到位。请服务机构在服务机构页面（维护建设情况："
            f"{office_record_url(item)}）更新该项建设情况，达标后再确认。")


def confirm_rectification(*, actor, item, today=None):
    """The county (or the city) confirms a fix the office recorded: refused while the office's own record still
    fails the item's rule on the day (the fix must show in 维护建设情况, or the acceptance is refused for it)."""
    today = today or timezone.localdate()
    _check_inspector(actor, item.region_code, "network.acceptance.confirm_rectification")
    with transaction.atomic():
        fresh = _locked(item)
        if fresh.state != RectificationState.FIXED:
            raise ValidationError(f"该整改事项{fresh.get_state_display()}，只有已登记整改的事项可以确认。")
        _refuse([still_failing_message(fresh, today)])
        fresh.state, fresh.confirmed_on, fresh.confirmed_by = RectificationState.CONFIRMED, today, actor
        fresh.save(update_fields=["state", "confirmed_on", "confirmed_by"])
        audit.record(actor=actor, action="network.acceptance.rectification_confirmed", target=fresh,
                     region_code=fresh.region_code, after={"rectification_rule": fresh.finding.rule,
                                                             "rectification_confirmed_on": today})
    return _refresh(item, fresh)


def reopen_rectification(*, actor, item, note, due_on=None, today=None):
    """The county (or the city) finds a recorded fix not enough: the item is open again, with the reason and a new
    deadline (by default the number of days in force from today)."""
    today = today or timezone.localdate()
    _check_inspector(actor, item.region_code, "network.acceptance.reopen_rectification")
    due_on = due_on or today + datetime.timedelta(days=rules.rectification_days(today))
    _refuse([None if _text(note) else "请写明退回重改的原因（还缺什么）。",
             None if isinstance(due_on, datetime.date) and due_on >= today else "新的整改期限不能早于今天。"])
    with transaction.atomic():
        fresh = _locked(item)
        if fresh.state != RectificationState.FIXED:
            raise ValidationError(f"该整改事项{fresh.get_state_display()}，只有已登记整改、待确认的事项可以退回重改。")
        before = {"rectification_state": fresh.state, "rectification_fixed_on": fresh.fixed_on,
                  "rectification_due_on": fresh.due_on}
        fresh.state, fresh.fixed_on, fresh.fixed_note, fresh.fixed_by, fresh.photo = (
            RectificationState.OPEN, None, "", None, None)
        fresh.reopened_times += 1
        fresh.reopen_note, fresh.due_on = _text(note)[:500], due_on
        fresh.save(update_fields=["state", "fixed_on", "fixed_note", "fixed_by", "photo", "reopened_times",
                                  "reopen_note", "due_on"])
        audit.record(actor=actor, action="network.acceptance.rectification_reopened", target=fresh,
                     region_code=fresh.region_code, before=before,
                     after={"rectification_state": fresh.state, "rectification_due_on": due_on,
                            "rectification_reopen_note": fresh.reopen_note})
    return _refresh(item, fresh)


# --- acceptance ----------------------------------------------------------------------------------------------

def acceptance_problems(*, office, on, what):
    """Why `office` cannot be requested for (or given) acceptance on `on`: every rule in force it fails, and the
    rules not yet recorded (unknown is never passed: acceptance is of what was verified), and the rectification
    items not yet fixed. Empty when nothing."""
    problems = []
    standing = compliance.check(office, on)
    failing = standing.failing_rules
    if failing:
        problems.append(failing_message(_office_name(office), failing, what))
    unknown = [result for result in standing.results if result.ok is None]
    if unknown:
        problems.append(f"尚有{len(unknown)}项未登记、不能判断是否达标，不能{what}：" + "、".join(
            result.title for result in unknown) + "。请先在服务机构页面如实登记。")
    open_items = list(Rectification.objects.filter(office=office, state=RectificationState.OPEN)
                      .select_related("finding").order_by("due_on", "id"))
    if open_items:
        problems.append(f"尚有{len(open_items)}项整改未完成，不能{what}：" + "、".join(
            f"{item.finding.title}（期限{item.due_on:%Y-%m-%d}）" for item in open_items) + "。")
    return problems


def request_acceptance(*, actor, office, note="", today=None):
    """The county requests the city's acceptance of `office` (the chain's intake): refused while the office fails
    a rule in force today, has an item to fix, is already requested or accepted."""
    today = today or timezone.localdate()
    check_permission(actor, INSPECT)
    check_acting_in(actor, region_code=office.region_code, action="network.acceptance.submit", message=OUT_OF_SCOPE)
    review.check_intake(chain=ACCEPTANCE, region_code=office.region_code, actor=actor)
    live = Acceptance.objects.filter(office=office, state__in=[AcceptanceState.REQUESTED, AcceptanceState.ACCEPTED])
    current = live.first()
    if current is not None:
        raise ValidationError(f"该服务机构{current.get_state_display()}，不能重复申请验收。")
    _refuse(acceptance_problems(office=office, on=today, what="申请验收"))
    try:
        with transaction.atomic():
            Office.objects.select_for_update().get(pk=office.pk)
            case = review.open_case(chain=ACCEPTANCE, region_code=office.region_code, subject_id_number="",
                                    title=f"{_office_name(office)}服务机构验收", actor=actor, note=_text(note),
                                    today=today)
            acceptance = Acceptance.objects.create(office=office, region_code=office.region_code, case=case,
                                                   requested_on=today, requested_by=actor,
                                                   request_note=_text(note)[:500])
    except IntegrityError:
        raise ValidationError("该服务机构刚被他人申请验收，请刷新页面查看。") from None
    return acceptance


def decide_acceptance(*, actor, acceptance, accept, version, reason="", today=None):
    """The city accepts `acceptance`'s office (refused while the office fails a rule in force today: the rules are
    listed) or refuses it with a reason; `version` is the case's as the page showed it."""
    today = today or timezone.localdate()
    check_permission(actor, ACCEPT)
    case = acceptance.case
    action = Action.APPROVE if accept else Action.REJECT
    review.check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    if accept:
        _refuse(acceptance_problems(office=acceptance.office, on=today, what="通过验收"))
    with transaction.atomic():
        review.apply_move(case=case, actor=actor, action=action, version=version, reason=_text(reason), today=today)
        state = AcceptanceState.ACCEPTED if accept else AcceptanceState.REFUSED
        Acceptance.objects.filter(pk=acceptance.pk).update(
            state=state, decided_on=today, decided_by=actor, accepted_on=today if accept else None,
            reason=_text(reason)[:500])
    acceptance.refresh_from_db()
    return acceptance


def withdraw_acceptance(*, actor, acceptance, version, reason, today=None):
    """The county withdraws its request before the city decides, with a reason."""
    today = today or timezone.localdate()
    check_permission(actor, INSPECT)
    review.check_move(case=acceptance.case, actor=actor, action=Action.WITHDRAW, version=version, reason=reason)
    with transaction.atomic():
        review.apply_move(case=acceptance.case, actor=actor, action=Action.WITHDRAW, version=version,
                          reason=_text(reason), today=today)
        Acceptance.objects.filter(pk=acceptance.pk).update(state=AcceptanceState.WITHDRAWN, decided_on=today,
                                                           decided_by=actor, reason=_text(reason)[:500])
    acceptance.refresh_from_db()
    return acceptance
