"""API of the employers part (mounted in hrss/api/urls.py at /api/v1/): employers, vacancies, the occupation picker
and the code check. Reads go through core.scoping (out of scope is 404); writes through the part's services."""

import datetime

from django.core.exceptions import ValidationError
from ninja import File, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from pydantic import Field

from hrss.core import classifications, scoping
from hrss.core.api_fields import Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.core.spreadsheets import SpreadsheetRefused, uploaded_file
from hrss.jobservices.codes import check_code
from hrss.jobservices.employers import selectors, services
from hrss.jobservices.models import Employer, Vacancy
from hrss.jobservices.permissions import JOBSERVICES_VIEW

router = Router(tags=["就业服务：用人单位与岗位"])
# A read tied to no region (the code check): the scope sweep has no table for such operations yet, so this router
# is not mounted; hrss/api/urls.py adds it once tests/core/test_scope_sweep.py accepts unscoped reads.
# A code to check, as typed (spaces, hyphens and full-width characters are normalised by jobservices.codes).
CodeToCheck = Path[str, {"min_length": 1, "max_length": 40,
                          "pattern": r"^[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a \-\uff0d]+$"}]
checks_router = Router(tags=["就业服务：用人单位与岗位"])


class EmployerOut(Schema):
    id: int
    name: str
    uscc: str
    org_code: str
    region_code: str
    address: str
    industry_code: str
    contact_person: str
    phone: str
    note: str
    open_vacancies: int | None = None
    warnings: list[str] = []

    @staticmethod
    def resolve_warnings(employer, context):
        return getattr(employer, "warnings", [])

    @staticmethod
    def resolve_open_vacancies(employer, context):
        return getattr(employer, "open_vacancies", None)


class EmployerIn(Schema):
    name: Text(100)
    uscc: Text(30) = ""
    org_code: Text(20) = ""
    region_code: Text(12)
    address: Text(200) = ""
    industry_code: Text(4) = ""
    contact_person: Text(50) = ""
    phone: Text(20) = ""
    note: Text(200) = ""


class EmployerPatch(Schema):
    name: Text(100) | None = None
    uscc: Text(30) | None = None
    org_code: Text(20) | None = None
    region_code: Text(12) | None = None
    address: Text(200) | None = None
    industry_code: Text(4) | None = None
    contact_person: Text(50) | None = None
    phone: Text(20) | None = None
    note: Text(200) | None = None


class VacancyOut(Schema):
    id: int
    employer_id: int
    employer_name: str
    title: str
    occupation_code: str
    occupation_name: str
    industry_code: str
    region_code: str
    headcount: int
    hired: int
    wage_min: int | None
    wage_max: int | None
    education_min: str
    age_min: int | None
    age_max: int | None
    sex_required: str
    sex_reason: str
    description: str
    opens_on: datetime.date
    closes_on: datetime.date | None
    status: str
    closed_on: datetime.date | None

    @staticmethod
    def resolve_employer_name(vacancy, context):
        return vacancy.employer.name

    @staticmethod
    def resolve_occupation_name(vacancy, context):
        return classifications.occupation_name(vacancy.occupation_code)


class VacancyIn(Schema):
    employer_id: Id
    title: Text(100)
    occupation_code: Text(10)
    region_code: Text(12) = ""
    headcount: int = Field(ge=1, le=9999)
    opens_on: datetime.date
    closes_on: datetime.date | None = None
    wage_min: int | None = Field(default=None, ge=0, le=1_000_000)
    wage_max: int | None = Field(default=None, ge=0, le=1_000_000)
    education_min: Text(2) = ""
    age_min: int | None = Field(default=None, ge=0, le=100)
    age_max: int | None = Field(default=None, ge=0, le=100)
    sex_required: Text(1) = ""
    sex_reason: Text(200) = ""
    sex_reason_other: Text(200) = ""
    industry_code: Text(4) = ""
    description: Text(500, lines=True) = ""


class VacancyPatch(Schema):
    title: Text(100) | None = None
    occupation_code: Text(10) | None = None
    region_code: Text(12) | None = None
    headcount: int | None = Field(default=None, ge=1, le=9999)
    opens_on: datetime.date | None = None
    closes_on: datetime.date | None = None
    wage_min: int | None = Field(default=None, ge=0, le=1_000_000)
    wage_max: int | None = Field(default=None, ge=0, le=1_000_000)
    education_min: Text(2) | None = None
    age_min: int | None = Field(default=None, ge=0, le=100)
    age_max: int | None = Field(default=None, ge=0, le=100)
    sex_required: Text(1) | None = None
    sex_reason: Text(200) | None = None
    sex_reason_other: Text(200) | None = None
    industry_code: Text(4) | None = None
    description: Text(500, lines=True) | None = None


class EmployerFilters(Schema):
    q: Text(50) = ""
    region: Text(12) = ""
    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=100, ge=1, le=500)


class VacancyFilters(Schema):
    status: Text(8) = ""
    occupation: Text(10) = ""
    region: Text(12) = ""
    employer_id: Id | None = None
    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=100, ge=1, le=500)


class ImportRowErrorOut(Schema):
    row: int
    column: str
    reason: str


class VacancyImportOut(Schema):
    created: list[VacancyOut]
    rejected: list[ImportRowErrorOut]


class OccupationOut(Schema):
    code: str
    name: str


class CodeCheckOut(Schema):
    valid: bool
    error: str | None
    kind: str
    region_code: str | None


def _region(request, code):
    if code:
        scoping.get_region_or_404(request.user, code)  # out of scope (or unknown): 404 before anything else


