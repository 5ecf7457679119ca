"""The Chinese names of the appraisal part's audit actions and before/after keys (core.audit), given to the area
by declare.py."""

ACTIONS = {
    "supervision.appraisal.exported": "导出考核表",
}
FIELDS = {"month": "月份"}
