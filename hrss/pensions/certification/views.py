"""The certification part's pages under /pensions/ (url names prefixed "certification-"): the campaigns of a region
and starting one (county or city), a campaign's page (figures per region below it, drilling down to the villages,
and the suspension of the uncertified after the window), the 认证名单 of a region (figures per child region, the
people paged and searched, certified inline), the printable reminder list of those due, and the 认证台账 with its
.xlsx. Views only translate: writes are services.py's, reads selectors.py's, through core.scoping."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from hrss.core import ratelimit, scoping
from hrss.core.dates import add_months
from hrss.core.models import Level, Region
from hrss.core.pages import xlsx_download
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.pensions.certification import rules, selectors, services
from hrss.pensions.certification.forms import CampaignForm, CertifyForm
from hrss.pensions.models import Certification, CertificationCampaign, CertificationMethod, CertificationState
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.pensions.schemes.rules import shown_source

PAGE = 50
LEDGER_TITLE = "认证台账"
STATE_FILTERS = {"due": "待认证", "done": "已认证（含恢复）", "suspended": "未认证，已暂停", "resumed": "已认证，已恢复", "died": "已死亡"}
KINDS = {"pension": "城乡居民养老保险待遇", "retiree": "企业退休人员"}


# --- campaigns ---------------------------------------------------------------------------------------------------

@staff_view(PENSIONS_VIEW)
def campaigns(request):
    """认证活动: the campaigns of the user's region (or ?region=) and below it."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    state = request.GET.get("state", "")
    state = state if state in selectors.STATES else ""
    page = Paginator(selectors.campaigns_visible_to(request.user, region, state=state, today=today), 30).get_page(
        request.GET.get("page"))
    return render(request, "pensions/certification/campaigns.html", {
        "region": region, "page": page, "state": state, "states": selectors.STATES.items(), "today": today,
        "rows": [(campaign, selectors.STATES[selectors.state_of(campaign, today)],
                  selectors.subjects_seen(request.user, campaign)) for campaign in page],
        "places": place_names([campaign.region_code for campaign in page]),
        "can_start": has_permission(request.user, PENSIONS_HANDLE) and region.level <= Level.COUNTY,
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(PENSIONS_HANDLE)
def campaign_new(request):
    """启动年度认证 (a county's or the city's staff)."""
    today = timezone.localdate()
    opens_on, closes_on = rules.suggested_window(today.year)
    # The usual window of this year, or from today for two months once its first day has passed.
    initial = {"year": today.year, "opens_on": max(opens_on, today),
               "closes_on": closes_on if closes_on >= add_months(today, 1) else add_months(today, 2)}
    own = scoping.scope_of(request.user).region
    if own is not None and own.level in (Level.CITY, Level.COUNTY):
        initial["region"] = f"{own.name} {own.code}"
    form = CampaignForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.start_campaign(actor=request.user, region=data["region"], year=data["year"],
                                               opens_on=data["opens_on"], closes_on=data["closes_on"],
                                               note=data["note"], today=today)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已启动{campaign.year}年度领取待遇资格认证：区域内正常领取待遇的人员和社会化管理的"
                                      "退休人员均为待认证，各村(社区)在认证名单中办理。")
            return redirect("pensions:certification-campaign-detail", pk=campaign.pk)
    return render(request, "pensions/certification/campaign_form.html", {
        "form": form, "source": shown_source(rules.SUGGESTED_WINDOW_SOURCE)})


def _campaign(request, pk):
    return selectors.campaign_or_404(request.user, pk, CertificationCampaign.objects.select_related(
        "created_by", "suspensions_done_by"))


@staff_view(PENSIONS_VIEW)
def campaign_detail(request, pk):
    """A campaign's figures (应认证, 已认证, 待认证, 暂停, 恢复) for its region or ?region= below it, and for each
    region one level down, a region's name opening its own figures, a village's its 认证名单."""
    campaign = _campaign(request, pk)
    today = timezone.localdate()
    region = selectors.region_of_campaign(request.user, campaign, request.GET.get("region", ""))
    if region is None:
        raise Http404
    rows = scoping.within_region(scoping.visible_to(request.user, campaign.certifications.all()), region)
    figures, children = selectors.figures_with_children(
        request.user, region, rows, selectors.subjects_without_rows(request.user, region, [campaign]))
    crumbs = [r for r in scoping.breadcrumb(request.user, region)
              if scoping.code_is_within(r.code, campaign.region_code)]
    state = selectors.state_of(campaign, today)
    return render(request, "pensions/certification/campaign_detail.html", {
        "campaign": campaign, "region": region, "crumbs": crumbs, "today": today,
        "state": state, "state_label": selectors.STATES[state],
        "place": place_names([campaign.region_code]).get(campaign.region_code, ""),
        "figures": figures, "base": _people_url(region, campaign.year),
        "children": [(child, child_figures, _people_url(child, campaign.year),
                      _people_url(child, campaign.year) if child.level == Level.VILLAGE else f"?region={child.code}")
                     for child, child_figures in children],
        "days_left": selectors.days_left(campaign, today),
        "suspend_from": rules.suspend_from(campaign.closes_on),
        "can_suspend": state == "to_suspend" and has_permission(request.user, PENSIONS_HANDLE)
        and selectors.runs(request.user, campaign),
        "source": shown_source(rules.SUSPEND_SOURCE)})


def _people_url(region, year):
    """The 认证名单 of `region` for `year` (a figure's link adds &state=)."""
    return f"{reverse('pensions:certification-people')}?region={region.code}&year={year}"


@staff_view(PENSIONS_HANDLE)
@require_POST
def campaign_suspend(request, pk):
    campaign = _campaign(request, pk)
    try:
        pensions, retirees, left = services.suspend_uncertified(actor=request.user, campaign=campaign,
                                                                today=timezone.localdate())
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        text = f"已暂停{pensions}名未认证人员的养老金，{retirees}名未认证企业退休人员已报停。"
        if left:
            text += f"另有{left}人的待遇已非正常发放，未作暂停。"
        messages.success(request, text)
    return redirect("pensions:certification-campaign-detail", pk=campaign.pk)


# --- the people of a region --------------------------------------------------------------------------------------

def _filters(request):
    return {"state": request.GET.get("state", "") if request.GET.get("state") in STATE_FILTERS else "",
            "kind": request.GET.get("kind", "") if request.GET.get("kind") in KINDS else "",
            "q": request.GET.get("q", "")[:30]}


def _year(request, region):
    """?year= among the years of the campaigns covering the region, or the latest of them (None: no campaign)."""
    years = selectors.years(request.user, region)
    asked = request.GET.get("year", "")
    if asked.isdigit() and int(asked) in years:
        return int(asked), years
    return (years[0] if years else None), years


ROW_STATES = ("done", CertificationState.CERTIFIED, CertificationState.SUSPENDED, CertificationState.RESUMED,
              CertificationState.DIED)  # states only a certification row has: listed at every level


def _give_rows(campaigns, region):
    """The rows of the region's subjects (services.ensure_rows): idempotent, so a GET may call it."""
    for campaign in campaigns:
        services.ensure_rows(campaign, region)


def _children(request, region):
    return list(scoping.visible_to(request.user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))


@staff_view(PENSIONS_VIEW)
def people(request):
    """认证名单: a region's certifications of a year (the latest by default): the figures of the region and of each
    region below it, the people paged (50 a page) and searched by name or ID number, certified inline. For a
    township or a village this GET first gives the subjects without a row theirs (services.ensure_rows,
    idempotent: a second request writes nothing). Above a township it writes nothing: the figures count those
    without a row as 待认证, and the people are listed there only for the states only rows have; for those due it
    asks for a township or a village."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    year, years = _year(request, region)
    filters = _filters(request)
    context = {"region": region, "year": year, "years": years, "filters": filters, "today": today,
               "states": STATE_FILTERS.items(), "kinds": KINDS.items(),
               "crumbs": scoping.breadcrumb(request.user, region)}
    if year is None:
        return render(request, "pensions/certification/people.html", context)
    campaigns = list(selectors.covering(request.user, region).filter(year=year))
    listed = region.level >= Level.TOWNSHIP
    if listed:
        _give_rows(campaigns, region)
    elif filters["q"]:  # a person looked for by name or ID number at the county's or the city's window
        for code in selectors.places_of_subjects_named(request.user, region, campaigns, filters["q"]):
            _give_rows(campaigns, Region.objects.get(code=code))
    everyone = selectors.certifications(request.user, region, year)
    unrowed = [] if listed else selectors.subjects_without_rows(request.user, region, campaigns)
    page = None
    if listed or filters["state"] in ROW_STATES or filters["q"]:
        page = Paginator(selectors.certifications(request.user, region, year, **filters), PAGE).get_page(
            request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["region"], query["year"] = region.code, year
    figures, children = selectors.figures_with_children(request.user, region, everyone, unrowed)
    return render(request, "pensions/certification/people.html", {
        **context, "page": page, "figures": figures, "base": _people_url(region, year),
        "children": [(child, child_figures, _people_url(child, year), _people_url(child, year))
                     for child, child_figures in children] if region.level < Level.VILLAGE else [], "campaigns": [(campaign, selectors.days_left(campaign, today),
                                selectors.STATES[selectors.state_of(campaign, today)]) for campaign in campaigns],
        "places": place_names((c.region_code for c in page or ()), below=region), "query": query.urlencode(),
        "campaign_places": place_names(campaign.region_code for campaign in campaigns),
        "can_certify": has_permission(request.user, PENSIONS_HANDLE), "methods": CertificationMethod.choices,
        "open_states": (CertificationState.DUE, CertificationState.SUSPENDED), "village_level": Level.VILLAGE})


@staff_view(PENSIONS_VIEW)
def reminders(request):
    """待认证人员提醒名单: the region's subjects still due (or suspended) of the year, to print and hand out; a POST
    records that they were reminded today. For a township or a village the GET first gives the subjects without a
    row theirs (services.ensure_rows, idempotent); above a township it lists the regions below to choose from."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    year, _years = _year(request, region)
    campaigns = list(selectors.covering(request.user, region).filter(year=year)) if year else []
    listed = region.level >= Level.TOWNSHIP
    if listed:
        _give_rows(campaigns, region)
    rows = selectors.certifications(request.user, region, year).filter(
        state__in=[CertificationState.DUE, CertificationState.SUSPENDED]) if year and listed \
        else Certification.objects.none()
    if request.method == "POST":
        try:
            count = services.remind(actor=request.user, certifications=rows, today=today)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, f"已登记提醒{count}人（{today:%Y-%m-%d}）。")
        return redirect(f"{reverse('pensions:certification-reminders')}?region={region.code}"
                        + (f"&year={year}" if year else ""))
    shown = list(rows[:2000])
    return render(request, "pensions/certification/reminders.html", {
        "region": region, "year": year, "rows": shown, "more": rows.count() - len(shown) if len(shown) == 2000 else 0,
        "places": place_names((c.region_code for c in shown), below=region), "today": today,
        "campaigns": campaigns, "listed": listed, "children": [] if listed else _children(request, region),
        "can_remind": has_permission(request.user, PENSIONS_HANDLE), "village_level": Level.VILLAGE})


