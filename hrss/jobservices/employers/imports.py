"""An employer's list of vacancies (.xlsx/.csv) through core's tabular pipeline: the spec and its template, and
the reading of rows into the values add_vacancy takes. The write is services.import_vacancies."""

from hrss.core import classifications
from hrss.core.spreadsheets import cell_text
from hrss.core.tabular import Column, RowError, Spec, date_or_none
from hrss.core.tabular.template import template_xlsx
from hrss.jobservices.models import SexRequirement
from hrss.residents.models import Education

SEX_VALUES = {"不限": "", "": "", "男": "M", "限男性": "M", "女": "F", "限女性": "F"}
EDUCATION_VALUES = {"不限": "", "": "", **{str(label): value for value, label in Education.choices}}

SPEC = Spec(columns=(
    Column("title", "岗位名称", ("岗位",), required=True),
    Column("occupation", "职业", ("职业代码", "职业名称", "工种"), required=True, text=True),
    Column("headcount", "招聘人数", ("人数",), required=True),
    Column("wage_min", "月薪下限", ("最低月薪", "工资下限")),
    Column("wage_max", "月薪上限", ("最高月薪", "工资上限")),
    Column("education_min", "最低文化程度", ("学历", "文化程度"), values=EDUCATION_VALUES),
    Column("age_min", "年龄下限", ("最低年龄",)),
    Column("age_max", "年龄上限", ("最高年龄",)),
    Column("sex_required", "性别要求", ("性别",), values=SEX_VALUES),
    Column("sex_reason", "性别要求的法定依据", ("法定依据",)),
    Column("industry_code", "行业代码", ("行业",), text=True),
    Column("region_code", "工作地点区划代码", ("工作地点代码",), text=True),
    Column("opens_on", "开始招聘日期", ("开始日期",)),
    Column("closes_on", "截止日期", ("截止",)),
    Column("description", "岗位说明", ("说明", "备注")),
))

HEADERS = {column.field: column.header for column in SPEC.columns}

NOTES = [
    ["岗位名称", "必填，不超过100字。"],
    ["职业", "必填：职业分类大典（2022年版）的代码（如 4-01-02-01，大类、中类、小类、细类均可）或大典中的准确名称。"],
    ["招聘人数", "必填，1–9999 的整数。"],
    ["月薪下限/上限", "元/月，整数；可不填。上限不低于下限。"],
    ["最低文化程度", "从下拉列表选择；不填为不限。"],
    ["年龄下限/上限", "整数，16周岁至法定退休年龄；可不填。"],
    ["性别要求", "不限、限男性或限女性。限定性别须在下一列写明法定依据（就业促进法第二十七条）。"],
    ["性别要求的法定依据", "限定性别时必填，写“其他法定情形：依据”或系统列出的依据原文。"],
    ["行业代码", "GB/T 4754-2017 代码，不填则用单位的行业。"],
    ["工作地点区划代码", "12位村(社区)或乡镇(街道)代码，不填为单位所在地。"],
    ["开始招聘日期", "如 2026-06-15；不填为导入当天；最晚为一年后的同一天。"],
    ["截止日期", "可不填；不早于开始招聘日期，也不早于导入当天。"],
]


def template():
    lists = {HEADERS["education_min"]: [key for key in EDUCATION_VALUES if key], HEADERS["sex_required"]: ["不限", "限男性", "限女性"]}
    return template_xlsx(SPEC, sheet_name="岗位空缺", lists=lists, notes=NOTES, rows=500)


def _number(value, field, errors, row):
    text = cell_text(value)
    if not text:
        return None
    try:
        return int(float(text)) if float(text).is_integer() else _bad(field, text, errors, row)
    except ValueError:
        return _bad(field, text, errors, row)


def _bad(field, text, errors, row):
    errors.append(RowError(row, HEADERS[field], f"“{text}”应为整数。"))
    return None


def row_values(row, cells, *, today):
    """(values for add_vacancy, [RowError]) of one row: what the cells say, before the service's rules."""
    errors = []
    occupation_text = cell_text(cells.get("occupation"))
    occupation = classifications.occupation_code_for(occupation_text) if occupation_text else None
    if occupation_text and occupation is None:
        errors.append(RowError(row, HEADERS["occupation"],
                               f"职业分类大典中没有代码或名称为“{occupation_text}”的职业。"))
    sex_text = cell_text(cells.get("sex_required"))
    sex = SEX_VALUES.get(sex_text)
    if sex is None:
        errors.append(RowError(row, HEADERS["sex_required"], f"“{sex_text}”不是可选的值；可填：不限、限男性、限女性。"))
        sex = ""
    education_text = cell_text(cells.get("education_min"))
    education = EDUCATION_VALUES.get(education_text)
    if education is None:
        errors.append(RowError(row, HEADERS["education_min"],
                               f"“{education_text}”不是可选的值；可填：{'、'.join(key for key in EDUCATION_VALUES if key)}。"))
        education = ""
    values = {
        "title": cell_text(cells.get("title")),
        "occupation_code": occupation or occupation_text,
        "headcount": _number(cells.get("headcount"), "headcount", errors, row),
        "wage_min": _number(cells.get("wage_min"), "wage_min", errors, row),
        "wage_max": _number(cells.get("wage_max"), "wage_max", errors, row),
        "education_min": education,
        "age_min": _number(cells.get("age_min"), "age_min", errors, row),
        "age_max": _number(cells.get("age_max"), "age_max", errors, row),
        "sex_required": SexRequirement(sex).value if sex else "",
        "sex_reason": cell_text(cells.get("sex_reason")),
        "industry_code": cell_text(cells.get("industry_code")),
        "region_code": cell_text(cells.get("region_code")),
        "opens_on": date_or_none(cells.get("opens_on"), HEADERS["opens_on"], errors, row) or today,
        "closes_on": date_or_none(cells.get("closes_on"), HEADERS["closes_on"], errors, row),
        "description": cell_text(cells.get("description")),
    }
    if values["headcount"] is None and not any(error.column == HEADERS["headcount"] for error in errors):
        errors.append(RowError(row, HEADERS["headcount"], "请填写招聘人数。"))
    return values, errors
