"""The inspection part's API operations, each with its whole path under /api/v1/supervision/: the cases of the
caller's scope (by pages of `limit`), one case with its workers, measures and history, recording a complaint,
accepting or not, 立案, workers and the wages recovered, measures, the extension and its approval, the referral to
mediation or arbitration and its outcome, and the conclusion. The same services as the pages; refusals in Chinese
(422), out of scope 404 (looked up first, so an outsider learns nothing), a role that may not act 403 with the
service's reason."""

import datetime
from decimal import Decimal
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.supervision import inputs
from hrss.supervision.inspection import selectors, services
from hrss.supervision.models import InspectionCase, InspectionSource, InspectionWorker, RatingCode
from hrss.supervision.permissions import INSPECTION_VIEW

router = Router(tags=["信访监察与服务监督"])
AMOUNT = {"ge": 0, "le": Decimal("9999999999.99"), "decimal_places": 2}


class InspectionWorkerOut(Schema):
    id: int
    name: str
    id_number_masked: str
    amount_owed: Decimal
    amount_recovered: Decimal

    @staticmethod
    def resolve_id_number_masked(worker):
        return worker.masked_id_number


class InspectionMeasureOut(Schema):
    kind: str
    taken_on: datetime.date
    amount: Decimal | None
    note: str


class InspectionEventOut(Schema):
    on: datetime.date
    action: str
    text: str
    by: str

    @staticmethod
    def resolve_by(event):
        return str(event.by)


class InspectionCaseOut(Schema):
    id: int
    number: str
    region_code: str
    source: str
    petition_id: int | None
    lead_id: int | None
    employer_name: str
    employer_uscc: str
    employer_address: str
    complainant_name: str
    summary: str
    state: str
    received_on: datetime.date
    accept_due: datetime.date | None  # null: 截止日期待定 (the year's holiday arrangement not loaded)
    accept_due_text: str
    accepted_on: datetime.date | None
    not_accepted_on: datetime.date | None
    not_accepted_reason: str
    opened_on: datetime.date | None
    first_conclude_due: datetime.date | None
    conclude_due: datetime.date | None
    conclude_due_text: str  # the date, 截止日期待定（节假日安排未录入） once opened with it null, "" before 立案
    extension_state: str
    extension_reason: str
    extension_note: str
    referral_kind: str
    referral_body: str
    referred_on: datetime.date | None
    referral_outcome: str
    referral_outcome_on: datetime.date | None
    concluded_on: datetime.date | None
    result: str
    amount_owed: Decimal
    amount_recovered: Decimal
    inspector_id: int | None
    overdue: bool
    rating_code: str

    @staticmethod
    def resolve_accept_due_text(case):
        return selectors.due_text(case.accept_due)

    @staticmethod
    def resolve_conclude_due_text(case):
        return selectors.due_text(case.conclude_due) if case.opened_on else ""

    @staticmethod
    def resolve_overdue(case):
        return selectors.running_timing(case, timezone.localdate()).late

    @staticmethod
    def resolve_rating_code(case):
        code = RatingCode.objects.filter(source="inspection", source_id=str(case.pk)).values_list(
            "code", flat=True).first()
        return code or ""


class InspectionCaseDetailOut(InspectionCaseOut):
    workers: list[InspectionWorkerOut]
    measures: list[InspectionMeasureOut]
    events: list[InspectionEventOut]

    @staticmethod
    def resolve_workers(case):
        return list(case.workers.order_by("pk"))

    @staticmethod
    def resolve_measures(case):
        return list(case.measures.order_by("taken_on", "pk"))

    @staticmethod
    def resolve_events(case):
        return list(case.events.select_related("by").order_by("at", "pk"))


class InspectionCaseFilter(Schema):
    region: Text(12) = ""
    state: Text(12) = ""
    source: Text(12) = ""
    overdue: bool = False
    month: Text(7) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class InspectionComplaintIn(Schema):
    region_code: Text(12)
    source: Text(12) = InspectionSource.COMPLAINT
    employer_name: Text(100)
    employer_uscc: Text(30) = ""
    employer_address: Text(200) = ""
    complainant_name: Text(50) = ""
    complainant_phone: Text(20) = ""
    summary: Text(500, lines=True)
    received_on: datetime.date | None = None


class InspectionDayIn(Schema):
    on: datetime.date | None = None


class InspectionDeclineIn(Schema):
    on: datetime.date | None = None
    reason: Text(500, lines=True)


