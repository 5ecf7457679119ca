"""The offices part's pages under /network/offices/ (url names prefixed "offices-"): a region's offices with their
standing (city → counties → townships → villages), an office's page (its compliance per rule on a day, with the
evidence and photos), its edit page (small forms, usable on a phone), and its photos served only in scope. Views
only translate: writes are services.py's."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import scoping
from hrss.core.forms import form_errors_text, submit
from hrss.core.models import Level, Region
from hrss.core.permissions import has_permission, staff_view
from hrss.network.models import Office, OfficeEquipment, OfficePhoto, OfficeRoom, OfficeStaff, OfficeWindow
from hrss.network.offices import forms, selectors, services
from hrss.network.permissions import NETWORK_VIEW, OFFICE_EDIT
from hrss.network.standards import compliance, rules


def can_edit(user):
    scope = scoping.scope_of(user)
    return has_permission(user, OFFICE_EDIT) and not scope.is_empty and scope.region.level in services.EDITING_LEVELS


def _office(request, pk):
    return scoping.get_visible_or_404(Office, request.user, pk=pk)


def _day(request, today):
    """?on=YYYY-MM-DD, the day the rules are read for (today by default)."""
    value = request.GET.get("on", "")
    try:
        return datetime.date.fromisoformat(value) if value else today
    except ValueError:
        messages.error(request, f"日期“{value}”格式有误，请按YYYY-MM-DD填写；下面按今天显示。")
        return today


@staff_view(NETWORK_VIEW)
def region_offices(request):
    """服务机构达标情况 of ?region=CODE (the user's own by default): each township or village below with its stored
    standing, each county with its counts; a region without an office counts as unknown."""
    return _regions_page(request, scoping.region_from_request(request))


def _regions_page(request, region):
    today = timezone.localdate()
    if region.level >= Level.COUNTY:
        rows = [{"region": place, "standing": standing,
                 "summary": selectors.summary_under(place) if place.level == Level.TOWNSHIP and place != region
                 else None} for place, standing in selectors.office_regions(request.user, region)]
    else:
        children = scoping.visible_to(request.user, Region.objects.filter(parent=region, is_active=True))
        rows = [{"region": child, "standing": None, "summary": selectors.summary_under(child)}
                for child in children.order_by("code")]
    return render(request, "network/offices/regions.html", {
        "region": region, "rows": rows, "summary": selectors.summary_under(region), "today": today,
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(NETWORK_VIEW)
def open_office(request):
    """The office of ?region=CODE (a township or a village), made the first time it is opened: its page."""
    region = scoping.region_from_request(request)
    if region.level not in services.OFFICE_LEVELS:  # a county or the city: its offices to pick from
        return _regions_page(request, region)
    try:
        office = services.office_for(actor=request.user, region=region)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return _regions_page(request, region)
    return _detail_page(request, office)


def _photos_by_subject(office):
    photos = {}
    for photo in office.photos.defer("content").order_by("-taken_on", "-pk"):
        photos.setdefault(photo.subject, []).append(photo)
    return photos


@staff_view(NETWORK_VIEW)
def detail(request, pk):
    """An office's page: its compliance per rule on ?on= (today by default) with the evidence, and what it recorded."""
    return _detail_page(request, _office(request, pk))


def _detail_page(request, office):
    today = timezone.localdate()
    on = _day(request, today)
    region = Region.objects.get(code=office.region_code)
    result = compliance.check(office, on)
    services.keep_standing(office, result, today)  # the lists read the stored standing: made to agree with this page
    photos = _photos_by_subject(office)
    rule_rows = [{"result": r, "photos": photos.pop(r.rule, [])} for r in result.results]
    return render(request, "network/offices/detail.html", {
        "office": office, "region": region, "kind": rules.KIND_NAMES.get(rules.kind_of(region), ""), "on": on,
        "today": today, "result": result, "rule_rows": rule_rows, "other_photos": [p for ps in photos.values()
                                                                                   for p in ps],
        "staff": office.staff.order_by("left_on", "pk"), "rooms": office.rooms.order_by("pk"),
        "windows": office.windows.order_by("pk"), "equipment": office.equipment.order_by("pk"),
        "facts": office.facts if hasattr(office, "facts") else None,
        "crumbs": scoping.breadcrumb(request.user, region), "can_edit": can_edit(request.user)})


def _subjects():
    return [(rule.code, rule.title) for rule in rules.RULES]


def _edit_page(request, office, **bound):
    region = Region.objects.get(code=office.region_code)
    facts = office.facts if hasattr(office, "facts") else None
    context = {
        "office": office, "region": region, "crumbs": scoping.breadcrumb(request.user, region),
        "office_form": forms.OfficeForm(initial={f: getattr(office, f) for f in services.OFFICE_FIELDS}),
        "facts_form": forms.FactsForm(initial=forms.FactsForm.initial_of(facts)),
        "staff_form": forms.StaffForm(), "room_form": forms.RoomForm(), "window_form": forms.WindowForm(),
        "equipment_form": forms.EquipmentForm(), "photo_form": forms.PhotoForm(subjects=_subjects()),
        "staff": office.staff.order_by("left_on", "pk"), "rooms": office.rooms.order_by("pk"),
        "windows": office.windows.order_by("pk"), "equipment": office.equipment.order_by("pk"),
        "photos": office.photos.defer("content").order_by("-pk"), "today": timezone.localdate(),
    }
    context.update(bound)
    return render(request, "network/offices/edit.html", context)


def _edit_url(office, anchor=""):
    return reverse("network:offices-edit", args=[office.pk]) + (f"#{anchor}" if anchor else "")


@staff_view(OFFICE_EDIT)
def edit(request, pk):
    """维护建设情况: the office's details (POST here) and the small forms of its roster, rooms, windows, equipment,
    facts and photos (each posting to its own address)."""
    office = _office(request, pk)
    if request.method != "POST":
        return _edit_page(request, office)
    form = forms.OfficeForm(request.POST)
    return submit(request, form, lambda d: services.update_office(actor=request.user, office=office, **d),
                  success="已保存机构基本情况。", done=lambda _: redirect(_edit_url(office)),
                  redisplay=lambda f: _edit_page(request, office, office_form=f))


def _post(request, office, form, act, success, anchor, name):
    """A small form of the edit page: its refusal shown on the page again with what was typed."""
    return submit(request, form, act, success=success, done=lambda _: redirect(_edit_url(office, anchor)),
                  redisplay=lambda f: _edit_page(request, office, **{name: f}))


@staff_view(OFFICE_EDIT)
@require_POST
def facts(request, pk):
    office = _office(request, pk)
    form = forms.FactsForm(request.POST)

    def act(_data):
        return services.record_facts(actor=request.user, office=office, **form.facts())

    return _post(request, office, form, act, "已保存标识、上墙与联网情况。", "facts", "facts_form")


@staff_view(OFFICE_EDIT)
@require_POST
def staff_add(request, pk):
    office = _office(request, pk)
    form = forms.StaffForm(request.POST)
    return _post(request, office, form, lambda d: services.add_staff(actor=request.user, office=office, **d),
                 lambda s: f"已登记工作人员{s.name}。", "staff", "staff_form")


@staff_view(OFFICE_EDIT)
def staff_edit(request, pk):
    staff = scoping.get_visible_or_404(OfficeStaff.objects.select_related("office"), request.user, pk=pk)
    office = staff.office
    form = forms.StaffForm(request.POST or None, initial={f: getattr(staff, f) for f in services.STAFF_FIELDS})

    def redisplay(form):
        return render(request, "network/offices/staff_form.html", {
            "office": office, "staff": staff, "form": form, "leave_form": forms.LeaveForm(
                initial={"left_on": timezone.localdate()}),
            "region": Region.objects.get(code=office.region_code)})

    if request.method != "POST":
        return redisplay(form)
    return submit(request, form, lambda d: services.update_staff(actor=request.user, staff=staff, **d),
                  success=f"已更新{staff.name}的情况。", done=lambda _: redirect(_edit_url(office, "staff")),
                  redisplay=redisplay)


@staff_view(OFFICE_EDIT)
@require_POST
def staff_leave(request, pk):
    staff = scoping.get_visible_or_404(OfficeStaff.objects.select_related("office"), request.user, pk=pk)
    form = forms.LeaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("network:offices-staff-edit", pk=staff.pk)
    try:
        services.staff_left(actor=request.user, staff=staff, left_on=form.cleaned_data["left_on"])
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("network:offices-staff-edit", pk=staff.pk)
    messages.success(request, f"已登记{staff.name}离岗。")
    return redirect(_edit_url(staff.office, "staff"))


@staff_view(OFFICE_EDIT)
@require_POST
def room_add(request, pk):
    office = _office(request, pk)
    form = forms.RoomForm(request.POST)
    return _post(request, office, form, lambda d: services.add_room(actor=request.user, office=office, **d),
                 "已登记服务场所。", "rooms", "room_form")


@staff_view(OFFICE_EDIT)
@require_POST
def window_add(request, pk):
    office = _office(request, pk)
    form = forms.WindowForm(request.POST)
    return _post(request, office, form, lambda d: services.add_window(actor=request.user, office=office, **d),
                 "已登记服务窗口。", "windows", "window_form")


@staff_view(OFFICE_EDIT)
@require_POST
def equipment_add(request, pk):
    office = _office(request, pk)
    form = forms.EquipmentForm(request.POST)
    return _post(request, office, form, lambda d: services.add_equipment(actor=request.user, office=office, **d),
                 "已登记办公设备。", "equipment", "equipment_form")


def _remover(model, anchor):
    @staff_view(OFFICE_EDIT)
    @require_POST
    def remove(request, pk):
        item = scoping.get_visible_or_404(model.objects.select_related("office"), request.user, pk=pk)
        office = item.office
        try:
            services.remove_item(actor=request.user, item=item, reason=request.POST.get("reason", ""))
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, f"已删除“{item}”。")
        return redirect(_edit_url(office, anchor))

    return remove


