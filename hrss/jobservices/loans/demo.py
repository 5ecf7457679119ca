"""Demo data of the loans part for `hrss demo`: the logins of the guarantee agency and the bank (源城区), 下城社区
marked 信用社区, one application waiting at each step of the chain and one loan granted 100 days ago with its
third instalment unpaid (overdue), so each demo login has something in its queue."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hrss.accounts import services as account_services
from hrss.accounts.demo import DEMO_PASSWORD
from hrss.accounts.models import User
from hrss.core import scoping
from hrss.core.models import Region
from hrss.jobservices.loans import services
from hrss.jobservices.models import LoanApplication
from hrss.jobservices.permissions import BANK_OFFICER, GUARANTEE_OFFICER
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区
COUNTY = "441602000000"  # 源城区
LOGINS = [
    ("yuancheng_guarantee", GUARANTEE_OFFICER, "源城区创业贷款担保中心经办人"),
    ("yuancheng_bank", BANK_OFFICER, "源城区经办银行信贷员"),
]
APPLICANTS = ["赵创业", "钱小梅", "孙志远", "周海燕", "吴德明"]
DOCS = ["id_card", "unemployment_certificate", "business_plan"]


def create_logins():
    county = Region.objects.get(code=COUNTY)
    for username, role, full_name in LOGINS:
        if not User.objects.filter(username=username).exists():
            account_services.create_user(actor=None, username=username, region=county, roles=[role],
                                         password=DEMO_PASSWORD, full_name=full_name, must_change=False)
    return [f"  {username:<22} {role.label:<12} {county.name}" for username, role, _ in LOGINS]


def _applicants(assistant, today):
    village = Region.objects.get(code=DEMO_VILLAGE)
    people = []
    for index, name in enumerate(APPLICANTS):
        birth = datetime.date(today.year - 28 - 2 * index, 2 + index, 3 + index)
        number = id_number_for(scoping.county_code_of(DEMO_VILLAGE), birth, 951 + 2 * index)
        person = Person.objects.filter(id_number=number).first()
        if person is None:
            person = residents_services.register_person(
                actor=assistant, id_number=number, name=name, village=village, status=LabourStatus.UNEMPLOYED,
                status_since=today - datetime.timedelta(days=200), wants_business=True)[0]
        people.append(person)
    return people


@transaction.atomic
def generate_loans():
    """Returns the number of applications made (none when the demo village has some already, or a login is
    missing)."""
    if LoanApplication.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    names = ["xiacheng", "shangcheng_reviewer", "yuancheng", "yuancheng_guarantee", "yuancheng_bank"]
    users = {user.username: user for user in User.objects.filter(username__in=names)}
    if len(users) < len(names):
        return 0
    assistant, reviewer, county, guarantee, bank = (users[name] for name in names)
    today = timezone.localdate()
    granted_start = today - datetime.timedelta(days=100)  # three instalments due, the fourth not yet
    opened = today - datetime.timedelta(days=3)
    services.mark_credit_community(actor=county, region_code=DEMO_VILLAGE,
                                   marked_on=granted_start - datetime.timedelta(days=30),
                                   note="信用社区评定（演示）", today=today)
    people = _applicants(assistant, today)
    applications = []
    for index, person in enumerate(people):
        day = granted_start - datetime.timedelta(days=20) if index == 4 else opened
        applications.append(services.apply_for_loan(
            actor=assistant, person=person, category="registered_unemployed", borrower_kind="individual",
            amount=Decimal(50_000 + 10_000 * index), term_months=24, project=["早餐店", "网店", "修车铺", "水果店",
                                                                               "农家乐"][index],
            documents=DOCS, micro_profit=True, note="材料齐全", today=day))

    def move(application, actor, count_from, action="forward", **terms):
        application.case.refresh_from_db()
        services.decide_loan_application(actor=actor, application=application, action=action,
                                         version=application.case.version, today=count_from, **terms)

    chain = [reviewer, county, guarantee]
    for index, application in enumerate(applications[:4]):  # index 0 waits at the township, 3 at the bank
        for actor in chain[:index]:
            move(application, actor, opened)
    granted = applications[4]
    for actor in chain:
        move(granted, actor, granted_start - datetime.timedelta(days=10))
    move(granted, bank, today, "approve", principal=Decimal(90_000), annual_rate=Decimal("3.45"),
         start_date=granted_start, method="equal_instalments", contract_number="YC-DEMO-0001")
    loan = granted.loan
    for instalment in loan.instalments.order_by("number")[:2]:  # the first two on time; the third is overdue
        services.record_repayment(actor=bank, loan=loan, paid_on=instalment.due_date, amount=instalment.total,
                                  note="按期还款", today=today)
    return len(applications)


def demo(stdout, options):
    """hrss demo: the guarantee and bank logins always; with --people, the demo applications and loan."""
    lines = ["创业担保贷款演示账号（密码同上）：", *create_logins()]
    if options.get("people"):
        made = generate_loans()
        if made:
            stdout.write(f"已生成演示创业担保贷款申请 {made} 件（下城社区，各办理环节都有，1笔已发放、有逾期）。")
    return lines
