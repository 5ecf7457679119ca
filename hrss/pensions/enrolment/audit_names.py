"""The Chinese names of the enrolment part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.pensions.models import EnrolmentEndReason, EnrolmentState, Scheme

ACTIONS = {
    "pensions.enrolment.enrol": "参保登记（未获准）",
    "pensions.enrolment.enrolled": "办结参保登记",
    "pensions.enrolment.received": "受理参保登记（材料不全，一次性告知）",
    "pensions.enrolment.complete": "补齐参保材料（未获准）",
    "pensions.enrolment.documents_added": "补交参保材料",
    "pensions.enrolment.change_tier": "变更缴费档次（未获准）",
    "pensions.enrolment.tier_changed": "变更缴费档次",
    "pensions.enrolment.terminate": "终止参保（未获准）",
    "pensions.enrolment.terminated": "终止参保",
    "pensions.enrolment.transfer_out": "参保关系转出（未获准）",
    "pensions.enrolment.transferred_out": "参保关系转出",
    "pensions.enrolment_ledger.exported": "导出参保台账",
}
FIELDS = {
    "enrolment_scheme": "险种", "enrolment_tier": "缴费档次（元/年）", "enrolment_state": "参保状态",
    "enrolment_enrolled_on": "参保日期", "missing_documents": "缺少材料", "enrolment_documents": "已收材料",
    "enrolment_ended_on": "终止日期", "enrolment_end_reason": "终止原因", "transfer_destination": "转往",
}
VALUES = {"enrolment_scheme": dict(Scheme.choices), "enrolment_state": dict(EnrolmentState.choices),
          "enrolment_end_reason": dict(EnrolmentEndReason.choices)}
