from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from hrss.core import review, scoping, workdays
from hrss.core.forms import form_errors_text
from hrss.core.models import ReviewDecision
from hrss.core.permissions import Permission, has_permission, staff_view
from hrss.employment import certificates, services
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.employment.forms import CertificateActionForm, DecisionForm, UnemploymentApplicationForm
from hrss.employment.models import CertificateIssue, Document, EmploymentCertificate, UnemploymentRegistration
from hrss.residents.models import Person

# The buttons of the decision form, and whether each asks for a reason.
ACTION_BUTTONS = {
    ReviewDecision.Action.FORWARD: ("审核通过，报县(区)审批", "btn-success"),
    ReviewDecision.Action.APPROVE: ("审批通过，登记失业", "btn-success"),
    ReviewDecision.Action.RESUBMIT: ("已补正，重新提交", "btn-success"),
    ReviewDecision.Action.RETURN: ("退回补正", "btn-warning"),
    ReviewDecision.Action.REJECT: ("不予登记", "btn-outline-danger"),
    ReviewDecision.Action.WITHDRAW: ("撤回申请", "btn-outline-secondary"),
}


@staff_view(Permission.EMPLOYMENT_HANDLE)
def unemployment_apply(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    problems = services.unemployment_eligibility_problems(person)
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


@staff_view(Permission.EMPLOYMENT_VIEW)
def queue(request):
    calendar = workdays.Calendar.load()
    cases = list(review.queue_for(request.user, case_type=UNEMPLOYMENT_REGISTRATION.case_type)
                 .select_related("unemployment_registration__person")[:200])
    rows = [(case, review.timing(case, calendar), UNEMPLOYMENT_REGISTRATION.step(case.step).label) for case in cases]
    return render(request, "employment/queue.html", {"rows": rows})


@staff_view(Permission.EMPLOYMENT_VIEW)
def registration_detail(request, pk):
    registration = scoping.get_visible_or_404(
        UnemploymentRegistration.objects.select_related("person", "case"), request.user, pk=pk)
    case = registration.case
    actions = review.allowed_actions(request.user, case) \
        if has_permission(request.user, Permission.EMPLOYMENT_HANDLE) else []
    return render(request, "employment/registration_detail.html", {
        "registration": registration, "case": case, "person": registration.person,
        "step_label": UNEMPLOYMENT_REGISTRATION.step(case.step).label, "timing": review.timing(case),
        "decisions": [(decision, UNEMPLOYMENT_REGISTRATION.step(decision.step).label)
                      for decision in case.decisions.select_related("actor")],
        "documents": [str(Document(key).label) for key in registration.documents if key in Document.values],
        "buttons": [(action, *ACTION_BUTTONS[action]) for action in actions],
        "form": DecisionForm(initial={"version": case.version}),
        "certificate": registration.person.certificates.filter(status=EmploymentCertificate.Status.VALID).first(),
    })


@require_POST
@staff_view(Permission.EMPLOYMENT_HANDLE)
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


@staff_view(Permission.EMPLOYMENT_VIEW)
def certificate_list(request):
    """登记证发放台账: every paper handed out in the user's scope, newest first."""
    issues = CertificateIssue.objects.filter(certificate__in=scoping.visible_to(
        request.user, EmploymentCertificate.objects.all())).select_related("certificate__person", "issued_by")
    page = Paginator(issues.order_by("-issued_on", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "employment/certificate_list.html", {"page": page})


@staff_view(Permission.EMPLOYMENT_VIEW)
def certificate_detail(request, pk):
    certificate = scoping.get_visible_or_404(EmploymentCertificate.objects.select_related("person"), request.user,
                                             pk=pk)
    can_act = has_permission(request.user, Permission.EMPLOYMENT_HANDLE) and bool(
        set(request.user.role_list) & certificates.ISSUING_ROLES)
    return render(request, "employment/certificate_detail.html", {
        "certificate": certificate, "person": certificate.person,
        "issues": certificate.issues.select_related("issued_by"), "can_act": can_act,
        "can_print": has_permission(request.user, Permission.ID_NUMBER_REVEAL)})


@staff_view(Permission.ID_NUMBER_REVEAL)  # the printed page carries the full ID number
def certificate_print(request, pk):
    certificate = scoping.get_visible_or_404(EmploymentCertificate.objects.select_related("person"), request.user,
                                             pk=pk)
    response = HttpResponse(certificates.certificate_pdf(certificate, actor=request.user),
                            content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"{certificate.number}.pdf")
    return response


@require_POST
@staff_view(Permission.EMPLOYMENT_HANDLE)
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
