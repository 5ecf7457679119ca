"""The Chinese names of the campaigns part's audit actions and before/after keys (core.audit), given to the area
by declare.py."""

ACTIONS = {
    "assistance.campaign.create": "组织就业援助活动（未获准）",
    "assistance.campaign.created": "组织就业援助活动",
    "assistance.campaign.update": "修改就业援助活动（未获准）",
    "assistance.campaign.updated": "修改就业援助活动",
    "assistance.campaign.exported": "导出就业援助活动统计",
}
FIELDS = {
    "campaign_name": "活动名称", "campaign_starts_on": "活动开始日期", "campaign_ends_on": "活动结束日期",
    "campaign_targets": "活动目标",
}
