"""用人单位台账 and 岗位空缺台账 as rows for .xlsx (core.spreadsheets neutralises formulas)."""

from hrss.core import classifications
from hrss.jobservices.employers import selectors


def _date(value):
    return value.isoformat() if value else ""


def _number(value):
    return "" if value is None else value


def ledger_rows(user, region, kind):
    if kind == "employers":
        header = ["单位名称", "统一社会信用代码", "组织机构代码", "所在地", "所在地代码", "详细地址", "行业代码", "行业",
                  "联系人", "联系电话", "招聘中岗位数", "登记日期"]
        employers = list(selectors.employers(user, region=region))
        places = selectors.place_names(e.region_code for e in employers)
        rows = [[e.name, e.uscc, e.org_code, places.get(e.region_code, ""), e.region_code, e.address, e.industry_code,
                 classifications.industry_name(e.industry_code), e.contact_person, e.phone, e.open_vacancies,
                 _date(e.created_at.date())] for e in employers]
        return header, rows
    header = ["用人单位", "统一社会信用代码", "岗位名称", "职业代码", "职业", "工作地点", "工作地点代码", "招聘人数", "已录用",
              "月薪下限", "月薪上限", "最低文化程度", "年龄下限", "年龄上限", "性别要求", "性别要求的法定依据", "行业代码",
              "开始招聘日期", "截止日期", "状态", "关闭日期"]
    vacancies = list(selectors.vacancies(user, region=region).order_by("region_code", "employer__name", "pk"))
    places = selectors.place_names(v.region_code for v in vacancies)
    rows = [[v.employer.name, v.employer.code, v.title, v.occupation_code,
             classifications.occupation_name(v.occupation_code), places.get(v.region_code, ""), v.region_code,
             v.headcount, v.hired, _number(v.wage_min), _number(v.wage_max), v.get_education_min_display(),
             _number(v.age_min), _number(v.age_max), v.get_sex_required_display(), v.sex_reason, v.industry_code,
             _date(v.opens_on), _date(v.closes_on), v.get_status_display(), _date(v.closed_on)] for v in vacancies]
    return header, rows
