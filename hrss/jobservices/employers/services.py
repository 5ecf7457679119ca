"""Write services of the employers part (用人单位 and 岗位): keyword-only, taking the actor, checking permission and
scope, one transaction, an audit entry."""

import datetime
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from hrss.core import audit, classifications, scoping
from hrss.core.dated import in_force
from hrss.core.dates import add_months
from hrss.core.models import Level, Region
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.working_age import MINIMUM_WORKING_AGE, RETIREMENT_SCHEMES
from hrss.jobservices import codes
from hrss.jobservices.models import Employer, SexRequirement, Vacancy, VacancyStatus
from hrss.jobservices.permissions import JOBSERVICES_HANDLE
from hrss.residents.models import Education

# --- the rules, as dated configuration ---------------------------------------------------------------------

# A sex requirement is lawful only where the state lists work unsuited to women (就业促进法 art. 27: "除国家规定的
# 不适合妇女的工种或者岗位外，不得以性别为由拒绝录用妇女或者提高对妇女的录用标准"); the list is the appendix of
# 女职工劳动保护特别规定 (国务院令第619号, 2012-04-28) [sourced]. A women-only post is lawful where the work itself
# is with women only [believed: no single national list; the usual cases are named]. Anything else is 其他法定情形
# with its legal basis written out.
OTHER_REASON = "other"
SEX_REASONS = (
    (datetime.date(2012, 4, 28), {
        SexRequirement.MALE: (
            ("mine", "矿山井下作业（女职工劳动保护特别规定 附录第一条第（一）项）"),
            ("heavy_work", "第四级体力劳动强度的作业（女职工劳动保护特别规定 附录第一条第（二）项）"),
            ("heavy_lifting", "每小时负重6次以上、每次负重超过20公斤，或间断负重每次超过25公斤的作业"
                              "（女职工劳动保护特别规定 附录第一条第（三）项）"),
        ),
        SexRequirement.FEMALE: (
            ("women_only_place", "仅服务女性的场所或岗位（如女性更衣、沐浴、女子监所管理）"),
            ("women_care", "女性专属护理或检查（如妇产科护理、女性安检）"),
        ),
    }),
)
OTHER_REASON_LABEL = "其他法定情形"

# How far ahead a vacancy may open: a date beyond it is a typing error (2099-12-31) [believed: no rule found; a
# recruitment plan is made for the coming year at most].
OPENS_ON_MAX_MONTHS_AHEAD = (
    (datetime.date(2011, 1, 1), 12),
)


def latest_opening(today):
    """The latest opens_on a vacancy registered on `today` may have."""
    return add_months(today, in_force(OPENS_ON_MAX_MONTHS_AHEAD, today))


def nfkc(text):
    """`text` in NFKC form without surrounding blanks: full-width （） and ASCII () compare equal (core.spreadsheets'
    cell_text folds a copied reason to ASCII)."""
    return unicodedata.normalize("NFKC", str(text or "")).strip()


def sex_reasons(sex, *, today):
    """[(code, label)] of the lawful reasons for requiring `sex` on `today`, "其他法定情形" last."""
    table = {}
    for effective_from, reasons in SEX_REASONS:
        if effective_from <= today:
            table = reasons
    return [*table.get(sex, ()), (OTHER_REASON, OTHER_REASON_LABEL)]


def retirement_age_limit(sex=""):
    """The oldest statutory retirement age in full years (for `sex`, or for anyone): a vacancy's age limit may not
    exceed it."""
    ages = [(scheme.base_age * 12 + scheme.maximum_delay_months) // 12 for scheme in RETIREMENT_SCHEMES
            if not sex or scheme.sex == sex]
    return max(ages)


EMPLOYER_FIELDS = ("name", "uscc", "org_code", "region_code", "address", "industry_code", "contact_person", "phone",
                   "note")
VACANCY_FIELDS = ("title", "occupation_code", "region_code", "headcount", "opens_on", "closes_on", "wage_min",
                  "wage_max", "education_min", "age_min", "age_max", "sex_required", "sex_reason", "industry_code",
                  "description")


class Saved(NamedTuple):
    """What a write of an employer returns: the employer and the warnings to show after saving."""

    employer: Employer
    warnings: list


