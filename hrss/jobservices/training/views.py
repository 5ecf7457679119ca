"""Pages of the training part (url names prefixed training-): the course ledger and a course's page with its
trainees, the enrolment ledger, the wishes of a region (and the people whose ledger says 培训意愿 without a coded
wish: 待细化), the subsidy claims' queue and a claim's page, KPI 4 and its drill-down, and the .xlsx ledgers.
They only translate: the services check the rules, and everything is fetched through core.scoping."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import pages, ratelimit, review, scoping, workdays
from hrss.core.forms import form_errors_text
from hrss.core.models import ReviewDecision
from hrss.core.permissions import has_permission, staff_view
from hrss.jobservices.models import Course, Enrolment, SubsidyClaim, TrainingWish
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW
from hrss.jobservices.training import exports, kpi, selectors, services
from hrss.jobservices.training.chains import TRAINING_SUBSIDY
from hrss.jobservices.training.forms import (
    AttendanceForm,
    ClaimForm,
    CompletionForm,
    CourseForm,
    DecisionForm,
    DropForm,
    EnrolForm,
    WishForm,
)
from hrss.residents.models import Person

Action = ReviewDecision.Action

ACTION_BUTTONS = {
    Action.FORWARD: ("复核通过，报县(区)审批", "btn-success"),
    Action.APPROVE: ("审批通过", "btn-success"),
    Action.RESUBMIT: ("已补正，重新申报", "btn-success"),
    Action.RETURN: ("退回补正", "btn-warning"),
    Action.REJECT: ("不予补贴", "btn-outline-danger"),
    Action.WITHDRAW: ("撤回申报", "btn-outline-secondary"),
}


def _can_handle(user):
    return has_permission(user, JOBSERVICES_HANDLE)


def _named(page, region):
    """Each row of the page with its village's name (`place`), read from `region` down."""
    places = selectors.place_names([row.region_code for row in page], region)
    for row in page:
        row.place = places.get(row.region_code, row.region_code)
    return page


def _messages(error):
    return "；".join(getattr(error, "messages", [str(error)]))


# --- courses ----------------------------------------------------------------------------------------------------


@staff_view(JOBSERVICES_VIEW)
def courses(request):
    region = scoping.region_from_request(request)
    rows = selectors.courses(request.user, region).order_by("-starts_on", "-pk")
    page = Paginator(selectors.with_places_taken(rows), 50).get_page(request.GET.get("page"))
    return render(request, "jobservices/training/courses.html", {
        "region": region, "page": page, "can_create": _can_handle(request.user)
        and bool(set(request.user.role_list) & services.COURSE_ROLES),
        "breadcrumb": scoping.breadcrumb(request.user, region), "tab": "courses"})


@staff_view(JOBSERVICES_HANDLE)
def course_new(request):
    form = CourseForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            course = services.create_course(
                actor=request.user, name=data["name"], provider_name=data["provider_name"],
                provider_code=data["provider_code"], kind=data["kind"], occupation_code=data["occupation_code"],
                region_code=data["region"].code, starts_on=data["starts_on"], ends_on=data["ends_on"],
                hours=data["hours"], places=data["places"], free=data["free"], fee=data["fee"] or 0)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已登记培训班“{course.name}”。")
            return redirect("jobservices:training-course-detail", pk=course.pk)
    return render(request, "jobservices/training/course_new.html", {"form": form, "tab": "courses"})


