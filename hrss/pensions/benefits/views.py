"""The benefits part's pages under /pensions/ (url names prefixed "benefits-"): the 待遇发放台账 (list, .xlsx), the
application (the calculation shown before it is taken in), a pension's page (calculation, review, payments, death
and recovery), the monthly roll per county (make, .xlsx) and the death reports. Views only translate: writes are
services.py's, reads selectors.py's and eligibility.py's, through core.scoping."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import review, scoping
from hrss.core.forms import submit
from hrss.core.models import Level, ReviewDecision
from hrss.core.pages import xlsx_download
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.pensions.benefits import calc, eligibility, exports, selectors, services
from hrss.pensions.benefits.chains import AWARD, COUNTY_ROLES, step_label
from hrss.pensions.benefits.forms import ApplyForm, DeathForm, DecisionForm, RecoveryForm, RollForm
from hrss.pensions.contributions import account
from hrss.pensions.models import DeathReport, Pension, PensionState
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.models import Person
from hrss.residents.permissions import RESIDENT_VIEW

Action = ReviewDecision.Action
ACTION_BUTTONS = {
    Action.FORWARD: ("审核通过，报县审批", "btn-success"),
    Action.APPROVE: ("审批通过，核定待遇", "btn-success"),
    Action.RESUBMIT: ("已补正，重新提交", "btn-success"),
    Action.RETURN: ("退回补正", "btn-warning"),
    Action.REJECT: ("不予核定", "btn-outline-danger"),
    Action.WITHDRAW: ("撤回申请", "btn-outline-secondary"),
}
TURNING_SIXTY = "turning_sixty"


def _filtered(request, region, today):
    """(pensions, state, query) of the list's filters: a state of selectors.STATES, 我的待办 (mine=1), a name or ID
    number."""
    state, query = request.GET.get("state", ""), request.GET.get("q", "").strip()[:30]
    if state in selectors.STATES:
        found = selectors.STATES[state][1](request.user, region, today)
    else:
        state = "" if state != TURNING_SIXTY else state
        found = selectors.pensions_visible(request.user, region)
    if request.GET.get("mine") == "1":
        cases = review.queue_for(request.user, case_type=AWARD.case_type).values("pk")
        found = found.filter(case__in=cases)
    if query:
        found = found.filter(Q(person__name__contains=query) | Q(person__id_number=query.upper()))
    return found, state, query


@staff_view(PENSIONS_VIEW)
def pension_list(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    found, state, query = _filtered(request, region, today)
    people = None
    if state == TURNING_SIXTY:
        people = Paginator(scoping.within_region(eligibility.turning_sixty_without_application(request.user, today),
                                                 region), 50).get_page(request.GET.get("page"))
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    rows = people if people is not None else page
    return render(request, "pensions/benefits/list.html", {
        "region": region, "page": rows, "people": people, "state": state, "query": query, "today": today,
        "states": {**{key: label for key, (label, _fn) in selectors.STATES.items()},
                   TURNING_SIXTY: "下月年满60周岁未申领"},
        "places": place_names((row.region_code for row in rows), below=region),
        "mine": request.GET.get("mine") == "1", "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(PENSIONS_VIEW)
def pension_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    found, _state, _query = _filtered(request, region, today)
    header, rows = exports.pension_rows(found)
    return xlsx_download(request, [("待遇发放台账", header, rows)], f"待遇发放台账-{region.name}-{today:%Y%m%d}.xlsx",
                         action="pensions.payments.exported", target=region, after={"rows": len(rows)})


def _person(request, person_pk):
    return scoping.get_visible_or_404(Person, request.user, pk=person_pk)


@staff_view(PENSIONS_VIEW)
def pension_apply(request, person_pk):
    """申领待遇: the calculation with the balance of today and every reason the person may not draw yet, then the
    village's intake."""
    person = _person(request, person_pk)
    today = timezone.localdate()
    first = eligibility.first_month_for(person, today)
    preview = calc.calculate(birth_date=person.birth_date, account_balance=account.balance(person, today),
                             on=max(today, first), county_code=scoping.county_code_of(person.region_code))
    found = eligibility.eligibility(person, today)
    problems = []
    if not set(request.user.role_list) & AWARD.intake.roles or not has_permission(request.user, PENSIONS_HANDLE):
        problems.append("养老金待遇申领由参保人所在村(社区)的协理员受理，您的角色不能受理。")

    def redisplay(bound):
        return render(request, "pensions/benefits/apply.html", {
            "person": person, "calc": preview, "eligible": found, "first_month": first, "today": today,
            "problems": problems, "form": bound, "paid_years": account.paid_years(person, today),
            "enrolment": eligibility.standing_enrolment(person)})

    if request.method == "POST":
        return submit(request, ApplyForm(request.POST), lambda data: services.apply(actor=request.user, person=person, today=today),
                      success=f"已受理 {person.name} 的养老金待遇申领，已报乡镇(街道)审核。",
                      done=lambda pension: redirect("pensions:benefits-detail", pk=pension.pk), redisplay=redisplay)
    return redisplay(ApplyForm())


