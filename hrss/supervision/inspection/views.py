"""The inspection part's pages under /supervision/ (url names prefixed "inspection-"): the 监察案件台账 of a region
with its filters and .xlsx, a complaint's intake, a case's page (its deadlines, workers and amounts, measures,
referral, history, and the inspector's forms), the printable 结案告知 with its rating code, and the extensions
waiting for the approver. Views only translate: writes are services.py's, reads selectors.py's. A user who may only
view (INSPECTION_VIEW: a village assistant for the case from their village) sees the case without its forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import audit, pages, ratelimit, scoping, workdays
from hrss.core.forms import submit
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.supervision import inputs
from hrss.supervision.inspection import selectors, services
from hrss.supervision.inspection.forms import (
    ComplaintForm,
    ConcludeForm,
    DayForm,
    DeclineForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    MeasureForm,
    RecoveryForm,
    ReferralForm,
    ReferralOutcomeForm,
    WorkerForm,
    WorkerRemovalForm,
)
from hrss.supervision.models import (
    ExtensionState,
    InspectionCase,
    InspectionSource,
    InspectionState,
    InspectionWorker,
    MeasureKind,
    RatingCode,
)
from hrss.supervision.permissions import INSPECTION_APPROVE, INSPECTION_HANDLE, INSPECTION_VIEW

LEDGER_TITLE = "监察案件台账"


def _filters(request):
    get = request.GET
    return {"state": get.get("state", "") if get.get("state") in selectors.STATE_FILTERS else "",
            "source": get.get("source", "") if get.get("source") in InspectionSource.values else "",
            "overdue": get.get("overdue") == "1",
            "month": inputs.month_kept(get.get("month", ""), timezone.localdate())[0],
            "this_year": get.get("received") == "this_year", "q": get.get("q", "")[:30], "owed": get.get("owed") == "1"}


@staff_view(INSPECTION_VIEW)
def ledger(request):
    """监察案件台账: the cases of a region (the user's own by default) with filters, pages of 50, .xlsx."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _filters(request)
    if refused := inputs.month_kept(request.GET.get("month", ""), today)[1]:
        messages.error(request, f"收到月份：{refused}已显示全部月份。")
    page = Paginator(selectors.ledger(request.user, region, today, **filters), 50).get_page(request.GET.get("page"))
    places = place_names((case.region_code for case in page), below=region)
    return render(request, "supervision/inspection/ledger.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": pages.query_without_page(request),
        "rows": selectors.ledger_rows(page, today, places), "states": InspectionState.choices,
        "sources": InspectionSource.choices, "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, INSPECTION_HANDLE)})


@staff_view(INSPECTION_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    """The ledger as .xlsx (ID numbers masked), its download audited with the number of cases taken out."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    if inputs.month_kept(request.GET.get("month", ""), today)[1]:  # no download of every month: the ledger says why
        return redirect(reverse("supervision:inspection-ledger") + "?" + request.GET.urlencode())
    rows = list(selectors.ledger(request.user, region, today, **_filters(request)))
    places = place_names((case.region_code for case in rows), below=region)
    cells = [row["cells"] for row in selectors.ledger_rows(rows, today, places)]
    return pages.ledger_download(request, LEDGER_TITLE, region, today, selectors.LEDGER_HEADER, cells,
                                 action="supervision.inspection.ledger_exported")


@staff_view(INSPECTION_VIEW)
def new(request):
    """登记投诉 (or a routine inspection's finding) received at the county."""
    today = timezone.localdate()
    form = ComplaintForm(request.POST or None, user=request.user,
                         initial={"received_on": today, "source": InspectionSource.COMPLAINT})
    can_handle = has_permission(request.user, INSPECTION_HANDLE)
    if request.method != "POST":
        return render(request, "supervision/inspection/new.html", {"form": form, "can_handle": can_handle})
    # Not a 403: the page shows its form (with a note) to every user who may view cases, so the service's refusal
    # of a role that may not record a complaint goes on it, like an outsider's region (the scope sweep's rule).
    return submit(request, form, _saying_why(lambda data: services.receive_complaint(
        actor=request.user, region_code=data["region"].code, source=data["source"],
        employer_name=data["employer_name"], employer_uscc=data["employer_uscc"],
        employer_address=data["employer_address"], complainant_name=data["complainant_name"],
        complainant_phone=data["complainant_phone"], summary=data["summary"], received_on=data["received_on"])),
        success=lambda case: (f"已登记监察案件{case.number}，应于{case.accept_due:%Y-%m-%d}前决定是否受理。"
                              if case.accept_due else f"已登记监察案件{case.number}，受理期限"
                              f"{selectors.pending_text(selectors.estimated_accept_due(case))}。"),
        done=lambda case: redirect("supervision:inspection-detail", pk=case.pk),
        redisplay=lambda form: render(request, "supervision/inspection/new.html",
                                      {"form": form, "can_handle": can_handle}))


def _saying_why(act):
    """`act` with the service's refusal of the user's role shown on the form like any refusal."""

    def run(data):
        try:
            return act(data)
        except PermissionDenied as error:
            if str(error):
                raise ValidationError(str(error)) from None
            raise

    return run


def _refuse_unless(user, permission, reason):
    """A POST by a user whose role may not take the step (a village assistant who may only view the case; an
    inspector deciding an extension): 403 with the service's reason, and the denial audited. The page showed them
    no form to post, so a refusal put on one would never be seen; nothing is written."""
    if not has_permission(user, permission):
        audit.record_denied(actor=user, action=permission.value)
        raise PermissionDenied(reason)


def _case(request, pk):
    return scoping.get_visible_or_404(InspectionCase.objects.select_related("inspector", "petition", "lead"),
                                      request.user, pk=pk)


def _detail(request, case, forms=None):
    today = timezone.localdate()
    forms = forms or {}
    calendar = workdays.Calendar.load()
    can_handle = has_permission(request.user, INSPECTION_HANDLE)
    workers = list(case.workers.order_by("pk"))
    rating_code = RatingCode.objects.filter(source="inspection", source_id=str(case.pk)).first()
    return render(request, "supervision/inspection/detail.html", {
        "case": case, "today": today, "workers": workers,
        "measures": case.measures.select_related("by").order_by("taken_on", "pk"),
        "events": case.events.select_related("by").order_by("at", "pk"),
        "accept_timing": selectors.accept_timing(case, today, calendar),
        "conclude_timing": selectors.conclude_timing(case, today, calendar),
        "place": place_names([case.region_code]).get(case.region_code, ""),
        "can_handle": can_handle and case.state != InspectionState.CONCLUDED
        and case.state != InspectionState.NOT_ACCEPTED,
        "can_approve": has_permission(request.user, INSPECTION_APPROVE),
        "rating_code": rating_code,
        "accept_form": forms.get("accept") or DayForm(label="受理日期", initial={"on": today}),
        "decline_form": forms.get("decline") or DeclineForm(initial={"on": today}, told=bool(case.complainant_name)),
        "open_form": forms.get("open") or DayForm(label="立案日期", initial={"on": today}),
        "worker_form": forms.get("worker") or WorkerForm(),
        "recovery_form": forms.get("recovery"),
        "removal_form": forms.get("removal"),
        "removal_worker": _posted_worker(forms.get("removal")),
        "measure_form": forms.get("measure") or MeasureForm(initial={"taken_on": today, "kind": MeasureKind.PAY}),
        "extension_form": forms.get("extension") or ExtensionRequestForm(),
        "decision_form": forms.get("decision") or ExtensionDecisionForm(initial={"decision": "approve"}),
        "referral_form": forms.get("referral") or ReferralForm(initial={"referred_on": today}),
        "outcome_form": forms.get("outcome") or ReferralOutcomeForm(initial={"on": today}),
        "conclude_form": forms.get("conclude") or ConcludeForm(initial={"on": today})})


@staff_view(INSPECTION_VIEW)
def detail(request, pk):
    return _detail(request, _case(request, pk))


def _posted_worker(form):
    """The worker pk a refused removal form was posted for (its 删除 box is shown open again), or None."""
    try:
        return int(form.data.get("worker")) if form is not None else None
    except (TypeError, ValueError):
        return None


def _form_shown(case, key):
    """Whether the case's page, as the case stands now, shows the inspector the form `key` (and so a refusal put on
    it): detail.html's conditions."""
    state, S = case.state, InspectionState
    return {"accept": state == S.RECEIVED, "decline": state == S.RECEIVED, "open": state == S.ACCEPTED,
            "worker": state in (S.RECEIVED, S.ACCEPTED, S.OPEN), "recovery": True,
            "removal": state in (S.RECEIVED, S.ACCEPTED, S.OPEN),
            "measure": state == S.OPEN, "extension": state == S.OPEN,
            "decision": state == S.OPEN and case.extension_state == ExtensionState.REQUESTED,
            "referral": state in (S.ACCEPTED, S.OPEN) and not case.referral_kind,
            "outcome": state in (S.ACCEPTED, S.OPEN) and bool(case.referral_kind),
            "conclude": state == S.OPEN}.get(key, False)


def _act(request, pk, key, form, act, message, *, permission=INSPECTION_HANDLE, reason=services.NOT_AN_INSPECTOR):
    """A POST of one of the case page's forms: the case is found (or 404), the user's role may take the step (or
    403 with `reason`), then a refusal of what was typed is shown on the page with the form."""
    case = _case(request, pk)
    _refuse_unless(request.user, permission, reason)

    def redisplay(form):
        case.refresh_from_db()
        refusals = form.non_field_errors()
        if refusals and not _form_shown(case, key):  # e.g. 结案 posted again: the page no longer has that form
            messages.error(request, "未能保存：" + "".join(refusals))
        else:
            messages.error(request, "未能保存，请按页面上的提示修改。")
        return _detail(request, case, {key: form})

    return submit(request, form, lambda data: act(case, data), success=message,
                  done=lambda _: redirect("supervision:inspection-detail", pk=pk), redisplay=redisplay)


@staff_view(INSPECTION_VIEW)
@require_POST
def accept(request, pk):
    return _act(request, pk, "accept", DayForm(request.POST, label="受理日期"), lambda case, data: services.accept_case(
        actor=request.user, case=case, on=data["on"]), "已受理，请立案调查。")


@staff_view(INSPECTION_VIEW)
@require_POST
def decline(request, pk):
    return _act(request, pk, "decline", DeclineForm(request.POST, told=_has_complainant(request, pk)),
                lambda case, data: services.decline_case(actor=request.user, case=case, on=data["on"],
                                                         reason=data["reason"]),
                lambda case: "已决定不予受理，请告知投诉人。" if case.complainant_name else "已决定不予受理。")


def _has_complainant(request, pk):
    """Whether the case (when the user may see it) has a complainant to be told: a grid lead's case has none."""
    return scoping.visible_to(request.user, InspectionCase.objects.filter(pk=pk)).exclude(
        complainant_name="").exists()


@staff_view(INSPECTION_VIEW)
@require_POST
def open_investigation(request, pk):
    return _act(request, pk, "open", DayForm(request.POST, label="立案日期"), lambda case, data: services.open_case(
        actor=request.user, case=case, on=data["on"]), "已立案，结案期限见页面。")


@staff_view(INSPECTION_VIEW)
@require_POST
def add_worker(request, pk):
    return _act(request, pk, "worker", WorkerForm(request.POST), lambda case, data: services.add_worker(
        actor=request.user, case=case, name=data["name"], id_number=data["id_number"], phone=data["phone"],
        amount_owed=data["amount_owed"], amount_recovered=data["amount_recovered"] or 0), "已登记劳动者。")


@staff_view(INSPECTION_VIEW)
@require_POST
def recovery(request, pk):
    def act(case, data):
        worker = InspectionWorker.objects.filter(case=case, pk=data["worker"]).first()
        if worker is None:
            raise ValidationError("该劳动者不在本案件中，请刷新页面。")
        return services.record_recovery(actor=request.user, worker=worker, amount_recovered=data["amount_recovered"])

    return _act(request, pk, "recovery", RecoveryForm(request.POST), act, "已登记追回工资。")


@staff_view(INSPECTION_VIEW)
@require_POST
def remove_worker(request, pk):
    def act(case, data):
        worker = InspectionWorker.objects.filter(case=case, pk=data["worker"]).first()
        if worker is None:
            raise ValidationError("该劳动者不在本案件中（可能已被删除），请刷新页面。")
        name = worker.name
        services.remove_worker(actor=request.user, worker=worker, reason=data["reason"])
        return name

    return _act(request, pk, "removal", WorkerRemovalForm(request.POST), act,
                lambda name: f"已删除劳动者{name}的登记，本案拖欠合计已随之更新。")


@staff_view(INSPECTION_VIEW)
@require_POST
def add_measure(request, pk):
    return _act(request, pk, "measure", MeasureForm(request.POST), lambda case, data: services.add_measure(
        actor=request.user, case=case, kind=data["kind"], taken_on=data["taken_on"], amount=data["amount"],
        note=data["note"]), "已登记措施。")


@staff_view(INSPECTION_VIEW)
@require_POST
def request_extension(request, pk):
    return _act(request, pk, "extension", ExtensionRequestForm(request.POST),
                lambda case, data: services.request_extension(actor=request.user, case=case, reason=data["reason"]),
                "已申请延期，待负责人批准。")


@staff_view(INSPECTION_VIEW)
@require_POST
def decide_extension(request, pk):
    return _act(request, pk, "decision", ExtensionDecisionForm(request.POST),
                lambda case, data: services.decide_extension(actor=request.user, case=case,
                                                             approve=data["decision"] == "approve", note=data["note"]),
                lambda case: f"已{'批准' if case.extension_state == 'approved' else '不批准'}延期，"
                             f"结案期限{selectors.due_text(case.conclude_due) if case.conclude_due else selectors.pending_text(selectors.estimated_conclude_due(case))}。",
                permission=INSPECTION_APPROVE, reason=services.NOT_AN_APPROVER)


@staff_view(INSPECTION_VIEW)
@require_POST
def refer(request, pk):
    return _act(request, pk, "referral", ReferralForm(request.POST), lambda case, data: services.refer_case(
        actor=request.user, case=case, kind=data["kind"], body=data["body"], referred_on=data["referred_on"]),
        "已登记移送。")


@staff_view(INSPECTION_VIEW)
@require_POST
def referral_outcome(request, pk):
    return _act(request, pk, "outcome", ReferralOutcomeForm(request.POST),
                lambda case, data: services.record_referral_outcome(actor=request.user, case=case,
                                                                    outcome=data["outcome"], on=data["on"]),
                "已登记调解、仲裁结果。")


@staff_view(INSPECTION_VIEW)
@require_POST
def conclude(request, pk):
    return _act(request, pk, "conclude", ConcludeForm(request.POST), lambda case, data: services.conclude_case(
        actor=request.user, case=case, result=data["result"], on=data["on"]),
        "已结案，可打印结案告知书交投诉人（附评价码）。")


@staff_view(INSPECTION_VIEW)
def receipt(request, pk):
    """结案告知书 (printable): the case's result and what was recovered (the complainant's own wages and the case's
    totals), with the rating code for the complainant."""
    case = _case(request, pk)
    workers = list(case.workers.order_by("pk"))
    complainant = case.complainant_name.strip()
    return render(request, "supervision/inspection/receipt.html", {
        "case": case, "workers": workers, "today": timezone.localdate(),
        # The notice goes to the complainant alone: their own line, and the case's totals, never the others' names.
        "own": [worker for worker in workers if complainant and worker.name.strip() == complainant],
        "matter": selectors.matter_of(case), "issuer": selectors.issuer_name(case.region_code),
        "rating_code": RatingCode.objects.filter(source="inspection", source_id=str(case.pk)).first()})


@staff_view(INSPECTION_VIEW)
def extensions(request):
    """The extensions waiting for the approver (待批准的延期) in the user's scope (everyone who may view cases sees
them; only the approver decides, on the case's page)."""
    today = timezone.localdate()
    rows = list(selectors.extensions_to_decide(request.user).order_by("conclude_due", "pk")[:200])
    calendar = workdays.Calendar.load()
    for case in rows:  # beside 截止日期待定: the due date counted Monday to Friday
        case.due_estimate = selectors.estimate_text(selectors.estimated_conclude_due(case, calendar))
    return render(request, "supervision/inspection/extensions.html", {
        "rows": rows, "today": today, "places": place_names(case.region_code for case in rows)})


urlpatterns = [
    path("inspection/", ledger, name="inspection-ledger"),
    path("inspection/export.xlsx", ledger_export, name="inspection-ledger-export"),
    path("inspection/new/", new, name="inspection-new"),
    path("inspection/extensions/", extensions, name="inspection-extensions"),
    path("inspection/<int:pk>/", detail, name="inspection-detail"),
    path("inspection/<int:pk>/receipt/", receipt, name="inspection-receipt"),
    path("inspection/<int:pk>/accept/", accept, name="inspection-accept"),
    path("inspection/<int:pk>/decline/", decline, name="inspection-decline"),
    path("inspection/<int:pk>/open/", open_investigation, name="inspection-open"),
    path("inspection/<int:pk>/workers/", add_worker, name="inspection-worker"),
    path("inspection/<int:pk>/recovery/", recovery, name="inspection-recovery"),
    path("inspection/<int:pk>/workers/removal/", remove_worker, name="inspection-worker-removal"),
    path("inspection/<int:pk>/measures/", add_measure, name="inspection-measure"),
    path("inspection/<int:pk>/extension/", request_extension, name="inspection-extension"),
    path("inspection/<int:pk>/extension/decide/", decide_extension, name="inspection-extension-decide"),
    path("inspection/<int:pk>/referral/", refer, name="inspection-referral"),
    path("inspection/<int:pk>/referral/outcome/", referral_outcome, name="inspection-referral-outcome"),
    path("inspection/<int:pk>/conclude/", conclude, name="inspection-conclude"),
]
