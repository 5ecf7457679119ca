"""Pages of the seekers part (url names prefixed `seekers-`, mounted under /jobservices/): the 求职登记台账 and its
.xlsx, 求职登记 from a person's page, a seeker's page with the best vacancies and why, a vacancy's best seekers,
and the registered unemployed who have no 求职登记 yet."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import classifications, pages, ratelimit, scoping
from hrss.core.forms import form_errors_text
from hrss.core.id_numbers import mask
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.jobservices.models import JobSeeker, SeekerStatus, Vacancy
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW
from hrss.jobservices.seekers import matching, selectors, services
from hrss.jobservices.seekers.forms import EndForm, LedgerFilterForm, SeekerForm
from hrss.residents.models import Person

MATCHES_ON_A_PAGE = 10


def _referral_link(seeker_id, vacancy_id):
    """The referrals part's 推荐 page for this pair, when that part has it."""
    try:
        return f"{reverse('jobservices:referrals-new')}?seeker={seeker_id}&vacancy={vacancy_id}"
    except NoReverseMatch:
        return ""


def _labels(codes):
    return [classifications.occupation_label(code) for code in codes]


def _filters(request):
    form = LedgerFilterForm(request.GET or None, initial={"status": "active"})
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    status = data.get("status", "active") if form.is_bound else "active"
    flag = data.get("not_selective", "")
    return form, {"status": status, "not_selective": {"1": True, "0": False}.get(flag),
                  "occupation": classifications.normalise_occupation_code(data.get("occupation", "")),
                  "name": (data.get("q") or "").strip()}


@staff_view(JOBSERVICES_VIEW)
def ledger(request):
    """求职登记台账: the region's seekers (the user's own region by default), longest registered first."""
    region = scoping.region_from_request(request)
    form, filters = _filters(request)
    seekers = selectors.seekers_in(request.user, region, **filters).order_by("registered_on", "id")
    page = Paginator(seekers, 50).get_page(request.GET.get("page"))
    return render(request, "jobservices/seekers/ledger.html", {
        "region": region, "form": form, "page": page, "query": pages.query_without_page(request),
        "rows": [(seeker, _labels(wanted.occupation_code for wanted in seeker.wanted.all())) for seeker in page],
        "unregistered": selectors.seekers_from_unemployment(request.user, region).count(),
        "places": place_names([seeker.region_code for seeker in page], region),
        "breadcrumb": scoping.breadcrumb(request.user, region)})


LEDGER_HEADER = ["姓名", "公民身份号码", "村(社区)代码", "求职登记日期", "意向职业", "期望月薪下限（元）", "愿意去的范围", "不挑不拣",
                 "可上岗日期", "联系电话", "状态", "结束日期", "结束原因"]


