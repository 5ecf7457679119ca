"""The recognition part's pages (mounted under /assistance/, url names prefixed "recognition-"): the list with its
filters and .xlsx, the intake form (from the person page's panel), an application with its chain card, objections,
reviews and exit, and the printable 公示名单 of a township. Views only translate: writes are services.py's, reads
selectors.py's, through core.scoping."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.assistance.models import ExitReason, Objection, Recognition
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.assistance.recognition import categories, rules, selectors, services
from hrss.assistance.recognition.chains import (
    FORWARD_LABELS,
    NOTICE_STEP,
    RECOGNITION,
    TOWNSHIP_ROLES,
    forward_label,
    step_label,
)
from hrss.assistance.recognition.forms import (
    ApplyForm,
    CorrectionForm,
    DecisionForm,
    EligibilityForm,
    ExitForm,
    ObjectionForm,
    ResolveForm,
)
from hrss.core import pages, review, scoping
from hrss.core.forms import submit
from hrss.core.models import Level, Region, ReviewDecision
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.residents.models import Person
from hrss.residents.permissions import RESIDENT_VIEW

Action = ReviewDecision.Action
ACTION_BUTTONS = {
    Action.FORWARD: ("通过", "btn-success"),  # named by forward_label
    Action.APPROVE: ("审批通过，认定为就业困难人员", "btn-success"),
    Action.RESUBMIT: ("已补正，重新提交", "btn-success"),
    Action.RETURN: ("退回补正", "btn-warning"),
    Action.REJECT: ("不予认定", "btn-outline-danger"),
    Action.WITHDRAW: ("撤回申请", "btn-outline-secondary"),
}


def _filters(request):
    return {"state": request.GET.get("state", ""), "category": request.GET.get("category", ""),
            "step": request.GET.get("step", "")}


def _found(request, region, today):
    found = selectors.filtered(request.user, region, today, **_filters(request))
    if request.GET.get("mine"):
        cases = review.queue_for(request.user, case_type=RECOGNITION.case_type)
        found = found.filter(case__in=cases)
    return found


@staff_view(ASSISTANCE_VIEW)
def recognition_list(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    page = Paginator(_found(request, region, today), 50).get_page(request.GET.get("page"))
    return render(request, "assistance/recognition/list.html", {
        "region": region, "today": today, "page": page, "filters": _filters(request), "mine": request.GET.get("mine"),
        "rows": [(r, categories.name_of(r.category), step_label(r.case) if r.status == "in_review"
                  else r.get_status_display()) for r in page],
        "states": [(key, label) for key, (label, _) in selectors.STATES.items()],
        "categories": categories.for_filter(today), "steps": [(s.key, s.label) for s in RECOGNITION.steps[1:]],
        "places": place_names([r.region_code for r in page], region),
        "query": pages.query_without_page(request), "can_see_people": has_permission(request.user, RESIDENT_VIEW)})


@staff_view(ASSISTANCE_VIEW)
def recognition_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    header, rows = selectors.ledger_rows(_found(request, region, today), region)
    return pages.xlsx_download(request, [("就业困难人员认定台账", header, rows)],
                               f"就业困难人员认定台账-{region.name}-{today:%Y%m%d}.xlsx",
                               action="assistance.recognition.exported", target=region, after={"rows": len(rows)})


@staff_view(ASSISTANCE_HANDLE)
def recognition_apply(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    today = timezone.localdate()
    problems = []
    if not set(request.user.role_list) & RECOGNITION.intake.roles:
        problems.append("就业困难人员认定申请由申请人所在村(社区)的协理员受理初审，您的角色不能受理。")
    chosen = request.POST.get("category") or request.GET.get("category") or ""
    form = ApplyForm(request.POST or None, day=today, chosen=chosen,
                     initial={"phone": person.phone, "category": chosen})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recognition = services.apply_for_recognition(
                actor=request.user, person=person, category=data["category"], documents=data["documents"],
                circumstances=data["circumstances"], phone=data["phone"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已受理 {person.name} 的就业困难人员认定申请，已报乡镇(街道)审核。")
            return redirect("assistance:recognition-detail", pk=recognition.pk)
    return render(request, "assistance/recognition/apply.html", {
        "person": person, "form": form, "problems": problems, "today": today, "chosen": categories.category(chosen),
        "categories": categories.categories_on(today)})


def _recognition(request, pk):
    return scoping.get_visible_or_404(Recognition.objects.select_related("person", "case"), request.user, pk=pk)


@staff_view(ASSISTANCE_VIEW)
def recognition_detail(request, pk, forms=None):
    recognition = _recognition(request, pk)
    case = recognition.case
    user = request.user
    handles = has_permission(user, ASSISTANCE_HANDLE)
    actions = review.allowed_actions(user, case) if handles else []
    roles = set(user.role_list)
    in_notice = case.status == "open" and case.step == NOTICE_STEP
    in_scope = scoping.scope_of(user).contains_code(recognition.region_code)
    today = timezone.localdate()
    forms = forms or {}
    blocked = []
    if Action.FORWARD in actions:
        blocked = services.move_problems(recognition=recognition, action=Action.FORWARD, today=today)
        if blocked:
            actions = [action for action in actions if action != Action.FORWARD]
    if Action.WITHDRAW in actions and services.withdraw_refusal(case):
        actions = [action for action in actions if action != Action.WITHDRAW]
        blocked = [*blocked, services.withdraw_refusal(case)] if roles & RECOGNITION.intake.roles else blocked
    in_work = selectors.in_work_warning(recognition)
    person = recognition.person
    exit_initial = {"exited_on": today}
    if in_work and person.status_since and recognition.recognised_on \
            and recognition.recognised_on <= person.status_since <= today:
        exit_initial = {"exited_on": person.status_since, "reason": ExitReason.STABLE_WORK}
    elif in_work:
        exit_initial["reason"] = ExitReason.STABLE_WORK
    return render(request, "assistance/recognition/detail.html", {
        "blocked": blocked, "in_work": in_work, "status_label": selectors.status_label(recognition),
        "can_post_notice": bool(roles & TOWNSHIP_ROLES),
        "recognition": recognition, "case": case, "person": recognition.person, "today": today,
        "category": categories.category(recognition.category), "step_label": step_label(case),
        "timing": review.timing(case),
        "decisions": [(decision, RECOGNITION.step(decision.step).label,
                       FORWARD_LABELS.get(decision.step) if decision.action == Action.FORWARD
                       else decision.get_action_display())
                      for decision in case.decisions.select_related("actor")],
        "buttons": [(action, forward_label(case) if action == Action.FORWARD else ACTION_BUTTONS[action][0],
                     ACTION_BUTTONS[action][1]) for action in actions],
        "form": forms.get("decision") or DecisionForm(initial={"version": case.version}),
        "action_url": reverse("assistance:recognition-act", args=[recognition.pk]),
        "refuse_label": "不予认定",
        "objections": recognition.objections.select_related("recorded_by", "resolved_by").order_by("raised_on", "id"),
        "can_object": handles and in_scope and in_notice and bool(roles & services.OBJECTION_ROLES),
        "objection_window": services.objection_window(recognition) if in_notice else None,
        "can_resolve": handles and in_scope and bool(roles & TOWNSHIP_ROLES),
        "objection_form": forms.get("objection") or ObjectionForm(initial={"raised_on": today}),
        "resolve_form": ResolveForm(),
        "reviews": recognition.reviews.select_related("reviewed_by").order_by("-reviewed_on", "-id"),
        "can_follow_up": handles and in_scope and recognition.status == "recognised"
        and bool(roles & services.FOLLOW_UP_ROLES),
        "review_form": forms.get("review") or EligibilityForm(),
        "exit_form": forms.get("exit") or ExitForm(initial=exit_initial),
        "notice_days": rules.notice_days(today),
        "correction_form": forms.get("correction") or CorrectionForm(auto_id="correct_%s", day=recognition.applied_on,
                                                                     initial={
            "version": case.version, "category": recognition.category, "documents": recognition.documents,
            "circumstances": recognition.circumstances, "phone": recognition.phone})
        if Action.RESUBMIT in actions else None,
        "can_see_person": has_permission(user, RESIDENT_VIEW),
    })


def _flash_or_form(request, pk, form, key, write, success):
    """The application's page again, with `form` under `key`, when refused; the page as it is now otherwise."""
    return submit(request, form, write, success=success,
                  done=lambda _: redirect("assistance:recognition-detail", pk=pk),
                  changed=lambda: redirect("assistance:recognition-detail", pk=pk),
                  redisplay=lambda form: recognition_detail(request, pk, forms={key: form}))


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def recognition_act(request, pk):
    recognition = _recognition(request, pk)
    return _flash_or_form(request, pk, DecisionForm(request.POST), "decision",
                          lambda data: services.decide_recognition(
                              actor=request.user, recognition=recognition, action=data["action"],
                              version=data["version"], reason=data["reason"], notice_place=data["notice_place"]),
                          lambda decided: _decided(decided, request.POST.get("action")))


