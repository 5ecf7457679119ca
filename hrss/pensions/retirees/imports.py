"""The retiree list of the social insurance agency (社保经办机构提供的退休人员名单, .xlsx/.csv) through core's tabular
pipeline: the spec and its template, and the reading of a row into the values register takes. The write is
services.import_retirees."""

from hrss.core.spreadsheets import cell_text
from hrss.core.tabular import Column, RowError, Spec, date_or_none
from hrss.core.tabular.template import template_xlsx

SPEC = Spec(columns=(
    Column("id_number", "公民身份号码", ("身份证号码", "身份证号", "证件号码"), required=True, text=True),
    Column("name", "姓名", (), required=True),
    Column("employer_name", "原工作单位", ("原单位", "退休单位", "单位名称"), required=True),
    Column("retired_on", "退休日期", ("退休时间", "离退休日期"), required=True),
    Column("pension_amount", "月养老金", ("月养老金（元）", "养老金", "基本养老金"), required=True),
    Column("employer_code", "原单位统一社会信用代码", ("统一社会信用代码", "单位代码"), text=True),
    Column("phone", "联系电话", ("电话", "手机"), text=True),
))

HEADERS = {column.field: column.header for column in SPEC.columns}

NOTES = [
    ["公民身份号码", "必填，18位；须是本辖区人员台账中已登记的人员。"],
    ["姓名", "必填，须与人员台账中该公民身份号码的姓名一致。"],
    ["原工作单位", "必填，不超过100字。"],
    ["退休日期", "必填，如 2018-06-30；不晚于导入当天。"],
    ["月养老金", "必填，元/月，如 3250.00（按社保经办机构提供的金额）。"],
    ["原单位统一社会信用代码", "可不填；填写时为18位。"],
    ["联系电话", "可不填。"],
]


def template():
    return template_xlsx(SPEC, sheet_name="退休人员名单", lists={}, notes=NOTES, rows=500)


def row_values(row, cells):
    """(values for register, [RowError]) of one row: what the cells say, before the service's rules."""
    errors = []
    values = {
        "id_number": cell_text(cells.get("id_number")),
        "name": cell_text(cells.get("name")),
        "employer_name": cell_text(cells.get("employer_name")),
        "retired_on": date_or_none(cells.get("retired_on"), HEADERS["retired_on"], errors, row),
        "pension_amount": cell_text(cells.get("pension_amount")),
        "employer_code": cell_text(cells.get("employer_code")),
        "phone": cell_text(cells.get("phone")),
    }
    if not values["name"]:
        errors.append(RowError(row, HEADERS["name"], "请填写姓名。"))
    return values, errors
