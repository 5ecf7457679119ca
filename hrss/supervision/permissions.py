"""What 信访监察与服务监督 lets a role do, declared here and registered by this area (area.py).

Petitions, grid leads, publicity and ratings are every office's work; a labour-inspection case is the county's
劳动保障监察 team's (the 监察员 role, held at county level [believed: 河源's 劳动保障监察大队 are county-run]), and
extending one needs the county's approver (the regulation's “经劳动保障行政部门负责人批准”)."""

from hrss.core.models import Level
from hrss.core.permissions import READ_ONLY_ROLES, REGION_VIEW, STAFF_ROLES, Permission, Role, RoleSpec

SUPERVISION_VIEW = Permission("supervision.view", "查看信访监察与服务监督")
SUPERVISION_HANDLE = Permission("supervision.handle", "办理信访、网格、宣传与评价")
INSPECTION_VIEW = Permission("supervision.inspection_view", "查看劳动保障监察案件")
INSPECTION_HANDLE = Permission("supervision.inspection_handle", "办理劳动保障监察案件")
INSPECTION_APPROVE = Permission("supervision.inspection_approve", "批准劳动保障监察案件延期")
APPRAISAL_VIEW = Permission("supervision.appraisal_view", "查看考核")

LABOUR_INSPECTOR = RoleSpec("labour_inspector", "劳动保障监察员", {Level.COUNTY})

PERMISSIONS = (SUPERVISION_VIEW, SUPERVISION_HANDLE, INSPECTION_VIEW, INSPECTION_HANDLE, INSPECTION_APPROVE,
               APPRAISAL_VIEW)
ROLES = (LABOUR_INSPECTOR,)

APPRAISERS = (Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICER, Role.COUNTY_APPROVER,
              Role.CITY_ADMIN, Role.PROVINCE_VIEWER)  # 考核: the township's and county's offices and the city


def _grants():
    table = {role: {SUPERVISION_VIEW, SUPERVISION_HANDLE, INSPECTION_VIEW} for role in STAFF_ROLES}
    for role in READ_ONLY_ROLES:
        table[role] = {SUPERVISION_VIEW, INSPECTION_VIEW}
    for role in APPRAISERS:
        table[role].add(APPRAISAL_VIEW)
    table[Role.COUNTY_APPROVER].add(INSPECTION_APPROVE)
    table[LABOUR_INSPECTOR] = {REGION_VIEW, SUPERVISION_VIEW, SUPERVISION_HANDLE, INSPECTION_VIEW, INSPECTION_HANDLE}
    return table


GRANTS = _grants()
