import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from hrss.core import pages, ratelimit, review, scoping, workdays
from hrss.core.forms import form_errors_text, submit
from hrss.core.models import ReviewCase, ReviewDecision
from hrss.core.permissions import has_permission, staff_view
from hrss.core.spreadsheets import SpreadsheetRefused, uploaded_file
from hrss.employment import certificates, employment_registration, exports, selectors, services
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.employment.forms import (
    CancelForm,
    CertificateActionForm,
    ContactForm,
    CorrectionForm,
    DecisionForm,
    EmploymentRegistrationForm,
    HiresForm,
    UnemploymentApplicationForm,
)
from hrss.employment.models import Document, EmploymentCertificate, UnemploymentRegistration
from hrss.employment.permissions import EMPLOYMENT_HANDLE, EMPLOYMENT_VIEW
from hrss.residents.models import Person
from hrss.residents.permissions import ID_NUMBER_REVEAL
from hrss.residents.selectors import URBAN_DEFINITION

# Forwarding says what the step did and names the next step from the chain ("审核通过，报县(区)经办（经办员复核）").
FORWARD_VERBS = {"township_review": "审核通过", "county_handling": "复核通过"}


def forward_label(case):
    following = UNEMPLOYMENT_REGISTRATION.after(case.step)
    return f"{FORWARD_VERBS.get(case.step, '通过')}，报{following.label}" if following else "通过"

# The buttons of the decision form, and whether each asks for a reason.
ACTION_BUTTONS = {
    ReviewDecision.Action.FORWARD: ("通过，报下一环节", "btn-success"),  # named by forward_label
    ReviewDecision.Action.APPROVE: ("审批通过，登记失业", "btn-success"),
    ReviewDecision.Action.RESUBMIT: ("已补正，重新提交", "btn-success"),
    ReviewDecision.Action.RETURN: ("退回补正", "btn-warning"),
    ReviewDecision.Action.REJECT: ("不予登记", "btn-outline-danger"),
    ReviewDecision.Action.WITHDRAW: ("撤回申请", "btn-outline-secondary"),
}


