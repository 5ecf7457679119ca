"""The campaigns part's pages (url names prefixed "campaigns-"): the campaigns of a region, a new campaign, a
campaign's page (target and work done per measure, for its region and each region below it, drilling down with
?region=) with its .xlsx, and its changes. Views only translate: writes are services.py's, reads selectors.py's,
through core.scoping."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from hrss.assistance.campaigns import rules, selectors, services
from hrss.assistance.campaigns.forms import CampaignForm
from hrss.assistance.campaigns.measures import BY_CODE, MEASURES
from hrss.assistance.models import Campaign
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.core import pages, scoping
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names


@staff_view(ASSISTANCE_VIEW)
def campaigns(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    state = request.GET.get("state", "")
    state = state if state in selectors.STATES else ""
    page = Paginator(selectors.campaigns_visible_to(request.user, region, state=state, today=today), 30).get_page(
        request.GET.get("page"))
    return render(request, "assistance/campaigns/campaigns.html", {
        "region": region, "page": page, "state": state, "states": selectors.STATES.items(), "today": today,
        "rows": [(campaign, selectors.STATES[selectors.state_of(campaign, today)]) for campaign in page],
        "places": place_names([campaign.region_code for campaign in page]),
        "can_create": has_permission(request.user, ASSISTANCE_HANDLE),
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(ASSISTANCE_HANDLE)
def campaign_new(request):
    today = timezone.localdate()
    suggestions = rules.suggested(today)
    initial = {}
    if suggestions:
        initial = {"name": suggestions[0][0], "starts_on": suggestions[0][1], "ends_on": suggestions[0][2]}
    form = CampaignForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.create_campaign(
                actor=request.user, name=data["name"], region_code=data["region"].code, starts_on=data["starts_on"],
                ends_on=data["ends_on"], targets=form.targets(), note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已创建活动“{campaign.name}”。")
            return redirect("assistance:campaigns-detail", pk=campaign.pk)
    return render(request, "assistance/campaigns/campaign_form.html", {"form": form, "campaign": None,
                                                                       "suggestions": suggestions})


def _campaign(request, pk):
    return scoping.get_visible_or_404(Campaign.objects.select_related("created_by"), request.user, pk=pk)


def _progress(request, campaign):
    region = selectors.region_of_campaign(request.user, campaign, request.GET.get("region", ""))
    if region is None:
        raise Http404
    return region, selectors.progress(request.user, campaign, region), selectors.children_progress(
        request.user, campaign, region)


@staff_view(ASSISTANCE_VIEW)
def campaign_detail(request, pk):
    campaign = _campaign(request, pk)
    today = timezone.localdate()
    region, cells, children = _progress(request, campaign)
    crumbs = [r for r in scoping.breadcrumb(request.user, region)
              if scoping.code_is_within(r.code, campaign.region_code)]
    place = place_names([campaign.region_code]).get(campaign.region_code, "")
    # What a "—" on the page means, said only when one is shown.
    dashes = []
    no_source = [cell.measure.label for cell in cells if cell.done is None]
    if no_source:
        dashes.append(f"“{'、'.join(no_source)}”的完成数为“—”：记录这项工作的模块尚未启用，暂时无法统计。")
    if region.code != campaign.region_code:
        dashes.append(f"目标和完成率为“—”：目标只对整个活动区域（{place or campaign.region_code}）设定，"
                      f"下级区域只统计完成数。")
    elif any(cell.percent is None and cell.done is not None for cell in cells):
        dashes.append("目标或完成率为“—”：该项未设目标（或目标为0），不计算完成率。")
    return render(request, "assistance/campaigns/campaign_detail.html", {
        "campaign": campaign, "region": region, "cells": cells, "measures": MEASURES,
        "children": [(child, list(zip(MEASURES, dones, strict=True))) for child, dones in children],
        "state": selectors.STATES[selectors.state_of(campaign, today)], "crumbs": crumbs,
        "place": place, "can_edit": has_permission(request.user, ASSISTANCE_HANDLE), "dashes": dashes})


@staff_view(ASSISTANCE_VIEW)
def campaign_records(request, pk, measure):
    """The records behind one 完成 figure of a campaign's page: the same rows the figure counts (the measure's
    records in ?region= within the user's scope, dated inside the campaign's days), each linking to its page."""
    campaign = _campaign(request, pk)
    measure = BY_CODE.get(measure)
    region = selectors.region_of_campaign(request.user, campaign, request.GET.get("region", ""))
    rows = None if measure is None or region is None else measure.rows(request.user, region, campaign.starts_on,
                                                                         campaign.ends_on)
    if rows is None:
        raise Http404
    page = Paginator(rows.order_by(f"-{measure.date_field}", "-pk"), 50).get_page(request.GET.get("page"))
    records = [(getattr(record, measure.date_field), measure.person_of(record), record.region_code,
                measure.url_of(record)) for record in page]
    return render(request, "assistance/campaigns/campaign_records.html", {
        "campaign": campaign, "measure": measure, "region": region, "page": page, "records": records,
        "places": place_names([code for _, _, code, _ in records], below=region)})


@staff_view(ASSISTANCE_VIEW)
def campaign_export(request, pk):
    campaign = _campaign(request, pk)
    region, cells, children = _progress(request, campaign)

    def shown(value):
        return "—" if value is None else value

    header = ["区域", "区划代码", *[measure.label for measure in MEASURES]]
    rows = [[f"{region.name}（目标）", region.code, *[shown(cell.target) for cell in cells]],
            [f"{region.name}（完成）", region.code, *[shown(cell.done) for cell in cells]],
            *[[child.name, child.code, *[shown(done) for done in dones]] for child, dones in children]]
    return pages.xlsx_download(request, [(campaign.name, header, rows)],
                               f"{campaign.name}_{region.name}_{campaign.starts_on:%Y%m%d}.xlsx",
                               action="assistance.campaign.exported", target=campaign, region_code=region.code,
                               after=None)


@staff_view(ASSISTANCE_HANDLE)
def campaign_edit(request, pk):
    campaign = _campaign(request, pk)
    initial = {"name": campaign.name, "starts_on": campaign.starts_on, "ends_on": campaign.ends_on,
               "note": campaign.note, **{f"target_{code}": value for code, value in campaign.targets.items()}}
    form = CampaignForm(request.POST or None, with_region=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_campaign(actor=request.user, campaign=campaign, name=data["name"],
                                     starts_on=data["starts_on"], ends_on=data["ends_on"], targets=form.targets(),
                                     note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "已保存。")
            return redirect("assistance:campaigns-detail", pk=campaign.pk)
    return render(request, "assistance/campaigns/campaign_form.html", {"form": form, "campaign": campaign,
                                                                       "suggestions": []})


urlpatterns = [
    path("campaigns/", campaigns, name="campaigns-list"),
    path("campaigns/new/", campaign_new, name="campaigns-new"),
    path("campaigns/<int:pk>/", campaign_detail, name="campaigns-detail"),
    path("campaigns/<int:pk>/export/", campaign_export, name="campaigns-export"),
    path("campaigns/<int:pk>/records/<slug:measure>/", campaign_records, name="campaigns-records"),
    path("campaigns/<int:pk>/edit/", campaign_edit, name="campaigns-edit"),
]
