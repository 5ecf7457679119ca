"""The Chinese names of the publicity part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.supervision.models import PublicityTopic

ACTIONS = {
    "supervision.publicity_event.record": "登记宣传活动（未获准）",
    "supervision.publicity_event.recorded": "登记宣传活动",
    "supervision.publicity_event.correct": "更正宣传活动（未获准）",
    "supervision.publicity_event.corrected": "更正宣传活动",
    "supervision.publicity_events.exported": "导出宣传活动台账",
    "supervision.notice.issue": "发通知（未获准）",
    "supervision.notice.issued": "发通知",
    "supervision.notice_receipt.read": "通知标记已阅（未获准）",
    "supervision.notice_receipt.read_marked": "通知标记已阅",
    "supervision.notice.remind": "通知催阅（未获准）",
    "supervision.notice.reminded": "通知催阅",
}
FIELDS = {
    "publicity_topic": "宣传主题", "topic_detail": "宣传内容", "place": "活动地点", "held_on": "活动日期",
    "people_reached": "受众人数", "materials_count": "发放资料份数", "organiser": "组织者", "title": "通知标题",
    "read_by": "阅读期限", "receivers": "接收单位数", "read_on": "阅读日期", "reminded": "催阅单位数",
}
VALUES = {"publicity_topic": dict(PublicityTopic.choices)}
