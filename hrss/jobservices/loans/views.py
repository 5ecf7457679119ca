"""Pages of the loans part (mounted under /jobservices/, url names prefixed loans-): the applications and the queue,
the intake form, an application with its moves, a loan with its schedule, repayments and subsidy, the 贷款台账 and
its .xlsx, the people who want to start a business, the credit communities. Views only translate: the writes are
services.py's, the reads selectors.py's, through core.scoping."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import pages, review, scoping, workdays
from hrss.core.forms import submit
from hrss.core.models import ReviewDecision
from hrss.core.permissions import check_permission, has_permission, staff_view
from hrss.jobservices.loans import rules, selectors, services
from hrss.jobservices.loans.chains import LOAN_APPLICATION, forward_label
from hrss.jobservices.loans.forms import (
    CorrectionForm,
    CreditCommunityForm,
    DecisionForm,
    LoanApplicationForm,
    RepaymentForm,
    RevokeForm,
)
from hrss.jobservices.models import CreditCommunity, Document, Loan, LoanApplication
from hrss.jobservices.permissions import LOAN_HANDLE, LOAN_VIEW
from hrss.residents.models import Person
from hrss.residents.permissions import RESIDENT_VIEW

Action = ReviewDecision.Action
ACTION_BUTTONS = {
    Action.FORWARD: ("通过，报下一环节", "btn-success"),  # named by forward_label
    Action.APPROVE: ("审批通过，发放贷款", "btn-success"),
    Action.RESUBMIT: ("已补正，重新提交", "btn-success"),
    Action.RETURN: ("退回补正", "btn-warning"),
    Action.REJECT: ("不予贷款", "btn-outline-danger"),
    Action.WITHDRAW: ("撤回申请", "btn-outline-secondary"),
}


def _step_label(case):
    return "退回村(社区)补正" if case.status == "returned" else LOAN_APPLICATION.step(case.step).label


@staff_view(LOAN_VIEW)
def applications(request):
    region = scoping.region_from_request(request)
    calendar = workdays.Calendar.load()
    waiting = [(case, review.timing(case, calendar), _step_label(case)) for case in
               review.queue_for(request.user, case_type=LOAN_APPLICATION.case_type)
               .select_related("loan_application__person")[:200]]
    page = Paginator(selectors.applications(request.user, region), 50).get_page(request.GET.get("page"))
    rows = [(application, _step_label(application.case) if application.case.is_open
             else application.case.get_status_display()) for application in page]
    return render(request, "jobservices/loans/applications.html", {
        "can_see_people": has_permission(request.user, RESIDENT_VIEW),
        "region": region, "waiting": waiting, "rows": rows, "page": page})


@staff_view(LOAN_HANDLE)
def apply(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    today = timezone.localdate()
    problems = []
    if not set(request.user.role_list) & LOAN_APPLICATION.intake.roles:
        problems.append("创业担保贷款申请由申请人所在村(社区)的协理员受理初审，您的角色不能受理。")
    form = LoanApplicationForm(request.POST or None, initial={"phone": person.phone})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.apply_for_loan(
                actor=request.user, person=person, category=data["category"], borrower_kind=data["borrower_kind"],
                amount=data["amount"], term_months=data["term_months"], project=data["project"],
                documents=data["documents"], micro_profit=data["micro_profit"], partners=data["partners"] or 1,
                business_name=data["business_name"], guarantor=data["guarantor"], phone=data["phone"],
                note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已受理 {person.name} 的{rules.loan_name(today)}申请，已报乡镇(街道)审核。")
            return redirect("jobservices:loans-application-detail", pk=application.pk)
    limits = rules.limits_on(today)
    return render(request, "jobservices/loans/apply.html", {
        "person": person, "form": form, "problems": problems, "loan_name": rules.loan_name(today),
        "limits": limits, "subsidy_rule": rules.subsidy_rule_label(today),
        "credit_community": selectors.credit_community_on(person.region_code, today),
        "documents_by_category": [(rules.Category(category).label,
                                   "、".join(str(Document(d).label) for d in sorted(rules.required_documents(category))))
                                  for category in rules.categories_on(today)]})


def _application(request, pk):
    return scoping.get_visible_or_404(LoanApplication.objects.select_related("person", "case"), request.user, pk=pk)


CORRECTION_FIELDS = ("category", "borrower_kind", "partners", "business_name", "project", "micro_profit", "amount",
                     "term_months", "documents", "guarantor", "phone")


@staff_view(LOAN_VIEW)
def application_detail(request, pk, correction_form=None, decision_form=None):
    application = _application(request, pk)
    case = application.case
    actions = review.allowed_actions(request.user, case) if has_permission(request.user, LOAN_HANDLE) else []
    return render(request, "jobservices/loans/application_detail.html", {
        "application": application, "case": case, "person": application.person,
        "loan_name": rules.loan_name(application.applied_on), "step_label": _step_label(case),
        "timing": review.timing(case),
        "decisions": [(decision, LOAN_APPLICATION.step(decision.step).label)
                      for decision in case.decisions.select_related("actor")],
        "documents": [str(Document(key).label) for key in application.documents if key in Document.values],
        "limit": rules.limits_on(application.applied_on).amount(application.borrower_kind, application.partners),
        "buttons": [(action, forward_label(case) if action == Action.FORWARD else ACTION_BUTTONS[action][0],
                     ACTION_BUTTONS[action][1]) for action in actions],
        "grants": Action.APPROVE in actions,
        # A refused move shows the page again with what was typed (decision_form, bound) and its errors.
        "form": decision_form or DecisionForm(initial={"version": case.version, "principal": application.amount,
                                                       "term_months": application.term_months,
                                                       "start_date": timezone.localdate()}),
        "loan": Loan.objects.filter(application=application).first(),
        "can_see_person": has_permission(request.user, RESIDENT_VIEW),
        "correction_form": correction_form or CorrectionForm(auto_id="correct_%s", initial={
            "version": case.version, **{name: getattr(application, name) for name in CORRECTION_FIELDS}})
        if Action.RESUBMIT in actions else None,
    })


@require_POST
@staff_view(LOAN_HANDLE)
def application_correct(request, pk):
    application = _application(request, pk)
    form = CorrectionForm(request.POST, auto_id="correct_%s")
    return submit(request, form, lambda data: services.correct_loan_application(
        actor=request.user, application=application, version=data["version"], category=data["category"],
        borrower_kind=data["borrower_kind"], amount=data["amount"], term_months=data["term_months"],
        project=data["project"], documents=data["documents"], micro_profit=data["micro_profit"],
        partners=data["partners"] or 1, business_name=data["business_name"], guarantor=data["guarantor"],
        phone=data["phone"]),
        success="已保存更正；核对无误后请点击“已补正，重新提交”。",
        done=lambda _: redirect("jobservices:loans-application-detail", pk=pk),
        changed=lambda: redirect("jobservices:loans-application-detail", pk=pk),
        redisplay=lambda form: application_detail(request, pk, correction_form=form))


@require_POST
@staff_view(LOAN_HANDLE)
def application_act(request, pk):
    application = _application(request, pk)
    form = DecisionForm(request.POST)

    def decided(_):
        loan = Loan.objects.filter(application=application).first()
        if loan is not None:
            return redirect("jobservices:loans-loan-detail", pk=loan.pk)
        return redirect("jobservices:loans-application-detail", pk=pk)

    # A refusal is listed on the form one error a line, as the service listed them.
    return submit(request, form, lambda data: services.decide_loan_application(
        actor=request.user, application=application, action=data["action"], version=data["version"],
        reason=data["reason"], principal=data["principal"], annual_rate=data["annual_rate"],
        start_date=data["start_date"], method=data["method"], term_months=data["term_months"],
        contract_number=data["contract_number"]),
        success=lambda _: f"已办理：{Action(form.cleaned_data['action']).label}。", done=decided,
        changed=lambda: redirect("jobservices:loans-application-detail", pk=pk),
        redisplay=lambda form: application_detail(request, pk, decision_form=form))


def _loan(request, pk):
    return scoping.get_visible_or_404(Loan.objects.select_related("person", "application"), request.user, pk=pk)


@staff_view(LOAN_VIEW)
def loan_detail(request, pk, form=None):
    loan = _loan(request, pk)
    today = timezone.localdate()
    return render(request, "jobservices/loans/loan_detail.html", {
        "loan": loan, "person": loan.person, "summary": selectors.loan_summary(loan, today),
        "repayments": loan.repayments.select_related("recorded_by"),
        "subsidy_rule": rules.subsidy_rule_label(loan.application.applied_on),
        "can_repay": has_permission(request.user, LOAN_HANDLE)
        and bool(set(request.user.role_list) & services.REPAYMENT_ROLES),
        "form": form or RepaymentForm(initial={"paid_on": today}),
    })


@require_POST
@staff_view(LOAN_HANDLE)
def loan_repayment(request, pk):
    loan = _loan(request, pk)
    return submit(request, RepaymentForm(request.POST), lambda data: services.record_repayment(
        actor=request.user, loan=loan, paid_on=data["paid_on"], amount=data["amount"], note=data["note"]),
        success="已录入还款。", done=lambda _: redirect("jobservices:loans-loan-detail", pk=pk),
        redisplay=lambda form: loan_detail(request, pk, form=form))


@staff_view(LOAN_VIEW)
def ledger(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    overdue_only = bool(request.GET.get("overdue"))
    found = selectors.loans_with_overdue(request.user, today, region) if overdue_only \
        else selectors.loans(request.user, region)
    page = Paginator(selectors.with_figures(found, today), 50).get_page(request.GET.get("page"))
    rows = [(loan, *selectors.figures(loan, today)) for loan in page]
    return render(request, "jobservices/loans/ledger.html", {
        "can_see_people": has_permission(request.user, RESIDENT_VIEW),
        "region": region, "rows": rows, "page": page, "overdue_only": overdue_only,
        "overdue": selectors.overdue_instalments(request.user, today, region)[:200]})


@staff_view(LOAN_VIEW)
def ledger_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    header, rows = selectors.ledger_rows(request.user, region, today)
    return pages.xlsx_download(request, [("创业担保贷款台账", header, rows)],
                               f"创业担保贷款台账-{region.name}-{today:%Y%m%d}.xlsx",
                               action="jobservices.loan_ledger.exported", target=region, after={"rows": len(rows)})


@staff_view(LOAN_VIEW)
def wants_business(request):
    # The ledger's people: for the offices that keep the ledger, not for the guarantee agency or the bank.
    check_permission(request.user, RESIDENT_VIEW)
    region = scoping.region_from_request(request)
    people = selectors.wants_business(request.user, region)
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    places = selectors.place_names(person.region_code for person in page)
    return render(request, "jobservices/loans/wants_business.html", {
        "can_see_people": has_permission(request.user, RESIDENT_VIEW),
        "region": region, "page": page, "rows": [(person, places.get(person.region_code, "")) for person in page],
        "total": people.count(),
        "can_apply": has_permission(request.user, LOAN_HANDLE)
        and bool(set(request.user.role_list) & LOAN_APPLICATION.intake.roles)})


@staff_view(LOAN_VIEW)
def credit_communities(request):
    today = timezone.localdate()
    form = CreditCommunityForm(request.POST or None, user=request.user, initial={"marked_on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.mark_credit_community(actor=request.user, region_code=data["village"].code,
                                           marked_on=data["marked_on"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已将{data['village'].name}评定为信用社区。")
            return redirect("jobservices:loans-credit-communities")
    return _credit_communities_page(request, form)


def _credit_communities_page(request, form, revoking=None):
    """The list of credit communities with the marking form; `revoking` is (pk, bound RevokeForm) when a revoke
    was refused: that row's form shows open, with what was typed and its errors."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    marks = list(selectors.credit_communities(request.user, region)[:500])
    places = selectors.place_names(mark.region_code for mark in marks)
    fresh = RevokeForm(auto_id=False, initial={"revoked_on": today})
    return render(request, "jobservices/loans/credit_communities.html", {
        "can_see_people": has_permission(request.user, RESIDENT_VIEW),
        "region": region, "form": form,
        "rows": [(mark, places.get(mark.region_code, ""),
                  revoking[1] if revoking and revoking[0] == mark.pk else fresh) for mark in marks],
        "can_mark": has_permission(request.user, LOAN_HANDLE)
        and bool(set(request.user.role_list) & services.CREDIT_COMMUNITY_ROLES)})