# --- employers -----------------------------------------------------------------------------------------------

def _place_problems(region_code, *, what):
    """A village or township that exists now; the error in Chinese, or None."""
    region = Region.objects.filter(code=region_code, is_active=True).first()
    if region is None:
        return None, f"{what}“{region_code}”不是现有的区划代码，请从列表中选择村(社区)或乡镇(街道)。"
    if region.level not in (Level.TOWNSHIP, Level.VILLAGE):
        return None, f"{what}应为村(社区)或乡镇(街道)，“{region.name}”是{region.get_level_display()}。"
    return region, None


def _check_place(actor, region_code, *, action, what):
    region, problem = _place_problems(region_code, what=what)
    if problem:
        raise ValidationError({"region_code": [problem]})
    check_acting_in(actor, region_code=region_code, action=action,
                    message=f"{what}“{region.name}”不在您的管辖范围内。")
    return region


def _clean_text(value, limit):
    return " ".join(str(value or "").split())[:limit]


def _code_problems(*, uscc, org_code, exclude_pk=None):
    """(normalised uscc, normalised org code, {field: [problems]})."""
    problems = {}
    if uscc:
        checked = codes.check_uscc(uscc)
        uscc = checked.code
        if not checked.valid:
            problems["uscc"] = [f"统一社会信用代码有误：{checked.error}"]
    if org_code:
        checked = codes.check_orgcode(org_code)
        org_code = checked.code
        if not checked.valid:
            problems["org_code"] = [f"组织机构代码有误：{checked.error}"]
    if not uscc and not org_code:
        problems["uscc"] = ["请填写统一社会信用代码（18位）；没有的单位填写组织机构代码（9位）。"]
    if not problems and uscc and org_code and uscc[8:17] != org_code:
        problems["org_code"] = [f"组织机构代码应与统一社会信用代码第9–17位（{uscc[8:17]}）一致，实为 {org_code}。"]
    if not problems:
        others = Employer.objects.exclude(pk=exclude_pk)
        if uscc:
            same = others.filter(uscc=uscc).first()
        else:  # the same organisation under its USCC: positions 9-17 are its 组织机构代码
            same = others.filter(uscc="", org_code=org_code).first() or next(
                (other for other in others.filter(uscc__contains=org_code) if other.uscc[8:17] == org_code), None)
        if same is not None:
            field, label = ("uscc", "统一社会信用代码") if uscc else ("org_code", "组织机构代码")
            problems[field] = [f"该{label}已登记为用人单位“{same.name}”（{_place_name(same.region_code)}），"
                               "请勿重复登记；如需修改请打开该单位。"]
    return uscc, org_code, problems


def _place_name(code):
    names = dict(Region.objects.filter(code__in=[*scoping.ancestor_codes(code), code])
                 .values_list("code", "name"))
    return " ".join(names[part] for part in [*scoping.ancestor_codes(code), code]
                    if part in names and scoping.level_of_code(part) >= Level.COUNTY)


def uscc_area_warnings(uscc, region_code):
    """A USCC registered by an authority outside the employer's county (or outside its city, or province) is a
    warning, not a refusal: branches and firms registered at the city or elsewhere work here."""
    checked = codes.check_uscc(uscc) if uscc else None
    if checked is None or not checked.valid:
        return []
    area = checked.region_code
    area_code = scoping.code_of_prefix(area)
    # The area part names the registering authority: the county's, the city's (441600) or the province's (440000).
    if area_code in {scoping.ancestor_code(region_code, level) for level in (Level.PROVINCE, Level.CITY, Level.COUNTY)}:
        return []
    area_name = Region.objects.filter(code=area_code).values_list("name", flat=True).first()
    county = Region.objects.filter(code=scoping.ancestor_code(region_code, Level.COUNTY)).values_list(
        "name", flat=True).first() or ""
    if scoping.ancestor_code(area_code, Level.CITY) == scoping.ancestor_code(region_code, Level.CITY):
        where = f"{area_name or area}（{area}）"
        return [f"统一社会信用代码第3–8位的登记机关在{where}，与单位所在的{county}不同；请核对单位所在地。"]
    return [f"统一社会信用代码第3–8位的登记机关（{area_name or '区划'} {area}）不在河源市；"
            "外地登记的单位在本地设点用工的可以保存，请核对。"]


