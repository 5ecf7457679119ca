"""The support part's API operations, each with its whole path under /api/v1/: the current plans of a region and
saving a plan (a revision adds a version), the visits of a region and recording a visit."""

import datetime

from django.contrib.auth import get_user_model
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.assistance.models import AssistancePlan, HomeVisit, Recognition
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.assistance.support import selectors, services
from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, Text
from hrss.core.permissions import check_permission

router = Router(tags=["就业援助"])


class SupportPlanOut(Schema):
    id: int
    recognition_id: int
    person_id: int
    region_code: str
    version: int
    items: list[str]
    other_item: str
    responsible_id: int
    target_on: datetime.date
    notes: str
    made_on: datetime.date

    @staticmethod
    def resolve_person_id(plan):
        return plan.recognition.person_id


class SupportPlanIn(Schema):
    recognition_id: Id
    items: list[Text(24)] = Field(max_length=10)
    other_item: Text(100) = ""
    responsible_id: Id
    target_on: datetime.date
    notes: Text(500, lines=True) = ""


class SupportVisitOut(Schema):
    id: int
    recognition_id: int
    region_code: str
    visited_on: datetime.date
    visitor_id: int
    companions: str
    way: str
    outcome: str
    next_step: str
    next_visit_on: datetime.date | None


class SupportVisitIn(Schema):
    recognition_id: Id
    visited_on: datetime.date
    way: Text(8)
    outcome: Text(500, lines=True)
    next_step: Text(300, lines=True) = ""
    next_visit_on: datetime.date | None = None
    companions: Text(100) = ""


class SupportListFilter(Schema):
    region: Text(12) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def _region(request, code):
    return scoping.get_region_or_404(request.user, code) if code else None


def _recognition(request, recognition_id):
    return scoping.get_visible_or_404(Recognition.objects.select_related("person"), request.user, pk=recognition_id)


@router.get("/assistance/plans", response=list[SupportPlanOut], summary="现行援助计划（本辖区，可按区域筛选，新的在前）")
def list_plans(request, filters: Query[SupportListFilter]):
    check_permission(request.user, ASSISTANCE_VIEW)
    rows = selectors.plans(request.user, _region(request, filters.region))
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.post("/assistance/plans", response={201: SupportPlanOut},
             summary="制定或修订援助计划（修订生成新版本，原计划保留为历史）")
def save_plan(request, body: SupportPlanIn):
    check_permission(request.user, ASSISTANCE_HANDLE)
    recognition = _recognition(request, body.recognition_id)
    responsible = get_user_model().objects.filter(pk=body.responsible_id, is_active=True).first()
    plan = services.save_plan(actor=request.user, recognition=recognition, items=body.items,
                              other_item=body.other_item, responsible=responsible, target_on=body.target_on,
                              notes=body.notes)
    return Status(201, AssistancePlan.objects.select_related("recognition").get(pk=plan.pk))


@router.get("/assistance/visits", response=list[SupportVisitOut], summary="走访记录（本辖区，可按区域筛选，新的在前）")
def list_visits(request, filters: Query[SupportListFilter]):
    check_permission(request.user, ASSISTANCE_VIEW)
    rows = selectors.visits(request.user, _region(request, filters.region))
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.post("/assistance/visits", response={201: SupportVisitOut}, summary="登记走访（走访人为本人）")
def record_visit(request, body: SupportVisitIn):
    check_permission(request.user, ASSISTANCE_HANDLE)
    recognition = _recognition(request, body.recognition_id)
    visit = services.record_visit(actor=request.user, recognition=recognition, visited_on=body.visited_on,
                                  way=body.way, outcome=body.outcome, next_step=body.next_step,
                                  next_visit_on=body.next_visit_on, companions=body.companions)
    return Status(201, HomeVisit.objects.get(pk=visit.pk))
