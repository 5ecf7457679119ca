"""Spreadsheets the ledger hands out: the import template (made from the import's column spec), the rejected-rows
report."""

from hrss.core.tabular import errors_xlsx
from hrss.core.tabular.template import lists_from_model
from hrss.core.tabular.template import template_xlsx as spec_template_xlsx
from hrss.residents.imports import LEDGER
from hrss.residents.models import FlexibleForm, MigrantDestination, Person

TEMPLATE_EXAMPLE = [
    ["441621198001010017", "陈某某", "户主", "", "农业", "初中", "转移就业", "省外", "2026-03-01", "13800000000",
     "完全劳动能力", "电工", "是", "是", "否", ""],
]


# A coded column whose values are not the choices of one field of Person.
LISTS_BY_FIELD = {
    "status_detail": [*MigrantDestination.labels, *FlexibleForm.labels],
}


def template_lists():
    """{column header: the values to pick from} for every coded column of the template: the labels of the choices
    of the Person field the column fills, 是/否 for a yes/no field, or LISTS_BY_FIELD."""
    return lists_from_model(LEDGER, Person, LISTS_BY_FIELD)


def text_headers():
    return [column.header for column in LEDGER.columns if column.text]


def template_xlsx():
    """The import template: the header row, the ID and code columns formatted as text, a drop-down list on every
    coded column (its values on the 可选值 sheet), and a sheet explaining each column."""
    return spec_template_xlsx(LEDGER, sheet_name="劳动力资源台账", lists=template_lists(), notes=_template_notes())


def _template_notes():
    return [
        ["公民身份号码", "必填。18位（旧15位亦可）。本列已设为“文本”格式，请勿改为“常规”或“数值”，否则末几位会丢失；"
         "从其他表格粘贴时请用“选择性粘贴 → 值”。"],
        ["姓名", "必填。"],
        ["就业状态", "必填，从下拉列表中选择：" + "、".join(template_lists().get("就业状态", []))],
        ["转移去向或灵活就业形式", "转移就业填：县内、县外省内、省外；灵活就业填：钟点工、临时工、个体摊贩、网络平台、自由职业、个体经营、其他。"],
        ["与户主关系", "从下拉列表中选择。"],
        ["户主公民身份号码", "非户主须填写，用于归户；户主可不填。文本格式，同公民身份号码。"],
        ["村(社区)代码", "一个文件含多个村(社区)时填写12位代码；否则在导入时选择村(社区)。文本格式。"],
        ["下拉列表", "带下拉箭头的列请从列表中选择；可选值见“可选值”工作表。"],
        ["示例", "、".join(TEMPLATE_EXAMPLE[0][:9])],
    ]


def rejected_rows_xlsx(rejected, target=None):
    return errors_xlsx(rejected, target)
