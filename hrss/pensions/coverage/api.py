"""The coverage part's API operations, each with its whole path under /api/v1/pensions/: KPI 5 per child region, the
uninsured people of a region (paged, ID numbers masked), and the employees' scheme records (record one, end one)."""

import datetime

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, Text
from hrss.core.dates import age_on
from hrss.core.id_numbers import mask
from hrss.core.permissions import check_permission
from hrss.pensions.coverage import selectors, services
from hrss.pensions.models import EmployeeSchemeRecord
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.models import Person

router = Router(tags=["社会保险服务"])


class CoverageRowOut(Schema):
    region_code: str
    region_name: str
    own: bool = Field(description="true：该区域本级的人员（不属于任何下级区域）")
    in_scope: int
    employees: int
    retiree: int
    pension: int
    enrolment: int
    insured: int
    uninsured: int
    share: float | None = Field(description="已参保 ÷ 在范围，0–1，保留4位小数")


class CoverageFilter(Schema):
    region: Text(12) = ""


class UninsuredOut(Schema):
    person_id: int
    region_code: str
    name: str
    id_number: str = Field(description="隐去出生日期的公民身份号码")
    sex: str
    age: int


class UninsuredFilter(Schema):
    region: Text(12) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class EmployeeSchemeOut(Schema):
    id: int
    person_id: int
    region_code: str
    since: datetime.date
    until: datetime.date | None
    employer_name: str
    source: str


class EmployeeSchemeIn(Schema):
    person_id: Id
    since: datetime.date
    until: datetime.date | None = None
    employer_name: Text(100)
    source: Text(100)


class EmployeeSchemeEndIn(Schema):
    until: datetime.date
    note: Text(200) = ""


def _region(request, code):
    return scoping.get_region_or_404(request.user, code) if code else scoping.scope_of(request.user).region


def _row(region, counts, *, own=False):
    return {"region_code": region.code, "region_name": region.name, "own": own, "in_scope": counts.in_scope,
            **{kind.code: counts.of(kind.code) for kind in selectors.KINDS},
            "insured": counts.insured, "uninsured": counts.uninsured,
            "share": round(counts.share, 4) if counts.share is not None else None}


@router.get("/pensions/coverage", response=list[CoverageRowOut],
            summary="城乡居民社会保险覆盖（五个100%之五）：区域（默认本人所在区域）的各下级区域中有在范围人员的，逐行给出")
def coverage(request, filters: Query[CoverageFilter]):
    check_permission(request.user, PENSIONS_VIEW)
    region = _region(request, filters.region)
    if region is None:
        return []
    today = timezone.localdate()
    children = selectors.child_regions(request.user, region)
    total, by_child, own = selectors.counts_by_child(request.user, region, today, children)
    rows = [_row(child, by_child[child.code]) for child in children if by_child[child.code].in_scope]
    if not children and total.in_scope:
        rows.append(_row(region, total, own=True))  # a village: its own people
    elif own is not None:
        rows.append(_row(region, own, own=True))
    return rows


@router.get("/pensions/coverage/uninsured", response=list[UninsuredOut],
            summary="未参保人员名单（区域默认本人所在区域，分页，身份号码隐去出生日期）")
def uninsured(request, filters: Query[UninsuredFilter]):
    check_permission(request.user, PENSIONS_VIEW)
    region = _region(request, filters.region)
    if region is None:
        return []
    today = timezone.localdate()
    rows = selectors.people(request.user, region, today, kind="uninsured")[filters.offset:
                                                                          filters.offset + filters.limit]
    return [{"person_id": person.pk, "region_code": person.region_code, "name": person.name,
             "id_number": mask(person.id_number), "sex": person.sex, "age": age_on(person.birth_date, today)}
            for person in rows]


@router.post("/pensions/employee-scheme-records", response={201: EmployeeSchemeOut},
             summary="登记职工养老保险参保信息（按单位、税务部门或本人提供）")
def record_employee_scheme(request, body: EmployeeSchemeIn):
    check_permission(request.user, PENSIONS_HANDLE)
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    record = services.record_employee_scheme(
        actor=request.user, person=person, since=body.since, until=body.until, employer_name=body.employer_name,
        source=body.source, today=timezone.localdate())
    return Status(201, record)


@router.post("/pensions/employee-scheme-records/{record_id}/end", response=EmployeeSchemeOut,
             summary="职工养老保险终止（终止日期为最后参保的日期）")
def end_employee_scheme(request, record_id: ObjectId, body: EmployeeSchemeEndIn):
    check_permission(request.user, PENSIONS_HANDLE)
    record = scoping.get_visible_or_404(EmployeeSchemeRecord.objects.select_related("person"), request.user,
                                        pk=record_id)
    return services.end_employee_scheme(actor=request.user, record=record, until=body.until, note=body.note,
                                        today=timezone.localdate())