def industry_problem(industry):
    """Why the industry code `industry` is refused, in Chinese; a code written with its 门类 letter in front ("A05")
    is told the code without it ("05")."""
    message = f"行业代码“{industry}”不在国民经济行业分类（GB/T 4754-2017）中。"
    letter, rest = industry[:1], industry[1:]
    if letter.isalpha() and rest.isdigit() and classifications.industry_exists(rest):
        message += (f"门类字母“{letter}”不是代码的一部分：请填写“{rest}”"
                    f"（{classifications.industry_name(rest)}），或只填门类“{letter}”。")
    return message


def _employer_values(*, name, uscc, org_code, region_code, address, industry_code, contact_person, phone, note,
                     exclude_pk=None):
    problems = {}
    name = _clean_text(name, 101)
    if not name:
        problems["name"] = ["请填写单位名称。"]
    elif len(name) > 100:
        problems["name"] = ["单位名称不能超过100个字。"]
    uscc, org_code, code_problems = _code_problems(uscc=_clean_text(uscc, 40), org_code=_clean_text(org_code, 40),
                                                   exclude_pk=exclude_pk)
    problems.update(code_problems)
    industry_code = _clean_text(industry_code, 10).upper()
    if industry_code and not classifications.industry_exists(industry_code):
        problems["industry_code"] = [industry_problem(industry_code)]
    phone = _clean_text(phone, 21)
    if len(phone) > 20 or (phone and not all(char.isdigit() or char in "-+ " for char in phone)):
        problems["phone"] = ["联系电话只能填写数字和“-”，不超过20位。"]
    if problems:
        raise ValidationError(problems)
    return {"name": name, "uscc": uscc, "org_code": org_code, "region_code": region_code,
            "address": _clean_text(address, 200), "industry_code": industry_code,
            "contact_person": _clean_text(contact_person, 50), "phone": phone, "note": _clean_text(note, 200)}


def register_employer(*, actor, name, uscc="", org_code="", region_code, address="", industry_code="",
                      contact_person="", phone="", note="", today=None):
    """登记用人单位 where it is (a village or township in the actor's scope). Returns (employer, warnings): an
    invalid code is refused with the position that fails; a USCC registered outside the county is a warning."""
    check_permission(actor, JOBSERVICES_HANDLE)
    _check_place(actor, region_code, action="jobservices.employer.register", what="单位所在地")
    values = _employer_values(name=name, uscc=uscc, org_code=org_code, region_code=region_code, address=address,
                              industry_code=industry_code, contact_person=contact_person, phone=phone, note=note)
    warnings = uscc_area_warnings(values["uscc"], region_code)
    try:
        with transaction.atomic():
            employer = Employer.objects.create(created_by=actor, **values)
            audit.record(actor=actor, action="jobservices.employer.registered", target=employer,
                         region_code=region_code, after={key: values[key] for key in ("name", "uscc", "org_code")},
                         note="；".join(warnings))
    except IntegrityError:
        # Two officers registering one code at the same moment: the unique constraint keeps one.
        raise ValidationError({"uscc": ["该代码刚刚已被登记为用人单位，请勿重复登记。"]}) from None
    return Saved(employer, warnings)


def update_employer(*, actor, employer, today=None, **changes):
    """修改用人单位: any of name, uscc, org_code, region_code, address, industry_code, contact_person, phone, note.
    The actor acts in the employer's place and, when it moves, in the new one. Returns (employer, warnings)."""
    unknown = set(changes) - set(EMPLOYER_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=employer.region_code, action="jobservices.employer.update",
                    message="该用人单位不在您的管辖范围内。")
    current = {field: getattr(employer, field) for field in EMPLOYER_FIELDS}
    merged = {**current, **{key: ("" if value is None else value) for key, value in changes.items()}}
    if merged["region_code"] != employer.region_code:
        _check_place(actor, merged["region_code"], action="jobservices.employer.update", what="单位所在地")
    values = _employer_values(exclude_pk=employer.pk, **merged)
    warnings = uscc_area_warnings(values["uscc"], values["region_code"])
    before = {key: value for key, value in current.items() if value != values[key]}
    after = {key: values[key] for key in before}
    if not before:
        return Saved(employer, warnings)
    try:
        with transaction.atomic():
            Employer.objects.filter(pk=employer.pk).update(updated_at=timezone.now(), **after)
            employer.refresh_from_db()
            audit.record(actor=actor, action="jobservices.employer.updated", target=employer,
                         region_code=employer.region_code, before=before, after=after, note="；".join(warnings))
    except IntegrityError:
        raise ValidationError({"uscc": ["该代码刚刚已被登记为另一用人单位。"]}) from None
    return Saved(employer, warnings)


