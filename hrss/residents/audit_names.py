"""The Chinese names of this app's audit actions and before/after keys (see core.audit), registered by its area
(area.py)."""

from hrss.residents.models import FlexibleForm, LabourStatus, MigrantDestination

ACTIONS = {
    "residents.person.registered": "登记人员",
    "residents.person.updated": "修改人员信息",
    "residents.person.moved": "人员迁移",
    "residents.person.out_of_scope": "登记人员（不在管辖范围）",
    "residents.status.recorded": "登记就业状态变动",
    "residents.id_number.revealed": "查看完整身份证号",
    "residents.ledger.imported": "导入劳动力台账",
    "residents.import.registered_elsewhere": "导入：身份证号已在其他地区登记",
    "residents.person.registered_elsewhere": "登记人员：身份证号已在其他地区登记",
    "residents.ledger.exported": "导出劳动力台账",
}
FIELDS = {"detail": "去向/形式", "effective_date": "生效日期", "region_code": "区划代码"}
DETAILS = dict(MigrantDestination.choices) | dict(FlexibleForm.choices)
VALUES = {"status": dict(LabourStatus.choices), "status_detail": DETAILS, "detail": DETAILS}