def _pension(request, pk):
    return scoping.get_visible_or_404(Pension.objects.select_related("person", "case", "enrolment"), request.user,
                                      pk=pk)


@staff_view(PENSIONS_VIEW)
def pension_detail(request, pk, forms=None):
    pension = _pension(request, pk)
    user = request.user
    today = timezone.localdate()
    forms = forms or {}
    case = pension.case
    handles = has_permission(user, PENSIONS_HANDLE)
    actions = review.allowed_actions(user, case) if handles and case else []
    in_scope = scoping.scope_of(user).contains_code(pension.region_code)
    can_recover = (handles and in_scope and bool(set(user.role_list) & COUNTY_ROLES)
                   and pension.state == PensionState.STOPPED and selectors.outstanding(pension) > 0)
    return render(request, "pensions/benefits/detail.html", {
        "pension": pension, "person": pension.person, "case": case, "today": today,
        "calculation": pension.calculation or {}, "state_label": step_label(case)
        if case and pension.state == PensionState.IN_REVIEW else pension.get_state_display(),
        "timing": review.timing(case) if case and case.is_open else None,
        "decisions": [(decision, AWARD.step(decision.step).label, decision.get_action_display())
                      for decision in case.decisions.select_related("actor")] if case else [],
        "buttons": [(action, *ACTION_BUTTONS[action]) for action in actions],
        "form": forms.get("decision") or DecisionForm(initial={"version": case.version if case else 0}),
        "action_url": reverse("pensions:benefits-act", args=[pension.pk]), "refuse_label": "不予核定",
        "payments": list(pension.payments.order_by("-paid_in", "-month", "-id")[:60]),
        "paid_months": selectors.paid_months(pension), "outstanding": selectors.outstanding(pension),
        "recovery_form": forms.get("recovery") or RecoveryForm(), "can_recover": can_recover,
        "death": DeathReport.objects.filter(person=pension.person).first(),
        "can_see_person": has_permission(user, RESIDENT_VIEW),
    })


def _decided(pension, action):
    if action == Action.APPROVE:
        return (f"已核定 {pension.person.name} 的养老金：每月 {calc.money(pension.total)} 元，"
                f"{pension.first_month:%Y年%m月}起发放。")
    if action == Action.FORWARD:
        return "审核通过，已报县(区)审批。"
    return f"已办理：{Action(action).label}。"


@require_POST
@staff_view(PENSIONS_HANDLE)
def pension_act(request, pk):
    pension = _pension(request, pk)
    today = timezone.localdate()
    action = request.POST.get("action", "")
    return submit(request, DecisionForm(request.POST),
                  lambda data: services.decide_pension(actor=request.user, pension=pension, action=data["action"],
                                                       version=data["version"], reason=data["reason"], today=today),
                  success=lambda done: _decided(done, action),
                  done=lambda done: redirect("pensions:benefits-detail", pk=pk),
                  redisplay=lambda form: pension_detail(request, pk, forms={"decision": form}),
                  changed=lambda: redirect("pensions:benefits-detail", pk=pk))


@require_POST
@staff_view(PENSIONS_HANDLE)
def pension_recover(request, pk):
    pension = _pension(request, pk)
    today = timezone.localdate()
    return submit(request, RecoveryForm(request.POST),
                  lambda data: services.record_recovery(actor=request.user, pension=pension, amount=data["amount"],
                                                        today=today),
                  success="已登记追回。", done=lambda row: redirect("pensions:benefits-detail", pk=pk),
                  redisplay=lambda form: pension_detail(request, pk, forms={"recovery": form}))


# --- the monthly roll ------------------------------------------------------------------------------------------




def _roll_context(request, region, today, month):
    county = region.level == Level.COUNTY
    lines = selectors.roll_lines(request.user, region, month) if month else []
    user = request.user
    return {"region": region, "month": month, "month_text": f"{month:%Y-%m}" if month else f"{today:%Y-%m}",
            "lines": lines, "sums": selectors.roll_sums(lines), "today": today,
            "places": place_names((line.region_code for line in lines), below=region),
            "roll": selectors.roll_of(scoping.county_code_of(region.code), month) if county and month else None,
            "can_make": county and month is not None and month <= today.replace(day=1)
            and has_permission(user, PENSIONS_HANDLE) and bool(set(user.role_list) & COUNTY_ROLES),
            "county": county, "crumbs": scoping.breadcrumb(user, region)}


