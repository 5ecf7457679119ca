"""The Chinese names of the recognition part's audit actions and before/after keys (core.audit), given to the area by
declare.py. The review's moves are named by core.review from the chain's label."""

from hrss.assistance.models import ExitReason

ACTIONS = {
    "assistance.recognition.applied": "受理就业困难人员认定申请",
    "assistance.recognition.notice_started": "就业困难人员认定：开始公示",
    "assistance.recognition.recognised": "认定为就业困难人员",
    "assistance.recognition.review": "就业困难人员资格复核（未获准）",
    "assistance.recognition.reviewed": "就业困难人员资格复核",
    "assistance.recognition.exit": "就业困难人员退出（未获准）",
    "assistance.recognition.exited": "就业困难人员退出",
    "assistance.recognition.correct": "更正退回补正的就业困难人员认定申请（未获准）",
    "assistance.recognition.corrected": "更正退回补正的就业困难人员认定申请",
    "assistance.recognition.exported": "导出就业困难人员认定台账",
    "assistance.objection.record": "登记公示异议（未获准）",
    "assistance.objection.recorded": "登记公示异议",
    "assistance.objection.resolve": "处理公示异议（未获准）",
    "assistance.objection.resolved": "处理公示异议",
}
FIELDS = {
    "recognition_category": "援助对象类别", "recognition_applied_on": "申请日期", "notice_from": "公示开始",
    "notice_until": "公示截止", "recognised_on": "认定日期", "valid_until": "有效期至",
    "next_review_on": "下次复核日期", "still_eligible": "仍符合条件", "exit_reason": "退出原因", "exited_on": "退出日期",
    "objection_raised_on": "异议提出日期", "objection_upheld": "异议成立",
}
VALUES = {"exit_reason": dict(ExitReason.choices)}
