"""API of the seekers part (mounted in hrss/api/urls.py at /api/v1/): 求职登记 and the matches both ways. Reads go
through core.scoping (out of scope is 404); writes through the part's services.

Who sees what in the matches: vacancies are public offers, so a seeker's matches list any open vacancy (转移就业
reaches beyond the county), showing the employer's name, the title, the place and the pay, nothing personal; a
vacancy's matches list seekers, so only those within the caller's scope."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.core import classifications, scoping
from hrss.core.api_fields import Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.jobservices.models import JobSeeker, SeekerStatus, Vacancy
from hrss.jobservices.permissions import JOBSERVICES_VIEW
from hrss.jobservices.seekers import matching, services
from hrss.residents.models import Person

router = Router(tags=["就业服务：求职登记与人岗匹配"])


class SeekerOut(Schema):
    id: int
    person_id: int
    name: str
    id_number: str  # masked, as on every list
    region_code: str
    registered_on: datetime.date
    status: str
    occupations: list[str]
    wage_min: int | None
    mobility: str
    not_selective: bool
    available_from: datetime.date | None
    phone: str
    note: str
    ended_on: datetime.date | None
    end_reason: str

    @staticmethod
    def resolve_name(seeker):
        return seeker.person.name

    @staticmethod
    def resolve_id_number(seeker):
        return seeker.person.masked_id_number

    @staticmethod
    def resolve_occupations(seeker):
        return [wanted.occupation_code for wanted in seeker.wanted.all()]


class SeekerIn(Schema):
    person_id: Id
    occupations: list[Text(10)] = Field(max_length=10)
    mobility: Text(10)
    not_selective: bool
    wage_min: int | None = Field(None, ge=1, le=services.MAX_WAGE)
    available_from: datetime.date | None = None
    phone: Text(20) = ""
    note: Text(200, lines=True) = ""


class SeekerPatch(Schema):
    occupations: list[Text(10)] | None = Field(None, max_length=10)
    mobility: Text(10) | None = None
    not_selective: bool | None = None
    wage_min: int | None = Field(None, ge=1, le=services.MAX_WAGE)
    available_from: datetime.date | None = None
    phone: Text(20) | None = None
    note: Text(200, lines=True) | None = None


class EndIn(Schema):
    reason: Text(10)
    note: Text(200, lines=True) = ""


class SeekerFilters(Schema):
    status: Text(8) = SeekerStatus.ACTIVE
    not_selective: bool | None = None
    offset: int = Field(0, ge=0, le=10_000_000)
    limit: int = Field(50, ge=1, le=200)


class MatchLimit(Schema):
    limit: int = Field(10, ge=1, le=matching.MAX_LIMIT)


class MatchedVacancy(Schema):
    id: int
    title: str
    employer_id: int
    employer_name: str
    occupation_code: str
    occupation_name: str
    region_code: str
    wage_min: int | None
    wage_max: int | None
    headcount: int
    places_left: int
    opens_on: datetime.date
    closes_on: datetime.date | None


class MatchedSeeker(Schema):
    id: int
    person_id: int
    name: str
    id_number: str  # masked
    region_code: str
    registered_on: datetime.date
    not_selective: bool
    mobility: str
    occupations: list[str]


class VacancyMatchOut(Schema):
    score: int
    suitable: bool
    reasons: list[str]
    vacancy: MatchedVacancy


class SeekerMatchOut(Schema):
    score: int
    suitable: bool
    reasons: list[str]
    seeker: MatchedSeeker


def _vacancy_out(vacancy):
    return {"id": vacancy.pk, "title": vacancy.title, "employer_id": vacancy.employer_id,
            "employer_name": vacancy.employer.name, "occupation_code": vacancy.occupation_code,
            "occupation_name": classifications.occupation_name(vacancy.occupation_code),
            "region_code": vacancy.region_code, "wage_min": vacancy.wage_min, "wage_max": vacancy.wage_max,
            "headcount": vacancy.headcount, "places_left": vacancy.places_left, "opens_on": vacancy.opens_on,
            "closes_on": vacancy.closes_on}


def _seeker_out(seeker):
    return {"id": seeker.pk, "person_id": seeker.person_id, "name": seeker.person.name,
            "id_number": seeker.person.masked_id_number, "region_code": seeker.region_code,
            "registered_on": seeker.registered_on, "not_selective": seeker.not_selective,
            "mobility": seeker.mobility,
            "occupations": [wanted.occupation_code for wanted in seeker.wanted.all()]}


def _seeker(request, seeker_id):
    check_permission(request.user, JOBSERVICES_VIEW)
    return scoping.get_visible_or_404(JobSeeker.objects.select_related("person").prefetch_related("wanted"),
                                      request.user, pk=seeker_id)


@router.get("/seekers", response=list[SeekerOut], summary="求职登记台账（本辖区，默认求职中）")
def list_seekers(request, filters: Query[SeekerFilters]):
    check_permission(request.user, JOBSERVICES_VIEW)
    seekers = scoping.visible_to(request.user, JobSeeker.objects.select_related("person").prefetch_related("wanted"))
    if filters.status:
        seekers = seekers.filter(status=filters.status)
    if filters.not_selective is not None:
        seekers = seekers.filter(not_selective=filters.not_selective)
    return list(seekers.order_by("registered_on", "id")[filters.offset:filters.offset + filters.limit])


@router.post("/seekers", response={201: SeekerOut}, summary="求职登记")
def register_seeker(request, body: SeekerIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    seeker = services.register_seeker(
        actor=request.user, person=person, occupations=body.occupations, mobility=body.mobility,
        not_selective=body.not_selective, wage_min=body.wage_min, available_from=body.available_from,
        phone=body.phone, note=body.note)
    return Status(201, _seeker(request, seeker.pk))


@router.get("/seekers/{seeker_id}", response=SeekerOut, summary="查询一份求职登记")
def get_seeker(request, seeker_id: ObjectId):
    return _seeker(request, seeker_id)


@router.patch("/seekers/{seeker_id}", response=SeekerOut, summary="修改求职登记（只改所给的项）")
def update_seeker(request, seeker_id: ObjectId, body: SeekerPatch):
    seeker = _seeker(request, seeker_id)
    given = body.dict(exclude_unset=True)
    values = {"occupations": [wanted.occupation_code for wanted in seeker.wanted.all()],
              "mobility": seeker.mobility, "not_selective": seeker.not_selective, "wage_min": seeker.wage_min,
              "available_from": seeker.available_from, "phone": seeker.phone, "note": seeker.note}
    for key, value in given.items():
        if value is None and key in {"occupations", "mobility", "not_selective", "phone", "note"}:
            raise ValidationError(f"{key}：不能为空")
        values[key] = value
    services.update_seeker(actor=request.user, seeker=seeker, **values)
    return _seeker(request, seeker_id)


@router.post("/seekers/{seeker_id}/end", response=SeekerOut, summary="结束求职登记（已就业、本人不再求职、迁出、其他）")
def end_seeking(request, seeker_id: ObjectId, body: EndIn):
    seeker = _seeker(request, seeker_id)
    services.end_seeking(actor=request.user, seeker=seeker, reason=body.reason, note=body.note)
    return _seeker(request, seeker_id)


@router.get("/seekers/{seeker_id}/matches", response=list[VacancyMatchOut],
            summary="为求职人匹配的岗位（得分高者在前，附理由）")
def seeker_matches(request, seeker_id: ObjectId, query: Query[MatchLimit]):
    seeker = _seeker(request, seeker_id)
    matches = matching.matches_for_seeker(seeker, limit=query.limit, today=timezone.localdate())
    return [{"score": match.score, "suitable": match.suitable, "reasons": list(match.reasons),
             "vacancy": _vacancy_out(match.vacancy)} for match in matches]


@router.get("/vacancies/{vacancy_id}/matches", response=list[SeekerMatchOut],
            summary="为岗位匹配的求职人（本辖区内，得分高者在前，附理由）")
def vacancy_matches(request, vacancy_id: ObjectId, query: Query[MatchLimit]):
    check_permission(request.user, JOBSERVICES_VIEW)
    vacancy = scoping.get_visible_or_404(Vacancy.objects.select_related("employer"), request.user, pk=vacancy_id)
    matches = matching.matches_for_vacancy(vacancy, limit=query.limit, today=timezone.localdate(),
                                           user=request.user)
    return [{"score": match.score, "suitable": match.suitable, "reasons": list(match.reasons),
             "seeker": _seeker_out(match.seeker)} for match in matches]
