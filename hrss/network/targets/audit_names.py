"""The Chinese names of the targets part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

ACTIONS = {
    "network.targets.recompute": "重新计算五个100%统计（未获准）",
    "network.targets.recomputed": "重新计算五个100%统计",
    "network.targets.exported": "导出五个100%统计",
    "network.targets.missed_exported": "导出未达标人员名单",
}
FIELDS = {"month": "月份", "target": "目标", "rows": "行数"}
