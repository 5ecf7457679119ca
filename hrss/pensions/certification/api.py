"""The certification part's API operations, each with its whole path under /api/v1/pensions/: the campaigns (list,
start one), a campaign with its figures per region below it, the suspension of the uncertified after the window,
a region's certifications (paged) and certifying one. Objects are reached through core.scoping (out of scope is
404); refusals are the services' (422 in Chinese).

A campaign's `subjects` is computed here, live, for the part of its region the caller sees (no count is kept: the
start writes no certification row). The list of certifications first gives the subjects of the region asked for
their rows (services.ensure_rows, idempotent), for a county and below; for the city only the states only rows
have (done, certified, suspended, resumed, died) are listed, those due being asked for county by county."""

import datetime
from decimal import Decimal

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, ObjectId, Text
from hrss.core.models import Level
from hrss.core.permissions import check_permission
from hrss.pensions.certification import selectors, services
from hrss.pensions.models import Certification
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW

router = Router(tags=["社会保险服务"])


class CertificationCampaignOut(Schema):
    id: int
    region_code: str
    year: int
    opens_on: datetime.date
    closes_on: datetime.date
    subjects: int  # live: every subject in the part of the campaign's region the caller sees
    note: str
    suspensions_done_on: datetime.date | None

    @staticmethod
    def resolve_subjects(campaign, context):
        return selectors.subjects_seen(context["request"].user, campaign)


class CertificationFiguresOut(Schema):
    due: int
    done: int
    waiting: int
    suspended: int
    resumed: int
    died: int  # died before being certified (not in due)


class CertificationChildOut(CertificationFiguresOut):
    region_code: str
    name: str


class CertificationCampaignDetailOut(CertificationCampaignOut):
    state: str  # planned, open, to_suspend, done

    @staticmethod
    def resolve_subjects(detail):
        return detail["subjects"]  # computed with the figures (get_campaign)
    figures: CertificationFiguresOut
    children: list[CertificationChildOut]


class CertificationCampaignIn(Schema):
    region_code: Text(12)
    year: int = Field(ge=2009, le=2100)
    opens_on: datetime.date
    closes_on: datetime.date
    note: Text(200) = ""


class CertificationCampaignFilter(Schema):
    region: str = Field("", max_length=12, pattern=r"^[0-9]*$")
    state: str = Field("", max_length=10, pattern=r"^(|planned|open|to_suspend|done)$")


class SuspensionOut(Schema):
    pensions_suspended: int
    retirees_suspended: int
    left_as_they_are: int


class CertificationOut(Schema):
    id: int
    campaign_id: int
    region_code: str
    person_id: int
    name: str
    pension_id: int | None
    retiree_id: int | None
    state: str
    method: str
    certified_on: datetime.date | None
    relative_name: str
    relation: str
    reminded_on: datetime.date | None
    suspended_from: datetime.date | None
    back_pay: Decimal | None

    @staticmethod
    def resolve_name(certification):
        return certification.person.name


class CertificationFilter(Schema):
    region: str = Field("", max_length=12, pattern=r"^[0-9]*$")
    year: int | None = Field(None, ge=2009, le=2100)
    state: str = Field("", max_length=10, pattern=r"^(|due|done|certified|suspended|resumed|died)$")
    q: Text(30) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class CertifyIn(Schema):
    method: str = Field(max_length=10, pattern=r"^(visit|window|relative|other)$")
    on: datetime.date
    relative_name: Text(50) = ""
    relation: Text(20) = ""


@router.get("/pensions/certification-campaigns", response=list[CertificationCampaignOut],
            summary="领取待遇资格认证活动（本辖区，可按区域、状态筛选；至多200个）")
