"""The Chinese names of the inspection part's audit actions and of its before/after keys that are not fields of
InspectionCase (core.audit), given to the area by declare.py."""

from hrss.supervision.models import MeasureKind

ACTIONS = {
    "supervision.inspection.receive": "登记劳动保障监察案件（未获准）",
    "supervision.inspection.received": "登记劳动保障监察案件",
    "supervision.inspection.accept": "受理监察案件（未获准）",
    "supervision.inspection.accepted": "受理监察案件",
    "supervision.inspection.decline": "决定不予受理监察案件（未获准）",
    "supervision.inspection.declined": "决定不予受理监察案件",
    "supervision.inspection.open": "监察案件立案（未获准）",
    "supervision.inspection.opened": "监察案件立案",
    "supervision.inspection.add_worker": "登记被欠薪劳动者（未获准）",
    "supervision.inspection.worker_added": "登记被欠薪劳动者",
    "supervision.inspection.remove_worker": "删除登记的劳动者（未获准）",
    "supervision.inspection.worker_removed": "删除登记的劳动者",
    "supervision.inspection.record_recovery": "登记追回工资（未获准）",
    "supervision.inspection.recovered": "登记追回工资",
    "supervision.inspection.add_measure": "登记监察措施（未获准）",
    "supervision.inspection.measure_added": "登记监察措施",
    "supervision.inspection.request_extension": "申请监察案件延期（未获准）",
    "supervision.inspection.extension_requested": "申请监察案件延期",
    "supervision.inspection.decide_extension": "审批监察案件延期（未获准）",
    "supervision.inspection.extension_decided": "审批监察案件延期",
    "supervision.inspection.refer": "监察案件移送调解或仲裁（未获准）",
    "supervision.inspection.referred": "监察案件移送调解或仲裁",
    "supervision.inspection.record_referral_outcome": "登记调解、仲裁结果（未获准）",
    "supervision.inspection.referral_outcome": "登记调解、仲裁结果",
    "supervision.inspection.conclude": "监察案件结案（未获准）",
    "supervision.inspection.concluded": "监察案件结案",
    "supervision.inspection.ledger_exported": "导出监察案件台账",
}
FIELDS = {
    "inspection_worker": "劳动者", "inspection_worker_removal_reason": "删除原因",
    "inspection_measure": "监察措施", "inspection_measure_on": "措施日期",
    "inspection_measure_amount": "措施金额（元）", "inspection_measure_note": "措施说明",
}
VALUES = {"inspection_measure": dict(MeasureKind.choices)}
