"""The publicity part's pages under /supervision/publicity/ (url names prefixed "publicity-"): the 宣传活动台账 of a
region with its filters, its figures by month and its .xlsx, recording an event; the notices: an office's received
ones and those issued in the region, issuing one, the issuer's page (who has read it, reminding the others), and the
receiving office's page (marking it read). Views only translate: writes are services.py's, reads selectors.py's."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.models import Region
from hrss.core.pages import ledger_download, query_without_page
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.supervision.models import Notice, NoticeReceipt, PublicityEvent, PublicityTopic
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.publicity import selectors, services
from hrss.supervision.publicity.forms import EventForm, NoticeForm

EVENTS_TITLE = "宣传活动台账"
MAX_OFFICES = 500  # the chosen offices' checkboxes of one issuing office


def _event_filters(request, today):
    year = request.GET.get("year", "")
    year = None if year == "all" else (int(year) if year.isdigit() and 2000 <= int(year) <= today.year
                                       else today.year)
    return {"topic": request.GET.get("topic", "") if request.GET.get("topic") in PublicityTopic.values else "",
            "year": year, "month": selectors.month_of(request.GET.get("month", "")) if year else None,
            "q": request.GET.get("q", "")[:30]}


@staff_view(SUPERVISION_VIEW)
def events(request):
    """宣传活动台账 of a region (the user's own by default): filters, the chosen year's figures by month, pages of
    50, .xlsx."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _event_filters(request, today)
    rows = selectors.events(request.user, region, **filters)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    months, year_totals = selectors.by_month(request.user, region, filters["year"] or today.year)
    return render(request, "supervision/publicity/events.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": query_without_page(request),
        "places": place_names((event.region_code for event in page), below=region), "topics": PublicityTopic.choices,
        "years": range(today.year, today.year - 5, -1), "months": months, "year_totals": year_totals,
        "shown_year": filters["year"] or today.year, "shown_totals": selectors.totals(rows),
        "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, SUPERVISION_HANDLE),
        # The rows of the user's own office carry 更正 (the service decides; merged villages' rows are not offered).
        "own_code": request.user.region.code if request.user.region_id else ""})


@staff_view(SUPERVISION_VIEW)
@ratelimit.per_user("export")
def events_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    rows = list(selectors.events(request.user, region, **_event_filters(request, today)))
    places = place_names((event.region_code for event in rows), below=region)
    return ledger_download(request, EVENTS_TITLE, region, today, selectors.EVENTS_HEADER,
                           [selectors.event_cells(event, places) for event in rows],
                           action="supervision.publicity_events.exported")


def _event_form_page(request, form, event=None):
    return render(request, "supervision/publicity/event_form.html", {
        "form": form, "event": event,
        "office": place_names([event.region_code]).get(event.region_code, "") if event else ""})


@staff_view(SUPERVISION_HANDLE)
def event_new(request):
    """登记宣传活动 (?region=CODE fills in the office)."""
    region = scoping.region_from_request(request) if request.method == "GET" else None
    form = EventForm(request.POST or None, user=request.user, initial={
        "region": region, "held_on": timezone.localdate(), "materials_count": 0,
        "organiser": request.user.full_name or ""})
    if request.method != "POST":
        return _event_form_page(request, form)
    return submit(request, form, lambda data: services.record_event(
        actor=request.user, region=data["region"], topic=data["topic"], topic_detail=data["topic_detail"],
        place=data["place"], held_on=data["held_on"], people_reached=data["people_reached"],
        materials_count=data["materials_count"] or 0, materials_description=data["materials_description"],
        organiser=data["organiser"], note=data["note"]),
        success=lambda event: f"已登记宣传活动：{event.held_on:%Y-%m-%d} {event.place}（{event.people_reached}人）。",
        done=lambda event: redirect(reverse("supervision:publicity-events") + f"?region={event.region_code}"),
        redisplay=lambda form: _event_form_page(request, form))


def _ledger_of(event):
    """The ledger of the event's office and year, where the event (and its figures) show."""
    return redirect(reverse("supervision:publicity-events") + f"?region={event.region_code}&year={event.held_on.year}")


