"""The contributions part's API operations, each with its whole path under /api/v1/pensions/: a payment file
uploaded (multipart: file, source, region) and imported in the background, an import's counts and unmatched rows,
and a person's account statement."""

import datetime
import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from hrss.core import scoping
from hrss.core.api_fields import ObjectId
from hrss.core.id_numbers import mask
from hrss.core.models import CODE_LENGTH, Region
from hrss.core.permissions import check_permission
from hrss.core.tabular import ImportRefused
from hrss.pensions.contributions import account, services
from hrss.pensions.models import ContributionImport
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.models import Person

router = Router(tags=["社会保险服务"])


class UnmatchedOut(Schema):
    row: int
    id_number: str  # masked
    name: str
    amount: str
    year: str
    receipt: str
    reason: str
    resolved: bool


class ContributionImportOut(Schema):
    id: int
    region_code: str
    source: str
    file_name: str
    status: str
    dry_run: bool
    rows_total: int | None
    rows_processed: int
    matched: int
    unmatched: int
    duplicates: int
    message: str
    same_file: bool = False
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    unmatched_rows: list[UnmatchedOut] = []


class YearOut(Schema):
    year: int
    opening: Decimal
    contributions: Decimal
    subsidies: Decimal
    interest: Decimal | None
    closing: Decimal


class AccountOut(Schema):
    person_id: int
    on: datetime.date
    balance: Decimal
    paid_years: int
    rule: str
    years: list[YearOut]


def _out(job, *, same_file=False, with_rows=False):
    data = {field: getattr(job, field) for field in (
        "id", "region_code", "source", "file_name", "status", "dry_run", "rows_total", "rows_processed", "matched",
        "unmatched", "duplicates", "message", "created_at", "finished_at")}
    data["same_file"] = same_file
    if same_file:
        data["message"] = services.same_file_message(job)
    if with_rows:
        data["unmatched_rows"] = [
            {"row": row.row, "id_number": mask(row.id_number), "name": row.name, "amount": row.amount,
             "year": row.year, "receipt": row.receipt, "reason": row.reason, "resolved": row.resolved_at is not None}
            for row in job.unmatched_rows.order_by("row")[:1000]]
    return data


def _region_asked(request, region):
    """The importing unit: the form's `region`, or (a client that sent JSON) the body's; the user's own region when
    none is given. A region outside the user's area is 404, as everywhere."""
    if not region and request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            body = {}
        region = str(body.get("region") or "") if isinstance(body, dict) else ""
    if not region:
        return request.auth.region
    if not (region.isdigit() and len(region) == CODE_LENGTH):
        raise Http404
    return scoping.get_visible_or_404(Region.objects.filter(is_active=True), request.auth, code=region)


@router.post("/pensions/contribution-imports", response={201: ContributionImportOut, 200: ContributionImportOut},
             summary="上传缴费文件（multipart：file、source=bank|tax、region）")
def upload(request, file: File[UploadedFile] = None, source: Form[str] = "", region: Form[str] = "",
           dry_run: Form[bool] = False):
    check_permission(request.auth, PENSIONS_HANDLE)
    where = _region_asked(request, region)
    if file is None:
        raise HttpError(422, "请以 multipart/form-data 上传缴费文件（字段 file），并注明来源 source：bank（银行代扣）或 tax（税务征收）。")
    try:
        job = services.start_import(actor=request.auth, uploaded_file=file, source=source, region=where,
                                    dry_run=dry_run)
    except ImportRefused as error:
        raise HttpError(422, str(error)) from None
    except ValidationError as error:
        raise HttpError(422, "；".join(error.messages)) from None
    if job.same_file:
        return Status(200, _out(job, same_file=True))
    return Status(201, _out(job))


@router.get("/pensions/contribution-imports/{import_id}", response=ContributionImportOut,
            summary="缴费文件导入的进度与结果（含未匹配的行）")
def import_detail(request, import_id: ObjectId):
    check_permission(request.auth, PENSIONS_VIEW)
    job = scoping.get_visible_or_404(ContributionImport, request.auth, pk=import_id)
    return _out(job, with_rows=True)


@router.get("/pensions/people/{person_id}/account", response=AccountOut, summary="个人账户对账单（按年度）")
def person_account(request, person_id: ObjectId):
    check_permission(request.auth, PENSIONS_VIEW)
    person = scoping.get_visible_or_404(Person, request.auth, pk=person_id)
    today = timezone.localdate()
    rows = account.statement(person, today)
    return {"person_id": person.pk, "on": today, "balance": rows[-1].closing if rows else account.ZERO,
            "paid_years": account.paid_years(person, today), "rule": account.RULE,
            "years": [{"year": r.year, "opening": r.opening, "contributions": r.contributions,
                       "subsidies": r.subsidies, "interest": r.interest, "closing": r.closing} for r in rows]}
