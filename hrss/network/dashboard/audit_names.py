"""The Chinese names of the dashboard part's audit actions (core.audit), given to the area by declare.py."""

ACTIONS = {"network.dashboard.exported": "导出平台总览"}
FIELDS = {}
