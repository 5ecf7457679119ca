"""Pages of the referrals part: refer a seeker (the match and its reasons, then confirm), the referral ledger
(推荐记录台账, with its .xlsx), a referral's page (outcome, letter) and the KPI page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from hrss.core import pages, ratelimit, scoping
from hrss.core.forms import form_errors_text
from hrss.core.id_numbers import mask
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.jobservices.models import JobFair, JobSeeker, Referral, ReferralOutcome
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW
from hrss.jobservices.referrals import kpi, selectors, services
from hrss.jobservices.referrals.forms import LedgerFilterForm, OutcomeForm, ReferForm

LEDGER_TITLE = "推荐记录台账"


def _referral(request, pk):
    return scoping.get_visible_or_404(Referral.objects.select_related("seeker__person", "vacancy__employer", "fair"),
                                      request.user, pk=pk)


@staff_view(JOBSERVICES_HANDLE)
def new(request):
    """推荐 (?seeker=&vacancy=): the seeker (in scope, 404 otherwise) and the vacancy (in scope or open), the match
    and its reasons; the officer confirms with a POST. Without a seeker the page says where to start."""
    seeker_id = request.POST.get("seeker") or request.GET.get("seeker") or ""
    vacancy_id = request.POST.get("vacancy") or request.GET.get("vacancy") or ""
    if not seeker_id.isdigit():
        return render(request, "jobservices/referrals/new.html", {"seeker": None})
    seeker = scoping.get_visible_or_404(JobSeeker.objects.select_related("person"), request.user, pk=seeker_id)
    vacancy = selectors.referable_vacancy(request.user, vacancy_id) if vacancy_id.isdigit() else None
    form = ReferForm(request.POST or None, initial={"seeker": seeker.pk, "vacancy": vacancy_id})
    today = timezone.localdate()
    fairs = {fair.pk: fair for fair in scoping.visible_to(request.user, JobFair.objects.filter(
        offers__vacancy=vacancy, held_on__lte=today, cancelled_on__isnull=True)).order_by("-held_on", "-pk")[:20]
    } if vacancy is not None else {}
    form.fields["fair"].choices += [(pk, f"{fair.held_on:%Y-%m-%d} {fair.name}") for pk, fair in fairs.items()]
    if request.method == "POST" and vacancy is not None and form.is_valid():
        try:
            referral = services.refer(actor=request.user, seeker=seeker, vacancy=vacancy,
                                      fair=fairs.get(form.cleaned_data["fair"]))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已推荐 {seeker.person.name} 到“{vacancy.title}”，推荐信编号 {referral.number}，"
                                      f"单位应于{referral.due_on:%Y-%m-%d}前反馈。")
            return redirect("jobservices:referrals-detail", pk=referral.pk)
    match = problems = None
    if vacancy is not None:
        score, reasons, suitable = services.assess(seeker, vacancy, today=today)
        match = {"score": score, "reasons": reasons, "suitable": suitable}
        problems = services.referral_problems(seeker=seeker, vacancy=vacancy, today=today)
    return render(request, "jobservices/referrals/new.html", {
        "seeker": seeker, "person": seeker.person, "vacancy": vacancy, "match": match, "problems": problems,
        "form": form, "fairs": fairs, "recent": seeker.referrals.select_related("vacancy__employer").order_by("-referred_on", "-id")[:5]})


@staff_view(JOBSERVICES_VIEW)
def ledger(request):
    """推荐记录台账: the referrals of a region (the user's own by default), newest first, with filters."""
    region = scoping.region_from_request(request)
    form = LedgerFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    rows = selectors.filtered(selectors.referrals(request.user, region), outcome=data.get("outcome", ""),
                              month=data.get("month", ""), q=data.get("q", ""), today=today)
    page = Paginator(rows.order_by("-referred_on", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "jobservices/referrals/ledger.html", {
        "region": region, "form": form, "page": page, "today": today, "title": LEDGER_TITLE,
        "crumbs": scoping.breadcrumb(request.user, region), "query": request.GET.urlencode()})


def ledger_rows(rows):
    header = ["推荐信编号", "推荐日期", "姓名", "公民身份号码", "村(社区)代码", "用人单位", "统一社会信用代码/组织机构代码",
              "岗位", "匹配得分", "合适岗位", "反馈期限", "结果", "结果日期", "结果说明"]
    body = [[r.number, r.referred_on.isoformat(), r.seeker.person.name, mask(r.seeker.person.id_number), r.region_code,
             r.vacancy.employer.name, r.vacancy.employer.code, r.vacancy.title, r.score, "是" if r.suitable else "否",
             r.due_on.isoformat(), r.get_outcome_display(), r.outcome_on.isoformat() if r.outcome_on else "",
             r.outcome_note] for r in rows]
    return header, body


@staff_view(JOBSERVICES_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    region = scoping.region_from_request(request)
    form = LedgerFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = selectors.filtered(selectors.referrals(request.user, region), outcome=data.get("outcome", ""),
                              month=data.get("month", ""), q=data.get("q", ""), today=timezone.localdate())
    header, body = ledger_rows(rows.order_by("referred_on", "id"))
    return pages.xlsx_download(request, [(LEDGER_TITLE, header, body)],
                               f"{LEDGER_TITLE}-{region.name}-{timezone.localdate():%Y%m%d}.xlsx",
                               action="jobservices.referral_ledger.exported", target=region, after={"rows": len(body)})


@staff_view(JOBSERVICES_VIEW)
def detail(request, pk, form=None):
    referral = _referral(request, pk)
    today = timezone.localdate()
    can_handle = has_permission(request.user, JOBSERVICES_HANDLE)
    return render(request, "jobservices/referrals/detail.html", {
        "referral": referral, "seeker": referral.seeker, "person": referral.seeker.person,
        "vacancy": referral.vacancy, "employer": referral.vacancy.employer, "today": today,
        "overdue": referral.outcome == ReferralOutcome.PENDING and referral.due_on < today,
        "can_handle": can_handle,
        "form": form or (OutcomeForm(initial={"outcome_on": today})
                         if can_handle and referral.outcome == ReferralOutcome.PENDING else None)})


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def outcome(request, pk):
    referral = _referral(request, pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_outcome(actor=request.user, referral=referral, outcome=data["outcome"],
                                    outcome_on=data["outcome_on"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            referral.refresh_from_db()
            text = f"已登记推荐结果：{referral.get_outcome_display()}。"
            if referral.outcome == ReferralOutcome.HIRED:
                text += "已办理就业登记，求职登记已结束。"
            messages.success(request, text)
            if referral.employment_registration_id and getattr(referral.employment_registration, "warning", ""):
                messages.warning(request, referral.employment_registration.warning)
            return redirect("jobservices:referrals-detail", pk=pk)
    else:
        messages.error(request, form_errors_text(form))
    return detail(request, pk, form=form)


@staff_view(JOBSERVICES_HANDLE)  # the letter names the seeker, their age and phone
def letter(request, pk):
    referral = _referral(request, pk)
    response = HttpResponse(services.letter_pdf(referral, actor=request.user), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"{referral.number}.pdf")
    return response


def _month(request, today):
    try:
        return kpi.parse_month(request.GET.get("month", ""))
    except ValueError:
        return today.year, today.month


@staff_view(JOBSERVICES_VIEW)
def kpi_page(request):
    """KPI 1 for a region and a month of registration, its children, the late ones by township, and the people
    behind a figure (?status=); KPI 3 for the region today."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    year, month = _month(request, today)
    report = kpi.job_offer_report(request.user, region, year, month, today=today)
    status = request.GET.get("status", "")
    people = None
    if status in kpi.STATUS_LABELS:
        people = Paginator([row for row in report.rows if row.status == status], 100).get_page(request.GET.get("page"))
    service, service_children = kpi.service_report(request.user, region, today=today)
    unserved = None
    if request.GET.get("unserved"):
        unserved = Paginator(kpi.unserved_people(request.user, region, today=today), 100).get_page(
            request.GET.get("page"))
    return render(request, "jobservices/referrals/kpi.html", {
        "region": region, "report": report, "month": f"{year}-{month:02d}", "year": year, "month_number": month,
        "today": today, "status": status, "status_label": kpi.STATUS_LABELS.get(status, ""), "people": people,
        "labels": kpi.STATUS_LABELS, "service": service, "service_children": service_children,
        "unserved": unserved, "places": place_names([person.region_code for person in unserved or []], region),
        "crumbs": scoping.breadcrumb(request.user, region),
        "working_days": kpi.dated(kpi.OFFER_WORKING_DAYS, today)})


urlpatterns = [
    path("referrals/", ledger, name="referrals-list"),
    path("referrals/export/", ledger_export, name="referrals-export"),
    path("referrals/kpi/", kpi_page, name="referrals-kpi"),
    path("referrals/new/", new, name="referrals-new"),
    path("referrals/<int:pk>/", detail, name="referrals-detail"),
    path("referrals/<int:pk>/outcome/", outcome, name="referrals-outcome"),
    path("referrals/<int:pk>/letter.pdf", letter, name="referrals-letter"),
]
