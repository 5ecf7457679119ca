"""The Chinese names of the activity part's audit actions (core.audit), given to the area by declare.py."""

ACTIONS = {"network.activity.exported": "导出应用与联网情况"}
FIELDS = {}