@staff_view(EMPLOYMENT_HANDLE)
def unemployment_apply(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    problems = services.unemployment_eligibility_problems(person)
    if not set(request.user.role_list) & UNEMPLOYMENT_REGISTRATION.intake.roles:
        # Said before the form is filled in, not after: the service would refuse (and audit) the submission.
        problems.insert(0, "失业登记由申请人所在村(社区)的协理员受理初审，您的角色不能受理。")
    form = UnemploymentApplicationForm(request.POST or None, initial={"phone": person.phone})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.apply_for_unemployment_registration(
                actor=request.user, person=person, category=data["category"], wants_work=data["wants_work"],
                able_to_work=data["able_to_work"], documents=data["documents"], last_employer=data["last_employer"],
                left_job_on=data["left_job_on"], phone=data["phone"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已受理 {person.name} 的失业登记，已报乡镇(街道)审核。")
            return redirect("employment:registration-detail", pk=registration.pk)
    return render(request, "employment/unemployment_apply.html", {
        "person": person, "form": form, "problems": problems})


@staff_view(EMPLOYMENT_VIEW)
def queue(request):
    calendar = workdays.Calendar.load()
    cases = list(review.queue_for(request.user, case_type=UNEMPLOYMENT_REGISTRATION.case_type)
                 .select_related("unemployment_registration__person")[:200])
    # A case sent back shows why, so the assistant knows what to correct before opening it.
    returned = {case.pk for case in cases if case.status == ReviewCase.Status.RETURNED}
    reasons = {}
    for case_id, reason in ReviewDecision.objects.filter(case_id__in=returned, action=ReviewDecision.Action.RETURN
                                                         ).order_by("id").values_list("case_id", "reason"):
        reasons[case_id] = reason  # the latest return's
    rows = [(case, review.timing(case, calendar), UNEMPLOYMENT_REGISTRATION.step(case.step).label,
             reasons.get(case.pk, "")) for case in cases]
    return render(request, "employment/queue.html", {"rows": rows})


@staff_view(EMPLOYMENT_VIEW)
def registration_detail(request, pk, correction_form=None):
    registration = scoping.get_visible_or_404(
        UnemploymentRegistration.objects.select_related("person", "case"), request.user, pk=pk)
    case = registration.case
    actions = review.allowed_actions(request.user, case) \
        if has_permission(request.user, EMPLOYMENT_HANDLE) else []
    return render(request, "employment/registration_detail.html", {
        "registration": registration, "case": case, "person": registration.person,
        "step_label": UNEMPLOYMENT_REGISTRATION.step(case.step).label, "timing": review.timing(case),
        "decisions": [(decision, UNEMPLOYMENT_REGISTRATION.step(decision.step).label)
                      for decision in case.decisions.select_related("actor")],
        "documents": [str(Document(key).label) for key in registration.documents if key in Document.values],
        "buttons": [(action, forward_label(case) if action == ReviewDecision.Action.FORWARD
                     else ACTION_BUTTONS[action][0],
                     ACTION_BUTTONS[action][1]) for action in actions],
        "form": DecisionForm(initial={"version": case.version}),
        "correction_form": correction_form or CorrectionForm(auto_id="correct_%s", initial={
            "version": case.version, "category": registration.category, "left_job_on": registration.left_job_on,
            "last_employer": registration.last_employer, "phone": registration.phone,
            "documents": registration.documents}) if ReviewDecision.Action.RESUBMIT in actions else None,
        "certificate": registration.person.certificates.filter(status=EmploymentCertificate.Status.VALID).first(),
        "contacts": registration.contacts.select_related("recorded_by"),
        "contact_form": ContactForm(initial={"contacted_on": timezone.localdate()}),
        "cancel_form": CancelForm(initial={"effective_date": timezone.localdate()}),
        "can_manage": registration.status == UnemploymentRegistration.Status.REGISTERED
        and has_permission(request.user, EMPLOYMENT_HANDLE),
        "can_cancel": bool(set(request.user.role_list) & services.CANCELLING_ROLES),
        # A hire from before the registration date: the person held a job when registered (登记时已就业).
        "held_a_job": selectors.hires_before_registration([registration]).get(registration.pk),
    })


@require_POST
@staff_view(EMPLOYMENT_HANDLE)
def registration_act(request, pk):
    registration = scoping.get_visible_or_404(
        UnemploymentRegistration.objects.select_related("person", "case"), request.user, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("employment:registration-detail", pk=pk)
    data = form.cleaned_data
    try:
        services.decide_unemployment_registration(actor=request.user, registration=registration,
                                                  action=data["action"], version=data["version"],
                                                  reason=data["reason"])
    except review.CaseChanged as error:
        messages.error(request, str(error))
    except (review.MoveRefused, ValidationError) as error:
        messages.error(request, "；".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, f"已{ReviewDecision.Action(data['action']).label}。")
    return redirect("employment:registration-detail", pk=pk)


@require_POST
@staff_view(EMPLOYMENT_HANDLE)
def registration_correct(request, pk):
    """补正: the returned application's fields as the village assistant corrected them; the page again, with
    what to fix kept in the form, when they are refused."""
    registration = scoping.get_visible_or_404(
        UnemploymentRegistration.objects.select_related("person", "case"), request.user, pk=pk)
    form = CorrectionForm(request.POST, auto_id="correct_%s")  # beside the decision form: ids of its own
    return submit(request, form, lambda data: services.correct_unemployment_application(
        actor=request.user, registration=registration, version=data["version"], category=data["category"],
        documents=data["documents"], last_employer=data["last_employer"], left_job_on=data["left_job_on"],
        phone=data["phone"]),
        success="已保存更正。核对无误后请点击“已补正，重新提交”。",
        done=lambda _: redirect("employment:registration-detail", pk=pk),
        changed=lambda: redirect("employment:registration-detail", pk=pk),
        redisplay=lambda form: registration_detail(request, pk, correction_form=form))


@staff_view(EMPLOYMENT_VIEW)
def certificate_list(request):
    """登记证发放台账: every paper handed out in the region (the user's own by default), newest first."""
    issues = selectors.certificate_issues(request.user, scoping.region_from_request(request)).select_related(
        "certificate__person", "issued_by")
    page = Paginator(issues.order_by("-issued_on", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "employment/certificate_list.html", {"page": page})


@staff_view(EMPLOYMENT_VIEW)
def certificate_detail(request, pk):
    certificate = scoping.get_visible_or_404(EmploymentCertificate.objects.select_related("person"), request.user,
                                             pk=pk)
    can_act = has_permission(request.user, EMPLOYMENT_HANDLE) and bool(
        set(request.user.role_list) & certificates.ISSUING_ROLES)
    return render(request, "employment/certificate_detail.html", {
        "certificate": certificate, "person": certificate.person,
        "issues": certificate.issues.select_related("issued_by"), "can_act": can_act,
        "can_print": has_permission(request.user, ID_NUMBER_REVEAL)})


@staff_view(ID_NUMBER_REVEAL)  # the printed page carries the full ID number
def certificate_print(request, pk):
    certificate = scoping.get_visible_or_404(EmploymentCertificate.objects.select_related("person"), request.user,
                                             pk=pk)
    response = HttpResponse(certificates.certificate_pdf(certificate, actor=request.user),
                            content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"{certificate.number}.pdf")
    return response


@require_POST
@staff_view(EMPLOYMENT_HANDLE)
def certificate_act(request, pk):
    certificate = scoping.get_visible_or_404(EmploymentCertificate.objects.select_related("person"), request.user,
                                             pk=pk)
    form = CertificateActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("employment:certificate-detail", pk=pk)
    action, text = form.cleaned_data["action"], form.cleaned_data["text"]
    operation = {"reissue": (certificates.reissue_certificate, "reason", "已补发，证号不变。"),
                 "change": (certificates.record_certificate_change, "note", "已记录信息变更。"),
                 "cancel": (certificates.cancel_certificate, "reason", "登记证已注销。")}[action]
    try:
        operation[0](actor=request.user, certificate=certificate, **{operation[1]: text})
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, operation[2])
    return redirect("employment:certificate-detail", pk=pk)


@staff_view(EMPLOYMENT_HANDLE)
def employment_new(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    form = EmploymentRegistrationForm(request.POST or None, initial={"event_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = employment_registration.register_employment(
                actor=request.user, person=person, kind=data["kind"], event_date=data["event_date"],
                employer_name=data["employer_name"], employer_code=data["employer_code"],
                flexible_form=data["flexible_form"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            late = f"（逾期登记：超过{registration.days_allowed}天时限）" if registration.is_late else ""
            messages.success(request, f"已办理 {person.name} 的{registration.get_kind_display()}登记{late}。")
            if registration.warning:
                messages.warning(request, registration.warning)
            return redirect("residents:person-detail", pk=person.pk)
    return render(request, "employment/employment_new.html", {"person": person, "form": form})


@staff_view(EMPLOYMENT_HANDLE)
def hires(request):
    form = HiresForm(request.POST or None, request.FILES or None, actor=request.user,
                     initial={"hired_on": timezone.localdate()})
    registered, errors = [], []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["file"]:
                with uploaded_file(data["file"]) as path:
                    rows = [(number, cell, day or data["hired_on"], name)
                            for number, cell, day, name in employment_registration.hires_from_file(path)]
            else:
                rows = _pasted_hires(data["lines"], data["hired_on"])
            registered, errors = employment_registration.register_hires(
                actor=request.user, employer_name=data["employer_name"], employer_code=data["employer_code"],
                employer_region_code=data["employer_region"], hires=rows)
        except SpreadsheetRefused as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            form.add_error(None, error)
    scope = scoping.scope_of(request.user)
    # A worker from elsewhere: their name, as the list gave it, and nothing of their 失业登记.
    rows = [(registration, scope.contains_code(registration.person.region_code)) for registration in registered]
    return render(request, "employment/hires.html", {"form": form, "registered": rows, "errors": errors,
                                                     "submitted": request.method == "POST" and form.is_valid()})


def _pasted_hires(text, default_day):
    """(line number, ID number, date, name) per non-empty line of "号码[,日期[,姓名]]"."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        id_number, _, rest = line.replace("，", ",").partition(",")
        day, _, name = rest.partition(",")
        try:
            hired_on = datetime.date.fromisoformat(day.strip()) if day.strip() else default_day
        except ValueError:
            hired_on = None
        rows.append((number, id_number.strip(), hired_on, name.strip()))
    return rows


def _on_registration(request, pk, form_class, service, done):
    """A POST on a registration's page: the form, the service, a message, back to the page."""
    registration = scoping.get_visible_or_404(UnemploymentRegistration.objects.select_related("person"),
                                              request.user, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, registration=registration, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, done)
    else:
        messages.error(request, form_errors_text(form))
    return redirect("employment:registration-detail", pk=pk)


@require_POST
@staff_view(EMPLOYMENT_HANDLE)
def registration_contact(request, pk):
    return _on_registration(request, pk, ContactForm, services.record_contact, "已记录联系情况。")


@require_POST
@staff_view(EMPLOYMENT_HANDLE)
def registration_cancel(request, pk):
    return _on_registration(request, pk, CancelForm, services.cancel_unemployment_registration, "失业登记已注销。")


@staff_view(EMPLOYMENT_VIEW)
def proposals(request):
    return render(request, "employment/proposals.html", {
        "proposals": services.cancellation_proposals(request.user),
        "can_cancel": bool(set(request.user.role_list) & services.CANCELLING_ROLES),
        "today": timezone.localdate()})


def _month_from_request(request):
    try:
        return selectors.parse_month(request.GET.get("month", ""))
    except ValueError:
        today = timezone.localdate()
        return today.year, today.month


@staff_view(EMPLOYMENT_VIEW)
def ledgers(request):
    region = scoping.region_from_request(request)
    year, month = _month_from_request(request)
    children = list(scoping.regions_visible_to(request.user).filter(parent=region).order_by("code"))
    figures = selectors.monthly_figures(request.user, region, year, month)
    return render(request, "employment/ledgers.html", {
        "region": region, "month": f"{year}-{month:02d}", "year": year, "month_number": month,
        "figures": figures, "labels": selectors.FIGURES,
        "cards": [(key, label, getattr(figures, key), selectors.FIGURE_NOTES[key])
                  for key, label in selectors.FIGURES.items()],
        "rows": [(child, [getattr(child_figures, key) for key in selectors.FIGURES], child_figures.unemployment_rate)
                 for child, child_figures in selectors.monthly_figures_of_children(request.user, region, children,
                                                                                   year, month)],
        "urban_definition": URBAN_DEFINITION, "breadcrumb": scoping.breadcrumb(request.user, region)})


@staff_view(EMPLOYMENT_VIEW)
def ledger_people(request):
    region = scoping.region_from_request(request)
    year, month = _month_from_request(request)
    figure = request.GET.get("figure", "")
    if figure not in selectors.FIGURES:
        raise Http404
    people = selectors.people_behind(request.user, region, figure, year, month).order_by("region_code", "name")
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    scope = scoping.scope_of(request.user)
    # A worker from elsewhere hired here counts in this region's 城镇新增就业: named, but where they live and what
    # they do now is their home's business.
    in_scope = {person.pk for person in page if scope.contains_code(person.region_code)}
    return render(request, "employment/ledger_people.html", {
        "region": region, "month": f"{year}-{month:02d}", "label": selectors.FIGURES[figure], "page": page,
        "in_scope": in_scope, "places": selectors.place_names([person.region_code for person in page], region)})


LEDGER_EXPORTS = {
    "employment": "就业登记台账",
    "unemployment": "失业登记台账",
    "certificates": "登记证发放台账",
}


@staff_view(EMPLOYMENT_VIEW)
@ratelimit.per_user("export")
def ledger_export(request, kind):
    if kind not in LEDGER_EXPORTS:
        raise Http404
    region = scoping.region_from_request(request)
    header, rows = exports.ledger_rows(request.user, region, kind)
    return pages.xlsx_download(request, [(LEDGER_EXPORTS[kind], header, rows)],
                               f"{LEDGER_EXPORTS[kind]}-{region.name}-{timezone.localdate():%Y%m%d}.xlsx",
                               action=f"employment.{kind}_ledger.exported", target=region, after={"rows": len(rows)})


LEDGER_PAGES = {
    "employment": ("就业登记台账", selectors.employment_registrations, "-event_date"),
    "unemployment": ("失业登记台账", selectors.unemployment_registrations, "-applied_at"),
}


@staff_view(EMPLOYMENT_VIEW)
def ledger_page(request, kind):
    title, rows_for, order = LEDGER_PAGES[kind]
    region = scoping.region_from_request(request)
    rows = rows_for(request.user, region).select_related("person").order_by(order, "-id")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    scope = scoping.scope_of(request.user)
    # Hires of workers from elsewhere are on this ledger (registered where the employer is), but their person page
    # and 失业登记 are their home's: shown by name only.
    home_in_scope = {row.pk for row in page if scope.contains_code(row.person.region_code)}
    return render(request, f"employment/{kind}_ledger.html", {
        "title": title, "region": region, "page": page, "kind": kind, "home_in_scope": home_in_scope,
        "places": selectors.place_names([row.region_code for row in page], region)})