def list_campaigns(request, filters: Query[CertificationCampaignFilter]):
    check_permission(request.user, PENSIONS_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    return list(selectors.campaigns_visible_to(request.user, region, state=filters.state,
                                               today=timezone.localdate())[:200])


@router.post("/pensions/certification-campaigns", response={201: CertificationCampaignOut},
             summary="启动年度认证（市或县(区)；本区域正常领取待遇的人员和社会化管理的退休人员均为应认证，subjects为当前人数）")
def start(request, body: CertificationCampaignIn):
    check_permission(request.user, PENSIONS_HANDLE)
    region = scoping.get_region_or_404(request.user, body.region_code)
    campaign = services.start_campaign(actor=request.user, region=region, year=body.year, opens_on=body.opens_on,
                                       closes_on=body.closes_on, note=body.note, today=timezone.localdate())
    return Status(201, campaign)


def _figures(figures):
    return {"due": figures.due, "done": figures.done, "waiting": figures.waiting, "suspended": figures.suspended,
            "resumed": figures.resumed, "died": figures.died}


@router.get("/pensions/certification-campaigns/{campaign_id}", response=CertificationCampaignDetailOut,
            summary="一次认证活动：本辖区（组织区域在本辖区内时为整个活动）及下一级各区域的应认证、已认证、待认证、已暂停、已恢复人数")
def get_campaign(request, campaign_id: ObjectId):
    check_permission(request.user, PENSIONS_VIEW)
    campaign = selectors.campaign_or_404(request.user, campaign_id)
    region = selectors.region_of_campaign(request.user, campaign, "")
    rows = scoping.within_region(scoping.visible_to(request.user, campaign.certifications.all()), region)
    figures, children = selectors.figures_with_children(
        request.user, region, rows, selectors.subjects_without_rows(request.user, region, [campaign]))
    fields = {field: getattr(campaign, field) for field in CertificationCampaignOut.model_fields if field != "subjects"}
    return {**fields, "subjects": figures.due + figures.died,
            "state": selectors.state_of(campaign, timezone.localdate()), "figures": _figures(figures),
            "children": [{"region_code": child.code, "name": child.name, **_figures(child_figures)}
                         for child, child_figures in children]}


@router.post("/pensions/certification-campaigns/{campaign_id}/suspend", response=SuspensionOut,
             summary="认证期结束后（截止日期次日起）暂停未认证人员的待遇：养老金自认证期的次月起停发，退休人员报停")
def suspend(request, campaign_id: ObjectId):
    check_permission(request.user, PENSIONS_HANDLE)
    campaign = selectors.campaign_or_404(request.user, campaign_id)
    pensions, retirees, left = services.suspend_uncertified(actor=request.user, campaign=campaign,
                                                            today=timezone.localdate())
    return {"pensions_suspended": pensions, "retirees_suspended": retirees, "left_as_they_are": left}


@router.get("/pensions/certifications", response=list[CertificationOut],
            summary="认证名单：本辖区（或某区域，县(区)及以下；全市只列已认证、已暂停等状态）某年度（默认最近一次）的认证，可按状态、姓名或身份号码筛选")
def list_certifications(request, filters: Query[CertificationFilter]):
    check_permission(request.user, PENSIONS_VIEW)
    scope = scoping.scope_of(request.user)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else scope.region
    if region is None:
        return []
    year = filters.year or selectors.default_year(request.user, region)
    if year is None:
        return []
    if region.level >= Level.COUNTY:
        for campaign in selectors.covering(request.user, region).filter(year=year):
            services.ensure_rows(campaign, region)
    elif filters.state not in ("done", "certified", "suspended", "resumed", "died"):
        raise HttpError(422, "全市的待认证人员较多：请按县(区)、乡镇(街道)或村(社区)查询（region=区域代码），"
                             "或按已认证、已暂停等状态查询（state=）。")
    rows = selectors.certifications(request.user, region, year, state=filters.state, q=filters.q)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.post("/pensions/certifications/{certification_id}/certify", response=CertificationOut,
             summary="办理认证（上门、窗口、亲属证明须填亲属姓名和关系、其他）；已暂停的同时恢复发放并补发")
def certify(request, certification_id: ObjectId, body: CertifyIn):
    check_permission(request.user, PENSIONS_HANDLE)
    certification = scoping.get_visible_or_404(
        Certification.objects.select_related("person", "campaign", "pension", "retiree"), request.user,
        pk=certification_id)
    return services.certify(actor=request.user, certification=certification, method=body.method, on=body.on,
                            relative_name=body.relative_name, relation=body.relation, today=timezone.localdate())