@staff_view(SUPERVISION_HANDLE)
def event_correct(request, pk):
    """更正宣传活动: the form prefilled with the event as recorded; only its holding office itself corrects it."""
    event = scoping.get_visible_or_404(PublicityEvent, request.user, pk=pk)
    if not services.is_recording_office(request.user, event.region_code, event.created_by):
        raise PermissionDenied("宣传活动只能由举办单位本身更正；上级单位可以查看，不能代为更正。")
    form = EventForm(request.POST or None, user=request.user, correcting=True,
                     initial={field: getattr(event, field) for field in services.EVENT_FIELDS})
    if request.method != "POST":
        return _event_form_page(request, form, event)
    return submit(request, form, lambda data: services.correct_event(
        actor=request.user, event=event, topic=data["topic"], topic_detail=data["topic_detail"],
        place=data["place"], held_on=data["held_on"], people_reached=data["people_reached"],
        materials_count=data["materials_count"] or 0, materials_description=data["materials_description"],
        organiser=data["organiser"], note=data["note"]),
        success=lambda event: f"已更正宣传活动：{event.held_on:%Y-%m-%d} {event.place}（{event.people_reached}人）。",
        done=_ledger_of, redisplay=lambda form: _event_form_page(request, form, event))


# --- notices ---------------------------------------------------------------------------------------------------


