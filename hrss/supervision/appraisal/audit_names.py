"""The Chinese names of the appraisal part's audit actions and before/after keys (core.audit), given to the area
by declare.py."""

ACTIONS = {
    "supervision.appraisal.exported": "导出考核表",
    "supervision.appraisal.lock": "锁定考核结果（未获准）",
    "supervision.appraisal.locked": "锁定考核结果",
}
FIELDS = {"appraisal_month": "考核月份", "offices": "服务机构数"}