@staff_view(PENSIONS_VIEW)
def roll(request, form=None):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    given = (request.POST.get("month") if request.method == "POST" else request.GET.get("month", "")) or ""
    month = selectors.parse_month(given, today)
    context = _roll_context(request, region, today, month)
    if month is None:
        context.update(bad_month=selectors.MONTH_PROBLEM.format(example=f"{today:%Y-%m}"), given_month=given[:20])
    context["form"] = form
    return render(request, "pensions/benefits/roll.html", context, status=400 if month is None else 200)


@require_POST
@staff_view(PENSIONS_HANDLE)
def roll_make(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()

    def act(data):
        month = selectors.parse_month(data["month"], today)
        if month is None:
            raise ValidationError(selectors.MONTH_PROBLEM.format(example=f"{today:%Y-%m}"))
        if region.level != Level.COUNTY:
            raise ValidationError("发放名册按县(区)制作：请先选择县(区)。")
        return services.make_roll(actor=request.user, county_code=scoping.county_code_of(region.code), month=month,
                                  today=today)

    def done(made):
        return redirect(f"{reverse('pensions:benefits-roll')}?region={region.code}&month={made.month:%Y-%m}")

    return submit(request, RollForm(request.POST), act, success=lambda made: f"已制作{made.month:%Y年%m月}发放名册。",
                  done=done, redisplay=lambda form: roll(request, form=form))


@staff_view(PENSIONS_VIEW)
def roll_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    month = selectors.parse_month(request.GET.get("month", ""), today)
    if month is None:
        return roll(request)
    lines = selectors.roll_lines(request.user, region, month)
    header, rows = exports.roll_rows(lines)
    return xlsx_download(request, [(f"{month:%Y年%m月}", header, rows)], f"养老金发放名册-{region.name}-{month:%Y%m}.xlsx",
                         action="pensions.roll.exported", target=region,
                         after={"rows": len(lines), "month": f"{month:%Y-%m}"})


# --- deaths ------------------------------------------------------------------------------------------------------


@staff_view(PENSIONS_VIEW)
def deaths(request):
    region = scoping.region_from_request(request)
    found = scoping.within_region(scoping.visible_to(request.user, DeathReport.objects.select_related("person")),
                                 region).order_by("-reported_on", "-id")
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    pensions = {p.person_id: p for p in Pension.objects.filter(person__in=[r.person_id for r in page],
                                                               state=PensionState.STOPPED)}
    return render(request, "pensions/benefits/deaths.html", {
        "region": region, "page": page, "rows": [(report, pensions.get(report.person_id)) for report in page],
        "places": place_names((r.region_code for r in page), below=region)})


@staff_view(PENSIONS_VIEW)
def death_report(request, person_pk):
    person = _person(request, person_pk)
    today = timezone.localdate()
    standing = Pension.objects.filter(person=person, state__in=services.STANDING).first()

    def redisplay(form):
        return render(request, "pensions/benefits/death_report.html", {
            "person": person, "form": form, "pension": standing, "today": today,
            "reported": DeathReport.objects.filter(person=person).first()})

    if request.method == "POST":
        if not has_permission(request.user, PENSIONS_HANDLE):
            raise PermissionDenied
        return submit(request, DeathForm(request.POST),
                      lambda data: services.report_death(actor=request.user, person=person, died_on=data["died_on"],
                                                         today=today),
                      success=f"已登记 {person.name} 的死亡报告。",
                      done=lambda report: redirect("pensions:benefits-detail", pk=standing.pk) if standing
                      else redirect("pensions:benefits-deaths"),
                      redisplay=redisplay)
    return redisplay(DeathForm(initial={"died_on": today}))


urlpatterns = [
    path("benefits/", pension_list, name="benefits-list"),
    path("benefits.xlsx", pension_export, name="benefits-export"),
    path("benefits/apply/<int:person_pk>/", pension_apply, name="benefits-apply"),
    path("benefits/<int:pk>/", pension_detail, name="benefits-detail"),
    path("benefits/<int:pk>/act/", pension_act, name="benefits-act"),
    path("benefits/<int:pk>/recover/", pension_recover, name="benefits-recover"),
    path("benefits/roll/", roll, name="benefits-roll"),
    path("benefits/roll/make/", roll_make, name="benefits-roll-make"),
    path("benefits/roll.xlsx", roll_export, name="benefits-roll-export"),
    path("benefits/deaths/", deaths, name="benefits-deaths"),
    path("benefits/deaths/<int:person_pk>/", death_report, name="benefits-death-report"),
]
