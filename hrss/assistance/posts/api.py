"""The posts part's API operations, each with its whole path under /api/v1/ (hrss/api/urls.py): the posts, placing
a person, ending a placement, the monthly subsidy roll. Objects are reached through core.scoping (out of scope is
404); the services check permission and scope."""

import datetime
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.assistance.models import Placement, WelfarePost
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.assistance.posts import roll, selectors, services
from hrss.core import scoping
from hrss.core.api_fields import Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.residents.models import Person

router = Router(tags=["就业援助"])

# Money travels as a decimal string ("1720", "750.50"): exact, and bounded like the column it fills.
Money = Annotated[str, Field(min_length=1, max_length=9, pattern=r"^[0-9]{1,6}(\.[0-9]{1,2})?$")]


class WelfarePostOut(Schema):
    id: int
    region_code: str
    unit_name: str
    unit_kind: str
    unit_code: str
    title: str
    occupation_code: str
    headcount: int
    post_subsidy: Decimal
    insurance_subsidy: Decimal
    open_from: datetime.date
    open_until: datetime.date | None
    status: str
    holding: int  # in the post today
    vacancies: int  # free places today (0 when the post is not open today)

    @staticmethod
    def resolve_holding(post):
        return selectors.holding_on(post.placements.all(), timezone.localdate()).count()

    @staticmethod
    def resolve_vacancies(post):
        return selectors.vacancies_on(post, timezone.localdate())


class WelfarePostIn(Schema):
    region_code: Text(12)
    unit_name: Text(100)
    unit_kind: Text(20)
    unit_code: Text(18) = ""
    title: Text(100)
    occupation_code: Text(20) = ""
    headcount: int = Field(ge=1, le=1000)
    post_subsidy: Money | None = None  # null: the standard in force on open_from
    insurance_subsidy: Money | None = None
    open_from: datetime.date
    open_until: datetime.date | None = None
    note: Text(200) = ""


class WelfarePlacementIn(Schema):
    person_id: Id
    started_on: datetime.date
    note: Text(200) = ""


class WelfarePlacementEndIn(Schema):
    ended_on: datetime.date
    reason: Text(20)
    note: Text(200) = ""


class WelfarePlacementOut(Schema):
    id: int
    post_id: int
    person_id: int
    recognition_id: int
    region_code: str
    started_on: datetime.date
    subsidy_until: datetime.date
    to_retirement: bool
    months_before: int
    ended_on: datetime.date | None
    end_reason: str


class SubsidyRollLineOut(Schema):
    placement_id: int
    person_id: int
    name: str
    masked_id_number: str
    region_code: str
    unit_name: str
    post_title: str
    days: int
    month_days: int
    months_used: int
    post_subsidy: Decimal
    insurance_subsidy: Decimal
    total: Decimal


class SubsidyRollQuery(Schema):
    region: Annotated[str, Field(min_length=12, max_length=12, pattern=r"^[0-9]{12}$")] | None = None
    month: Annotated[str, Field(max_length=7, pattern=r"^[0-9]{4}-[0-9]{1,2}$")] | None = None


class WelfarePostQuery(Schema):
    region: Annotated[str, Field(min_length=12, max_length=12, pattern=r"^[0-9]{12}$")] | None = None


def _region(request, code):
    if code:
        return scoping.get_region_or_404(request.user, code)
    return None


@router.get("/assistance/posts", response=list[WelfarePostOut], summary="公益性岗位列表（可按 region 限定区域，至多500个）")
def list_posts(request, query: Query[WelfarePostQuery]):
    check_permission(request.user, ASSISTANCE_VIEW)
    return list(selectors.posts(request.user, _region(request, query.region))[:500])


@router.post("/assistance/posts", response={201: WelfarePostOut}, summary="登记公益性岗位（补贴不填按开发日期执行的标准）")
def create_post(request, body: WelfarePostIn):
    scoping.get_region_or_404(request.user, body.region_code)  # a region outside the scope is not found
    post = services.create_post(
        actor=request.user, region_code=body.region_code, unit_name=body.unit_name, unit_kind=body.unit_kind,
        unit_code=body.unit_code, title=body.title, occupation_code=body.occupation_code, headcount=body.headcount,
        post_subsidy=body.post_subsidy, insurance_subsidy=body.insurance_subsidy, open_from=body.open_from,
        open_until=body.open_until, note=body.note)
    return Status(201, post)


@router.get("/assistance/posts/{post_id}", response=WelfarePostOut, summary="查询一个公益性岗位")
def get_post(request, post_id: ObjectId):
    check_permission(request.user, ASSISTANCE_VIEW)
    return scoping.get_visible_or_404(WelfarePost, request.user, pk=post_id)


@router.post("/assistance/posts/{post_id}/placements", response={201: WelfarePlacementOut},
             summary="安置已认定的就业困难人员上岗（同时办理就业登记）")
def place(request, post_id: ObjectId, body: WelfarePlacementIn):
    post = scoping.get_visible_or_404(WelfarePost, request.user, pk=post_id)
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    placement = services.place_person(actor=request.user, post=post, person=person, started_on=body.started_on,
                                      note=body.note)
    return Status(201, placement)


@router.post("/assistance/placements/{placement_id}/end", response=WelfarePlacementOut,
             summary="登记离岗：contract_expired、resigned、dismissed、retirement、subsidy_ended、other")
def end(request, placement_id: ObjectId, body: WelfarePlacementEndIn):
    placement = scoping.get_visible_or_404(Placement.objects.select_related("person", "post"), request.user,
                                           pk=placement_id)
    return services.end_placement(actor=request.user, placement=placement, ended_on=body.ended_on,
                                  reason=body.reason, note=body.note)


@router.get("/assistance/subsidy-rolls", response=list[SubsidyRollLineOut],
            summary="月度补贴发放花名册：region（默认本人辖区）、month=YYYY-MM（默认本月）")
def subsidy_roll(request, query: Query[SubsidyRollQuery]):
    check_permission(request.user, ASSISTANCE_VIEW)
    region = _region(request, query.region) or scoping.scope_of(request.user).region
    today = timezone.localdate()
    try:
        year, month = roll.parse_month(query.month or "", (today.year, today.month))
    except ValueError:
        raise ValidationError("month 应为 YYYY-MM 形式的月份。") from None
    return [{"placement_id": line.placement.pk, "person_id": line.placement.person_id,
             "name": line.placement.person.name, "masked_id_number": line.placement.person.masked_id_number,
             "region_code": line.placement.region_code, "unit_name": line.placement.post.unit_name,
             "post_title": line.placement.post.title, "days": line.days, "month_days": line.month_days,
             "months_used": line.months_used, "post_subsidy": line.post_subsidy,
             "insurance_subsidy": line.insurance_subsidy, "total": line.total}
            for line in selectors.roll_lines(request.user, region, year, month)]