@staff_view(JOBSERVICES_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    region = scoping.region_from_request(request)
    _form, filters = _filters(request)
    seekers = selectors.seekers_in(request.user, region, **filters).order_by("region_code", "registered_on", "id")
    rows = [[seeker.person.name, mask(seeker.person.id_number), seeker.region_code, seeker.registered_on.isoformat(),
             "、".join(_labels(wanted.occupation_code for wanted in seeker.wanted.all())),
             seeker.wage_min if seeker.wage_min is not None else "", seeker.get_mobility_display(),
             "是" if seeker.not_selective else "否",
             seeker.available_from.isoformat() if seeker.available_from else "", seeker.phone,
             seeker.get_status_display(), seeker.ended_on.isoformat() if seeker.ended_on else "",
             seeker.get_end_reason_display() if seeker.end_reason else ""] for seeker in seekers]
    return pages.xlsx_download(request, [("求职登记台账", LEDGER_HEADER, rows)],
                               f"求职登记台账-{region.name}-{timezone.localdate():%Y%m%d}.xlsx",
                               action="jobservices.seeker_ledger.exported", target=region, after={"rows": len(rows)})


@staff_view(JOBSERVICES_VIEW)
def from_unemployment(request):
    """登记失业但未求职登记: each with a one-click 求职登记 (the form prefilled from the ledger)."""
    region = scoping.region_from_request(request)
    registrations = selectors.seekers_from_unemployment(request.user, region)
    page = Paginator(registrations, 50).get_page(request.GET.get("page"))
    return render(request, "jobservices/seekers/from_unemployment.html", {
        "region": region, "page": page, "can_handle": has_permission(request.user, JOBSERVICES_HANDLE),
        "places": place_names([registration.region_code for registration in page], region)})


def _initial_from_person(person):
    """What the ledger says the person wants (free text): a code when the text is one or names one exactly."""
    code = classifications.occupation_code_for(person.wanted_occupation) if person.wanted_occupation else None
    wage = "".join(ch for ch in person.wanted_wage if ch.isdigit())[:7]
    return {"occupations": code or "", "phone": person.phone, "wage_min": int(wage) if wage else None,
            "not_selective": False}


@staff_view(JOBSERVICES_HANDLE)
def new(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    problems = services.person_problems(person)
    form = SeekerForm(request.POST or None, initial=_initial_from_person(person))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            seeker = services.register_seeker(
                actor=request.user, person=person, occupations=data["occupations"], mobility=data["mobility"],
                not_selective=data["not_selective"], wage_min=data["wage_min"],
                available_from=data["available_from"], phone=data["phone"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已为 {person.name} 办理求职登记。")
            return redirect("jobservices:seekers-detail", pk=seeker.pk)
    return render(request, "jobservices/seekers/form.html", {
        "person": person, "form": form, "problems": problems, "seeker": None,
        "ledger_wish": person.wanted_occupation})


def _seeker(request, pk):
    return scoping.get_visible_or_404(JobSeeker.objects.select_related("person").prefetch_related("wanted"),
                                      request.user, pk=pk)


@staff_view(JOBSERVICES_VIEW)
def detail(request, pk):
    seeker = _seeker(request, pk)
    matches = []
    if seeker.status == SeekerStatus.ACTIVE:
        matches = [(match, _referral_link(seeker.pk, match.vacancy.pk))
                   for match in matching.matches_for_seeker(seeker, limit=MATCHES_ON_A_PAGE,
                                                            today=timezone.localdate())]
    return render(request, "jobservices/seekers/detail.html", {
        "seeker": seeker, "person": seeker.person, "matches": matches,
        "places": place_names([match.vacancy.region_code for match, _link in matches]),
        "occupations": _labels(wanted.occupation_code for wanted in seeker.wanted.all()),
        "can_handle": has_permission(request.user, JOBSERVICES_HANDLE) and seeker.status == SeekerStatus.ACTIVE,
        "end_form": EndForm()})


@staff_view(JOBSERVICES_HANDLE)
def edit(request, pk):
    seeker = _seeker(request, pk)
    initial = {"occupations": " ".join(wanted.occupation_code for wanted in seeker.wanted.all()),
               "wage_min": seeker.wage_min, "mobility": seeker.mobility, "not_selective": seeker.not_selective,
               "available_from": seeker.available_from, "phone": seeker.phone, "note": seeker.note}
    form = SeekerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_seeker(actor=request.user, seeker=seeker, occupations=data["occupations"],
                                   mobility=data["mobility"], not_selective=data["not_selective"],
                                   wage_min=data["wage_min"], available_from=data["available_from"],
                                   phone=data["phone"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "已保存求职登记的修改。")
            return redirect("jobservices:seekers-detail", pk=seeker.pk)
    return render(request, "jobservices/seekers/form.html", {
        "person": seeker.person, "form": form, "problems": [], "seeker": seeker})


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def end(request, pk):
    seeker = _seeker(request, pk)
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            services.end_seeking(actor=request.user, seeker=seeker, reason=form.cleaned_data["reason"],
                                 note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, "求职登记已结束。")
    else:
        messages.error(request, form_errors_text(form))
    return redirect("jobservices:seekers-detail", pk=pk)


@staff_view(JOBSERVICES_VIEW)
def vacancy_matches(request, vacancy_pk):
    """The best seekers of the user's scope for a vacancy of the user's scope."""
    vacancy = scoping.get_visible_or_404(Vacancy.objects.select_related("employer"), request.user, pk=vacancy_pk)
    matches = [(match, _referral_link(match.seeker.pk, vacancy.pk))
               for match in matching.matches_for_vacancy(vacancy, limit=20, today=timezone.localdate(),
                                                         user=request.user)]
    return render(request, "jobservices/seekers/vacancy_matches.html", {
        "vacancy": vacancy, "matches": matches, "occupation": classifications.occupation_label(vacancy.occupation_code),
        "can_refer": has_permission(request.user, JOBSERVICES_HANDLE)})


urlpatterns = [
    path("seekers/", ledger, name="seekers-list"),
    path("seekers/export/", ledger_export, name="seekers-export"),
    path("seekers/from-unemployment/", from_unemployment, name="seekers-from-unemployment"),
    path("seekers/new/<int:person_pk>/", new, name="seekers-new"),
    path("seekers/<int:pk>/", detail, name="seekers-detail"),
    path("seekers/<int:pk>/edit/", edit, name="seekers-edit"),
    path("seekers/<int:pk>/end/", end, name="seekers-end"),
    path("vacancies/<int:vacancy_pk>/seekers/", vacancy_matches, name="seekers-vacancy-matches"),
]
