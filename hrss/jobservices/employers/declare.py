"""What the employers part brings to the area (hrss/core/parts.py): hub links, audit names, demo data."""

import datetime

from django.utils import timezone

from hrss.core import classifications
from hrss.core.parts import Figure, HubLink, Part
from hrss.jobservices.employers import figures
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW

LINKS = (
    HubLink("用人单位台账", "jobservices:employers-list", JOBSERVICES_VIEW,
            "登记用人单位（统一社会信用代码自动校验），查看各单位的岗位；导出 .xlsx。", order=10),
    HubLink("岗位空缺台账", "jobservices:employers-vacancies", JOBSERVICES_VIEW,
            "按状态、职业、地点查看岗位空缺；导出 .xlsx。", order=11),
    HubLink("登记用人单位", "jobservices:employers-new", JOBSERVICES_HANDLE,
            "新单位先登记，再登记或导入它的岗位空缺表。", order=12),
)

AUDIT_ACTIONS = {
    "jobservices.employer.registered": "登记用人单位",
    "jobservices.employer.register": "登记用人单位（未获准）",
    "jobservices.employer.updated": "修改用人单位",
    "jobservices.employer.update": "修改用人单位（未获准）",
    "jobservices.vacancy.added": "登记岗位空缺",
    "jobservices.vacancy.add": "登记岗位空缺（未获准）",
    "jobservices.vacancy.updated": "修改岗位空缺",
    "jobservices.vacancy.update": "修改岗位空缺（未获准）",
    "jobservices.vacancy.closed": "关闭岗位",
    "jobservices.vacancy.close": "关闭岗位（未获准）",
    "jobservices.vacancies.imported": "导入岗位空缺表",
    "jobservices.employers_ledger.exported": "导出用人单位台账",
    "jobservices.vacancies_ledger.exported": "导出岗位空缺台账",
}
AUDIT_FIELDS = {
    "uscc": "统一社会信用代码", "org_code": "组织机构代码", "occupation_code": "职业代码", "headcount": "招聘人数",
    "closed_on": "关闭日期", "industry_code": "行业代码", "contact_person": "联系人", "opens_on": "开始招聘日期",
    "closes_on": "截止日期", "wage_min": "月薪下限", "wage_max": "月薪上限", "age_min": "年龄下限", "age_max": "年龄上限",
    "sex_required": "性别要求", "sex_reason": "性别要求的法定依据", "education_min": "最低文化程度",
    "description": "岗位说明", "address": "详细地址", "phone": "联系电话", "note": "备注", "region_code": "所在地",
}

DEMO_VILLAGE = "441602001003"  # 下城社区
DEMO_TOWNSHIP = "441602001000"  # 上城街道
# (name, 17 characters before the USCC's check (its 主体标识码 check computed), place, industry, vacancies:
# (title, occupation, headcount, wage range))
DEMO_EMPLOYERS = (
    ("河源市下城优品超市有限公司", "91441602MA4W0001", DEMO_VILLAGE, "5212", (
        ("收银员", "4-01-02-04", 3, (2800, 3500)), ("营业员", "4-01-02-03", 2, (2600, 3200)))),
    ("河源市上城电子科技有限公司", "91441602MA4W0002", DEMO_TOWNSHIP, "3982", (
        ("电子元器件装配工", "6-25-04", 10, (3500, 5000)), ("仓储管理员", "4-02-06-01", 1, (3000, 3800)))),
    ("河源市源城区下城社区居民委员会", "N2441602MA4W0003", DEMO_VILLAGE, "", (
        ("社区网格员", "4-10", 2, (2600, 3000)),)),
)


def demo(stdout, options):
    """hrss demo --people N: a few employers of 下城社区 and 上城街道 with open vacancies of common occupations,
    registered by the demo's township officer; nothing when they exist or the demo users are missing. It prints
    nothing (tests/core/test_demo_command.py pins the demo's lines)."""
    from hrss.accounts.models import User
    from hrss.jobservices.codes import complete_uscc
    from hrss.jobservices.employers import services
    from hrss.jobservices.models import Employer

    if not options.get("people"):
        return None
    officer = User.objects.filter(username="shangcheng").first()
    if officer is None:
        return None
    today = timezone.localdate()
    for name, start, place, industry, vacancies in DEMO_EMPLOYERS:
        uscc = complete_uscc(start + "0")
        if Employer.objects.filter(uscc=uscc).exists():
            continue
        employer, _warnings = services.register_employer(
            actor=officer, name=name, uscc=uscc, region_code=place, industry_code=industry,
            contact_person="王经理", phone="0762-3330000", address="河源市源城区上城街道")
        for title, occupation, headcount, (wage_min, wage_max) in vacancies:
            if not classifications.occupation_exists(occupation):
                continue
            services.add_vacancy(actor=officer, employer=employer, title=title, occupation_code=occupation,
                                 headcount=headcount, opens_on=today - datetime.timedelta(days=7),
                                 wage_min=wage_min, wage_max=wage_max, age_min=18, age_max=50, today=today)
    return None


FIGURES = (
    Figure("登记的用人单位", figures.employers, "jobservices:employers-list", {}, "在本区域登记的用人单位", order=10),
    Figure("在招岗位", figures.open_vacancies, "jobservices:employers-vacancies", {"status": "open"},
           "状态为招聘中的岗位空缺（条）", order=11),
)

PART = Part(label="employers", name="用人单位与岗位", links=LINKS, figures=FIGURES, audit_actions=AUDIT_ACTIONS,
            audit_fields=AUDIT_FIELDS, demo=demo)