# --- vacancies -----------------------------------------------------------------------------------------------

def _int_or_none(value, field, label, problems):
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        problems.setdefault(field, []).append(f"{label}应为整数，实为“{value}”。")
        return None
    if number < 0:
        problems.setdefault(field, []).append(f"{label}不能为负数。")
        return None
    return number


def _date_or_none(value, field, label, problems):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        problems.setdefault(field, []).append(f"{label}应为日期（如 2026-06-15），实为“{value}”。")
        return None


def vacancy_problems(values, *, employer, today, check_closing=True):
    """Check and normalise a vacancy's fields in place; {field: [problems]} in Chinese (empty when right). An open
    vacancy's closing date is not before `today` (`check_closing` False: an unchanged one on an update)."""
    problems = {}
    values["title"] = _clean_text(values.get("title"), 101)
    if not values["title"]:
        problems["title"] = ["请填写岗位名称。"]
    elif len(values["title"]) > 100:
        problems["title"] = ["岗位名称不能超过100个字。"]
    code = classifications.normalise_occupation_code(values.get("occupation_code"))
    values["occupation_code"] = code
    if not code:
        problems["occupation_code"] = ["请选择职业（职业分类大典代码，大类、中类、小类或细类均可）。"]
    elif not classifications.occupation_exists(code):
        problems["occupation_code"] = [f"职业代码“{code}”不在职业分类大典（2022年版）中。"]
    industry = _clean_text(values.get("industry_code"), 10).upper() or employer.industry_code
    values["industry_code"] = industry
    if industry and not classifications.industry_exists(industry):
        problems["industry_code"] = [industry_problem(industry)]
    headcount = _int_or_none(values.get("headcount"), "headcount", "招聘人数", problems)
    if headcount is None and "headcount" not in problems:
        problems["headcount"] = ["请填写招聘人数。"]
    elif headcount is not None and not 1 <= headcount <= 9999:
        problems["headcount"] = ["招聘人数应在1至9999之间。"]
    values["headcount"] = headcount
    for field, label in (("wage_min", "月薪下限"), ("wage_max", "月薪上限"), ("age_min", "年龄下限"),
                         ("age_max", "年龄上限")):
        values[field] = _int_or_none(values.get(field), field, label, problems)
    if values["wage_min"] is not None and values["wage_max"] is not None and values["wage_min"] > values["wage_max"]:
        problems.setdefault("wage_max", []).append(
            f"月薪上限（{values['wage_max']}元）不能低于下限（{values['wage_min']}元）。")
    for field in ("wage_min", "wage_max"):
        if values[field] is not None and values[field] > 1_000_000:
            problems.setdefault(field, []).append("月薪不能超过1000000元；请按月填写，单位为元。")
    sex = values.get("sex_required") or ""
    if sex not in SexRequirement.values:
        problems["sex_required"] = ["性别要求只能是不限、限男性或限女性。"]
        sex = ""
    oldest = retirement_age_limit(sex)
    if values["age_min"] is not None and values["age_min"] < MINIMUM_WORKING_AGE:
        problems.setdefault("age_min", []).append(
            f"年龄下限不能低于{MINIMUM_WORKING_AGE}周岁（禁止招用未满16周岁的未成年人）。")
    if values["age_max"] is not None and values["age_max"] > oldest:
        problems.setdefault("age_max", []).append(f"年龄上限不能超过法定退休年龄（{oldest}周岁）。")
    if values["age_min"] is not None and values["age_max"] is not None and values["age_min"] > values["age_max"]:
        problems.setdefault("age_max", []).append(
            f"年龄上限（{values['age_max']}岁）不能低于下限（{values['age_min']}岁）。")
    values["sex_required"] = sex
    values["sex_reason"] = _sex_reason(sex, values.get("sex_reason"), values.pop("sex_reason_other", ""),
                                       today=today, problems=problems)
    education = values.get("education_min") or ""
    if education and education not in Education.values:
        problems["education_min"] = ["请从列表中选择最低文化程度。"]
    values["education_min"] = education
    values["opens_on"] = _date_or_none(values.get("opens_on"), "opens_on", "开始招聘日期", problems)
    values["closes_on"] = _date_or_none(values.get("closes_on"), "closes_on", "截止日期", problems)
    if values["opens_on"] is None and "opens_on" not in problems:
        problems["opens_on"] = ["请填写开始招聘日期。"]
    latest = latest_opening(today)
    if values["opens_on"] and values["opens_on"] > latest:
        problems.setdefault("opens_on", []).append(
            f"开始招聘日期（{values['opens_on']:%Y-%m-%d}）最晚为一年内的 {latest:%Y-%m-%d}，请核对年份。")
    if values["opens_on"] and values["closes_on"] and values["closes_on"] < values["opens_on"]:
        problems.setdefault("closes_on", []).append("截止日期不能早于开始招聘日期。")
    elif values["closes_on"] and values["closes_on"] < today and check_closing:
        problems.setdefault("closes_on", []).append(
            f"截止日期（{values['closes_on']:%Y-%m-%d}）早于今天，招聘中的岗位不能已截止；"
            "如已停止招聘，请关闭岗位。")
    values["description"] = str(values.get("description") or "").strip()[:501]
    if len(values["description"]) > 500:
        problems["description"] = ["岗位说明不能超过500个字。"]
    return problems


