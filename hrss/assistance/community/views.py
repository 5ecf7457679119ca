"""The community part's pages (url names prefixed "community-"): the assessments per county and year with their
.xlsx, the assessment form, an assessment's page with the county's decision. Views only translate: writes are
services.py's, reads selectors.py's, through core.scoping."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.assistance.community import rules, selectors, services
from hrss.assistance.community.forms import AssessmentForm, DecisionForm
from hrss.assistance.models import AssessmentResult, CommunityAssessment
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.core import pages, scoping
from hrss.core.forms import submit
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names


def _year(request, today):
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or 0)
    except ValueError:
        year = 0
    return year if rules.FIRST_YEAR <= year <= today.year else today.year - 1


def _filters(request):
    today = timezone.localdate()
    region = scoping.region_from_request(request)
    result = request.GET.get("result", "")
    return region, _year(request, today), result if result in AssessmentResult.values else ""


@staff_view(ASSISTANCE_VIEW)
def assessments(request):
    """充分就业社区评估: the assessments of a region's communities for a year; ?missing=1 lists the urban communities
    without one."""
    region, year, result = _filters(request)
    missing = request.GET.get("missing") == "1"
    rows = selectors.unassessed(request.user, region, year) if missing else selectors.assessments_visible_to(
        request.user, region, year=year, result=result)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    codes = [row.code if missing else row.region_code for row in page]
    if not missing:
        for row in page:
            row.summary = selectors.summary(row.criteria)
    return render(request, "assistance/community/assessments.html", {
        "region": region, "year": year, "result": result, "missing": missing, "page": page,
        "places": place_names(codes, below=region), "results": AssessmentResult.choices,
        "met": selectors.met_count(request.user, region, year),
        "communities": selectors.urban_communities(request.user, region).count(),
        "criteria": rules.criteria_for(year), "can_assess": has_permission(request.user, ASSISTANCE_HANDLE),
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(ASSISTANCE_VIEW)
def assessments_export(request):
    region, year, result = _filters(request)
    rows = list(selectors.assessments_visible_to(request.user, region, year=year, result=result)[:20000])
    places = place_names([row.region_code for row in rows], below=region)
    criteria = rules.criteria_for(year)
    header = ["社区", "区划代码", "评估年度", "评估日期", *[c.name for c in criteria], "评估说明", "评定结果", "认定日期",
              "认定意见"]

    def cell(row, criterion):
        found = row.criteria.get(criterion.code)
        if not found:
            return ""
        met = {True: "达到", False: "未达到", None: "未计算"}[found.get("met")]
        return f"{met}：{found.get('value', '')}{('；' + found['note']) if found.get('note') else ''}"

    data = [[places.get(row.region_code, row.region_code), row.region_code, row.year, row.assessed_on,
             *[cell(row, c) for c in criteria], row.note, row.get_result_display(), row.decided_on or "",
             row.decision_note] for row in rows]
    return pages.xlsx_download(request, [("充分就业社区评估", header, data)], f"充分就业社区评估_{region.name}_{year}.xlsx",
                               action="assistance.community_assessments.exported", target=region,
                               region_code=region.code, after={"assessment_year": year})


@staff_view(ASSISTANCE_HANDLE)
def assessment_new(request):
    today = timezone.localdate()
    year = _year(request, today)
    initial = {"year": year}
    if request.GET.get("village"):
        initial["village"] = request.GET["village"]
    form = AssessmentForm(request.POST or None, user=request.user, year=year, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = services.record_assessment(actor=request.user, region_code=data["village"].code,
                                                    year=data["year"], checks=form.checks(), note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已记录{data['village'].name}{year}年度的充分就业社区评估。")
            return redirect("assistance:community-assessment-detail", pk=assessment.pk)
    return render(request, "assistance/community/assessment_form.html", {"form": form, "year": year,
                                                                         "criteria": form.criteria})


def _assessment(request, pk):
    return scoping.get_visible_or_404(CommunityAssessment.objects.select_related("assessed_by", "decided_by"),
                                      request.user, pk=pk)


@staff_view(ASSISTANCE_VIEW)
def assessment_detail(request, pk, form=None):
    assessment = _assessment(request, pk)
    can_decide = (has_permission(request.user, ASSISTANCE_HANDLE)
                  and bool(set(request.user.role_list) & services.DECIDING_ROLES)
                  and assessment.result == AssessmentResult.PENDING)
    return render(request, "assistance/community/assessment_detail.html", {
        "assessment": assessment, "criteria": selectors.findings(request.user, assessment, timezone.localdate()),
        "figures_day": selectors.figures_day(assessment.year, timezone.localdate()), "place": place_names([assessment.region_code]).get(assessment.region_code, ""),
        "can_decide": can_decide,
        "can_reassess": has_permission(request.user, ASSISTANCE_HANDLE)
        and assessment.result == AssessmentResult.PENDING,
        "form": form or DecisionForm(initial={"version": assessment.version})})


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def assessment_decide(request, pk):
    assessment = _assessment(request, pk)
    return submit(request, DecisionForm(request.POST), lambda data: services.decide_assessment(
        actor=request.user, assessment=assessment, result=data["result"], note=data["note"],
        version=data["version"]),
        success="已认定评估结果。",
        done=lambda _: redirect("assistance:community-assessment-detail", pk=assessment.pk),
        redisplay=lambda form: assessment_detail(request, pk, form=form))


urlpatterns = [
    path("communities/assessments/", assessments, name="community-assessments"),
    path("communities/assessments/export/", assessments_export, name="community-assessments-export"),
    path("communities/assessments/new/", assessment_new, name="community-assessment-new"),
    path("communities/assessments/<int:pk>/", assessment_detail, name="community-assessment-detail"),
    path("communities/assessments/<int:pk>/decide/", assessment_decide, name="community-assessment-decide"),
]