class InspectionWorkerIn(Schema):
    name: Text(50)
    id_number: Text(20) = ""
    phone: Text(20) = ""
    amount_owed: Decimal = Field(**AMOUNT)
    amount_recovered: Decimal = Field(Decimal("0"), **AMOUNT)


class InspectionRecoveryIn(Schema):
    amount_recovered: Decimal = Field(**AMOUNT)


class InspectionWorkerRemovalIn(Schema):
    reason: Text(200)


class InspectionMeasureIn(Schema):
    kind: Text(10)
    taken_on: datetime.date
    amount: Decimal | None = Field(None, **AMOUNT)
    note: Text(500, lines=True) = ""


class InspectionExtensionIn(Schema):
    reason: Text(500, lines=True)


class InspectionExtensionDecisionIn(Schema):
    approve: bool
    note: Text(500, lines=True) = ""


class InspectionReferralIn(Schema):
    kind: Text(12)
    body: Text(100)
    referred_on: datetime.date


class InspectionReferralOutcomeIn(Schema):
    outcome: Text(500, lines=True)
    on: datetime.date


class InspectionConcludeIn(Schema):
    on: datetime.date | None = None
    result: Text(1000, lines=True)


def _case(request, case_id):
    return scoping.get_visible_or_404(InspectionCase, request.user, pk=case_id)