room_remove = _remover(OfficeRoom, "rooms")
window_remove = _remover(OfficeWindow, "windows")
equipment_remove = _remover(OfficeEquipment, "equipment")


@staff_view(OFFICE_EDIT)
@require_POST
def photo_add(request, pk):
    office = _office(request, pk)
    form = forms.PhotoForm(request.POST, request.FILES, subjects=_subjects())

    def act(data):
        return services.add_photo(actor=request.user, office=office, upload=data["photo"], subject=data["subject"],
                                  caption=data["caption"])

    return _post(request, office, form, act, "已上传照片。", "photos", "photo_form")


@staff_view(NETWORK_VIEW)
def photo(request, pk):
    """A photo of an office, only to a user whose scope holds the office (404 otherwise), never cached."""
    row = scoping.get_visible_or_404(OfficePhoto.objects.only("pk", "office", "content", "content_type"),
                                     request.user, pk=pk)
    response = HttpResponse(bytes(row.content), content_type=row.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


@staff_view(OFFICE_EDIT)
@require_POST
def photo_remove(request, pk):
    row = scoping.get_visible_or_404(OfficePhoto.objects.defer("content").select_related("office"), request.user,
                                     pk=pk)
    office = row.office
    services.remove_photo(actor=request.user, photo=row, reason=request.POST.get("reason", ""))
    messages.success(request, "已删除照片。")
    return redirect(_edit_url(office, "photos"))


urlpatterns = [
    path("offices/", region_offices, name="offices-list"),
    path("offices/open/", open_office, name="offices-open"),
    path("offices/<int:pk>/", detail, name="offices-detail"),
    path("offices/<int:pk>/edit/", edit, name="offices-edit"),
    path("offices/<int:pk>/facts/", facts, name="offices-facts"),
    path("offices/<int:pk>/staff/", staff_add, name="offices-staff-add"),
    path("offices/staff/<int:pk>/", staff_edit, name="offices-staff-edit"),
    path("offices/staff/<int:pk>/leave/", staff_leave, name="offices-staff-leave"),
    path("offices/<int:pk>/rooms/", room_add, name="offices-room-add"),
    path("offices/rooms/<int:pk>/remove/", room_remove, name="offices-room-remove"),
    path("offices/<int:pk>/windows/", window_add, name="offices-window-add"),
    path("offices/windows/<int:pk>/remove/", window_remove, name="offices-window-remove"),
    path("offices/<int:pk>/equipment/", equipment_add, name="offices-equipment-add"),
    path("offices/equipment/<int:pk>/remove/", equipment_remove, name="offices-equipment-remove"),
    path("offices/<int:pk>/photos/", photo_add, name="offices-photo-add"),
    path("offices/photos/<int:pk>/", photo, name="offices-photo"),
    path("offices/photos/<int:pk>/remove/", photo_remove, name="offices-photo-remove"),
]
