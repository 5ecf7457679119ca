"""The tax office's or the social insurance agency's list of people in the employees' scheme (.xlsx/.csv) through
core's tabular pipeline: the spec and its template. The write is services.import_employee_schemes."""

from hrss.core.tabular import Column, Spec
from hrss.core.tabular.template import template_xlsx

SPEC = Spec(columns=(
    Column("id_number", "公民身份号码", ("身份证号码", "身份证号", "证件号码", "社会保障号码"), required=True, text=True),
    Column("name", "姓名", ("参保人姓名",), required=True),
    Column("employer_name", "参保单位", ("单位名称", "工作单位", "缴费单位"), required=True),
    Column("since", "参保起始日期", ("参保日期", "起始日期", "参加工作日期", "参保时间"), required=True),
    Column("until", "终止日期", ("停保日期", "终止参保日期", "截止日期")),
))

HEADERS = {column.field: column.header for column in SPEC.columns}

NOTES = [
    ["公民身份号码", "必填，18位（或旧式15位）；请把该列设为“文本”格式，否则末几位会丢失。"],
    ["姓名", "必填，须与台账中该身份号码的人员姓名一致，否则该行不导入（防止记到别人名下）。"],
    ["参保单位", "必填，城镇职工基本养老保险的参保（缴费）单位名称。"],
    ["参保起始日期", "必填，如 2020-03-01；只写年月时按当月1日。不晚于导入当天。"],
    ["终止日期", "已停保的填写最后参保的日期；仍在参保的不填。同一人同一起始日期再次导入时，填写终止日期即为办理终止。"],
]


def template():
    return template_xlsx(SPEC, sheet_name="职工养老保险参保名单", lists={}, notes=NOTES, rows=500)