def _decided(recognition, action):
    """What the move did, for the success message."""
    case = recognition.case
    if action == Action.FORWARD and case.step == NOTICE_STEP:
        return (f"审核通过，公示期 {recognition.notice_from:%Y-%m-%d} 至 {recognition.notice_until:%Y-%m-%d}"
                f"（{recognition.notice_place}）。")
    if action == Action.FORWARD:
        return "公示期满无异议，已报县(区)审批。"
    if action == Action.APPROVE:
        return f"审批通过，已认定为就业困难人员，有效期至 {recognition.valid_until:%Y-%m-%d}。"
    return {Action.RETURN: "已退回村(社区)补正。", Action.REJECT: "已作不予认定处理。",
            Action.RESUBMIT: "已补正并重新提交乡镇(街道)审核。", Action.WITHDRAW: "已撤回申请。"}.get(action, "已办理。")


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def recognition_correct(request, pk):
    recognition = _recognition(request, pk)
    form = CorrectionForm(request.POST, auto_id="correct_%s", day=recognition.applied_on)
    return _flash_or_form(request, pk, form, "correction", lambda data: services.correct_recognition(
        actor=request.user, recognition=recognition, version=data["version"], category=data["category"],
        documents=data["documents"], circumstances=data["circumstances"], phone=data["phone"]),
        "已保存更正；核对无误后请点击“已补正，重新提交”。")


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def recognition_objection(request, pk):
    recognition = _recognition(request, pk)
    return _flash_or_form(request, pk, ObjectionForm(request.POST), "objection", lambda data: services.record_objection(
        actor=request.user, recognition=recognition, content=data["content"], raised_by=data["raised_by"],
        raised_on=data["raised_on"]), "已登记公示异议；处理前不能报县审批。")


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def objection_resolve(request, pk):
    objection = scoping.get_visible_or_404(Objection.objects.select_related("recognition__case",
                                                                            "recognition__person"),
                                           request.user, pk=pk)
    return _flash_or_form(request, objection.recognition_id, ResolveForm(request.POST), "resolve",
                          lambda data: services.resolve_objection(
                              actor=request.user, objection=objection, upheld=data["upheld"],
                              resolution=data["resolution"]), "已处理公示异议。")


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def recognition_review(request, pk):
    recognition = _recognition(request, pk)
    return _flash_or_form(request, pk, EligibilityForm(request.POST), "review",
                          lambda data: services.review_eligibility(
                              actor=request.user, recognition=recognition, still_eligible=data["still_eligible"],
                              note=data["note"]), "已记录资格复核。")


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def recognition_exit(request, pk):
    recognition = _recognition(request, pk)
    return _flash_or_form(request, pk, ExitForm(request.POST), "exit", lambda data: services.exit_recognition(
        actor=request.user, recognition=recognition, reason=data["reason"], exited_on=data["exited_on"],
        note=data["note"]), "已办理退出。")


