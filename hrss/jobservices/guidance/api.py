"""API of the guidance part (mounted at /api/v1/ by hrss/api/urls.py): 职业指导 and 招聘会. Objects are reached
through core.scoping (out of scope is 404); writes are the services'."""

import datetime

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_PAGE, Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.jobservices.guidance import selectors, services
from hrss.jobservices.models import GuidanceRecord, JobFair, Vacancy
from hrss.jobservices.permissions import JOBSERVICES_VIEW
from hrss.residents.models import Person

router = Router(tags=["就业服务"])


class GuidanceIn(Schema):
    person_id: Id
    given_on: datetime.date
    topic: Text(16)
    advice: Text(500, lines=True)
    next_step: Text(16) = "none"
    next_step_note: Text(200) = ""
    next_on: datetime.date | None = None


class GuidanceOut(Schema):
    id: int
    person_id: int
    region_code: str
    given_on: datetime.date
    advisor_name: str
    topic: str
    advice: str
    next_step: str
    next_step_note: str
    next_on: datetime.date | None


class ListQuery(Schema):
    region: str = Field("", max_length=12, pattern=r"^[0-9]*$")
    offset: int = Field(0, ge=0, le=10_000_000)
    limit: int = Field(50, ge=1, le=MAX_PAGE)


class FairIn(Schema):
    region_code: str = Field(min_length=12, max_length=12, pattern=r"^[0-9]{12}$")
    name: Text(100)
    held_on: datetime.date
    place: Text(200) = ""
    note: Text(200) = ""


class FairOut(Schema):
    id: int
    name: str
    region_code: str
    held_on: datetime.date
    place: str
    cancelled_on: datetime.date | None
    walk_in_count: int


class FairDetailOut(FairOut):
    employers: int
    vacancies: int
    vacancy_ids: list[int]
    registered_visitors: int
    visitors: int
    referrals: int
    hires: int


class FairVacancyIn(Schema):
    vacancy_id: Id


class AttendanceIn(Schema):
    person_id: Id


def _region(request, code):
    return scoping.get_region_or_404(request.user, code) if code else scoping.region_from_request(request)


@router.get("/guidance", response=list[GuidanceOut], summary="职业指导台账（?region= 辖区内的区域，默认本人辖区）")
def list_guidance(request, query: Query[ListQuery]):
    check_permission(request.user, JOBSERVICES_VIEW)
    region = _region(request, query.region)
    return list(selectors.guidance_records(request.user, region)[query.offset:query.offset + query.limit])


