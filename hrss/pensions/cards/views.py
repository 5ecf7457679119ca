"""The cards part's pages under /pensions/ (url names prefixed with "cards-"): the village's application form, the
社保卡台账 and its .xlsx, a card's page (status, history, hand-over, activation, loss) with its photo (served only
here, within scope) and the printable hand-over receipt, and the county's batches (make one, record the card
numbers by hand or from the maker's returned file, record the arrival). Views only translate: writes are
services.py's, reads selectors.py's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.id_numbers import InvalidIdNumber, normalise
from hrss.core.models import Region
from hrss.core.pages import ledger_download, query_without_page
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.core.spreadsheets import uploaded_file
from hrss.pensions.cards import returns, rules, selectors, services
from hrss.pensions.cards.forms import ApplyForm, DayForm, HandOverForm, ReturnedFileForm
from hrss.pensions.models import CardApplication, CardBatch, CardBatchState, CardState
from hrss.pensions.pages import person_by_id_number
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.models import Person

LEDGER_TITLE = "社保卡台账"


def _application(request, pk):
    return scoping.get_visible_or_404(CardApplication.objects.defer("photo").select_related("person", "batch",
                                                                                             "replaces"),
                                      request.user, pk=pk)


def _batch(request, pk):
    return scoping.get_visible_or_404(CardBatch, request.user, pk=pk)


# --- 申领 ---------------------------------------------------------------------------------------------------------


def _person_by_id_number(user, raw):
    try:
        person = person_by_id_number(user, raw)
    except InvalidIdNumber as error:
        raise ValidationError(str(error)) from None
    if person is None:
        raise ValidationError(f"本辖区的人员台账中没有公民身份号码为{normalise(raw)}的人员：请核对号码，"
                              "或先在人员台账中登记该人员。")
    return person


@staff_view(PENSIONS_HANDLE)
def apply(request):
    """社保卡申领 at the village: the person by ID number (in scope), the photo, the ID card seen."""
    today = timezone.localdate()
    initial = {}
    if request.method == "GET" and request.GET.get("person"):
        person = scoping.get_visible_or_404(Person, request.user, pk=request.GET["person"])
        initial = {"id_number": person.id_number}
    form = ApplyForm(request.POST or None, request.FILES or None, initial=initial)

    def page(form):
        return render(request, "pensions/cards/apply.html", {
            "form": form, "rule": rules.photo_rule(today), "sources": rules.sources(today),
            "may_apply": bool(set(request.user.role_list) & services.VILLAGE_ROLES)})

    def act(data):
        person = _person_by_id_number(request.user, data["id_number"])
        return services.apply(actor=request.user, person=person, photo=data["photo"], id_seen=data["id_seen"],
                              renewal=data["renewal"], note=data["note"], today=today)

    if request.method != "POST":
        return page(form)
    return submit(request, form, act, success=lambda application: (
        f"已受理{application.person.name}的社保卡{application.get_reason_display()}申请，待县(区)组批制卡。"),
        done=lambda application: redirect("pensions:cards-detail", pk=application.pk), redisplay=page)


# --- 社保卡台账 -----------------------------------------------------------------------------------------------------


def _filters(request):
    batch = None
    if request.GET.get("batch", "").isdigit():
        batch = scoping.get_visible_or_404(CardBatch, request.user, pk=request.GET["batch"])
    return {"state": request.GET.get("state", "") if request.GET.get("state") in selectors.GROUPS else "",
            "batch": batch, "q": request.GET.get("q", "")[:30]}


@staff_view(PENSIONS_VIEW)
def ledger(request):
    """社保卡台账: the applications of the region (the user's own by default), filters, pages, .xlsx."""
    region = scoping.region_from_request(request)
    filters = _filters(request)
    page = Paginator(selectors.ledger(request.user, region, **filters), 50).get_page(request.GET.get("page"))
    return render(request, "pensions/cards/ledger.html", {
        "region": region, "page": page, "filters": filters, "groups": selectors.GROUPS,
        "query": query_without_page(request),
        "places": place_names((a.region_code for a in page), below=region), "today": timezone.localdate(),
        "batch_choices": list(selectors.batches(request.user, region)[:50]) if selectors.county_of(region) else [],
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(PENSIONS_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    rows = list(selectors.ledger(request.user, region, **_filters(request)))
    places = place_names((a.region_code for a in rows), below=region)
    cells = [selectors.ledger_cells(application, places.get(application.region_code, "")) for application in rows]
    return ledger_download(request, LEDGER_TITLE, region, today, selectors.LEDGER_HEADER, cells,
                           action="pensions.cards_ledger.exported")


# --- a card ---------------------------------------------------------------------------------------------------------


def _detail(request, application, **forms):
    today = timezone.localdate()
    can_handle = has_permission(request.user, PENSIONS_HANDLE)
    return render(request, "pensions/cards/detail.html", {
        "application": application, "person": application.person, "today": today, "can_handle": can_handle,
        "history": [a for a in selectors.history_of(request.user, application.person) if a.pk != application.pk],
        "activate_form": forms.get("activate_form") or DayForm(initial={"on": today}, prefix="activate"),
        "loss_form": forms.get("loss_form") or DayForm(initial={"on": today}, prefix="loss"),
        "place": place_names([application.region_code]).get(application.region_code, "")})


@staff_view(PENSIONS_VIEW)
def detail(request, pk):
    return _detail(request, _application(request, pk))


@staff_view(PENSIONS_VIEW)
def photo(request, pk):
    """The application's photo, only to a user who sees the application (never a public media URL)."""
    application = scoping.get_visible_or_404(CardApplication.objects.only("pk", "region_code", "photo", "photo_type"),
                                             request.user, pk=pk)
    response = HttpResponse(bytes(application.photo), content_type=application.photo_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


@staff_view(PENSIONS_HANDLE)
def hand_over(request, pk):
    """发放: who receives the card (the person, or a proxy and their relation) and the day; then the receipt."""
    application = _application(request, pk)
    today = timezone.localdate()
    form = HandOverForm(request.POST or None, initial={"received_by": application.person.name, "on": today})

    def page(form):
        return render(request, "pensions/cards/hand_over.html", {
            "application": application, "person": application.person, "form": form})

    if request.method != "POST":
        return page(form)
    return submit(request, form, lambda data: services.hand_over(
        actor=request.user, application=application, received_by=data["received_by"], relation=data["relation"],
        on=data["on"], today=today),
        success=f"已发放{application.person.name}的社保卡，请打印领取回执由领取人签名。",
        done=lambda _: redirect("pensions:cards-receipt", pk=pk), redisplay=page)


@staff_view(PENSIONS_VIEW)
def receipt(request, pk):
    """社会保障卡领取回执, printable, with the 签名 line."""
    application = _application(request, pk)
    return render(request, "pensions/cards/receipt.html", {
        "application": application, "person": application.person,
        "place": place_names([application.region_code]).get(application.region_code, "")})


def _card_act(request, pk, prefix, act, success):
    application = _application(request, pk)
    today = timezone.localdate()
    return submit(request, DayForm(request.POST, prefix=prefix), lambda data: act(application, data["on"], today),
                  success=success.format(name=application.person.name),
                  done=lambda _: redirect("pensions:cards-detail", pk=pk),
                  redisplay=lambda form: _detail(request, application, **{f"{prefix}_form": form}))


@require_POST
@staff_view(PENSIONS_HANDLE)
def activate(request, pk):
    return _card_act(request, pk, "activate", lambda application, on, today: services.activate(
        actor=request.user, application=application, on=on, today=today), "已登记{name}的社保卡激活。")


@require_POST
@staff_view(PENSIONS_HANDLE)
def loss(request, pk):
    return _card_act(request, pk, "loss", lambda application, on, today: services.report_loss(
        actor=request.user, application=application, on=on, today=today),
        "已挂失{name}的社保卡；本人可凭身份证申请补领。")


# --- 制卡批次 --------------------------------------------------------------------------------------------------------


@staff_view(PENSIONS_VIEW)
def batches(request):
    """The county's batches (a city chooses the county with ?region=), and how many applications wait for one."""
    region = scoping.region_from_request(request)
    county = selectors.county_of(region)
    page = Paginator(selectors.batches(request.user, region), 30).get_page(request.GET.get("page"))
    may_make = (county is not None and has_permission(request.user, PENSIONS_HANDLE)
                and bool(set(request.user.role_list) & services.COUNTY_ROLES)
                and scoping.scope_of(request.user).contains_code(county))
    return render(request, "pensions/cards/batches.html", {
        "region": region, "county": county, "page": page, "may_make": may_make,
        "waiting": selectors.waiting_count(request.user, county) if county else None,
        "crumbs": scoping.breadcrumb(request.user, region)})


@require_POST
@staff_view(PENSIONS_HANDLE)
def batch_make(request):
    region = scoping.region_from_request(request)
    try:
        batch = services.make_batch(actor=request.user, county_code=region.code, today=timezone.localdate())
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(reverse("pensions:cards-batches") + f"?region={region.code}")
    messages.success(request, f"已组批{batch.number}，共{batch.applications.count()}张，已送制卡。")
    return redirect("pensions:cards-batch-detail", pk=batch.pk)


def _batch_page(request, batch, *, made_errors=(), file_form=None, arrival_form=None, typed=None):
    today = timezone.localdate()
    rows = list(batch.applications.defer("photo").select_related("person").order_by("region_code", "pk"))
    may_handle = (has_permission(request.user, PENSIONS_HANDLE)
                  and bool(set(request.user.role_list) & services.COUNTY_ROLES))
    return render(request, "pensions/cards/batch_detail.html", {
        "batch": batch, "rows": rows, "places": place_names((a.region_code for a in rows), below=Region(code=batch.region_code)),
        "today": today,
        "may_handle": may_handle, "made_errors": made_errors, "typed": typed or {},
        "file_form": file_form or ReturnedFileForm(), "rule": rules.card_number_rule(today),
        "arrival_form": arrival_form or DayForm(initial={"on": today}, prefix="arrival"),
        "sent": batch.state == CardBatchState.SENT, "made": batch.state == CardBatchState.MADE,
        "waiting": sum(1 for a in rows if a.state == CardState.IN_BATCH)})


@staff_view(PENSIONS_VIEW)
def batch_detail(request, pk):
    return _batch_page(request, _batch(request, pk))


@require_POST
@staff_view(PENSIONS_HANDLE)
def batch_made(request, pk):
    """登记制卡结果: the numbers typed per application (number-<id>), or the maker's returned file."""
    batch = _batch(request, pk)
    today = timezone.localdate()
    file_form = ReturnedFileForm(request.POST, request.FILES)
    typed = {key.removeprefix("number-"): value.strip()[:20] for key, value in request.POST.items()
             if key.startswith("number-")}
    problems = []
    if request.FILES.get("file"):
        if file_form.is_valid():
            with uploaded_file(file_form.cleaned_data["file"]) as stored:
                numbers, problems = returns.numbers_from_file(batch, stored)
        else:
            numbers, problems = {}, [str(error) for error in file_form.errors.get("file", [])]
    else:
        numbers, file_form = typed, None
    if not problems:
        try:
            count = services.record_made(actor=request.user, batch=batch, numbers=numbers, today=today)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, f"已登记{count}张社保卡的卡号。")
            return redirect("pensions:cards-batch-detail", pk=pk)
    return _batch_page(request, batch, made_errors=problems, file_form=file_form, typed=typed)


@require_POST
@staff_view(PENSIONS_HANDLE)
def batch_arrival(request, pk):
    batch = _batch(request, pk)
    return submit(request, DayForm(request.POST, prefix="arrival"), lambda data: services.record_arrival(
        actor=request.user, batch=batch, on=data["on"], today=timezone.localdate()),
        success=f"已登记批次{batch.number}到达网点，各村(社区)可通知领卡。",
        done=lambda _: redirect("pensions:cards-batch-detail", pk=pk),
        redisplay=lambda form: _batch_page(request, batch, arrival_form=form))


urlpatterns = [
    path("cards/", ledger, name="cards-ledger"),
    path("cards/export/", ledger_export, name="cards-ledger-export"),
    path("cards/apply/", apply, name="cards-apply"),
    path("cards/<int:pk>/", detail, name="cards-detail"),
    path("cards/<int:pk>/photo/", photo, name="cards-photo"),
    path("cards/<int:pk>/handover/", hand_over, name="cards-handover"),
    path("cards/<int:pk>/receipt/", receipt, name="cards-receipt"),
    path("cards/<int:pk>/activate/", activate, name="cards-activate"),
    path("cards/<int:pk>/loss/", loss, name="cards-loss"),
    path("cards/batches/", batches, name="cards-batches"),
    path("cards/batches/make/", batch_make, name="cards-batch-make"),
    path("cards/batches/<int:pk>/", batch_detail, name="cards-batch-detail"),
    path("cards/batches/<int:pk>/made/", batch_made, name="cards-batch-made"),
    path("cards/batches/<int:pk>/arrival/", batch_arrival, name="cards-batch-arrival"),
]
