from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hrss.core import review, scoping, workdays
from hrss.core.forms import form_errors_text
from hrss.core.models import ReviewDecision
from hrss.core.permissions import Permission, has_permission, staff_view
from hrss.employment import services
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.employment.forms import DecisionForm, UnemploymentApplicationForm
from hrss.employment.models import Document, UnemploymentRegistration
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
