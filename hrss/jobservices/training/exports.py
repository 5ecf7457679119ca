"""培训台账 as rows for .xlsx (core.spreadsheets neutralises formulas): courses, enrolments, wishes. ID numbers are
masked: the files leave the system."""

from hrss.core.id_numbers import mask
from hrss.jobservices.training import selectors

TITLES = {"courses": "培训班台账", "enrolments": "培训学员台账", "wishes": "培训意愿台账"}


def _date(value):
    return value.isoformat() if value else ""


def ledger_rows(user, region, kind):
    """(title, header, rows) of one ledger of `region` as `user` sees it."""
    if kind == "courses":
        header = ["培训班名称", "培训类型", "培训职业代码", "培训机构", "统一社会信用代码", "举办地", "举办地代码", "开班日期",
                  "结业日期", "课时", "名额", "已报名", "免费", "收费（元/人）"]
        courses = list(selectors.with_places_taken(selectors.courses(user, region)).order_by("starts_on", "pk"))
        places = selectors.place_names([c.region_code for c in courses], region)
        rows = [[c.name, c.get_kind_display(), c.occupation_code, c.provider_name, c.provider_code,
                 places.get(c.region_code, ""), c.region_code, _date(c.starts_on), _date(c.ends_on), c.hours, c.places,
                 c.taken, "是" if c.free else "否", c.fee] for c in courses]
    elif kind == "enrolments":
        header = ["姓名", "公民身份号码", "村(社区)", "村(社区)代码", "培训班", "培训类型", "报名日期", "已参训课时", "状态",
                  "结业日期", "证书类别", "证书编号"]
        enrolments = list(selectors.enrolments(user, region).select_related("person", "course").order_by(
            "region_code", "enrolled_on", "pk"))
        places = selectors.place_names([e.region_code for e in enrolments], region)
        rows = [[e.person.name, mask(e.person.id_number), places.get(e.region_code, ""), e.region_code, e.course.name,
                 e.course.get_kind_display(), _date(e.enrolled_on), e.attended_hours, e.get_status_display(),
                 _date(e.completed_on), e.get_certificate_kind_display() if e.certificate_kind else "",
                 e.certificate_number] for e in enrolments]
    else:
        header = ["姓名", "公民身份号码", "村(社区)", "村(社区)代码", "意向培训职业代码", "培训类型", "登记日期", "状态", "办结日期"]
        wishes = list(selectors.wishes(user, region).select_related("person").order_by("region_code", "recorded_on",
                                                                                          "pk"))
        places = selectors.place_names([w.region_code for w in wishes], region)
        rows = [[w.person.name, mask(w.person.id_number), places.get(w.region_code, ""), w.region_code,
                 w.occupation_code, w.get_kind_display(), _date(w.recorded_on), w.get_status_display(),
                 _date(w.closed_on)] for w in wishes]
        # 待细化: the ledger says 培训意愿, no coded wish yet.
        people = list(selectors.uncoded_wishes(user, region).order_by("region_code", "name", "pk"))
        places = selectors.place_names([p.region_code for p in people], region)
        rows += [[p.name, mask(p.id_number), places.get(p.region_code, ""), p.region_code, "", "", "", "待细化", ""]
                 for p in people]
    return TITLES[kind], header, rows
