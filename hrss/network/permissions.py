"""What 平台建设与考核 lets a role do, declared here and registered by this area (area.py).

Every office keeps its own record (staff, rooms, windows, equipment, photos) and the township submits its monthly
report; the county inspects, requests acceptance, approves and locks reports, and records its funds; the city
accepts (验收) and pays the reward (以奖代补)."""

from hrss.core.permissions import READ_ONLY_ROLES, STAFF_ROLES, Permission, Role

NETWORK_VIEW = Permission("network.view", "查看平台建设与考核")
OFFICE_EDIT = Permission("network.office_edit", "维护本服务机构的建设情况")
INSPECT = Permission("network.inspect", "检查服务机构建设、申请验收")
ACCEPT = Permission("network.accept", "验收服务机构")
FUNDS = Permission("network.funds", "登记建设资金")
REPORT_SUBMIT = Permission("network.report_submit", "生成并上报月报")
REPORT_APPROVE = Permission("network.report_approve", "审核、锁定与解锁月报")

ROLES = ()
PERMISSIONS = (NETWORK_VIEW, OFFICE_EDIT, INSPECT, ACCEPT, FUNDS, REPORT_SUBMIT, REPORT_APPROVE)


def _grants():
    table = {role: {NETWORK_VIEW, OFFICE_EDIT} for role in STAFF_ROLES}
    for role in READ_ONLY_ROLES:
        table[role] = {NETWORK_VIEW}
    for role in (Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER):
        table[role].add(REPORT_SUBMIT)
    for role in (Role.COUNTY_OFFICER, Role.COUNTY_APPROVER):
        table[role] |= {INSPECT, FUNDS}
    table[Role.COUNTY_APPROVER].add(REPORT_APPROVE)
    table[Role.CITY_ADMIN] |= {INSPECT, ACCEPT, FUNDS}
    return table


GRANTS = _grants()