def _sex_reason(sex, reason, other, *, today, problems):
    reason = nfkc(reason)
    other = _clean_text(other, 200)
    if not sex:
        return ""
    label = "限男性" if sex == SexRequirement.MALE else "限女性"
    allowed = dict(sex_reasons(sex, today=today))
    by_text = {nfkc(text): code for code, text in allowed.items()}  # a label, as typed, pasted or NFKC-folded
    if reason.startswith(OTHER_REASON_LABEL):  # stored text, as an edit sends it back
        reason, other = OTHER_REASON, other or reason.removeprefix(OTHER_REASON_LABEL).lstrip("：: ")
    elif reason in by_text:
        reason = by_text[reason]
    if reason not in allowed:
        problems["sex_reason"] = [
            f"“{label}”违反就业促进法第二十七条，除非有法定情形：请选择法定依据（"
            + "；".join(text for code, text in allowed.items() if code != OTHER_REASON)
            + f"），或选“{OTHER_REASON_LABEL}”并写明依据；否则请选“不限”。"]
        return ""
    if reason == OTHER_REASON:
        if len(other) < 4:
            problems["sex_reason"] = [f"选择“{OTHER_REASON_LABEL}”时请写明法律法规依据（至少4个字）。"]
            return ""
        return f"{OTHER_REASON_LABEL}：{other}"[:200]
    return allowed[reason]


