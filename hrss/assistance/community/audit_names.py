"""The Chinese names of the community part's audit actions and before/after keys (core.audit), given to the area
by declare.py."""

from hrss.assistance.models import AssessmentResult

ACTIONS = {
    "assistance.community_assessment.record": "评估充分就业社区（未获准）",
    "assistance.community_assessment.recorded": "评估充分就业社区",
    "assistance.community_assessment.decide": "认定充分就业社区评估结果（未获准）",
    "assistance.community_assessment.decided": "认定充分就业社区评估结果",
    "assistance.community_assessments.exported": "导出充分就业社区评估表",
}
FIELDS = {
    "assessment_year": "评估年度", "criteria_met": "达到的指标数", "criteria_total": "指标数",
    "assessment_result": "评定结果",
}
VALUES = {"assessment_result": dict(AssessmentResult.choices)}