def _certification(request, pk):
    return scoping.get_visible_or_404(
        Certification.objects.select_related("person", "campaign", "pension", "retiree"), request.user, pk=pk)


def _back(request, certification):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return (f"{reverse('pensions:certification-people')}?region={certification.region_code}"
            f"&year={certification.campaign.year}")


@staff_view(PENSIONS_HANDLE)
def certify(request, pk):
    """认证 one person (the inline form of the 认证名单 posts here; its errors are shown on this page)."""
    certification = _certification(request, pk)
    today = timezone.localdate()
    form = CertifyForm(request.POST or None, initial={"on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.certify(actor=request.user, certification=certification, method=data["method"], on=data["on"],
                             relative_name=data["relative_name"], relation=data["relation"], today=today)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            text = f"{certification.person.name}已认证（{certification.get_method_display()}，{data['on']:%Y-%m-%d}）。"
            if certification.state == CertificationState.RESUMED:
                text += "待遇已恢复发放"
                text += f"，补发{certification.back_pay}元。" if certification.back_pay is not None else "（已报发放机构）。"
            messages.success(request, text)
            return redirect(_back(request, certification))
    return render(request, "pensions/certification/certify.html", {
        "certification": certification, "form": form, "next": request.POST.get("next", request.GET.get("next", "")),
        "place": place_names([certification.region_code]).get(certification.region_code, "")})


# --- the ledger --------------------------------------------------------------------------------------------------

def _ledger_filters(request):
    method = request.GET.get("method", "")
    return {**_filters(request), "method": method if method in CertificationMethod.values else ""}


@staff_view(PENSIONS_VIEW)
def ledger(request):
    """认证台账: every certification of a year in the region, with how and when, filters, pages and the .xlsx. The
    GET first gives the region's subjects without a row theirs (services.ensure_rows, idempotent; for a county or
    the city that is all of its subjects, once)."""
    region = scoping.region_from_request(request)
    year, years = _year(request, region)
    filters = _ledger_filters(request)
    if year:
        _give_rows(selectors.covering(request.user, region).filter(year=year), region)
    rows = selectors.certifications(request.user, region, year, **filters) if year else Certification.objects.none()
    page = Paginator(rows, PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["region"] = region.code
    if year:
        query["year"] = year
    return render(request, "pensions/certification/ledger.html", {
        "region": region, "year": year, "years": years, "filters": filters, "page": page,
        "states": STATE_FILTERS.items(), "kinds": KINDS.items(), "methods": CertificationMethod.choices,
        "places": place_names((c.region_code for c in page), below=region), "query": query.urlencode(),
        "crumbs": scoping.breadcrumb(request.user, region), "village_level": Level.VILLAGE})


@staff_view(PENSIONS_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    """The 认证台账's .xlsx (the rows made first, as for the page)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    year, _years = _year(request, region)
    if year:
        _give_rows(selectors.covering(request.user, region).filter(year=year), region)
    rows = list(selectors.certifications(request.user, region, year, **_ledger_filters(request))) if year else []
    places = place_names((c.region_code for c in rows), below=region)
    title = f"{LEDGER_TITLE}（{region.name}，{year or '—'}年度，截至{today:%Y年%m月%d日}）"
    return xlsx_download(request, [(LEDGER_TITLE, [title], [selectors.LEDGER_HEADER,
                                                            *(selectors.ledger_cells(c, places.get(c.region_code, ""))
                                                              for c in rows)])],
                         f"{LEDGER_TITLE}-{region.name}-{year or ''}-{today:%Y%m%d}.xlsx",
                         action="pensions.certification_ledger.exported", target=region,
                         after={"certification_year": year, "certification_exported_rows": len(rows)})


urlpatterns = [
    path("certification/", campaigns, name="certification-campaigns"),
    path("certification/new/", campaign_new, name="certification-campaign-new"),
    path("certification/<int:pk>/", campaign_detail, name="certification-campaign-detail"),
    path("certification/<int:pk>/suspend/", campaign_suspend, name="certification-campaign-suspend"),
    path("certification/people/", people, name="certification-people"),
    path("certification/people/reminders/", reminders, name="certification-reminders"),
    path("certification/certifications/<int:pk>/certify/", certify, name="certification-certify"),
    path("certification/ledger/", ledger, name="certification-ledger"),
    path("certification/ledger/export/", ledger_export, name="certification-ledger-export"),
]