@router.get("/employers", response=list[EmployerOut], summary="用人单位台账（可按名称或代码搜索）")
def list_employers(request, filters: Query[EmployerFilters]):
    check_permission(request.user, JOBSERVICES_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    employers = selectors.employers(request.user, region=region, query=filters.q)
    return list(employers[filters.offset:filters.offset + filters.limit])


@router.post("/employers", response={201: EmployerOut}, summary="登记用人单位（代码有误则拒绝并指出位置；登记机关在外地为提示）")
def register_employer(request, body: EmployerIn):
    _region(request, body.region_code)
    employer, warnings = services.register_employer(actor=request.user, **body.dict())
    employer.warnings = warnings
    return Status(201, employer)


@router.get("/employers/{employer_id}", response=EmployerOut, summary="查询一个用人单位")
def get_employer(request, employer_id: ObjectId):
    check_permission(request.user, JOBSERVICES_VIEW)
    employer = scoping.get_visible_or_404(Employer, request.user, pk=employer_id)
    employer.open_vacancies = employer.vacancies.filter(status=Vacancy.Status.OPEN).count()
    return employer


@router.patch("/employers/{employer_id}", response=EmployerOut, summary="修改用人单位")
def update_employer(request, employer_id: ObjectId, body: EmployerPatch):
    employer = scoping.get_visible_or_404(Employer, request.user, pk=employer_id)
    changes = body.dict(exclude_unset=True)
    changes = {key: value for key, value in changes.items() if value is not None}
    if changes.get("region_code"):
        _region(request, changes["region_code"])
    employer, warnings = services.update_employer(actor=request.user, employer=employer, **changes)
    employer.warnings = warnings
    return employer


@router.get("/vacancies", response=list[VacancyOut], summary="岗位空缺台账（按状态、职业、地点、单位筛选）")
def list_vacancies(request, filters: Query[VacancyFilters]):
    check_permission(request.user, JOBSERVICES_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    vacancies = selectors.vacancies(request.user, region=region, status=filters.status,
                                    occupation=filters.occupation, employer_id=filters.employer_id)
    return list(vacancies[filters.offset:filters.offset + filters.limit])


@router.post("/vacancies", response={201: VacancyOut}, summary="登记岗位空缺")
def add_vacancy(request, body: VacancyIn):
    employer = scoping.get_visible_or_404(Employer, request.user, pk=body.employer_id)
    _region(request, body.region_code)
    values = body.dict()
    values.pop("employer_id")
    vacancy = services.add_vacancy(actor=request.user, employer=employer, **values)
    return Status(201, vacancy)


def _vacancy(request, vacancy_id):
    return scoping.get_visible_or_404(Vacancy.objects.select_related("employer"), request.user, pk=vacancy_id)


@router.get("/vacancies/{vacancy_id}", response=VacancyOut, summary="查询一个岗位")
def get_vacancy(request, vacancy_id: ObjectId):
    check_permission(request.user, JOBSERVICES_VIEW)
    return _vacancy(request, vacancy_id)


@router.patch("/vacancies/{vacancy_id}", response=VacancyOut, summary="修改岗位（招聘中的）")
def update_vacancy(request, vacancy_id: ObjectId, body: VacancyPatch):
    vacancy = _vacancy(request, vacancy_id)
    changes = {key: value for key, value in body.dict(exclude_unset=True).items()}
    for key in ("title", "occupation_code", "headcount", "opens_on"):
        if key in changes and changes[key] is None:
            raise ValidationError(f"{key} 不能为空。")
    if changes.get("region_code"):
        _region(request, changes["region_code"])
    return services.update_vacancy(actor=request.user, vacancy=vacancy, **changes)


@router.post("/vacancies/{vacancy_id}/close", response=VacancyOut, summary="关闭岗位（不再推荐）")
def close_vacancy(request, vacancy_id: ObjectId):
    vacancy = _vacancy(request, vacancy_id)
    return services.close_vacancy(actor=request.user, vacancy=vacancy)


@router.post("/employers/{employer_id}/vacancy-imports", response=VacancyImportOut,
             summary="导入该单位的岗位空缺表（multipart：file，.xlsx 或 .csv，按模板）：合格的行保存，逐行列出未导入的原因")
def import_vacancies(request, employer_id: ObjectId, file: File[UploadedFile] = None):
    employer = scoping.get_visible_or_404(Employer, request.user, pk=employer_id)
    if file is None:
        raise HttpError(422, "请以 multipart/form-data 上传岗位空缺表（字段 file，.xlsx 或 .csv，按模板填写）。")
    try:
        with uploaded_file(file) as stored:
            result = services.import_vacancies(actor=request.user, employer=employer, path=stored)
    except SpreadsheetRefused as error:  # core.tabular.ImportRefused included
        raise HttpError(422, str(error)) from None
    return {"created": result.created, "rejected": result.rejected}


@router.get("/occupations", response=list[OccupationOut], summary="职业分类大典（2022）检索：按代码前缀或名称")
def occupations(request, q: Text(30) = ""):
    check_permission(request.user, JOBSERVICES_VIEW)
    return [{"code": code, "name": name} for code, name in classifications.occupation_choices_for(q)]


@checks_router.get("/uscc/{code}", response=CodeCheckOut, summary="检查统一社会信用代码或组织机构代码（与 hrss uscc 相同的 JSON）")
def uscc(request, code: CodeToCheck):
    check_permission(request.user, JOBSERVICES_VIEW)
    return check_code(code).as_json()