def add_vacancy(*, actor, employer, title, occupation_code, region_code="", headcount, opens_on, closes_on=None,
                wage_min=None, wage_max=None, education_min="", age_min=None, age_max=None, sex_required="",
                sex_reason="", sex_reason_other="", industry_code="", description="", today=None):
    """登记岗位空缺 of `employer`: the place of work (`region_code`, default the employer's) in the actor's scope;
    occupation coded at any level of the 大典; sex requirement only with its legal reason."""
    today = today or timezone.localdate()
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=employer.region_code, action="jobservices.vacancy.add",
                    message="该用人单位不在您的管辖范围内。")
    region_code = region_code or employer.region_code
    if region_code != employer.region_code:
        _check_place(actor, region_code, action="jobservices.vacancy.add", what="工作地点")
    values = {"title": title, "occupation_code": occupation_code, "headcount": headcount, "opens_on": opens_on,
              "closes_on": closes_on, "wage_min": wage_min, "wage_max": wage_max, "education_min": education_min,
              "age_min": age_min, "age_max": age_max, "sex_required": sex_required, "sex_reason": sex_reason,
              "sex_reason_other": sex_reason_other, "industry_code": industry_code, "description": description}
    problems = vacancy_problems(values, employer=employer, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        vacancy = Vacancy.objects.create(employer=employer, region_code=region_code, created_by=actor, **values)
        audit.record(actor=actor, action="jobservices.vacancy.added", target=vacancy, region_code=region_code,
                     after={"title": vacancy.title, "occupation_code": vacancy.occupation_code,
                            "headcount": vacancy.headcount})
    return vacancy


def update_vacancy(*, actor, vacancy, today=None, **changes):
    """修改岗位空缺 (an open one): any field of add_vacancy. The headcount may not fall below the hires."""
    today = today or timezone.localdate()
    unknown = set(changes) - set(VACANCY_FIELDS) - {"sex_reason_other"}
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=vacancy.region_code, action="jobservices.vacancy.update",
                    message="该岗位不在您的管辖范围内。")
    if vacancy.status != VacancyStatus.OPEN:
        raise ValidationError([f"岗位{vacancy.get_status_display()}，不能再修改。"])
    current = {field: getattr(vacancy, field) for field in VACANCY_FIELDS}
    values = {**current, **changes}
    values["region_code"] = values["region_code"] or vacancy.employer.region_code
    if values["region_code"] != vacancy.region_code:
        _check_place(actor, values["region_code"], action="jobservices.vacancy.update", what="工作地点")
    region_code = values.pop("region_code")
    closes_on_changed = "closes_on" in changes and changes["closes_on"] != current["closes_on"]
    problems = vacancy_problems(values, employer=vacancy.employer, today=today, check_closing=closes_on_changed)
    if values["headcount"] is not None and values["headcount"] < vacancy.hired:
        problems.setdefault("headcount", []).append(f"招聘人数不能少于已录用的{vacancy.hired}人。")
    if problems:
        raise ValidationError(problems)
    values["region_code"] = region_code
    before = {key: current[key] for key in VACANCY_FIELDS if current[key] != values[key]}
    after = {key: values[key] for key in before}
    if not before:
        return vacancy
    with transaction.atomic():
        # Hires are counted on the locked row (take_place): the headcount is checked against them there too.
        locked = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        if locked.status != VacancyStatus.OPEN or (values["headcount"] or 0) < locked.hired:
            raise ValidationError([f"岗位刚刚已有人录用（已录用{locked.hired}人），请重新打开后再修改。"])
        if values["headcount"] == locked.hired:  # every place taken: filled, as take_place fills it
            before.update(status=locked.status, closed_on=locked.closed_on)
            after.update(status=VacancyStatus.FILLED, closed_on=today)
        Vacancy.objects.filter(pk=vacancy.pk).update(updated_at=timezone.now(), **after)
        vacancy.refresh_from_db()
        audit.record(actor=actor, action="jobservices.vacancy.updated", target=vacancy,
                     region_code=vacancy.region_code, before=before, after=after)
    return vacancy


def close_vacancy(*, actor, vacancy, today=None):
    """关闭岗位 (no more referrals) on `today`. A vacancy filled by hires is closed by take_place."""
    today = today or timezone.localdate()
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=vacancy.region_code, action="jobservices.vacancy.close",
                    message="该岗位不在您的管辖范围内。")
    if vacancy.status != VacancyStatus.OPEN:
        raise ValidationError([f"岗位{vacancy.get_status_display()}，无需关闭。"])
    with transaction.atomic():
        if not Vacancy.objects.filter(pk=vacancy.pk, status=VacancyStatus.OPEN).update(
                status=VacancyStatus.CLOSED, closed_on=today, updated_at=timezone.now()):
            raise ValidationError(["岗位刚刚已被关闭或招满。"])
        vacancy.refresh_from_db()
        audit.record(actor=actor, action="jobservices.vacancy.closed", target=vacancy,
                     region_code=vacancy.region_code, before={"status": VacancyStatus.OPEN},
                     after={"status": vacancy.status, "closed_on": today})
    return vacancy


