"""The Chinese names of the acceptance part's audit actions and of its before/after keys (core.audit), given to
the area by declare.py. The acceptance chain's moves are named by core.review from the chain's label."""

from hrss.network.models import RectificationState

ACTIONS = {
    "network.acceptance.record_inspection": "登记服务机构检查（未获准）",
    "network.acceptance.inspection_recorded": "登记服务机构检查",
    "network.acceptance.fix_rectification": "登记整改完成（未获准）",
    "network.acceptance.rectification_fixed": "登记整改完成",
    "network.acceptance.confirm_rectification": "确认整改（未获准）",
    "network.acceptance.rectification_confirmed": "确认整改",
    "network.acceptance.reopen_rectification": "整改退回重改（未获准）",
    "network.acceptance.rectification_reopened": "整改退回重改",
    "network.acceptance.bulletin_printed": "打印平台建设进展通报",
    "network.acceptance.bulletin_exported": "导出平台建设进展通报",
}
FIELDS = {
    "inspected_on": "检查日期", "checklist_rules": "检查项数", "failing_rules": "不符合的标准",
    "rectification_due_on": "整改期限", "rectification_rule": "标准条目", "rectification_fixed_on": "整改日期",
    "rectification_note": "整改情况", "rectification_photo": "整改照片", "rectification_confirmed_on": "确认日期",
    "rectification_reopen_note": "退回原因", "rectification_state": "整改状态", "bulletin_month": "通报月份",
    "bulletin_counties": "县(区)数",
}
VALUES = {"rectification_state": dict(RectificationState.choices)}