@staff_view(JOBSERVICES_VIEW)
def course_detail(request, pk):
    course = scoping.get_visible_or_404(Course, request.user, pk=pk)
    enrolments = scoping.visible_to(request.user, course.enrolments.select_related("person")).order_by(
        "status", "person__name", "pk")
    can_run = _can_handle(request.user) and bool(set(request.user.role_list) & services.COURSE_ROLES)
    can_claim = _can_handle(request.user) and bool(set(request.user.role_list) & TRAINING_SUBSIDY.intake.roles)
    today = timezone.localdate()
    return render(request, "jobservices/training/course_detail.html", {
        "course": course, "enrolments": enrolments, "taken": services.places_taken(course),
        "occupation": services.occupation_label(course.occupation_code), "can_run": can_run,
        "open": course.ends_on >= today, "enrol_form": EnrolForm(), "attendance_form": AttendanceForm(),
        "completion_form": CompletionForm(auto_id=False, initial={"completed_on": min(today, course.ends_on)}),
        "drop_form": DropForm(), "claim_form": ClaimForm(),
        "claimable": services.claimable_enrolments(course) if can_claim and course.ends_on <= today else [],
        "can_claim": can_claim and course.ends_on <= today,
        "claims": scoping.visible_to(request.user, course.claims.select_related("case")).order_by("-pk"),
        "tab": "courses"})


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def course_enrol(request, pk):
    course = scoping.get_visible_or_404(Course, request.user, pk=pk)
    form = EnrolForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("jobservices:training-course-detail", pk=pk)
    number = form.cleaned_data["id_number"].strip().upper()
    person = scoping.visible_to(request.user, Person.objects.filter(id_number=number)).first()
    if person is None:
        messages.error(request, f"台账中没有公民身份号码为 {number} 的人员，或其不在您的管辖范围内。")
        return redirect("jobservices:training-course-detail", pk=pk)
    try:
        services.enrol(actor=request.user, course=course, person=person)
    except ValidationError as error:
        messages.error(request, _messages(error))
    else:
        messages.success(request, f"{person.name} 已报名。")
    return redirect("jobservices:training-course-detail", pk=pk)


def _on_enrolment(request, pk, form_class, service, done):
    enrolment = scoping.get_visible_or_404(Enrolment.objects.select_related("course", "person"), request.user, pk=pk)
    scoping.get_visible_or_404(Course, request.user, pk=enrolment.course_id)  # the course's office only
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, enrolment=enrolment, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _messages(error))
        else:
            messages.success(request, done)
    else:
        messages.error(request, form_errors_text(form))
    return redirect("jobservices:training-course-detail", pk=enrolment.course_id)


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def enrolment_attendance(request, pk):
    return _on_enrolment(request, pk, AttendanceForm, services.record_attendance, "已登记出勤课时。")


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def enrolment_complete(request, pk):
    return _on_enrolment(request, pk, CompletionForm, services.complete, "已办理结业。")


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def enrolment_drop(request, pk):
    return _on_enrolment(request, pk, DropForm, services.drop, "已办理退学。")


@staff_view(JOBSERVICES_VIEW)
def enrolments(request):
    region = scoping.region_from_request(request)
    rows = selectors.enrolments(request.user, region).select_related("person", "course").order_by(
        "-enrolled_on", "-pk")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "jobservices/training/enrolments.html", {
        "region": region, "page": _named(page, region),
        "breadcrumb": scoping.breadcrumb(request.user, region), "tab": "enrolments"})


# --- wishes -----------------------------------------------------------------------------------------------------


@staff_view(JOBSERVICES_VIEW)
def wishes(request):
    region = scoping.region_from_request(request)
    show = request.GET.get("show", "open")
    if show == "uncoded":
        rows = selectors.uncoded_wishes(request.user, region).order_by("region_code", "name", "pk")
    else:
        show = "open"
        rows = selectors.open_wishes(request.user, region).select_related("person").order_by(
            "region_code", "person__name", "pk")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    if show == "open":
        for wish in page:
            wish.occupation = services.occupation_label(wish.occupation_code)
    return render(request, "jobservices/training/wishes.html", {
        "region": region, "page": _named(page, region), "show": show,
        "counts": {"open": selectors.open_wishes(request.user, region).count(),
                   "uncoded": selectors.uncoded_wishes(request.user, region).count()},
        "can_handle": _can_handle(request.user),
        "breadcrumb": scoping.breadcrumb(request.user, region), "tab": "wishes"})


