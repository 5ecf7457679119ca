"""Demo data of the funding part for `hrss demo --people`: in 源城区 and 紫金县, the province's subsidy to a township
office (recorded by the city), the county's match (紫金县's short of 30%, so its warning shows), a disbursement, and
the county's implementation plan filed by the city. Made once: nothing when 源城区 has a plan already."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core.models import Region
from hrss.network.funding import services
from hrss.network.models import FundPurpose, FundSource, ImplementationPlan

DAY = datetime.timedelta(days=1)
COUNTIES = (
    # county, its officer, a township office, province subsidy, county match, disbursed, document prefix, the
    # number of the province's document
    ("441602000000", "yuancheng", "441602001000", Decimal("200000"), Decimal("60000"), Decimal("80000"), "源人社", 21),
    ("441621000000", "zijin", "441621100000", Decimal("300000"), Decimal("60000"), Decimal("120000"), "紫人社", 22),
)


def generate():
    if ImplementationPlan.objects.filter(region_code=COUNTIES[0][0]).exists():
        return 0
    city = User.objects.filter(username="city").first()
    officers = {username: User.objects.filter(username=username).first() for _c, username, *_ in COUNTIES}
    if city is None or None in officers.values():
        return 0
    today = timezone.localdate()
    with transaction.atomic():
        for county_code, username, office_code, province, match, paid, prefix, number in COUNTIES:
            officer, office = officers[username], Region.objects.get(code=office_code)
            county = Region.objects.get(code=county_code)
            services.record_allocation(actor=city, region=office, source=FundSource.PROVINCE, amount=province,
                                       document_number=f"粤人社函〔{today.year}〕{number}号",
                                       allocated_on=today - 60 * DAY, note="乡镇服务所基础设施和设备补助", today=today)
            services.record_allocation(actor=officer, region=office, source=FundSource.COUNTY, amount=match,
                                       document_number=f"{prefix}〔{today.year}〕11号", allocated_on=today - 45 * DAY,
                                       today=today)
            services.record_disbursement(actor=officer, region=office, source=FundSource.PROVINCE,
                                         purpose=FundPurpose.INFRASTRUCTURE, amount=paid,
                                         document_number=f"{prefix}〔{today.year}〕15号",
                                         disbursed_on=today - 30 * DAY, note="服务大厅改造", today=today)
            plan = services.submit_plan(
                actor=officer, county=county, title=f"{county.name}基层人力资源社会保障公共服务平台建设实施方案",
                document_number=f"{prefix}〔{today.year}〕3号", issued_on=today - 90 * DAY,
                text="一、建设目标：所辖乡镇(街道)服务所和村(社区)服务站按“八统一”标准建成。\n二、资金保障：县财政按不低于省补助30%配套。",
                today=today)
            services.file_plan(actor=city, plan=plan, today=today)
    return len(COUNTIES)


def demo(stdout, options):
    made = generate() if options.get("people") else 0
    if made:
        stdout.write("已生成建设资金演示数据（源城区、紫金县的省补助、县配套、拨付，实施方案已备案）。")
    return None
