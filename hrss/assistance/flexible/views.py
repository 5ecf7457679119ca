"""The flexible part's pages (under /assistance/, url names prefixed "flexible-"): the 灵活就业台账 with its filters and
.xlsx, the registration form, a registration with its verification, end and subsidy application, the subsidy
applications and the queue, a subsidy with its moves and periods, the quarter's roll and its .xlsx. Views only
translate: the writes are services.py's, the reads selectors.py's, through core.scoping."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.assistance.flexible import rules, selectors, services
from hrss.assistance.flexible.chains import FLEXIBLE_SUBSIDY, forward_label
from hrss.assistance.flexible.forms import (
    DecisionForm,
    EndForm,
    PeriodForm,
    RegistrationForm,
    SubsidyApplyForm,
    VerifyForm,
)
from hrss.assistance.models import FlexibleRegistration, FlexibleSubsidy
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.core import pages, review, scoping, workdays
from hrss.core.forms import submit
from hrss.core.models import ReviewDecision
from hrss.core.permissions import has_permission, staff_view
from hrss.residents.models import FlexibleForm, Person
from hrss.residents.permissions import RESIDENT_VIEW

Action = ReviewDecision.Action
ACTION_BUTTONS = {
    Action.FORWARD: ("通过，报下一环节", "btn-success"),
    Action.APPROVE: ("审批通过", "btn-success"),
    Action.RESUBMIT: ("已补正，重新提交", "btn-success"),
    Action.RETURN: ("退回补正", "btn-warning"),
    Action.REJECT: ("不予批准", "btn-outline-danger"),
    Action.WITHDRAW: ("撤回申请", "btn-outline-secondary"),
}


def _roles(user, roles):
    return has_permission(user, ASSISTANCE_HANDLE) and bool(set(user.role_list) & roles)


def _filters(request):
    return {"state": request.GET.get("state", ""), "form": request.GET.get("form", ""),
            "insured": request.GET.get("insured", ""), "late": request.GET.get("late", "")}


def _query(region, filters):
    return "&".join([f"region={region.code}", *(f"{key}={value}" for key, value in filters.items() if value)])


@staff_view(ASSISTANCE_VIEW)
def ledger(request):
    """灵活就业台账: the registrations of a region, filtered, 50 a page."""
    region = scoping.region_from_request(request)
    filters = _filters(request)
    found = selectors.registrations(request.user, region, **filters)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    places = selectors.place_names((r.region_code for r in page), below=region)
    return render(request, "assistance/flexible/ledger.html", {
        "region": region, "page": page, "places": places,
        "total": found.count(), "filters": filters, "query": _query(region, filters),
        "states": [(key, label) for key, (label, _q) in selectors.STATES.items()], "forms": FlexibleForm.choices,
        "can_see_people": has_permission(request.user, RESIDENT_VIEW)})


@staff_view(ASSISTANCE_VIEW)
def ledger_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    header, rows = selectors.ledger_rows(request.user, region, **_filters(request))
    return pages.xlsx_download(request, [("灵活就业台账", header, rows)], f"灵活就业台账-{region.name}-{today:%Y%m%d}.xlsx",
                               action="assistance.flexible_ledger.exported", target=region, after={"rows": len(rows)})


@staff_view(ASSISTANCE_HANDLE)
def register(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    today = timezone.localdate()
    form = RegistrationForm(request.POST or None, initial={"started_on": today, "phone": person.phone})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.register_flexible(
                actor=request.user, person=person, form=data["form"], work=data["work"], place=data["place"],
                started_on=data["started_on"], income_band=data["income_band"],
                pays_insurance=data["pays_insurance"], phone=data["phone"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            late = "（开始从业已超过登记时限，已标记为逾期登记）" if registration.is_late else ""
            messages.success(request, f"已登记 {person.name} 的灵活就业，台账状态已更新为灵活就业{late}。")
            return redirect("assistance:flexible-detail", pk=registration.pk)
    return render(request, "assistance/flexible/register.html", {
        "person": person, "form": form, "days_allowed": rules.days_allowed(today),
        "can_register": _roles(request.user, services.REGISTRATION_ROLES),
        "current": selectors.active_registration(person)})


def _registration(request, pk):
    return scoping.get_visible_or_404(FlexibleRegistration.objects.select_related("person", "verified_by"),
                                      request.user, pk=pk)


@staff_view(ASSISTANCE_VIEW)
def detail(request, pk, verify_form=None, end_form=None, apply_form=None):
    registration = _registration(request, pk)
    today = timezone.localdate()
    can_apply = _roles(request.user, FLEXIBLE_SUBSIDY.intake.roles) and registration.is_active
    return render(request, "assistance/flexible/detail.html", {
        "registration": registration, "person": registration.person,
        "subsidies": scoping.visible_to(request.user, registration.subsidies.select_related("case")),
        "can_verify": _roles(request.user, services.VERIFY_ROLES) and registration.is_active
        and registration.verified_on is None,
        "can_end": _roles(request.user, services.REGISTRATION_ROLES) and registration.is_active,
        "can_apply": can_apply,
        "apply_problems": services.subsidy_problems(registration=registration, today=today) if can_apply else [],
        "verify_form": verify_form or VerifyForm(initial={"verified_on": today}),
        "end_form": end_form or EndForm(initial={"ended_on": today}),
        "apply_form": apply_form or SubsidyApplyForm(),
        "can_see_person": has_permission(request.user, RESIDENT_VIEW)})


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def verify(request, pk):
    registration = _registration(request, pk)
    return submit(request, VerifyForm(request.POST), lambda data: services.verify_flexible(
        actor=request.user, registration=registration, verified_on=data["verified_on"], note=data["note"]),
        success="已核实。", done=lambda _: redirect("assistance:flexible-detail", pk=pk),
        redisplay=lambda form: detail(request, pk, verify_form=form))


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def end(request, pk):
    registration = _registration(request, pk)
    return submit(request, EndForm(request.POST), lambda data: services.end_flexible(
        actor=request.user, registration=registration, ended_on=data["ended_on"], reason=data["reason"],
        note=data["note"]),
        success="已终止灵活就业登记。", done=lambda _: redirect("assistance:flexible-detail", pk=pk),
        redisplay=lambda form: detail(request, pk, end_form=form))


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def subsidy_apply(request, pk):
    registration = _registration(request, pk)
    return submit(request, SubsidyApplyForm(request.POST), lambda data: services.apply_for_subsidy(
        actor=request.user, registration=registration, note=data["note"]),
        success="已受理灵活就业社保补贴申请，已报乡镇(街道)审核。",
        done=lambda subsidy: redirect("assistance:flexible-subsidy-detail", pk=subsidy.pk),
        redisplay=lambda form: detail(request, pk, apply_form=form))


def _step_label(case):
    return "退回村(社区)补正" if case.status == "returned" else FLEXIBLE_SUBSIDY.step(case.step).label


def _state_label(subsidy):
    return _step_label(subsidy.case) if subsidy.case.is_open else subsidy.case.get_status_display()


@staff_view(ASSISTANCE_VIEW)
def subsidies(request):
    region = scoping.region_from_request(request)
    state = request.GET.get("state", "")
    calendar = workdays.Calendar.load()
    waiting = [(case, review.timing(case, calendar), _step_label(case)) for case in
               review.queue_for(request.user, case_type=FLEXIBLE_SUBSIDY.case_type)
               .select_related("flexible_subsidy__person")[:200]] if has_permission(request.user,
                                                                                     ASSISTANCE_HANDLE) else []
    page = Paginator(selectors.subsidies(request.user, region, state=state), 50).get_page(request.GET.get("page"))
    return render(request, "assistance/flexible/subsidies.html", {
        "region": region, "state": state, "waiting": waiting, "page": page,
        "rows": [(subsidy, _state_label(subsidy)) for subsidy in page],
        "states": [(key, label) for key, (label, _q) in selectors.SUBSIDY_STATES.items()]})


def _subsidy(request, pk):
    return scoping.get_visible_or_404(
        FlexibleSubsidy.objects.select_related("person", "case", "registration", "recognition"), request.user, pk=pk)


@staff_view(ASSISTANCE_VIEW)
def subsidy_detail(request, pk, decision_form=None, period_form=None):
    subsidy = _subsidy(request, pk)
    case = subsidy.case
    today = timezone.localdate()
    actions = review.allowed_actions(request.user, case) if has_permission(request.user, ASSISTANCE_HANDLE) else []
    year, quarter = rules.quarter_of(today)
    periods = list(subsidy.periods.all())
    return render(request, "assistance/flexible/subsidy_detail.html", {
        "subsidy": subsidy, "case": case, "person": subsidy.person, "step_label": _step_label(case),
        "timing": review.timing(case),
        "decisions": [(decision, FLEXIBLE_SUBSIDY.step(decision.step).label)
                      for decision in case.decisions.select_related("actor")],
        "buttons": [(action, forward_label(case) if action == Action.FORWARD else ACTION_BUTTONS[action][0],
                     ACTION_BUTTONS[action][1]) for action in actions],
        "form": decision_form or DecisionForm(initial={"version": case.version}),
        "rule": rules.subsidy_rule(subsidy.applied_on),
        "entitlement_end": services.entitlement_end(subsidy),
        "periods": [(p, rules.quarter_label(p.year, p.quarter)) for p in periods],
        "paid_total": sum(p.subsidy_amount for p in periods),
        "can_record": case.status == "approved" and _roles(request.user, services.PERIOD_ROLES),
        "period_form": period_form or PeriodForm(initial={
            "year": year, "quarter": quarter, "months": services.months_allowed(subsidy, year, quarter) or 1}),
        "can_see_person": has_permission(request.user, RESIDENT_VIEW)})


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def subsidy_act(request, pk):
    subsidy = _subsidy(request, pk)
    form = DecisionForm(request.POST)
    return submit(request, form, lambda data: services.decide_subsidy(
        actor=request.user, subsidy=subsidy, action=data["action"], version=data["version"], reason=data["reason"]),
        success=lambda _: f"已办理：{Action(form.cleaned_data['action']).label}。",
        done=lambda _: redirect("assistance:flexible-subsidy-detail", pk=pk),
        changed=lambda: redirect("assistance:flexible-subsidy-detail", pk=pk),
        redisplay=lambda form: subsidy_detail(request, pk, decision_form=form))


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def subsidy_period(request, pk):
    subsidy = _subsidy(request, pk)
    return submit(request, PeriodForm(request.POST), lambda data: services.record_period(
        actor=request.user, subsidy=subsidy, year=data["year"], quarter=data["quarter"], months=data["months"],
        paid_amount=data["paid_amount"], proof=data["proof"]),
        success=lambda period: f"已录入{rules.quarter_label(period.year, period.quarter)}：补贴 "
                               f"{period.subsidy_amount:.2f} 元。",
        done=lambda _: redirect("assistance:flexible-subsidy-detail", pk=pk),
        redisplay=lambda form: subsidy_detail(request, pk, period_form=form))


def _quarter(request):
    year, quarter = rules.quarter_of(timezone.localdate())
    try:
        asked_year, asked_quarter = int(request.GET.get("year", year)), int(request.GET.get("quarter", quarter))
    except ValueError:
        return year, quarter
    if 2000 <= asked_year <= 2100 and asked_quarter in (1, 2, 3, 4):
        return asked_year, asked_quarter
    return year, quarter


@staff_view(ASSISTANCE_VIEW)
def roll(request):
    """The quarter's roll (季度补贴名册): the periods recorded for that quarter in the region."""
    region = scoping.region_from_request(request)
    year, quarter = _quarter(request)
    found = selectors.periods(request.user, region, year=year, quarter=quarter)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    places = selectors.place_names((p.region_code for p in page), below=region)
    previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    following = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return render(request, "assistance/flexible/roll.html", {
        "region": region, "year": year, "quarter": quarter, "label": rules.quarter_label(year, quarter),
        "page": page, "places": places, "count": found.count(),
        "total": selectors.total(found), "previous": previous, "following": following})