@router.post("/guidance", response={201: GuidanceOut}, summary="记录职业指导")
def record_guidance(request, body: GuidanceIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    record = services.record_guidance(
        actor=request.user, person=person, given_on=body.given_on, topic=body.topic, advice=body.advice,
        next_step=body.next_step, next_step_note=body.next_step_note, next_on=body.next_on)
    return Status(201, record)


@router.get("/guidance/{record_id}", response=GuidanceOut, summary="查询一条职业指导记录")
def get_guidance(request, record_id: ObjectId):
    check_permission(request.user, JOBSERVICES_VIEW)
    return scoping.get_visible_or_404(GuidanceRecord, request.user, pk=record_id)


@router.post("/guidance/{record_id}/correction", response=GuidanceOut, summary="更正职业指导记录（记录它的机构）")
def correct_guidance(request, record_id: ObjectId, body: GuidanceIn):
    record = scoping.get_visible_or_404(GuidanceRecord.objects.select_related("person"), request.user, pk=record_id)
    if body.person_id != record.person_id:
        raise ValidationError("更正不能改变指导对象。")
    return services.correct_guidance(
        actor=request.user, record=record, given_on=body.given_on, topic=body.topic, advice=body.advice,
        next_step=body.next_step, next_step_note=body.next_step_note, next_on=body.next_on)


def _fair_detail(fair):
    figures = selectors.fair_figures(fair)
    return {**{key: getattr(fair, key) for key in FairOut.model_fields},
            "employers": figures.employers, "vacancies": figures.vacancies,
            "vacancy_ids": list(fair.offers.order_by("id").values_list("vacancy_id", flat=True)),
            "registered_visitors": figures.registered_visitors, "visitors": figures.visitors,
            "referrals": figures.referrals, "hires": figures.hires}


def _fair(request, fair_id):
    return scoping.get_visible_or_404(JobFair, request.user, pk=fair_id)


@router.get("/job-fairs", response=list[FairOut], summary="招聘会列表（?region= 辖区内的区域，默认本人辖区）")
def list_fairs(request, query: Query[ListQuery]):
    check_permission(request.user, JOBSERVICES_VIEW)
    region = _region(request, query.region)
    return list(selectors.fairs(request.user, region)[query.offset:query.offset + query.limit])


@router.post("/job-fairs", response={201: FairDetailOut}, summary="登记招聘会（举办地为乡镇(街道)、县(区)或市）")
def plan_fair(request, body: FairIn):
    region = scoping.get_region_or_404(request.user, body.region_code)
    fair = services.plan_fair(actor=request.user, region_code=region.code, name=body.name, held_on=body.held_on,
                              place=body.place, note=body.note)
    return Status(201, _fair_detail(fair))


@router.get("/job-fairs/{fair_id}", response=FairDetailOut, summary="查询一场招聘会：参会单位、岗位、入场人数、录用人数")
def get_fair(request, fair_id: ObjectId):
    check_permission(request.user, JOBSERVICES_VIEW)
    return _fair_detail(_fair(request, fair_id))


@router.post("/job-fairs/{fair_id}/vacancies", response={201: FairDetailOut}, summary="招聘会添加岗位（招聘中的岗位）")
def add_fair_vacancy(request, fair_id: ObjectId, body: FairVacancyIn):
    fair = _fair(request, fair_id)
    vacancy = scoping.get_visible_or_404(Vacancy.objects.select_related("employer"), request.user,
                                         pk=body.vacancy_id)
    services.add_fair_vacancy(actor=request.user, fair=fair, vacancy=vacancy)
    return Status(201, _fair_detail(fair))


@router.post("/job-fairs/{fair_id}/vacancies/removal", response=FairDetailOut,
             summary="招聘会移除岗位（误添加的；已在本场推荐的不能移除）")
def remove_fair_vacancy(request, fair_id: ObjectId, body: FairVacancyIn):
    fair = _fair(request, fair_id)
    vacancy = scoping.get_visible_or_404(Vacancy.objects.select_related("employer"), request.user,
                                         pk=body.vacancy_id)
    services.remove_fair_vacancy(actor=request.user, fair=fair, vacancy=vacancy)
    return _fair_detail(fair)


@router.post("/job-fairs/{fair_id}/attendance", response={201: FairDetailOut}, summary="登记参会人员")
def record_attendance(request, fair_id: ObjectId, body: AttendanceIn):
    fair = _fair(request, fair_id)
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    services.record_attendance(actor=request.user, fair=fair, person=person)
    return Status(201, _fair_detail(fair))


class FairChangeIn(Schema):
    name: Text(100)
    held_on: datetime.date
    place: Text(200) = ""
    note: Text(200) = ""


@router.post("/job-fairs/{fair_id}/correction", response=FairDetailOut, summary="修改招聘会（改期或更正名称、地点）")
def update_fair(request, fair_id: ObjectId, body: FairChangeIn):
    fair = _fair(request, fair_id)
    services.update_fair(actor=request.user, fair=fair, name=body.name, held_on=body.held_on, place=body.place,
                         note=body.note)
    return _fair_detail(fair)


class VisitorsIn(Schema):
    walk_in_count: int = Field(ge=0, le=1_000_000)


class FairCancelIn(Schema):
    reason: Text(200)


@router.post("/job-fairs/{fair_id}/visitors", response=FairDetailOut, summary="填写现场入场人数（未登记的参会人员）")
def set_visitor_count(request, fair_id: ObjectId, body: VisitorsIn):
    fair = _fair(request, fair_id)
    services.set_visitor_count(actor=request.user, fair=fair, walk_in_count=body.walk_in_count)
    return _fair_detail(fair)


@router.post("/job-fairs/{fair_id}/cancellation", response=FairDetailOut, summary="取消招聘会")
def cancel_fair(request, fair_id: ObjectId, body: FairCancelIn):
    fair = _fair(request, fair_id)
    services.cancel_fair(actor=request.user, fair=fair, reason=body.reason)
    return _fair_detail(fair)