@staff_view(ASSISTANCE_VIEW)
def recognition_notice(request):
    """公示名单: the people of a township (the user's, or ?region=) whose recognition is in its public notice, to print
    and post."""
    region = scoping.region_from_request(request)
    level = scoping.level_of_code(region.code)
    if level == Level.VILLAGE:
        region = region.parent
        if region is None or not scoping.scope_of(request.user).contains_code(region.code):
            region = scoping.region_from_request(request)
    elif level != Level.TOWNSHIP:
        townships = scoping.visible_to(request.user, Region.objects.filter(
            level=Level.TOWNSHIP, is_active=True)).order_by("code")
        townships = [t for t in townships if scoping.code_is_within(t.code, region.code)]
        return render(request, "assistance/recognition/notice_pick.html", {"region": region,
                                                                            "townships": townships})
    rows = list(selectors.notice_list(request.user, region))
    return render(request, "assistance/recognition/notice.html", {
        "region": region, "today": timezone.localdate(), "places": place_names([r.region_code for r in rows], region),
        "rows": [(r, categories.name_of(r.category)) for r in rows]})


urlpatterns = [
    path("recognition/", recognition_list, name="recognition-list"),
    path("recognition/export.xlsx", recognition_export, name="recognition-export"),
    path("recognition/notice/", recognition_notice, name="recognition-notice"),
    path("recognition/apply/<int:person_pk>/", recognition_apply, name="recognition-apply"),
    path("recognition/<int:pk>/", recognition_detail, name="recognition-detail"),
    path("recognition/<int:pk>/act/", recognition_act, name="recognition-act"),
    path("recognition/<int:pk>/correct/", recognition_correct, name="recognition-correct"),
    path("recognition/<int:pk>/objections/", recognition_objection, name="recognition-objection"),
    path("recognition/objections/<int:pk>/resolve/", objection_resolve, name="recognition-objection-resolve"),
    path("recognition/<int:pk>/review/", recognition_review, name="recognition-review"),
    path("recognition/<int:pk>/exit/", recognition_exit, name="recognition-exit"),
]
