"""The Chinese names of the ratings part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.supervision.models import ComplaintOrigin, ComplaintState, Score

ACTIONS = {
    "supervision.ratings.rated": "群众评价服务（好差评）",
    "supervision.ratings.code_issued": "生成评价码",
    "supervision.rating_slip.printed": "查看（打印）评价凭条",
    "supervision.ratings.complaint_opened": "登记投诉",
    "supervision.ratings.complaint_replied": "答复投诉",
    "supervision.ratings.ledger_exported": "导出评价台账",
    "supervision.ratings.complaints_exported": "导出投诉台账",
}
FIELDS = {
    "rating_score": "评价", "rating_code": "评价码", "rating_source": "评价码来源", "rating_source_id": "来源编号",
    "complaint_origin": "投诉来源", "office_code": "被投诉机构", "due_date": "答复期限", "replied_on": "答复日期",
    "complaint_state": "投诉状态",
}
VALUES = {
    "rating_score": {value: str(label) for value, label in Score.choices},
    "complaint_origin": {value: str(label) for value, label in ComplaintOrigin.choices},
    "complaint_state": {value: str(label) for value, label in ComplaintState.choices},
}