@staff_view(JOBSERVICES_HANDLE)
def wish_new(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    form = WishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_training_wish(actor=request.user, person=person, occupation_code=data["occupation_code"],
                                          kind=data["kind"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已登记 {person.name} 的培训意愿。")
            return redirect("residents:person-detail", pk=person.pk)
    return render(request, "jobservices/training/wish_new.html", {
        "person": person, "form": form, "wishes": person.training_wishes.order_by("-recorded_on", "-pk"),
        "tab": "wishes"})


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def wish_withdraw(request, pk):
    wish = scoping.get_visible_or_404(TrainingWish.objects.select_related("person"), request.user, pk=pk)
    try:
        services.withdraw_training_wish(actor=request.user, wish=wish, reason=request.POST.get("reason", "")[:200])
    except ValidationError as error:
        messages.error(request, _messages(error))
    else:
        messages.success(request, "已撤销该培训意愿。")
    return redirect("residents:person-detail", pk=wish.person_id)


# --- subsidy claims ---------------------------------------------------------------------------------------------


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def claim_new(request, pk):
    course = scoping.get_visible_or_404(Course, request.user, pk=pk)
    form = ClaimForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("jobservices:training-course-detail", pk=pk)
    try:
        claim = services.prepare_subsidy_claim(actor=request.user, course=course, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, _messages(error))
        return redirect("jobservices:training-course-detail", pk=pk)
    messages.success(request, f"已申报培训补贴 {claim.total} 元，报县(区)经办。")
    return redirect("jobservices:training-claim-detail", pk=claim.pk)


@staff_view(JOBSERVICES_VIEW)
def claims(request):
    calendar = workdays.Calendar.load()
    cases = list(review.queue_for(request.user, case_type=TRAINING_SUBSIDY.case_type)
                 .select_related("training_subsidy_claim__course")[:200])
    rows = [(case, review.timing(case, calendar), TRAINING_SUBSIDY.step(case.step).label) for case in cases]
    return render(request, "jobservices/training/claims.html", {"rows": rows, "tab": "claims"})


@staff_view(JOBSERVICES_VIEW)
def claim_detail(request, pk):
    claim = scoping.get_visible_or_404(SubsidyClaim.objects.select_related("course", "case", "prepared_by"),
                                       request.user, pk=pk)
    case = claim.case
    actions = review.allowed_actions(request.user, case) if _can_handle(request.user) else []
    if not services.is_preparing_office(request.user, claim):
        actions = [action for action in actions if action not in services.OFFICE_MOVES]
    return render(request, "jobservices/training/claim_detail.html", {
        "claim": claim, "case": case, "course": claim.course,
        "lines": claim.lines.select_related("enrolment__person").order_by("enrolment__person__name", "pk"),
        "step_label": TRAINING_SUBSIDY.step(case.step).label, "timing": review.timing(case),
        "decisions": [(decision, TRAINING_SUBSIDY.step(decision.step).label)
                      for decision in case.decisions.select_related("actor")],
        "buttons": [(action, *ACTION_BUTTONS[action]) for action in actions if action in ACTION_BUTTONS],
        "form": DecisionForm(initial={"version": case.version}), "tab": "claims"})


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def claim_act(request, pk):
    claim = scoping.get_visible_or_404(SubsidyClaim.objects.select_related("course", "case"), request.user, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("jobservices:training-claim-detail", pk=pk)
    data = form.cleaned_data
    try:
        services.decide_subsidy_claim(actor=request.user, claim=claim, action=data["action"],
                                      version=data["version"], reason=data["reason"])
    except review.CaseChanged as error:
        messages.error(request, str(error))
    except (review.MoveRefused, ValidationError) as error:
        messages.error(request, _messages(error))
    else:
        messages.success(request, f"已{Action(data['action']).label}。")
    return redirect("jobservices:training-claim-detail", pk=pk)


# --- KPI 4 ------------------------------------------------------------------------------------------------------


def _as_of(request):
    """The day the KPI is counted on: ?on=YYYY-MM-DD (a month's end for the monthly report), today by default; a
    day to come is today."""
    today = timezone.localdate()
    try:
        day = datetime.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return today
    return min(day, today)


@staff_view(JOBSERVICES_VIEW)
def kpi_page(request):
    region = scoping.region_from_request(request)
    today = _as_of(request)
    total, children = kpi.figures(request.user, region, today)
    if request.GET.get("panel"):  # the statistics page's panel, loaded after that page (panels.rural_training)
        return render(request, "jobservices/training/_statistics_figures.html", {
            "total": total, "today": today, "definition": kpi.DEFINITION})
    return render(request, "jobservices/training/kpi.html", {
        "region": region, "today": today, "total": total, "children": children, "definition": kpi.DEFINITION,
        "breadcrumb": scoping.breadcrumb(request.user, region), "tab": "kpi"})


@staff_view(JOBSERVICES_VIEW)
def kpi_people(request):
    region = scoping.region_from_request(request)
    today = _as_of(request)
    page = Paginator(kpi.untrained_people(request.user, region, today), 50).get_page(request.GET.get("page"))
    wishes = selectors.wish_labels([person.pk for person in page])
    for person in page:
        person.wishes = wishes.get(person.pk, "台账：有培训意愿（待细化）")
    return render(request, "jobservices/training/kpi_people.html", {
        "region": region, "today": today, "page": _named(page, region), "on": today.isoformat(), "tab": "kpi"})


# --- .xlsx ledgers ----------------------------------------------------------------------------------------------


def _export(request, kind, action):
    region = scoping.region_from_request(request)
    title, header, rows = exports.ledger_rows(request.user, region, kind)
    return pages.xlsx_download(request, [(title, header, rows)],
                               f"{title}-{region.name}-{timezone.localdate():%Y%m%d}.xlsx",
                               action=action, target=region, after={"rows": len(rows)})


@staff_view(JOBSERVICES_VIEW)
@ratelimit.per_user("export")
def courses_export(request):
    return _export(request, "courses", "jobservices.training.courses_ledger.exported")


@staff_view(JOBSERVICES_VIEW)
@ratelimit.per_user("export")
def enrolments_export(request):
    return _export(request, "enrolments", "jobservices.training.enrolments_ledger.exported")


@staff_view(JOBSERVICES_VIEW)
@ratelimit.per_user("export")
def wishes_export(request):
    return _export(request, "wishes", "jobservices.training.wishes_ledger.exported")


urlpatterns = [
    path("training/courses/", courses, name="training-courses"),
    path("training/courses/new/", course_new, name="training-course-new"),
    path("training/courses/export/", courses_export, name="training-courses-export"),
    path("training/courses/<int:pk>/", course_detail, name="training-course-detail"),
    path("training/courses/<int:pk>/enrol/", course_enrol, name="training-course-enrol"),
    path("training/courses/<int:pk>/claim/", claim_new, name="training-claim-new"),
    path("training/enrolments/", enrolments, name="training-enrolments"),
    path("training/enrolments/export/", enrolments_export, name="training-enrolments-export"),
    path("training/enrolments/<int:pk>/attendance/", enrolment_attendance, name="training-enrolment-attendance"),
    path("training/enrolments/<int:pk>/complete/", enrolment_complete, name="training-enrolment-complete"),
    path("training/enrolments/<int:pk>/drop/", enrolment_drop, name="training-enrolment-drop"),
    path("training/wishes/", wishes, name="training-wishes"),
    path("training/wishes/export/", wishes_export, name="training-wishes-export"),
    path("training/wishes/new/<int:person_pk>/", wish_new, name="training-wish-new"),
    path("training/wishes/<int:pk>/withdraw/", wish_withdraw, name="training-wish-withdraw"),
    path("training/claims/", claims, name="training-claims"),
    path("training/claims/<int:pk>/", claim_detail, name="training-claim-detail"),
    path("training/claims/<int:pk>/act/", claim_act, name="training-claim-act"),
    path("training/kpi/", kpi_page, name="training-kpi"),
    path("training/kpi/people/", kpi_people, name="training-kpi-people"),
]
