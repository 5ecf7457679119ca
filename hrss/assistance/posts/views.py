"""The posts part's pages (url names prefixed "posts-"): the posts (list, .xlsx, new, page, edit), placing a person
(from the post's page or the person's), the placements (list, .xlsx, page, end) and the monthly subsidy roll
(月度补贴发放花名册) with its .xlsx. Views only translate: writes are services.py's, reads selectors.py's, through
core.scoping."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.assistance.models import (
    Placement,
    PlacementEndReason,
    PostStatus,
    Recognition,
    RecognitionStatus,
    WelfarePost,
)
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.assistance.posts import exports, roll, rules, selectors, services
from hrss.assistance.posts.forms import EndForm, PlaceFromPersonForm, PlaceFromPostForm, PostForm
from hrss.core import pages, scoping
from hrss.core.forms import submit
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.residents.models import Person
from hrss.residents.permissions import RESIDENT_VIEW

POST_STATES = {"open": "开放", "vacant": "有空余岗位", "closed": "已关闭"}
PLACEMENT_STATES = {"active": "在岗", "ending": "补贴30天内到期", "ended": "已离岗"}


def _can_handle(user):
    return has_permission(user, ASSISTANCE_HANDLE)


def _filtered_posts(request, region, today):
    found = selectors.posts(request.user, region)
    state, query = request.GET.get("state", ""), request.GET.get("q", "").strip()
    if state in ("open", "vacant"):
        found = found.filter(status=PostStatus.OPEN)
    elif state == "closed":
        found = found.filter(status=PostStatus.CLOSED)
    if query:
        found = found.filter(Q(unit_name__contains=query) | Q(title__contains=query))
    if state == "vacant":
        found = [post for post in found if selectors.vacancies_on(post, today) > 0]
    return found, state, query


@staff_view(ASSISTANCE_VIEW)
def posts(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    found, state, query = _filtered_posts(request, region, today)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    places = place_names((post.region_code for post in page), below=region)
    rows = [(post, places, selectors.holding_on(post.placements.all(), today).count(),
             selectors.vacancies_on(post, today)) for post in page]
    return render(request, "assistance/posts/posts.html", {
        "region": region, "page": page, "rows": rows, "places": places, "state": state, "query": query,
        "states": POST_STATES, "can_handle": _can_handle(request.user), "today": today})


@staff_view(ASSISTANCE_VIEW)
def posts_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    found, _state, _query = _filtered_posts(request, region, today)
    header, rows = exports.post_rows(found, today)
    return pages.xlsx_download(request, [("公益性岗位台账", header, rows)], f"公益性岗位台账-{region.name}-{today:%Y%m%d}.xlsx",
                               action="assistance.posts.exported", target=region, after={"rows": len(rows)})


def _post_kwargs(data):
    return {"unit_name": data["unit_name"], "unit_kind": data["unit_kind"], "unit_code": data["unit_code"],
            "title": data["title"], "occupation_code": data["occupation_code"], "headcount": data["headcount"],
            "post_subsidy": data["post_subsidy"], "insurance_subsidy": data["insurance_subsidy"],
            "open_from": data["open_from"], "open_until": data["open_until"], "note": data["note"]}


@staff_view(ASSISTANCE_HANDLE)
def post_create(request):
    today = timezone.localdate()
    form = PostForm(request.POST or None, user=request.user, initial={"open_from": today, "headcount": 1})
    if request.method == "POST" and form.is_valid():
        try:
            post = services.create_post(actor=request.user, region_code=form.cleaned_data["region"].code,
                                        **_post_kwargs(form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已登记公益性岗位“{post}”。")
            return redirect("assistance:posts-detail", pk=post.pk)
    post_default, insurance_default = rules.default_amounts(today)
    return render(request, "assistance/posts/post_form.html", {
        "form": form, "post": None, "post_default": post_default, "insurance_default": insurance_default})


def _post(request, pk):
    return scoping.get_visible_or_404(WelfarePost, request.user, pk=pk)


def _placeable_people(user, today):
    """Recognised people of the user's scope, valid today, who hold no post (for the post page's form)."""
    recognitions = (scoping.visible_to(user, Recognition.objects.filter(
        status=RecognitionStatus.RECOGNISED, recognised_on__lte=today, valid_until__gte=today))
        .exclude(person_id__in=Placement.objects.filter(ended_on__isnull=True).values("person_id"))
        .select_related("person").order_by("person__name")[:300])
    return [recognition.person for recognition in recognitions]


@staff_view(ASSISTANCE_VIEW)
def post_detail(request, pk, form=None):
    post = _post(request, pk)
    today = timezone.localdate()
    placements = list(post.placements.select_related("person").order_by("-started_on", "-id"))
    can_handle = _can_handle(request.user)
    return render(request, "assistance/posts/post_detail.html", {
        "post": post, "today": today, "placements": placements,
        "places": place_names([post.region_code]),
        "holding": selectors.holding_on(post.placements.all(), today).count(),
        "vacancies": selectors.vacancies_on(post, today), "open_today": selectors.is_open_on(post, today),
        "can_handle": can_handle, "can_see_people": has_permission(request.user, RESIDENT_VIEW),
        "form": form or (PlaceFromPostForm(people=_placeable_people(request.user, today),
                                           initial={"started_on": today}) if can_handle else None)})


@staff_view(ASSISTANCE_HANDLE)
def post_edit(request, pk):
    post = _post(request, pk)
    initial = {name: getattr(post, name) for name in services.POST_FIELDS}
    form = PostForm(request.POST or None, user=request.user, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_post(actor=request.user, post=post, status=form.cleaned_data["status"],
                                 **_post_kwargs(form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "已保存岗位修改。")
            return redirect("assistance:posts-detail", pk=post.pk)
    return render(request, "assistance/posts/post_form.html", {"form": form, "post": post})


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def post_place(request, pk):
    post = _post(request, pk)
    today = timezone.localdate()
    return submit(request, PlaceFromPostForm(request.POST, people=_placeable_people(request.user, today)),
                  lambda data: services.place_person(
                      actor=request.user, post=post, started_on=data["started_on"], note=data["note"],
                      person=scoping.get_visible_or_404(Person, request.user, pk=data["person"])),
                  success=lambda placement: f"已将{placement.person.name}安置到该岗位，补贴至"
                                            f"{placement.subsidy_until:%Y-%m-%d}；已同时办理就业登记。",
                  done=lambda placement: redirect("assistance:posts-placement-detail", pk=placement.pk),
                  redisplay=lambda form: post_detail(request, pk, form=form))


@staff_view(ASSISTANCE_HANDLE)
def place_person(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    today = timezone.localdate()
    open_posts = selectors.open_posts(request.user, today)
    form = PlaceFromPersonForm(request.POST or None, posts=open_posts, initial={"started_on": today})
    if request.method == "POST" and form.is_valid():
        post = scoping.get_visible_or_404(WelfarePost, request.user, pk=form.cleaned_data["post"])
        try:
            placement = services.place_person(actor=request.user, post=post, person=person,
                                              started_on=form.cleaned_data["started_on"],
                                              note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已将{person.name}安置到“{post}”，补贴至{placement.subsidy_until:%Y-%m-%d}；"
                                      "已同时办理就业登记。")
            return redirect("assistance:posts-placement-detail", pk=placement.pk)
    return render(request, "assistance/posts/place_person.html", {
        "person": person, "form": form, "recognition": selectors.valid_recognition(person, today),
        "months_before": selectors.months_before(person), "term": rules.subsidy_term_on(today)})


def _filtered_placements(request, region, today):
    found = selectors.placements(request.user, region)
    state = request.GET.get("state", "")
    if state == "active":
        found = selectors.holding_on(found, today)
    elif state == "ending":
        found = selectors.ending_soon(request.user, today, region)
    elif state == "ended":
        found = found.filter(ended_on__isnull=False)
    return found, state


@staff_view(ASSISTANCE_VIEW)
def placements(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    found, state = _filtered_placements(request, region, today)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    places = place_names((placement.region_code for placement in page), below=region)
    return render(request, "assistance/posts/placements.html", {
        "region": region, "page": page, "places": places, "state": state, "states": PLACEMENT_STATES,
        "today": today})


@staff_view(ASSISTANCE_VIEW)
def placements_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    found, _state = _filtered_placements(request, region, today)
    header, rows = exports.placement_rows(found)
    return pages.xlsx_download(request, [("公益性岗位安置台账", header, rows)],
                               f"公益性岗位安置台账-{region.name}-{today:%Y%m%d}.xlsx",
                               action="assistance.placements.exported", target=region, after={"rows": len(rows)})


def _placement(request, pk):
    return scoping.get_visible_or_404(Placement.objects.select_related("person", "post", "recognition"),
                                      request.user, pk=pk)


@staff_view(ASSISTANCE_VIEW)
def placement_detail(request, pk, form=None):
    placement = _placement(request, pk)
    today = timezone.localdate()
    can_end = _can_handle(request.user) and placement.ended_on is None
    first, last = roll.subsidised_span(placement)
    return render(request, "assistance/posts/placement_detail.html", {
        "placement": placement, "person": placement.person, "post": placement.post, "today": today,
        "months_used": placement.months_before + roll.months_touched(first, min(last, today)),
        "can_see_people": has_permission(request.user, RESIDENT_VIEW),
        "form": form or (EndForm(initial={"ended_on": today}) if can_end else None)})


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def placement_end(request, pk):
    placement = _placement(request, pk)
    form = EndForm(request.POST)
    return submit(request, form, lambda data: services.end_placement(
        actor=request.user, placement=placement, ended_on=data["ended_on"], reason=data["reason"], note=data["note"]),
        success=lambda _: f"已登记离岗：{PlacementEndReason(form.cleaned_data['reason']).label}。",
        done=lambda _: redirect("assistance:posts-placement-detail", pk=pk),
        redisplay=lambda form: placement_detail(request, pk, form=form))


MONTH_PROBLEM = "月份应为 YYYY-MM 形式（如 {example}），年份在2000至2100之间；请重新选择月份。"


def _roll_month(request, today):
    """(year, month) of ?month=, or None when it is malformed (the page then says so, as the API's 422 does)."""
    try:
        return roll.parse_month(request.GET.get("month", ""), (today.year, today.month))
    except ValueError:
        return None


def _bad_month(request, region, today):
    month_text = f"{today.year:04d}-{today.month:02d}"
    return render(request, "assistance/posts/roll.html", {
        "region": region, "year": today.year, "month": today.month, "month_text": month_text, "lines": [],
        "bad_month": MONTH_PROBLEM.format(example=month_text), "given_month": request.GET.get("month", "")[:20],
        "places": {}, "sums": exports.roll_sums([]), "today": today}, status=400)


@staff_view(ASSISTANCE_VIEW)
def subsidy_roll(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    if (chosen := _roll_month(request, today)) is None:
        return _bad_month(request, region, today)
    year, month = chosen
    lines = selectors.roll_lines(request.user, region, year, month)
    return render(request, "assistance/posts/roll.html", {
        "region": region, "year": year, "month": month, "month_text": f"{year:04d}-{month:02d}", "lines": lines,
        "places": place_names((line.placement.region_code for line in lines), below=region),
        "sums": exports.roll_sums(lines), "today": today})


@staff_view(ASSISTANCE_VIEW)
def subsidy_roll_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    if (chosen := _roll_month(request, today)) is None:
        return _bad_month(request, region, today)
    year, month = chosen
    lines = selectors.roll_lines(request.user, region, year, month)
    header, rows = exports.roll_rows(lines)
    return pages.xlsx_download(request, [(f"{year:04d}年{month:02d}月", header, rows)],
                               f"公益性岗位补贴发放花名册-{region.name}-{year:04d}{month:02d}.xlsx",
                               action="assistance.subsidy_roll.exported", target=region,
                               after={"rows": len(lines), "roll_month": f"{year:04d}-{month:02d}"})


urlpatterns = [
    path("posts/", posts, name="posts-list"),
    path("posts.xlsx", posts_export, name="posts-export"),
    path("posts/new/", post_create, name="posts-create"),
    path("posts/<int:pk>/", post_detail, name="posts-detail"),
    path("posts/<int:pk>/edit/", post_edit, name="posts-edit"),
    path("posts/<int:pk>/place/", post_place, name="posts-place"),
    path("posts/place/<int:person_pk>/", place_person, name="posts-place-person"),
    path("posts/placements/", placements, name="posts-placements"),
    path("posts/placements.xlsx", placements_export, name="posts-placements-export"),
    path("posts/placements/<int:pk>/", placement_detail, name="posts-placement-detail"),
    path("posts/placements/<int:pk>/end/", placement_end, name="posts-placement-end"),
    path("posts/roll/", subsidy_roll, name="posts-roll"),
    path("posts/roll.xlsx", subsidy_roll_export, name="posts-roll-export"),
]