def _says_why(operation):
    """A service's refusal of the caller's role with its reason (not an inspector, not the approver): 403 saying it."""
    @wraps(operation)
    def wrapped(*args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except PermissionDenied as error:
            if str(error):
                raise HttpError(403, str(error)) from None
            raise
    return wrapped


@router.get("/supervision/inspection-cases", response=list[InspectionCaseOut],
            summary="劳动保障监察案件（本辖区，可按区域、状态、来源、是否逾期、收到月份筛选）")
def list_cases(request, filters: Query[InspectionCaseFilter]):
    check_permission(request.user, INSPECTION_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    if filters.state and filters.state not in selectors.STATE_FILTERS:
        raise HttpError(422, f"状态只能是：{'、'.join(selectors.STATE_FILTERS)}。")
    if filters.source and filters.source not in InspectionSource.values:
        raise HttpError(422, f"来源只能是：{'、'.join(InspectionSource.values)}。")
    if refused := inputs.month_filter(filters.month, timezone.localdate())[1]:
        raise HttpError(422, f"收到月份：{refused}")
    rows = selectors.ledger(request.user, region, timezone.localdate(), state=filters.state, source=filters.source,
                            overdue=filters.overdue, month=filters.month)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.post("/supervision/inspection-cases", response={201: InspectionCaseDetailOut},
             summary="登记投诉（来访来电投诉 complaint 或日常巡查 routine；用人单位所在的村(社区)或乡镇(街道)）")
@_says_why
def receive_complaint(request, body: InspectionComplaintIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    region = scoping.get_region_or_404(request.user, body.region_code)
    case = services.receive_complaint(
        actor=request.user, region_code=region.code, source=body.source, employer_name=body.employer_name,
        employer_uscc=body.employer_uscc, employer_address=body.employer_address,
        complainant_name=body.complainant_name, complainant_phone=body.complainant_phone, summary=body.summary,
        received_on=body.received_on)
    return Status(201, case)


@router.get("/supervision/inspection-cases/{case_id}", response=InspectionCaseDetailOut,
            summary="一件监察案件（劳动者、措施、办理记录）")
def get_case(request, case_id: ObjectId):
    check_permission(request.user, INSPECTION_VIEW)
    return _case(request, case_id)


@router.post("/supervision/inspection-cases/{case_id}/accept", response=InspectionCaseDetailOut, summary="受理（5个工作日内）")
@_says_why
def accept(request, case_id: ObjectId, body: InspectionDayIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    return services.accept_case(actor=request.user, case=_case(request, case_id), on=body.on)


@router.post("/supervision/inspection-cases/{case_id}/decline", response=InspectionCaseDetailOut,
             summary="不予受理（写明理由）")
@_says_why
def decline(request, case_id: ObjectId, body: InspectionDeclineIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    return services.decline_case(actor=request.user, case=_case(request, case_id), on=body.on, reason=body.reason)


@router.post("/supervision/inspection-cases/{case_id}/open", response=InspectionCaseDetailOut,
             summary="立案（60个工作日内结案）")
@_says_why
def open_case(request, case_id: ObjectId, body: InspectionDayIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    return services.open_case(actor=request.user, case=_case(request, case_id), on=body.on)


@router.post("/supervision/inspection-cases/{case_id}/workers", response={201: InspectionWorkerOut},
             summary="登记被欠薪劳动者（拖欠金额、已追回金额）")
@_says_why
def add_worker(request, case_id: ObjectId, body: InspectionWorkerIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    worker = services.add_worker(actor=request.user, case=_case(request, case_id), name=body.name,
                                 id_number=body.id_number, phone=body.phone, amount_owed=body.amount_owed,
                                 amount_recovered=body.amount_recovered)
    return Status(201, worker)


@router.post("/supervision/inspection-cases/{case_id}/workers/{worker_id}/recovery", response=InspectionWorkerOut,
             summary="登记追回工资（该劳动者已追回的合计，不超过拖欠金额）")
@_says_why
def record_recovery(request, case_id: ObjectId, worker_id: ObjectId, body: InspectionRecoveryIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    case = _case(request, case_id)
    worker = scoping.get_visible_or_404(InspectionWorker.objects.filter(case=case), request.user, pk=worker_id)
    return services.record_recovery(actor=request.user, worker=worker, amount_recovered=body.amount_recovered)


@router.post("/supervision/inspection-cases/{case_id}/workers/{worker_id}/removal", response=InspectionCaseDetailOut,
             summary="删除登记有误的劳动者（须填原因；仅限办理中且未为其追回工资；本案拖欠合计随之更新）")
@_says_why
def remove_worker(request, case_id: ObjectId, worker_id: ObjectId, body: InspectionWorkerRemovalIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    case = _case(request, case_id)
    worker = scoping.get_visible_or_404(InspectionWorker.objects.filter(case=case), request.user, pk=worker_id)
    return services.remove_worker(actor=request.user, worker=worker, reason=body.reason)


@router.post("/supervision/inspection-cases/{case_id}/measures", response={201: InspectionMeasureOut},
             summary="登记监察措施（rectify 责令改正、pay 责令支付、penalty 行政处罚、police 移送公安、credit 失信名单、other）")
@_says_why
def add_measure(request, case_id: ObjectId, body: InspectionMeasureIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    measure = services.add_measure(actor=request.user, case=_case(request, case_id), kind=body.kind,
                                   taken_on=body.taken_on, amount=body.amount, note=body.note)
    return Status(201, measure)


@router.post("/supervision/inspection-cases/{case_id}/extension", response=InspectionCaseDetailOut,
             summary="申请延期30个工作日（写明理由，待负责人批准；只能一次）")
@_says_why
def request_extension(request, case_id: ObjectId, body: InspectionExtensionIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    return services.request_extension(actor=request.user, case=_case(request, case_id), reason=body.reason)


@router.post("/supervision/inspection-cases/{case_id}/extension/decision", response=InspectionCaseDetailOut,
             summary="批准或不批准延期（县(区)审批人；不批准的写明意见）")
@_says_why
def decide_extension(request, case_id: ObjectId, body: InspectionExtensionDecisionIn):
    check_permission(request.user, INSPECTION_VIEW)
    return services.decide_extension(actor=request.user, case=_case(request, case_id), approve=body.approve,
                                     note=body.note)


@router.post("/supervision/inspection-cases/{case_id}/referral", response=InspectionCaseDetailOut,
             summary="移送调解（mediation）或仲裁（arbitration），写明接收机构")
@_says_why
def refer(request, case_id: ObjectId, body: InspectionReferralIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    return services.refer_case(actor=request.user, case=_case(request, case_id), kind=body.kind, body=body.body,
                               referred_on=body.referred_on)


@router.post("/supervision/inspection-cases/{case_id}/referral/outcome", response=InspectionCaseDetailOut,
             summary="登记调解、仲裁结果")
@_says_why
def referral_outcome(request, case_id: ObjectId, body: InspectionReferralOutcomeIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    return services.record_referral_outcome(actor=request.user, case=_case(request, case_id), outcome=body.outcome,
                                            on=body.on)


@router.post("/supervision/inspection-cases/{case_id}/conclude", response=InspectionCaseDetailOut,
             summary="结案（写明处理结果；发放评价码）")
@_says_why
def conclude(request, case_id: ObjectId, body: InspectionConcludeIn):
    check_permission(request.user, INSPECTION_VIEW)  # the service refuses one who may not act (403)
    return services.conclude_case(actor=request.user, case=_case(request, case_id), result=body.result, on=body.on)

