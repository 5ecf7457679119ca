"""The Chinese names of the training part's audit actions and before/after keys (the claim chain's moves are named
by core.review from the chain's label)."""

from hrss.jobservices.models import CertificateKind
from hrss.jobservices.training.exports import TITLES

ACTIONS = {
    "jobservices.training.wish.record": "登记培训意愿（未获准）",
    "jobservices.training.wish.recorded": "登记培训意愿",
    "jobservices.training.wish.withdraw": "撤销培训意愿（未获准）",
    "jobservices.training.wish.withdrawn": "撤销培训意愿",
    "jobservices.training.course.create": "登记培训班（未获准）",
    "jobservices.training.course.created": "登记培训班",
    "jobservices.training.enrol": "培训报名（未获准）",
    "jobservices.training.enrolled": "培训报名",
    "jobservices.training.attendance.record": "登记培训出勤（未获准）",
    "jobservices.training.attendance.recorded": "登记培训出勤",
    "jobservices.training.complete": "培训结业（未获准）",
    "jobservices.training.completed": "培训结业",
    "jobservices.training.drop": "培训退学（未获准）",
    "jobservices.training.dropped": "培训退学",
    "jobservices.training.claim.prepared": "申报培训补贴",
    "jobservices.training.courses_ledger.exported": f"导出{TITLES['courses']}",
    "jobservices.training.enrolments_ledger.exported": f"导出{TITLES['enrolments']}",
    "jobservices.training.wishes_ledger.exported": f"导出{TITLES['wishes']}",
}
FIELDS = {
    "occupation_code": "职业代码", "places": "名额", "free": "免费培训", "course": "培训班", "enrolled_on": "报名日期",
    "attended_hours": "已参训课时", "completed_on": "结业日期", "certificate_kind": "证书类别",
    "certificate_number": "证书编号", "met_wishes": "满足的培训意愿（条）", "trainees": "学员人数", "total": "金额（元）",
}
VALUES = {
    "certificate_kind": dict(CertificateKind.choices),
}
