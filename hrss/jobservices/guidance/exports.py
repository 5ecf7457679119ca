"""The guidance part's ledgers as rows for .xlsx (core.spreadsheets neutralises formulas): 职业指导台账 (ID numbers
masked: the files leave the system) and 招聘会台账 (one row a fair, with what it came to)."""

from hrss.jobservices.guidance import selectors


def _date(value):
    return value.isoformat() if value else ""


def guidance_rows(user, region):
    header = ["姓名", "公民身份号码", "村(社区)", "村(社区)代码", "指导日期", "指导内容", "指导意见", "下一步",
              "下一步说明", "下一步日期", "指导人员"]
    records = list(selectors.guidance_records(user, region))
    places = selectors.place_names(r.region_code for r in records)
    rows = [[r.person.name, r.person.masked_id_number, places.get(r.region_code, ""), r.region_code,
             _date(r.given_on), r.get_topic_display(), r.advice, r.get_next_step_display(), r.next_step_note,
             _date(r.next_on), r.advisor_name] for r in records]
    return header, rows


def fair_rows(user, region):
    header = ["招聘会", "举办日期", "举办地", "举办地代码", "地点", "参会单位", "岗位", "登记参会人数", "现场入场人数",
              "录用人数", "状态"]
    fairs = list(selectors.fairs(user, region))
    places = selectors.place_names(fair.region_code for fair in fairs)
    rows = [[fair.name, _date(fair.held_on), places.get(fair.region_code, ""), fair.region_code, fair.place,
             fair.employer_count, fair.vacancy_count, fair.attendance_count, fair.walk_in_count, fair.hire_count,
             f"已取消（{fair.cancel_reason}）" if fair.is_cancelled else ""] for fair in fairs]
    return header, rows
