"""Demo data of the inspection part for `hrss demo`: the login of 源城区's labour inspector (its list printed with the
others), and with --people a few cases of employers in 源城区: a complaint waiting to be accepted, one under investigation with its workers and an
order to pay, one concluded with the wages recovered (its rating code on the receipt), and one whose extension
waits for the approver, so each demo login has something in its queue.

The case from a wages petition is the petitions part's to make (its demo forwards a petition with
petitions.services.forward_to_inspection, which opens the case here): this part may not import the petitions part,
which imports it (the import contract forbids the cycle)."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hrss.accounts import services as account_services
from hrss.accounts.demo import DEMO_PASSWORD
from hrss.accounts.models import User
from hrss.core import scoping, workdays
from hrss.core.credit_codes import complete_uscc
from hrss.core.models import Region
from hrss.supervision.inspection import services
from hrss.supervision.models import InspectionCase
from hrss.supervision.permissions import LABOUR_INSPECTOR

DEMO_VILLAGE = "441602001003"  # 下城社区
NEIGHBOUR_VILLAGE = "441602001006"  # 公园社区
TOWNSHIP = "441602001000"  # 上城街道
COUNTY = "441602000000"  # 源城区
LOGINS = [("yuancheng_inspector", LABOUR_INSPECTOR, "源城区劳动保障监察员")]
DAY = datetime.timedelta(days=1)


def create_logins():
    county = Region.objects.get(code=COUNTY)
    for username, role, full_name in LOGINS:
        if not User.objects.filter(username=username).exists():
            account_services.create_user(actor=None, username=username, region=county, roles=[role],
                                         password=DEMO_PASSWORD, full_name=full_name, must_change=False)
    return [f"  {username:<22} {role.label:<12} {county.name}" for username, role, _ in LOGINS]


def _working_days_before(today, count):
    calendar, day = workdays.Calendar.load(), today
    while count:
        day -= DAY
        if calendar.is_working_day(day):
            count -= 1
    return day


@transaction.atomic
def generate():
    """The demo's cases, once (nothing when 源城区 has cases already, or a login is missing)."""
    if InspectionCase.objects.filter(number__startswith=f"JC{scoping.county_code_of(COUNTY)}").exists():
        return 0
    users = {user.username: user for user in User.objects.filter(
        username__in=["yuancheng_inspector", "yuancheng_approver"])}
    if len(users) < 2:
        return 0
    inspector = users["yuancheng_inspector"]
    today = timezone.localdate()
    made = [services.receive_complaint(
        actor=inspector, region_code=DEMO_VILLAGE, source="complaint", employer_name="河源市东埔五金加工厂",
        complainant_name="陈志强", complainant_phone="13800001111", summary="五金加工厂拖欠3名工人3个月工资共3.2万元",
        received_on=today - DAY, today=today)]

    started = _working_days_before(today, 20)
    case = services.receive_complaint(
        actor=inspector, region_code=DEMO_VILLAGE, source="complaint", employer_name="河源市新华电子厂",
        employer_uscc=complete_uscc("91441602MA4X00010"), employer_address="源城区上城街道新华路18号",
        complainant_name="李秀兰", complainant_phone="13800002222", summary="电子厂拖欠流水线工人2个月工资",
        received_on=started, today=today)
    services.accept_case(actor=inspector, case=case, on=started + DAY, today=today)
    services.open_case(actor=inspector, case=case, on=started + DAY, today=today)
    for name, owed in (("李秀兰", "8600.00"), ("王美玲", "7900.00")):
        services.add_worker(actor=inspector, case=case, name=name, amount_owed=Decimal(owed), today=today)
    services.add_measure(actor=inspector, case=case, kind="pay", taken_on=started + 3 * DAY,
                         amount=Decimal("16500.00"), note="劳动保障监察责令改正指令书", today=today)
    made.append(case)

    started = today - 40 * DAY
    case = services.receive_complaint(
        actor=inspector, region_code=NEIGHBOUR_VILLAGE, source="complaint", employer_name="河源市公园路餐饮管理有限公司",
        complainant_name="刘海", complainant_phone="13800003333", summary="餐馆停业后未结清3名员工工资",
        received_on=started, today=today)
    services.accept_case(actor=inspector, case=case, on=started + DAY, today=today)
    services.open_case(actor=inspector, case=case, on=started + 2 * DAY, today=today)
    for name, owed in (("刘海", "4500.00"), ("何小燕", "3800.00"), ("钟伟", "4200.00")):
        worker = services.add_worker(actor=inspector, case=case, name=name, amount_owed=Decimal(owed), today=today)
        services.record_recovery(actor=inspector, worker=worker, amount_recovered=Decimal(owed), today=today)
    services.conclude_case(actor=inspector, case=case, on=today - 5 * DAY, today=today,
                           result="经责令支付，用人单位已于结案前结清3名员工工资共12,500.00元。")
    made.append(case)

    started = _working_days_before(today, 58)
    case = services.receive_complaint(
        actor=inspector, region_code=TOWNSHIP, source="routine", employer_name="河源市上城物业服务有限公司",
        summary="日常巡查发现未足额支付保安员加班工资", received_on=started, today=today)
    services.accept_case(actor=inspector, case=case, on=started, today=today)
    services.open_case(actor=inspector, case=case, on=started, today=today)
    services.add_worker(actor=inspector, case=case, name="罗建国", amount_owed=Decimal("2600.00"), today=today)
    services.request_extension(actor=inspector, case=case, reason="用人单位账册不全，需调取银行流水核实", today=today)
    made.append(case)
    return len(made)


def demo(stdout, options):
    """hrss demo: the inspector's login always; with --people, the demo cases."""
    lines = ["劳动保障监察演示账号（密码同上）：", *create_logins()]
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成劳动保障监察演示案件 {made} 件（源城区，待受理、调查中、已结案、待批准延期各有）。")
    return lines
