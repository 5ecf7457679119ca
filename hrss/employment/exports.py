"""The three ledgers as rows for .xlsx (core.spreadsheets neutralises formulas). ID numbers are masked: the
files leave the system."""

from hrss.core import scoping
from hrss.core.id_numbers import mask
from hrss.employment import selectors


def _date(value):
    return value.isoformat() if value else ""


def ledger_rows(user, region, kind):
    if kind == "employment":
        header = ["姓名", "公民身份号码", "登记地村(社区)", "登记地村(社区)代码", "登记类型", "用人单位", "统一社会信用代码", "招用/开业/终止日期",
                  "登记日期", "逾期登记", "失业人员再就业"]
        registrations = selectors.employment_registrations(user, region).select_related("person").order_by(
            "region_code", "event_date", "id")
        scope = scoping.scope_of(user)
        registrations = list(registrations)
        places = selectors.place_names([r.region_code for r in registrations], region)
        # A worker from elsewhere hired here: their 失业登记 is their home's business (the column stays empty).
        rows = [[r.person.name, mask(r.person.id_number), places.get(r.region_code, ""), r.region_code,
                 r.get_kind_display(), r.employer_name,
                 r.employer_code, _date(r.event_date), _date(r.registered_on), "是" if r.is_late else "否",
                 ("是" if r.was_registered_unemployed else "否") if scope.contains_code(r.person.region_code) else ""]
                for r in registrations]
    elif kind == "unemployment":
        header = ["姓名", "公民身份号码", "村(社区)", "村(社区)代码", "失业人员类别", "原工作单位", "失业日期", "状态", "登记日期",
                  "注销日期", "注销原因"]
        registrations = selectors.unemployment_registrations(user, region).select_related("person").order_by(
            "region_code", "applied_at")
        registrations = list(registrations)
        places = selectors.place_names([r.region_code for r in registrations], region)
        rows = [[r.person.name, mask(r.person.id_number), places.get(r.region_code, ""), r.region_code,
                 r.get_category_display(), r.last_employer,
                 _date(r.left_job_on), r.get_status_display(), _date(r.registered_on), _date(r.cancelled_on),
                 r.get_cancel_reason_display() if r.cancel_reason else ""] for r in registrations]
    else:
        header = ["证号", "证件名称", "持证人", "公民身份号码", "发放日期", "发放类型", "经办人", "状态"]
        issues = selectors.certificate_issues(user, region).select_related(
            "certificate__person", "issued_by").order_by("certificate__number", "issued_on", "id")
        rows = [[i.certificate.number, i.certificate.title, i.certificate.person.name,
                 mask(i.certificate.person.id_number), _date(i.issued_on), i.get_kind_display(),
                 i.issued_by.full_name or i.issued_by.username,
                 "注销" if i.certificate.status == "cancelled" else ("已作废" if i.voided_on else "有效")]
                for i in issues]
    return header, rows
