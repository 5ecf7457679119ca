"""Spreadsheets the ledger hands out: the import template, the rejected-rows report, the ledger export."""

from hrss.core.spreadsheets import write_xlsx, xlsx_bytes
from hrss.residents.imports import TEMPLATE_HEADERS

TEMPLATE_EXAMPLE = [
    ["441621198001010017", "陈某某", "户主", "", "农业", "初中", "转移就业", "省外", "2026-03-01", "13800000000",
     "完全劳动能力", "电工", "是", "是", "否", ""],
]


def template_xlsx():
    return xlsx_bytes([("劳动力资源台账", TEMPLATE_HEADERS, []),
                       ("填写说明", ["列", "说明"], [
                           ["公民身份号码", "必填。18位（旧15位亦可）；请把该列设为“文本”格式，否则末几位会丢失。"],
                           ["姓名", "必填。"],
                           ["就业状态", "必填：单位就业、灵活就业、务农、转移就业、失业、在校、丧失劳动能力、退休、服兵役、其他。"],
                           ["转移去向或灵活就业形式", "转移就业填：县内、县外省内、省外；灵活就业填：钟点工、临时工、个体摊贩、网络平台、自由职业、个体经营、其他。"],
                           ["与户主关系", "户主、配偶、子女、父母、祖父母/外祖父母、孙子女/外孙子女、兄弟姐妹、儿媳/女婿、其他。"],
                           ["户主公民身份号码", "非户主须填写，用于归户；户主可不填。"],
                           ["村(社区)代码", "一个文件含多个村(社区)时填写12位代码；否则在导入时选择村(社区)。"],
                           ["示例", "、".join(TEMPLATE_EXAMPLE[0][:9])],
                       ])])


def rejected_rows_xlsx(rejected, target=None):
    sheets = [("未导入的行", ["行号", "列", "原因"], ([error["row"], error["column"], error["reason"]] for error in rejected))]
    if target is not None:
        return write_xlsx(target, sheets)
    return xlsx_bytes(sheets)