@staff_view(SUPERVISION_VIEW)
def notices(request):
    """通知: what was sent to the office of ?region=CODE (the user's own by default) and the notices issued by
    the offices of the region, with how many have read each."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    received = (list(selectors.received(request.user, region)[:100]) if region.level in services.RECEIVING_LEVELS
                else [])
    page = Paginator(selectors.issued(request.user, region), 30).get_page(request.GET.get("page"))
    return render(request, "supervision/publicity/notices.html", {
        "region": region, "today": today, "received": received,
        "page": page, "query": query_without_page(request),
        "places": place_names((notice.region_code for notice in page), below=None),
        "crumbs": scoping.breadcrumb(request.user, region),
        "can_issue": has_permission(request.user, SUPERVISION_HANDLE) and region.level in services.ISSUING_LEVELS})


def _offices_below(user, region):
    return list(scoping.within_region(scoping.visible_to(user, Region.objects.filter(
        is_active=True, level__in=services.RECEIVING_LEVELS)), region).exclude(code=region.code)
        .order_by("code")[:MAX_OFFICES])


def _notice_form_page(request, form, region, offices, unstaffed):
    return render(request, "supervision/publicity/notice_form.html", {
        "form": form, "region": region,
        "unstaffed": [office for office in offices if office.code in unstaffed]})


def _unstaffed_warning(request, notice):
    """After sending: which receiving offices have no active account to read the notice (the issuer's to tell)."""
    codes = [receipt.region_code for receipt in notice.receipts.all()]
    unstaffed = selectors.without_readers(request.user, Region.objects.filter(code__in=codes))
    if unstaffed:
        names = place_names(sorted(unstaffed), below=Region.objects.get(code=notice.region_code))
        messages.warning(request, f"以下{len(unstaffed)}个接收单位暂无在用的工作人员账号，无人能阅读该通知，请另行电话"
                                  f"或书面通知：{'、'.join(names[code] for code in sorted(unstaffed))}。")


@staff_view(SUPERVISION_HANDLE)
def notice_new(request):
    """发通知 from the office of ?region=CODE (the user's own by default; POST region) to offices below it; the form
    and, after sending, a message name the offices with no active account to read it."""
    region = scoping.region_from_request(request)
    offices = _offices_below(request.user, region)
    unstaffed = selectors.without_readers(request.user, offices)
    form = NoticeForm(request.POST or None, offices=offices, issuer=region, unstaffed=unstaffed)
    if request.method != "POST":
        return _notice_form_page(request, form, region, offices, unstaffed)

    def done(notice):
        _unstaffed_warning(request, notice)
        return redirect("supervision:publicity-notice", pk=notice.pk)

    return submit(request, form, lambda data: services.issue_notice(
        actor=request.user, region=region, title=data["title"], body=data["body"], read_by=data["read_by"],
        audience=data["audience"], offices=data["offices"]),
        success=lambda notice: f"已发出通知“{notice.title}”（{notice.receipts.count()}个接收单位）。",
        done=done, redisplay=lambda form: _notice_form_page(request, form, region, offices, unstaffed))


def _notice(request, pk):
    return scoping.get_visible_or_404(Notice.objects.select_related("issued_by"), request.user, pk=pk)


@staff_view(SUPERVISION_VIEW)
def notice(request, pk):
    """The issuer's page of a notice: each receiving office, read (when, by whom) or not (reminded how often)."""
    notice = _notice(request, pk)
    receipts = list(notice.receipts.select_related("read_by").order_by("read_on", "region_code"))
    read = sum(1 for receipt in receipts if receipt.is_read)
    return render(request, "supervision/publicity/notice.html", {
        "notice": notice, "receipts": receipts, "read": read, "unread": len(receipts) - read,
        "unstaffed": selectors.without_readers(request.user, Region.objects.filter(
            code__in=[receipt.region_code for receipt in receipts if not receipt.is_read])),
        "today": timezone.localdate(), "issuer": Region.objects.get(code=notice.region_code),
        "places": place_names((receipt.region_code for receipt in receipts),
                              below=Region.objects.get(code=notice.region_code)),
        "can_remind": has_permission(request.user, SUPERVISION_HANDLE) and read < len(receipts)})


@staff_view(SUPERVISION_HANDLE)
@require_POST
def notice_remind(request, pk):
    notice = _notice(request, pk)
    return submit(request, forms.Form(request.POST), lambda data: services.remind(actor=request.user, notice=notice),
                  success=lambda count: f"已向{count}个未阅单位催阅。",
                  done=lambda _: redirect("supervision:publicity-notice", pk=pk),
                  redisplay=lambda form: _refused(request, form, reverse("supervision:publicity-notice", args=[pk])))


def _refused(request, form, back):
    for error in form.non_field_errors():
        messages.error(request, error)
    return redirect(back)


def _receipt(request, pk):
    return scoping.get_visible_or_404(NoticeReceipt.objects.select_related("notice", "notice__issued_by", "read_by"),
                                      request.user, pk=pk)


@staff_view(SUPERVISION_VIEW)
def receipt(request, pk):
    """A notice as the receiving office sees it, with its 已阅 button for someone of that office."""
    receipt = _receipt(request, pk)
    scope = scoping.scope_of(request.user)
    return render(request, "supervision/publicity/receipt.html", {
        "receipt": receipt, "notice": receipt.notice, "today": timezone.localdate(),
        "office": Region.objects.get(code=receipt.region_code),
        "issuer": Region.objects.get(code=receipt.notice.region_code),
        "can_mark": (not receipt.is_read and has_permission(request.user, SUPERVISION_HANDLE)
                     and scope.region.code == receipt.region_code)})


@staff_view(SUPERVISION_HANDLE)
@require_POST
def receipt_read(request, pk):
    receipt = _receipt(request, pk)
    back = reverse("supervision:publicity-receipt", args=[pk])
    return submit(request, forms.Form(request.POST), lambda data: services.mark_read(actor=request.user,
                                                                                     receipt=receipt),
                  success="已标记已阅。", done=lambda _: redirect(back),
                  redisplay=lambda form: _refused(request, form, back))


urlpatterns = [
    path("publicity/events/", events, name="publicity-events"),
    path("publicity/events/export.xlsx", events_export, name="publicity-events-export"),
    path("publicity/events/new/", event_new, name="publicity-event-new"),
    path("publicity/events/<int:pk>/correct/", event_correct, name="publicity-event-correct"),
    path("publicity/notices/", notices, name="publicity-notices"),
    path("publicity/notices/new/", notice_new, name="publicity-notice-new"),
    path("publicity/notices/<int:pk>/", notice, name="publicity-notice"),
    path("publicity/notices/<int:pk>/remind/", notice_remind, name="publicity-notice-remind"),
    path("publicity/receipts/<int:pk>/", receipt, name="publicity-receipt"),
    path("publicity/receipts/<int:pk>/read/", receipt_read, name="publicity-receipt-read"),
]
