"""The Chinese names of the petitions part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.supervision.models import PetitionCategory, PetitionChannel, PetitionDecision, PetitionState

ACTIONS = {
    "supervision.petitions.intake": "登记信访事项（未获准）",
    "supervision.petitions.received": "登记信访事项",
    "supervision.petitions.forward_up": "上报信访件（未获准）",
    "supervision.petitions.forwarded_up": "上报信访件（转乡镇、转县(区)）",
    "supervision.petitions.decide": "信访件受理决定（未获准）",
    "supervision.petitions.forward_to_inspection": "信访件转劳动保障监察（未获准）",
    "supervision.petitions.decided": "信访件受理决定（受理、转送、不予受理）",
    "supervision.petitions.extend": "信访件延期（未获准）",
    "supervision.petitions.extended": "信访件延长办理期限",
    "supervision.petitions.reply": "信访件办结答复（未获准）",
    "supervision.petitions.replied": "信访件办结答复",
    "supervision.petitions.request_review": "登记复查请求（未获准）",
    "supervision.petitions.review_requested": "登记复查请求",
    "supervision.petitions.decide_review": "复查意见（未获准）",
    "supervision.petitions.reviewed": "复查意见",
    "supervision.petitions.request_recheck": "登记复核请求（未获准）",
    "supervision.petitions.recheck_requested": "登记复核请求",
    "supervision.petitions.decide_recheck": "复核意见（未获准）",
    "supervision.petitions.rechecked": "复核意见",
    "supervision.petitions.exported": "导出信访台账",
}
# The keys that are fields of Petition (received_on, accept_due, handle_due, ...) are named by the model itself.
FIELDS = {
    "petition_number": "信访件编号", "petition_channel": "信访形式", "petition_category": "问题类别",
    "petition_state": "信访件状态", "petition_decision": "受理意见", "late": "超过期限", "rating_code": "评价码",
    "rows": "行数",
}
VALUES = {"petition_state": dict(PetitionState.choices), "petition_decision": dict(PetitionDecision.choices),
          "petition_channel": dict(PetitionChannel.choices), "petition_category": dict(PetitionCategory.choices)}
