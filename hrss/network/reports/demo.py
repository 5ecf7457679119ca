"""Demo data of the reports part for `hrss demo`: logins for two more townships of 源城区 (新江街道, 东埔街道), and
last month's reports: 上城街道's approved and locked by 源城区's approver, 新江街道's submitted and waiting for the
approver, 东埔街道's submitted late (after the deadline; when last month's deadline has not passed yet, the month
before's), and the other townships' missing, so the completeness page has each kind of row. Once only."""

import datetime

from django.db import transaction
from django.utils import timezone

from hrss.accounts import services as account_services
from hrss.accounts.demo import DEMO_PASSWORD
from hrss.accounts.models import User
from hrss.core.dates import add_months
from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.network.models import MonthlyReport
from hrss.network.reports import rules, services

SHANGCHENG = "441602001000"  # 上城街道
XINJIANG = "441602002000"  # 新江街道
DONGPU = "441602003000"  # 东埔街道
LOGINS = [("xinjiang", XINJIANG, Role.TOWNSHIP_OFFICER, "新江街道经办员"),
          ("xinjiang_reviewer", XINJIANG, Role.TOWNSHIP_REVIEWER, "新江街道审核员"),
          ("dongpu", DONGPU, Role.TOWNSHIP_OFFICER, "东埔街道经办员"),
          ("dongpu_reviewer", DONGPU, Role.TOWNSHIP_REVIEWER, "东埔街道审核员")]


def create_logins():
    regions = {region.code: region for region in Region.objects.filter(code__in=[row[1] for row in LOGINS])}
    for username, code, role, full_name in LOGINS:
        if code in regions and not User.objects.filter(username=username).exists():
            account_services.create_user(actor=None, username=username, region=regions[code], roles=[role],
                                         password=DEMO_PASSWORD, full_name=full_name, must_change=False)
    return [f"  {username:<22} {role.label:<12} {regions[code].name}" for username, code, role, _ in LOGINS
            if code in regions]


def _submitted(officer, reviewer, township, month, on):
    report = services.generate_report(actor=officer, township=township, month=month, today=on)
    services.edit_remarks(actor=officer, report=report, remarks="本月数据已与各村(社区)台账核对。")
    services.check_report(actor=reviewer, report=report)
    return services.submit_report(actor=officer, report=report, today=on)


@transaction.atomic
def generate():
    """The demo's reports, once (nothing when 上城街道 has a report already, or a login is missing)."""
    if MonthlyReport.objects.filter(region_code=SHANGCHENG).exists():
        return 0
    users = {user.username: user for user in User.objects.filter(username__in=[
        "shangcheng", "shangcheng_reviewer", "yuancheng_approver", *(row[0] for row in LOGINS)])}
    if len(users) < 3 + len(LOGINS):
        return 0
    towns = {region.code: region for region in Region.objects.filter(code__in=[SHANGCHENG, XINJIANG, DONGPU])}
    today = timezone.localdate()
    month = add_months(today.replace(day=1), -1)
    deadline = rules.deadline_of(month) or rules.last_day(month) + datetime.timedelta(days=7)
    on_time = min(today, deadline)
    approver = users["yuancheng_approver"]
    locked = _submitted(users["shangcheng"], users["shangcheng_reviewer"], towns[SHANGCHENG], month, on_time)
    services.approve_report(actor=approver, report=locked)
    _submitted(users["xinjiang"], users["xinjiang_reviewer"], towns[XINJIANG], month, on_time)
    late_month = month if deadline < today else add_months(month, -1)
    late_day = (rules.deadline_of(late_month) or rules.last_day(late_month)) + datetime.timedelta(days=1)
    _submitted(users["dongpu"], users["dongpu_reviewer"], towns[DONGPU], late_month, late_day)
    return 3


def demo(stdout, options):
    """hrss demo: the townships' logins always; with --people, the demo reports."""
    lines = ["月报演示账号（密码同上）：", *create_logins()]
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成月报演示数据 {made} 份（源城区上月：上城街道已审核锁定、新江街道待审核、东埔街道逾期上报）。")
    return lines
