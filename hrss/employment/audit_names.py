"""The Chinese names of this app's audit actions and before/after keys (see core.audit). The moves of the
unemployment registration's review chain are named by core.review from the chain's label. Registered by the
area (area.py)."""

from hrss.employment.models import CancelReason, Document, EmploymentKind, UnemployedContact
from hrss.employment.views import LEDGER_EXPORTS

ACTIONS = {
    "employment.unemployment.registered": "登记失业",
    "employment.unemployment.corrected": "更正退回补正的失业登记申请",
    "employment.unemployment.correct": "更正失业登记申请（未获准）",
    "employment.unemployment.cancel": "注销失业登记（未获准）",
    "employment.unemployment.cancelled": "注销失业登记",
    "employment.contact.record": "记录联系情况（未获准）",
    "employment.contact.recorded": "记录联系情况",
    "employment.employment.register": "就业登记（未获准）",
    "employment.employment.registered": "就业登记",
    "employment.hire.worker_looked_up": "招用登记：核对外地劳动者姓名和身份证号",
    "employment.certificate.issue": "核发登记证（未获准）",
    "employment.certificate.issued": "核发登记证",
    "employment.certificate.reissue": "补发登记证（未获准）",
    "employment.certificate.reissued": "补发登记证",
    "employment.certificate.change": "变更登记证（未获准）",
    "employment.certificate.changed": "变更登记证",
    "employment.certificate.cancel": "注销登记证（未获准）",
    "employment.certificate.cancelled": "注销登记证",
    "employment.certificate.printed": "打印登记证",
    **{f"employment.{kind}_ledger.exported": f"导出{title}" for kind, title in LEDGER_EXPORTS.items()},
}
FIELDS = {
    "kind": "类别", "contacted_on": "联系日期", "refused_without_reason": "无正当理由拒绝",
    "reason": "原因", "event_date": "日期", "late": "逾期", "number": "证号", "title": "证件名称",
    "held_a_job_when_registered_unemployed": "登记失业时已就业",
}
# Values of keys that are not fields of the target's model (a contact's or an employment's kind on the
# registration, the cancellation's reason, the checked documents): the log names them, never "hired".
VALUES = {
    "kind": dict(UnemployedContact.Kind.choices) | dict(EmploymentKind.choices),
    "reason": dict(CancelReason.choices),
    "documents": dict(Document.choices),
}