@require_POST
@staff_view(LOAN_HANDLE)
def credit_community_revoke(request, pk):
    community = scoping.get_visible_or_404(CreditCommunity, request.user, pk=pk)

    def page_again(form):
        mark_form = CreditCommunityForm(user=request.user, initial={"marked_on": timezone.localdate()})
        return _credit_communities_page(request, mark_form, revoking=(community.pk, form))

    return submit(request, RevokeForm(request.POST, auto_id=False), lambda data: services.revoke_credit_community(
        actor=request.user, community=community, revoked_on=data["revoked_on"], note=data["note"]),
        success="已撤销信用社区标记。", done=lambda _: redirect("jobservices:loans-credit-communities"),
        redisplay=page_again)


urlpatterns = [
    path("loans/applications/", applications, name="loans-applications"),
    path("loans/apply/<int:person_pk>/", apply, name="loans-apply"),
    path("loans/applications/<int:pk>/", application_detail, name="loans-application-detail"),
    path("loans/applications/<int:pk>/act/", application_act, name="loans-application-act"),
    path("loans/applications/<int:pk>/correct/", application_correct, name="loans-application-correct"),
    path("loans/<int:pk>/", loan_detail, name="loans-loan-detail"),
    path("loans/<int:pk>/repayments/", loan_repayment, name="loans-repayment"),
    path("loans/ledger/", ledger, name="loans-ledger"),
    path("loans/ledger.xlsx", ledger_export, name="loans-ledger-export"),
    path("loans/wants-business/", wants_business, name="loans-wants-business"),
    path("loans/credit-communities/", credit_communities, name="loans-credit-communities"),
    path("loans/credit-communities/<int:pk>/revoke/", credit_community_revoke, name="loans-credit-community-revoke"),
]
