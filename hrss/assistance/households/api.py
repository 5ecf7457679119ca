"""The households part's API operations (零就业家庭), each with its whole path under /api/v1/. Cases are reached
through core.scoping (out of scope is 404); the services check permission and scope; bad input is 422 with the
services' Chinese reasons. A POST with an Idempotency-Key is answered once (core.middleware)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.assistance.households import rules, selectors, services
from hrss.assistance.models import HouseholdAssistance, ZeroEmploymentHousehold
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.residents import selectors as ledger
from hrss.residents.models import Person

router = Router(tags=["就业援助"])


class ZeroHouseholdRecordOut(Schema):
    id: int
    done_on: datetime.date
    kind: str
    note: str


class ZeroHouseholdCaseOut(Schema):
    id: int
    household_id: int
    region_code: str
    found_on: datetime.date
    source: str
    status: str
    verified_on: datetime.date | None
    verification_note: str
    cleared_on: datetime.date | None
    cleared_member_id: int | None
    days_to_clear: int | None
    days_open: int | None  # open cases: days since found_on, today
    target_days: int
    late: bool  # open past the target, or cleared after it
    version: int
    records: list[ZeroHouseholdRecordOut]


class ZeroHouseholdCaseFilter(Schema):
    region: Text(12) = ""
    state: Text(20) = "open"
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ZeroHouseholdReportIn(Schema):
    person_id: Id  # a member of the household
    source: Text(12) = "application"
    found_on: datetime.date
    note: Text(300, lines=True) = ""


class ZeroHouseholdVerifyIn(Schema):
    outcome: Text(10)  # verified or dismissed
    verified_on: datetime.date
    note: Text(300, lines=True) = ""
    version: Id


class ZeroHouseholdRecordIn(Schema):
    done_on: datetime.date
    kind: Text(16)
    note: Text(300, lines=True)


class ZeroHouseholdClearIn(Schema):
    member_id: Id
    started_on: datetime.date
    note: Text(300, lines=True) = ""
    version: Id


class ZeroHouseholdScanIn(Schema):
    region_code: Text(12)


class ZeroHouseholdScanOut(Schema):
    opened: int
    cleared: int


def _out(case, today):
    if case.is_open:
        late = rules.is_overdue(case.found_on, today)
    else:
        late = case.cleared_on is not None and rules.is_late(case.found_on, case.cleared_on)
    return {"id": case.pk, "household_id": case.household_id, "region_code": case.region_code,
            "found_on": case.found_on, "source": case.source, "status": case.status, "verified_on": case.verified_on,
            "verification_note": case.verification_note, "cleared_on": case.cleared_on,
            "cleared_member_id": case.cleared_member_id, "days_to_clear": case.days_to_clear,
            "days_open": case.days_open(today) if case.is_open else None,
            "target_days": rules.target_days(case.found_on), "late": late, "version": case.version,
            "records": sorted(case.records.all(), key=lambda record: (record.done_on, record.pk))}  # prefetched


def _case(request, case_id):
    return scoping.get_visible_or_404(ZeroEmploymentHousehold.objects.select_related("household"), request.user,
                                      pk=case_id)


@router.get("/assistance/households", response=list[ZeroHouseholdCaseOut],
            summary="零就业家庭（本辖区，可按区域和状态筛选：open、found、verified、overdue、found_this_month、"
                    "cleared_this_month、cleared、late、dismissed、all）")
def list_cases(request, filters: Query[ZeroHouseholdCaseFilter]):
    check_permission(request.user, ASSISTANCE_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    if filters.state not in selectors.STATES:
        raise ValidationError(f"未知的状态“{filters.state}”，可选：{'、'.join(selectors.STATES)}。")
    today = timezone.localdate()
    found = selectors.in_state(selectors.cases(request.user, region), filters.state, today)
    found = found.select_related("household").prefetch_related("records").order_by("found_on", "pk")
    return [_out(case, today) for case in found[filters.offset:filters.offset + filters.limit]]


@router.post("/assistance/households", response={201: ZeroHouseholdCaseOut},
             summary="登记零就业家庭（居民申报 application 或他人上报 reported），以该户一名成员指明家庭")
def report(request, body: ZeroHouseholdReportIn):
    check_permission(request.user, ASSISTANCE_HANDLE)
    person = scoping.get_visible_or_404(Person.objects.select_related("household"), request.user, pk=body.person_id)
    case = services.report_household(actor=request.user, person=person, source=body.source, found_on=body.found_on,
                                     note=body.note)
    return Status(201, _out(case, timezone.localdate()))


@router.post("/assistance/households/scan", response=ZeroHouseholdScanOut,
             summary="比对人员台账：为尚未登记的零就业家庭立案，为已有成员就业的清零（乡镇、县）")
def scan(request, body: ZeroHouseholdScanIn):
    check_permission(request.user, ASSISTANCE_HANDLE)
    region = scoping.get_region_or_404(request.user, body.region_code)
    opened, cleared = services.scan_households(actor=request.user, region=region)
    return {"opened": opened, "cleared": cleared}


@router.get("/assistance/households/{case_id}", response=ZeroHouseholdCaseOut, summary="查询一户零就业家庭及其援助记录")
def get_case(request, case_id: ObjectId):
    check_permission(request.user, ASSISTANCE_VIEW)
    return _out(_case(request, case_id), timezone.localdate())


@router.post("/assistance/households/{case_id}/verify", response=ZeroHouseholdCaseOut,
             summary="村(社区)核实：verified（属于，开展援助）或 dismissed（经核实不属于，须写明原因）")
def verify(request, case_id: ObjectId, body: ZeroHouseholdVerifyIn):
    case = services.verify_household(actor=request.user, case=_case(request, case_id), outcome=body.outcome,
                                     verified_on=body.verified_on, note=body.note, version=body.version)
    return _out(case, timezone.localdate())


@router.post("/assistance/households/{case_id}/records", response={201: ZeroHouseholdRecordOut}, summary="录入一条援助记录")
def add_record(request, case_id: ObjectId, body: ZeroHouseholdRecordIn):
    record = services.record_assistance(actor=request.user, case=_case(request, case_id), done_on=body.done_on,
                                        kind=body.kind, note=body.note)
    return Status(201, HouseholdAssistance.objects.get(pk=record.pk))


@router.post("/assistance/households/{case_id}/clear", response=ZeroHouseholdCaseOut,
             summary="清零：该户成员（台账中已登记就业）的就业起始日期；用时 = 起始日期 − 发现日期")
def clear(request, case_id: ObjectId, body: ZeroHouseholdClearIn):
    case = _case(request, case_id)
    member = ledger.people_visible_to(request.user).filter(pk=body.member_id).first()
    case = services.clear_household(actor=request.user, case=case, member=member, started_on=body.started_on,
                                    note=body.note, version=body.version)
    return _out(case, timezone.localdate())
