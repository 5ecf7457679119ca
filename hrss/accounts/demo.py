"""Demo data for `make run`: one account of each role at several levels, so the workbench can be tried at once.
Demo accounts skip the first-login password change; they are for a demonstration machine only. This area's
part of `hrss demo` (area.py): the accounts come first, their list is printed last."""

from django.db import transaction

from hrss.accounts import services
from hrss.accounts.models import User
from hrss.core.models import Region
from hrss.core.permissions import Role

DEMO_PASSWORD = "Heyuan@2026"

DEMO_USERS = [
    ("province", "440000000000", Role.PROVINCE_VIEWER, "省厅查看员"),
    ("city", "441600000000", Role.CITY_ADMIN, "市局管理员"),
    ("sysadmin", "441600000000", Role.SYSTEM_ADMIN, "系统管理员"),
    ("secadmin", "441600000000", Role.SECURITY_ADMIN, "安全管理员"),
    ("auditor", "441600000000", Role.AUDIT_ADMIN, "审计管理员"),
    ("yuancheng", "441602000000", Role.COUNTY_OFFICER, "源城区经办员"),
    ("yuancheng_approver", "441602000000", Role.COUNTY_APPROVER, "源城区审批员"),
    ("zijin", "441621000000", Role.COUNTY_OFFICER, "紫金县经办员"),
    ("shangcheng", "441602001000", Role.TOWNSHIP_OFFICER, "上城街道经办员"),
    ("shangcheng_reviewer", "441602001000", Role.TOWNSHIP_REVIEWER, "上城街道审核员"),
    ("zicheng", "441621100000", Role.TOWNSHIP_OFFICER, "紫城镇经办员"),
    ("xiacheng", "441602001003", Role.VILLAGE_ASSISTANT, "下城社区协理员"),
    ("gongyuan", "441602001006", Role.VILLAGE_ASSISTANT, "公园社区协理员"),
]


@transaction.atomic
def create_demo_users():
    """Create the demo accounts that do not exist yet; returns [(username, role label, region name)]."""
    regions = {region.code: region for region in Region.objects.filter(code__in=[u[1] for u in DEMO_USERS])}
    created = []
    for username, code, role, full_name in DEMO_USERS:
        region = regions[code]
        if not User.objects.filter(username=username).exists():
            services.create_user(actor=None, username=username, region=region, roles=[role],
                                 password=DEMO_PASSWORD, full_name=full_name, must_change=False)
        created.append((username, role.label, region.name))
    return created


def demo(stdout, options):
    """hrss demo: the demo accounts; returns their list, printed after every area's demo data."""
    users = create_demo_users()
    return [f"演示账号（密码均为 {DEMO_PASSWORD}）：", *(f"  {username:<22} {role:<12} {region}"
                                                      for username, role, region in users)]