# --- an employer's list of vacancies -----------------------------------------------------------------------

@dataclass
class ImportResult:
    created: list  # the vacancies saved
    rejected: list  # core.tabular.RowError: row, column, reason
    notes: list


def import_vacancies(*, actor, employer, path, today=None):
    """导入岗位空缺表 of `employer` (.xlsx/.csv, the template of employers.imports): every row checked as
    add_vacancy checks it; the good rows saved together (one audit entry), each bad row reported with its row,
    column and reason. A file that cannot be read at all raises core.tabular.ImportRefused."""
    from hrss.core.tabular import RowError, records
    from hrss.jobservices.employers import imports

    today = today or timezone.localdate()
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=employer.region_code, action="jobservices.vacancy.add",
                    message="该用人单位不在您的管辖范围内。")
    headers = {**imports.HEADERS, "occupation_code": imports.HEADERS["occupation"]}
    scope = scoping.scope_of(actor)
    good, rejected = [], []
    rows = records(path, imports.SPEC)
    for row, cells in rows:
        values, errors = imports.row_values(row, cells, today=today)
        region_code = values.pop("region_code") or employer.region_code
        if region_code != employer.region_code:
            region, problem = _place_problems(region_code, what="工作地点")
            if problem is None and not scope.contains_code(region_code):
                problem = f"工作地点“{region_code}”不在您的管辖范围内。"
            if problem:
                errors.append(RowError(row, headers["region_code"], problem))
        # Every problem of the row at once: the service's rules too, except on a column the reading refused
        # already (a bad occupation is not also "not in the 大典", an unreadable headcount not also "missing").
        read_columns = {error.column for error in errors}
        for field, messages in vacancy_problems(values, employer=employer, today=today).items():
            column = headers.get(field, field)
            if column not in read_columns:
                errors.extend(RowError(row, column, message) for message in messages)
        if errors:
            rejected.extend(errors)
        else:
            good.append(Vacancy(employer=employer, region_code=region_code, created_by=actor, **values))
    created = []
    if good:
        with transaction.atomic():
            for vacancy in good:
                vacancy.save()
                created.append(vacancy)
            audit.record(actor=actor, action="jobservices.vacancies.imported", target=employer,
                         region_code=employer.region_code,
                         after={"created": len(created), "rejected": len({error.row for error in rejected})})
    return ImportResult(created=created, rejected=rejected, notes=[])


# --- the referrals part's contract -------------------------------------------------------------------------

def referral_problems(vacancy, *, today):
    """Why nobody can be referred to `vacancy` on `today` (closed, filled, not yet open, past its closing date):
    empty when they can. Used by the referrals part before its transaction."""
    problems = []
    if vacancy.status == VacancyStatus.FILLED or vacancy.hired >= vacancy.headcount:
        problems.append(f"岗位“{vacancy.title}”已招满，不能再推荐。")
    elif vacancy.status == VacancyStatus.CLOSED:
        problems.append(f"岗位“{vacancy.title}”已关闭，不能再推荐。")
    elif vacancy.opens_on > today:
        problems.append(f"岗位“{vacancy.title}”{vacancy.opens_on:%Y-%m-%d}才开始招聘。")
    elif vacancy.closes_on and vacancy.closes_on < today:
        problems.append(f"岗位“{vacancy.title}”已于{vacancy.closes_on:%Y-%m-%d}截止招聘。")
    return problems


def take_place(*, vacancy, today):
    """A step inside another service's transaction (a hire recorded on a referral or at a job fair): one place of
    `vacancy` is taken; the vacancy is filled (已招满, closed on `today`) when its last place goes. Raises
    ValidationError when no place is left. The row is locked while counting, so two hires at once cannot both take
    the last place."""
    locked = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if locked.status != VacancyStatus.OPEN or locked.hired >= locked.headcount:
        raise ValidationError(f"岗位“{locked.title}”已无空缺名额。")
    Vacancy.objects.filter(pk=locked.pk).update(hired=F("hired") + 1)
    if locked.hired + 1 >= locked.headcount:
        Vacancy.objects.filter(pk=locked.pk).update(status=VacancyStatus.FILLED, closed_on=today)
    vacancy.refresh_from_db()
    return vacancy
