"""The support part's writes: keyword-only, taking the actor, checking permission and scope before one transaction
(a refusal's audit entry stays), one audit entry each. Bad input is a ValidationError listing every reason in
Chinese, and nothing is written."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.assistance.models import AssistanceItem, AssistancePlan, HomeVisit, Recognition, VisitWay
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.assistance.support import rules, selectors
from hrss.core import audit, scoping
from hrss.core.permissions import check_acting_in, check_permission, has_permission

PLAN_FIELDS = ("items", "other_item", "responsible", "target_on", "notes")


def _not_valid_message(recognition, day):
    if recognition.status == "exited":
        return f"{recognition.person.name}的就业困难人员认定已于{recognition.exited_on:%Y-%m-%d}退出，不能再制定援助计划。"
    if recognition.status != "recognised" or recognition.recognised_on is None:
        return f"{recognition.person.name}尚未认定为就业困难人员（认定通过后才能制定援助计划）。"
    return (f"{recognition.person.name}的就业困难人员认定有效期至{recognition.valid_until:%Y-%m-%d}，已过期；"
            "请先办理复核或重新认定。")


def plan_problems(*, recognition, items, other_item, responsible, target_on, today):
    """What keeps this plan from being saved on `today`, in Chinese (empty when nothing)."""
    problems = []
    if not selectors.is_valid(recognition, today):
        problems.append(_not_valid_message(recognition, today))
    items = list(items or ())
    unknown = [item for item in items if item not in AssistanceItem.values]
    if unknown:
        problems.append("援助措施只能从列出的选项中选择：" + "、".join(str(item) for item in unknown) + "不是可选的措施。")
    if not items:
        problems.append("请至少选择一项援助措施。")
    if AssistanceItem.OTHER in items and not (other_item or "").strip():
        problems.append("选择了“其他”援助措施，请填写其他措施说明。")
    if responsible is None or not getattr(responsible, "is_active", False):
        problems.append("请选择责任人（在职的工作人员）。")
    elif not has_permission(responsible, ASSISTANCE_HANDLE) \
            or not scoping.scope_of(responsible).contains_code(recognition.region_code):
        problems.append(f"责任人{responsible}不负责该人员所在村(社区)的"
                        "就业援助，请选择本村(社区)或上级的经办人员。")
    if not isinstance(target_on, datetime.date):
        problems.append("请填写目标日期。")
    elif target_on < today:
        problems.append(f"目标日期{target_on:%Y-%m-%d}早于今天，请填写今天或以后的日期。")
    return problems


def save_plan(*, actor, recognition, items, responsible, target_on, notes="", other_item="", today=None):
    """制定或修订援助计划: the first plan of a recognised person, or a revision, which adds the next version (the
    previous one stays as history, no longer current). Audited with what changed."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=recognition.region_code, action="assistance.plan.save",
                    subject_id_number=recognition.person.id_number,
                    message="只能为本辖区内的就业困难人员制定援助计划。")
    problems = plan_problems(recognition=recognition, items=items, other_item=other_item, responsible=responsible,
                             target_on=target_on, today=today)
    if problems:
        raise ValidationError(problems)
    items = [item for item in AssistanceItem.values if item in set(items)]  # the choices' order, once each
    other_item = (other_item or "").strip()[:100] if AssistanceItem.OTHER in items else ""
    with transaction.atomic():
        # One writer at a time per recognition: its row locked while the current version is replaced.
        Recognition.objects.select_for_update().filter(pk=recognition.pk).first()
        previous = AssistancePlan.objects.filter(recognition=recognition, is_current=True).first()
        if previous is not None:
            AssistancePlan.objects.filter(pk=previous.pk).update(is_current=False)
        plan = AssistancePlan.objects.create(
            recognition=recognition, region_code=recognition.region_code,
            version=previous.version + 1 if previous else 1, items=items, other_item=other_item,
            responsible=responsible, target_on=target_on, notes=(notes or "").strip()[:500], made_on=today,
            made_by=actor)
        after = _plan_snapshot(plan)
        before = _plan_snapshot(previous) if previous else {}
        audit.record(actor=actor, action="assistance.plan.revised" if previous else "assistance.plan.made",
                     target=plan, region_code=plan.region_code, subject_id_number=recognition.person.id_number,
                     before={key: value for key, value in before.items() if value != after[key]} or None,
                     after={key: value for key, value in after.items() if value != before.get(key)})
    return plan


def _plan_snapshot(plan):
    return {"plan_items": [str(AssistanceItem(item).label) for item in plan.items], "plan_other_item": plan.other_item,
            "plan_responsible": str(plan.responsible),
            "plan_target_on": plan.target_on, "plan_notes": plan.notes}


def visit_problems(*, recognition, visited_on, way, outcome, next_visit_on, today):
    problems = []
    if recognition.recognised_on is None or recognition.status not in ("recognised", "exited"):
        problems.append(f"{recognition.person.name}尚未认定为就业困难人员，不能登记走访。")
    if not isinstance(visited_on, datetime.date):
        problems.append("请填写走访日期。")
    else:
        if visited_on > today:
            problems.append(f"走访日期{visited_on:%Y-%m-%d}晚于今天：请登记已经进行的走访。")
        if recognition.recognised_on is not None and visited_on < recognition.recognised_on:
            problems.append(f"走访日期{visited_on:%Y-%m-%d}早于认定日期{recognition.recognised_on:%Y-%m-%d}："
                            "认定之前的走访不计入就业援助。")
        if recognition.exited_on is not None and visited_on > recognition.exited_on:
            problems.append(f"该人员已于{recognition.exited_on:%Y-%m-%d}退出援助，之后的走访不能登记。")
        if isinstance(next_visit_on, datetime.date) and next_visit_on <= visited_on:
            problems.append("下次走访日期应晚于本次走访日期。")
        elif isinstance(next_visit_on, datetime.date) and next_visit_on > rules.next_visit_latest(visited_on):
            latest = rules.next_visit_latest(visited_on)
            problems.append(f"下次走访日期{next_visit_on:%Y-%m-%d}太远：应在本次走访后"
                            f"{(latest - visited_on).days}天内，即不晚于{latest:%Y-%m-%d}。")
    if way not in VisitWay.values:
        problems.append("请选择走访方式（入户、电话或来访）。")
    if not (outcome or "").strip():
        problems.append("请填写走访情况。")
    return problems


def record_visit(*, actor, recognition, visited_on, way, outcome, next_step="", next_visit_on=None, companions="",
                 today=None):
    """登记走访: a visit of a recognised person by the actor (with the names of who came along)."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=recognition.region_code, action="assistance.visit.record",
                    subject_id_number=recognition.person.id_number,
                    message="只能登记本辖区内就业困难人员的走访。")
    problems = visit_problems(recognition=recognition, visited_on=visited_on, way=way, outcome=outcome,
                              next_visit_on=next_visit_on, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        visit = HomeVisit.objects.create(
            recognition=recognition, region_code=recognition.region_code, visited_on=visited_on, visitor=actor,
            companions=(companions or "").strip()[:100], way=way, outcome=outcome.strip()[:500],
            next_step=(next_step or "").strip()[:300], next_visit_on=next_visit_on)
        audit.record(actor=actor, action="assistance.visit.recorded", target=visit, region_code=visit.region_code,
                     subject_id_number=recognition.person.id_number,
                     after={"visited_on": visited_on, "visit_way": way, "visit_outcome": visit.outcome,
                            "next_visit_on": next_visit_on})
    return visit

