"""The campaigns part's API operations, each with its whole path under /api/v1/: the campaigns (list, make one) and a
campaign's target and work done per measure. Objects are reached through core.scoping (out of scope is 404)."""

import datetime

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.assistance.campaigns import selectors, services
from hrss.assistance.models import Campaign
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.core import scoping
from hrss.core.api_fields import ObjectId, Text
from hrss.core.permissions import check_permission

router = Router(tags=["就业援助"])


class AssistanceCampaignOut(Schema):
    id: int
    name: str
    region_code: str
    starts_on: datetime.date
    ends_on: datetime.date
    targets: dict[str, int]
    note: str


class CampaignMeasureOut(Schema):
    code: str
    label: str
    target: int | None
    done: int | None  # null: the part keeping these records is not there yet


class CampaignChildOut(Schema):
    region_code: str
    name: str
    done: dict[str, int | None]


class AssistanceCampaignDetailOut(AssistanceCampaignOut):
    state: str  # planned, running, ended
    measures: list[CampaignMeasureOut]
    children: list[CampaignChildOut]


class AssistanceCampaignIn(Schema):
    name: Text(50)
    region_code: Text(12)
    starts_on: datetime.date
    ends_on: datetime.date
    targets: dict[Text(40), int] = Field(default_factory=dict, max_length=20)
    note: Text(300, lines=True) = ""


class AssistanceCampaignFilter(Schema):
    region: str = Field("", max_length=12, pattern=r"^[0-9]*$")
    state: str = Field("", max_length=8, pattern=r"^(|planned|running|ended)$")


@router.get("/assistance/campaigns", response=list[AssistanceCampaignOut], summary="就业援助活动（按区域、状态；至多200个）")
def list_campaigns(request, filters: Query[AssistanceCampaignFilter]):
    check_permission(request.user, ASSISTANCE_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    return list(selectors.campaigns_visible_to(request.user, region, state=filters.state,
                                               today=timezone.localdate())[:200])


@router.post("/assistance/campaigns", response={201: AssistanceCampaignOut},
             summary="组织一个就业援助活动（区域为市、县(区)、乡镇(街道)或村(社区)；targets 为各统计项的目标）")
def create(request, body: AssistanceCampaignIn):
    region = scoping.get_region_or_404(request.user, body.region_code)
    campaign = services.create_campaign(actor=request.user, name=body.name, region_code=region.code,
                                        starts_on=body.starts_on, ends_on=body.ends_on, targets=body.targets,
                                        note=body.note)
    return Status(201, campaign)


@router.get("/assistance/campaigns/{campaign_id}", response=AssistanceCampaignDetailOut,
            summary="一个活动的目标和完成数（按活动日期统计，含首尾两天），及下一级各区域的完成数")
def get_campaign(request, campaign_id: ObjectId):
    check_permission(request.user, ASSISTANCE_VIEW)
    campaign = scoping.get_visible_or_404(Campaign, request.user, pk=campaign_id)
    region = selectors.region_of_campaign(request.user, campaign, "")
    cells = selectors.progress(request.user, campaign, region)
    children = selectors.children_progress(request.user, campaign, region)
    return {"id": campaign.pk, "name": campaign.name, "region_code": campaign.region_code,
            "starts_on": campaign.starts_on, "ends_on": campaign.ends_on, "targets": campaign.targets,
            "note": campaign.note, "state": selectors.state_of(campaign, timezone.localdate()),
            "measures": [{"code": cell.measure.code, "label": cell.measure.label, "target": cell.target,
                          "done": cell.done} for cell in cells],
            "children": [{"region_code": child.code, "name": child.name,
                          "done": {cell.measure.code: done for cell, done in zip(cells, dones, strict=True)}}
                         for child, dones in children]}
