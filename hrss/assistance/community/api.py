"""The community part's API operations, each with its whole path under /api/v1/: the assessments of 充分就业社区
(list, record, the county's decision). Objects are reached through core.scoping (out of scope is 404); the services
check permission and role."""

import datetime

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.assistance.community import rules, selectors, services
from hrss.assistance.models import CommunityAssessment
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.core import scoping
from hrss.core.api_fields import Id, ObjectId, Text
from hrss.core.permissions import check_permission

router = Router(tags=["就业援助"])


class CommunityCriterionOut(Schema):
    code: str
    name: str
    kind: str
    value: str
    met: bool | None
    note: str


class CommunityAssessmentOut(Schema):
    id: int
    region_code: str
    year: int
    assessed_on: datetime.date
    criteria: list[CommunityCriterionOut]
    note: str
    result: str
    decided_on: datetime.date | None
    decision_note: str
    version: int

    @staticmethod
    def resolve_criteria(assessment):
        return [{"code": code, "name": c.get("name", ""), "kind": c.get("kind", ""), "value": c.get("value", ""),
                 "met": c.get("met"), "note": c.get("note", "")} for code, c in assessment.criteria.items()]


class CommunityCheckIn(Schema):
    met: bool | None = None  # for a criterion checked by hand
    note: Text(200) = ""


class CommunityAssessmentIn(Schema):
    village_code: Text(12)
    year: int = Field(ge=rules.FIRST_YEAR, le=9999)
    checks: dict[Text(40), CommunityCheckIn] = Field(default_factory=dict, max_length=30)
    note: Text(300, lines=True) = ""


class CommunityDecisionIn(Schema):
    result: Text(10)
    note: Text(300, lines=True)
    version: Id


class CommunityAssessmentFilter(Schema):
    year: int | None = Field(None, ge=rules.FIRST_YEAR, le=9999)
    region: str = Field("", max_length=12, pattern=r"^[0-9]*$")


@router.get("/assistance/communities/assessments", response=list[CommunityAssessmentOut],
            summary="充分就业社区评估（按年度、区域；至多500条）")
def list_assessments(request, filters: Query[CommunityAssessmentFilter]):
    check_permission(request.user, ASSISTANCE_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    return list(selectors.assessments_visible_to(request.user, region, year=filters.year)[:500])


@router.post("/assistance/communities/assessments", response={201: CommunityAssessmentOut},
             summary="记录一个社区的年度评估（按数据计算的指标自动计算，人工核实的指标填写 met 和 note）")
def record(request, body: CommunityAssessmentIn):
    village = scoping.get_region_or_404(request.user, body.village_code)
    assessment = services.record_assessment(
        actor=request.user, region_code=village.code, year=body.year,
        checks={code: {"met": check.met, "note": check.note} for code, check in body.checks.items()},
        note=body.note, today=timezone.localdate())
    return Status(201, assessment)


@router.post("/assistance/communities/assessments/{assessment_id}/decision", response=CommunityAssessmentOut,
             summary="县(区)认定评估结果：met（达标）或 not_met（未达标）")
def decide(request, assessment_id: ObjectId, body: CommunityDecisionIn):
    assessment = scoping.get_visible_or_404(CommunityAssessment, request.user, pk=assessment_id)
    return services.decide_assessment(actor=request.user, assessment=assessment, result=body.result,
                                      note=body.note, version=body.version)