@staff_view(ASSISTANCE_VIEW)
def roll_export(request):
    region = scoping.region_from_request(request)
    year, quarter = _quarter(request)
    header, rows = selectors.roll_rows(request.user, region, year, quarter)
    return pages.xlsx_download(request, [(f"{year}年第{quarter}季度", header, rows)],
                               f"灵活就业社保补贴名册-{region.name}-{year}Q{quarter}.xlsx",
                               action="assistance.flexible_roll.exported", target=region, after={"rows": len(rows)})


urlpatterns = [
    path("flexible/", ledger, name="flexible-ledger"),
    path("flexible/ledger.xlsx", ledger_export, name="flexible-ledger-export"),
    path("flexible/register/<int:person_pk>/", register, name="flexible-register"),
    path("flexible/<int:pk>/", detail, name="flexible-detail"),
    path("flexible/<int:pk>/verify/", verify, name="flexible-verify"),
    path("flexible/<int:pk>/end/", end, name="flexible-end"),
    path("flexible/<int:pk>/subsidy/", subsidy_apply, name="flexible-subsidy-apply"),
    path("flexible/subsidies/", subsidies, name="flexible-subsidies"),
    path("flexible/subsidies/<int:pk>/", subsidy_detail, name="flexible-subsidy-detail"),
    path("flexible/subsidies/<int:pk>/act/", subsidy_act, name="flexible-subsidy-act"),
    path("flexible/subsidies/<int:pk>/periods/", subsidy_period, name="flexible-subsidy-period"),
    path("flexible/roll/", roll, name="flexible-roll"),
    path("flexible/roll.xlsx", roll_export, name="flexible-roll-export"),
]
