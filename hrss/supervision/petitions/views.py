"""The petitions part's pages (信访) under /supervision/ (url names prefixed "petitions-"): the 信访台账 of a region
with its filters and .xlsx, recording a petition, a petition's page (details, due dates, history, and the forms
the user may use), and the printable notice for the petitioner (受理告知单 / 答复意见书). Views only translate:
writes are services.py's, reads selectors.py's."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.models import Level
from hrss.core.pages import ledger_download, query_without_page
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.supervision import deadlines, inputs
from hrss.supervision.models import (
    Petition,
    PetitionCategory,
    PetitionChannel,
    PetitionDecision,
    PetitionEventKind,
    PetitionState,
)
from hrss.supervision.models.petitions import INSPECTION_CATEGORIES
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.petitions import selectors, services
from hrss.supervision.petitions.forms import (
    REPEAT_QUESTION,
    DecideForm,
    ExtendForm,
    ForwardUpForm,
    InspectionForm,
    IntakeForm,
    OpinionForm,
    ReplyForm,
    RequestForm,
)

LEDGER_TITLE = "信访台账"
STATES = ("open", *PetitionState.values)
HELD_CHOICES = (("here", "本机关承办的"), ("received", "本站登记、已上报的"))


def _filters(request):
    get = request.GET
    return {"state": get.get("state", "") if get.get("state") in STATES else "",
            "category": get.get("category", "") if get.get("category") in PetitionCategory.values else "",
            "channel": get.get("channel", "") if get.get("channel") in PetitionChannel.values else "",
            "overdue": get.get("overdue") == "1", "month": inputs.month_kept(get.get("month", ""), timezone.localdate())[0],
            "q": get.get("q", "")[:30],
            "due_soon": get.get("due") == "soon", "this_year": get.get("period") == "year",
            "held": get.get("held", "") if get.get("held") in ("here", "received") else "",
            "awaiting_reply": get.get("awaiting") == "reply"}


def _ledger_rows(request, region, today, filters):
    filters = dict(filters)
    due_soon, this_year = filters.pop("due_soon"), filters.pop("this_year")
    if this_year and not filters["held"]:  # 本年收到: by the office that received it, as the figure counts
        filters["held"] = "received_at"
    rows = selectors.ledger(request.user, region, today, **filters)
    if due_soon:
        rows = rows.filter(selectors.due_by_q(today + datetime.timedelta(days=selectors.DUE_SOON_DAYS)))
    if this_year:
        rows = rows.filter(received_on__year=today.year)
    return rows


@staff_view(SUPERVISION_VIEW)
def ledger(request):
    """信访台账: the petitions held by the offices of a region (the user's own by default), filters, pages of 50."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _filters(request)
    if refused := inputs.month_kept(request.GET.get("month", ""), today)[1]:
        messages.error(request, f"收到月份：{refused}已显示全部月份。")
    page = Paginator(_ledger_rows(request, region, today, filters), 50).get_page(request.GET.get("page"))
    places = place_names((p.region_code for p in page), below=region)
    return render(request, "supervision/petitions/ledger.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": query_without_page(request),
        "rows": selectors.ledger_rows(page, today, places), "places": places, "states": PetitionState.choices,
        "categories": PetitionCategory.choices, "channels": PetitionChannel.choices,
        "helds": HELD_CHOICES, "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, SUPERVISION_HANDLE)})


@staff_view(SUPERVISION_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    """The 信访台账 as .xlsx (ID numbers masked), audited, kept by no cache."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    if inputs.month_kept(request.GET.get("month", ""), today)[1]:  # no download of every month: the ledger says why
        return redirect(reverse("supervision:petitions-ledger") + "?" + request.GET.urlencode())
    petitions = list(_ledger_rows(request, region, today, _filters(request)))
    places = place_names((p.region_code for p in petitions), below=region)
    cells = [row["cells"] for row in selectors.ledger_rows(petitions, today, places)]
    return ledger_download(request, LEDGER_TITLE, region, today, selectors.LEDGER_HEADER, cells,
                           action="supervision.petitions.exported")


def _intake_page(request, form, office):
    return render(request, "supervision/petitions/new.html", {
        "form": form, "office": office, "accept_rule": deadlines.rule("petition-accept", timezone.localdate())})


@staff_view(SUPERVISION_HANDLE)
def new(request):
    """登记信访事项 at the user's own office (首问负责). When the petitioner has earlier petitions on the same matter
    in the user's scope, the form is shown again once with them, to say whether this one repeats one of them."""
    office = scoping.region_from_request(request)
    data = request.POST or None
    candidates = []
    if data is not None:
        candidates = list(selectors.repeat_candidates(
            request.user, id_number=data.get("petitioner_id_number", ""), name=data.get("petitioner_name", ""),
            phone=data.get("petitioner_phone", ""), category=data.get("category", ""))[:5])
    form = IntakeForm(data, candidates=candidates, initial={"received_on": timezone.localdate(), "workers_count": 1})
    if request.method != "POST":
        return _intake_page(request, form, office)
    if candidates and not data.get("repeat_checked"):  # shown once with the candidates and nothing chosen
        form.is_valid()
        form.data = form.data.copy()
        form.data["repeat_checked"] = "1"
        form.data.pop("repeat_of", None)
        if "repeat_of" not in form.errors:
            form.add_error("repeat_of", REPEAT_QUESTION)
        return _intake_page(request, form, office)

    def act(values):
        return services.intake(
            actor=request.user, office=office, received_on=values["received_on"], channel=values["channel"],
            category=values["category"], petitioner_name=values["petitioner_name"],
            petitioner_id_number=values["petitioner_id_number"], petitioner_phone=values["petitioner_phone"],
            petitioner_address=values["petitioner_address"], subject=values["subject"], summary=values["summary"],
            employer_name=values["employer_name"], employer_uscc=values["employer_uscc"],
            workers_count=values["workers_count"], amount_claimed=values["amount_claimed"],
            repeat_of=values["repeat_of"])

    return submit(request, form, act,
                  success=lambda p: f"已登记信访件{p.number}，受理期限至{p.due_text('accept_due')}。可打印受理告知单交信访人。",
                  done=lambda p: redirect("supervision:petitions-detail", pk=p.pk),
                  redisplay=lambda form: _intake_page(request, form, office))


def _petition(request, pk):
    return scoping.get_visible_or_404(Petition.objects.select_related("received_by", "handler", "repeat_of"),
                                      request.user, pk=pk)


def _rating_code(petition):
    from hrss.supervision.models import RatingCode

    return RatingCode.objects.filter(source="petition", source_id=str(petition.pk)).first()


def _inspection_case(user, petition):
    """The labour-inspection case opened from the petition, when it is in the user's scope."""
    from hrss.supervision.models import InspectionCase

    return scoping.visible_to(user, InspectionCase.objects.filter(petition=petition)).first()


def _detail(request, petition, forms=None, *, held=True):
    """The petition's page; `held` False for the office that received it and carried it up: read only."""
    today = timezone.localdate()
    forms = forms or {}
    user = request.user
    can_handle = held and has_permission(user, SUPERVISION_HANDLE)
    here = scoping.level_of_code(petition.region_code)
    upper = services.upper_office(petition.region_code)
    scope = scoping.scope_of(user)
    state = petition.state
    actions = {
        "forward_up": state == PetitionState.RECEIVED and here is not None and here > Level.COUNTY,
        "decide": state == PetitionState.RECEIVED and here in services.DECIDING_LEVELS,
        "inspection": (state == PetitionState.RECEIVED and here in services.DECIDING_LEVELS
                       and petition.category in INSPECTION_CATEGORIES),
        "extend": (state == PetitionState.ACCEPTED and petition.extension_days is None
                   and services.may_extend(user, petition)),
        # Not while its labour-inspection case is open: the reply carries the case's outcome (the page says so).
        "reply": (state == PetitionState.ACCEPTED
                  or state == PetitionState.FORWARDED and services.open_inspection_case(petition) is None),
        "request_review": state == PetitionState.REPLIED and upper is not None and scope.contains_code(upper),
        "review": state == PetitionState.REVIEW and services.holds(user, petition),
        "request_recheck": state == PetitionState.REVIEWED and upper is not None and scope.contains_code(upper),
        "recheck": state == PetitionState.RECHECK and services.holds(user, petition),
    }
    actions = {name: bool(can_handle and allowed) for name, allowed in actions.items()}
    # A clerk of the holding office is told who extends (信访工作条例 art. 32: 经本机关负责人批准), not offered it.
    extend_by_leader = (can_handle and state == PetitionState.ACCEPTED and petition.extension_days is None
                        and not actions["extend"] and not scope.is_empty
                        and scope.region.code == petition.region_code)
    inspection_case = _inspection_case(user, petition) if held else _inspection_outcome(petition)
    dues = [(label, petition.due_text(field), (day - today).days, (today - day).days) for label, field, day in (
        ("受理期限", "accept_due", petition.accept_due), ("办理期限", "handle_due", petition.handle_due),
        ("复查请求期限", "review_request_due", petition.review_request_due),
        ("复查期限", "review_due", petition.review_due),
        ("复核请求期限", "recheck_request_due", petition.recheck_request_due),
        ("复核期限", "recheck_due", petition.recheck_due)) if day]
    return render(request, "supervision/petitions/detail.html", {
        "petition": petition, "today": today, "events": petition.events.select_related("by").order_by("at", "pk"),
        "places": place_names([petition.region_code, petition.received_at_code]),
        "dues": dues, "running": petition.current_due(), "running_provisional": petition.current_due_provisional(),
        "provisional_note": deadlines.PROVISIONAL_NOTE, "days_left": petition.days_left(today),
        "overdue_by": -(petition.days_left(today) or 0),
        "repeats": petition.repeats.order_by("received_on"), "actions": actions,
        "candidates": selectors.repeat_candidates(user, id_number=petition.petitioner_id_number,
                                                  name=petition.petitioner_name, phone=petition.petitioner_phone,
                                                  category=petition.category, exclude=petition)
        .exclude(pk=petition.repeat_of_id or 0)[:5],
        "inspection_case": inspection_case, "held": held, "extend_by_leader": extend_by_leader,
        "extend_by_leader_note": services.not_a_leader_message(petition),
        "waiting_village": petition.state == PetitionState.RECEIVED and here == Level.VILLAGE
        and not scope.is_empty and scope.region.code != petition.region_code,
        "awaiting_reply": petition.state == PetitionState.FORWARDED and inspection_case is not None
        and inspection_case.state == "concluded",
        "receipt_paper": _receipt_paper(petition), "rating_code": _rating_code(petition),
        "upper_name": place_names([upper]).get(upper, "") if upper else "",
        "extension_rule": deadlines.rule("petition-extension", petition.handle_due or today),
        "forward_form": forms.get("forward_up") or ForwardUpForm(here=here),
        "decide_form": forms.get("decide") or DecideForm(initial={"decided_on": today,
                                                                  "decision": PetitionDecision.ACCEPT}),
        "inspection_form": forms.get("inspection") or InspectionForm(),
        "extend_form": forms.get("extend") or ExtendForm(),
        "reply_form": forms.get("reply") or ReplyForm(initial={"replied_on": today}),
        "request_form": forms.get("request") or RequestForm(initial={"requested_on": today}),
        "opinion_form": forms.get("opinion") or OpinionForm(initial={"decided_on": today})})


def _inspection_outcome(petition):
    """The inspection case of a petition read by the office that received it (its outcome only, no link): the case
    is the county's, out of the village's scope, but the 首问负责人 follows the petition to its end."""
    from hrss.supervision.models import InspectionCase

    return InspectionCase.objects.filter(petition=petition).first()


def _receipt_paper(petition):
    """The paper the petitioner gets now, never a stale promise: 受理告知单 (when the decision is due) until
    decided; then the decision's notice (受理告知书 with the handle due, 转送告知书, 不予受理告知书), once extended the
    延期告知书 (the new due, the reason, the day and who approved it); once replied the 答复意见书. The receipt
    page prints the same (receipt.html)."""
    if petition.replied_on:
        return "答复意见书"
    if petition.extension_days:
        return "延期告知书"
    return {PetitionDecision.ACCEPT: "受理告知书", PetitionDecision.FORWARD: "转送告知书",
            PetitionDecision.NOT_ACCEPT: "不予受理告知书"}.get(petition.decision, "受理告知单")


@staff_view(SUPERVISION_VIEW)
def detail(request, pk):
    petition, held = selectors.readable(request.user, pk)
    return _detail(request, petition, held=held)


def _act(request, pk, key, form, act, done_message, done=None):
    """A POST of one of the petition page's forms: the service's refusal is shown on the page with the form."""
    petition = _petition(request, pk)

    def redisplay(form):
        # A refusal of the petition as it stands (e.g. already answered) is said at the top too: the page may no
        # longer show the form it came from.
        refused = "".join(form.non_field_errors())
        messages.error(request, f"未能保存：{refused}" if refused else "未能保存，请按页面上的提示修改。")
        return _detail(request, petition, {key: form})

    return submit(request, form, lambda data: act(petition, data), success=done_message,
                  done=done or (lambda result: redirect("supervision:petitions-detail", pk=pk)), redisplay=redisplay)


@staff_view(SUPERVISION_HANDLE)
@require_POST
def forward_up(request, pk):
    here = scoping.level_of_code(_petition(request, pk).region_code)
    return _act(request, pk, "forward_up", ForwardUpForm(request.POST, here=here), lambda p, data: services.forward_up(
        actor=request.user, petition=p, level=data["level"], note=data["note"]),
        lambda p: f"已将信访件{p.number}上报{place_names([p.region_code]).get(p.region_code, '')}，可在信访台账“本站登记、已上报的”中查看办理情况。",
        done=lambda p: redirect(reverse("supervision:petitions-ledger") + "?held=received"))


@staff_view(SUPERVISION_HANDLE)
@require_POST
def decide(request, pk):
    return _act(request, pk, "decide", DecideForm(request.POST), lambda p, data: services.decide(
        actor=request.user, petition=p, decision=data["decision"], decided_on=data["decided_on"],
        forwarded_to=data["forwarded_to"], reason=data["reason"]),
        lambda p: f"信访件{p.number}：{p.get_decision_display()}。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def inspection(request, pk):
    return _act(request, pk, "inspection", InspectionForm(request.POST), lambda p, data: services.forward_to_inspection(
        actor=request.user, petition=p), lambda p: f"已将信访件{p.number}转{p.forwarded_to}。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def extend(request, pk):
    return _act(request, pk, "extend", ExtendForm(request.POST), lambda p, data: services.extend(
        actor=request.user, petition=p, days=data["days"], reason=data["reason"]),
        lambda p: f"办理期限已延至{p.due_text('handle_due')}。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def reply(request, pk):
    return _act(request, pk, "reply", ReplyForm(request.POST), lambda p, data: services.reply(
        actor=request.user, petition=p, text=data["text"], replied_on=data["replied_on"]),
        lambda p: f"信访件{p.number}已办结答复。可打印答复意见书（含评价码）交信访人。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def request_review(request, pk):
    return _act(request, pk, "request", RequestForm(request.POST), lambda p, data: services.request_review(
        actor=request.user, petition=p, requested_on=data["requested_on"], text=data["text"]),
        lambda p: f"已登记复查请求，复查期限至{p.due_text('review_due')}。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def review(request, pk):
    return _act(request, pk, "opinion", OpinionForm(request.POST), lambda p, data: services.decide_review(
        actor=request.user, petition=p, opinion=data["opinion"], decided_on=data["decided_on"]),
        "已登记复查意见。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def request_recheck(request, pk):
    return _act(request, pk, "request", RequestForm(request.POST), lambda p, data: services.request_recheck(
        actor=request.user, petition=p, requested_on=data["requested_on"], text=data["text"]),
        lambda p: f"已登记复核请求，复核期限至{p.due_text('recheck_due')}。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def recheck(request, pk):
    return _act(request, pk, "opinion", OpinionForm(request.POST), lambda p, data: services.decide_recheck(
        actor=request.user, petition=p, opinion=data["opinion"], decided_on=data["decided_on"]),
        "已登记复核意见。")


@staff_view(SUPERVISION_VIEW)
def receipt(request, pk):
    """The printable notice for the petitioner: 受理告知单 (received, with the accept deadline; after the decision
    what was decided) or, once replied, 答复意见书 with the rating code."""
    petition, _held = selectors.readable(request.user, pk)
    # The 答复意见书 stays the replying office's (a 复查 moves the petition to the county, not the reply).
    issuer = selectors.office_of(petition, PetitionEventKind.REPLIED) if petition.replied_on else petition.region_code
    places = place_names([issuer, petition.received_at_code])
    paper = _receipt_paper(petition)
    # After an extension the 受理告知书 (with the first handle due) can still be printed again: ?paper=accept.
    reprint = paper == "延期告知书" and request.GET.get("paper") == "accept"
    if reprint:
        paper = "受理告知书"
    if petition.replied_on:
        issued_on = petition.replied_on
    elif paper == "延期告知书":
        issued_on = petition.extended_on
    else:
        issued_on = petition.decided_on or petition.received_on
    handle_field = "handle_due_initial" if reprint else "handle_due"
    return render(request, "supervision/petitions/receipt.html", {
        "petition": petition, "paper": paper, "rating_code": _rating_code(petition), "places": places,
        "issued_on": issued_on, "handle_due": getattr(petition, handle_field),
        "handle_due_provisional": handle_field in petition.provisional_dues,
        "extension_reason": petition.extension_reason.strip().rstrip("。．.，,；;、 "),
        "office": _office_title(issuer, places), "received_at": places.get(petition.received_at_code, ""),
        "accept_rule": deadlines.rule("petition-accept", petition.received_on),
        "provisional_due_note": "暂按自然日计算，待当年节假日安排公布后遇法定休假日顺延",
        "review_rule": deadlines.rule("petition-review-request", petition.replied_on or petition.received_on)})


def _office_title(code, places):
    """An office as the petitioner's papers name it, after the place as the 答复意见书 names its issuer: the place
    and its office ("源城区人力资源和社会保障局", "源城区 上城街道人力资源和社会保障服务所")."""
    from hrss.core.models import Region

    region = Region.objects.filter(code=code).first()
    if region is None:
        return places.get(code, code)
    above = places.get(code, "").rsplit(" ", 1)[0] if " " in places.get(code, "") else ""
    return f"{above} {region.office_name}".strip()


OPINION_PAPERS = {"review": "复查意见书", "recheck": "复核意见书"}


@staff_view(SUPERVISION_VIEW)
def opinion(request, pk, stage):
    """The printable 复查意见书 (with the right to ask for 复核 of the office above) or 复核意见书 (the last word),
    issued by the office that reviewed or rechecked; 404 before that opinion exists."""
    petition, _held = selectors.readable(request.user, pk)
    if stage not in OPINION_PAPERS or (petition.reviewed_on if stage == "review" else petition.rechecked_on) is None:
        raise Http404
    replier = selectors.office_of(petition, PetitionEventKind.REPLIED)
    reviewer = selectors.office_of(petition, PetitionEventKind.REVIEWED)
    issuer = reviewer if stage == "review" else selectors.office_of(petition, PetitionEventKind.RECHECKED)
    upper = services.upper_office(reviewer)
    places = place_names([code for code in (replier, reviewer, issuer, upper) if code])
    word = "复查" if stage == "review" else "复核"
    text = petition.review_opinion if stage == "review" else petition.recheck_opinion
    # "经复查，意见如下：" only before an opinion that does not already start so (the form does not say it is added)
    opinion_text = text if text.lstrip().startswith(f"经{word}") else f"经{word}，意见如下：{text}"
    return render(request, "supervision/petitions/opinion.html", {
        "petition": petition, "stage": stage, "paper": OPINION_PAPERS[stage], "office": _office_title(issuer, places),
        "replier": _office_title(replier, places), "reviewer": _office_title(reviewer, places),
        "opinion_text": opinion_text,
        "next_office": _office_title(upper, places) if upper else "上一级行政机关",
        "next_rule": deadlines.rule("petition-recheck-request", petition.reviewed_on)})


urlpatterns = [
    path("petitions/", ledger, name="petitions-ledger"),
    path("petitions/export.xlsx", ledger_export, name="petitions-export"),
    path("petitions/new/", new, name="petitions-new"),
    path("petitions/<int:pk>/", detail, name="petitions-detail"),
    path("petitions/<int:pk>/receipt/", receipt, name="petitions-receipt"),
    path("petitions/<int:pk>/<str:stage>-opinion/", opinion, name="petitions-opinion"),
    path("petitions/<int:pk>/forward-up/", forward_up, name="petitions-forward-up"),
    path("petitions/<int:pk>/decide/", decide, name="petitions-decide"),
    path("petitions/<int:pk>/inspection/", inspection, name="petitions-inspection"),
    path("petitions/<int:pk>/extend/", extend, name="petitions-extend"),
    path("petitions/<int:pk>/reply/", reply, name="petitions-reply"),
    path("petitions/<int:pk>/review-request/", request_review, name="petitions-review-request"),
    path("petitions/<int:pk>/review/", review, name="petitions-review"),
    path("petitions/<int:pk>/recheck-request/", request_recheck, name="petitions-recheck-request"),
    path("petitions/<int:pk>/recheck/", recheck, name="petitions-recheck"),
]
