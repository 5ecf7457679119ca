"""What 社会保险服务 (城乡居民养老保险, 退休人员社会化管理, 社保卡) lets a role do, declared here and registered by this
area (area.py). Approving a pension is the county's (the review chain's last step names the roles)."""

from hrss.core.permissions import READ_ONLY_ROLES, STAFF_ROLES, Permission

PENSIONS_VIEW = Permission("pensions.view", "查看社会保险服务")
PENSIONS_HANDLE = Permission("pensions.handle", "办理社会保险服务")

PERMISSIONS = (PENSIONS_VIEW, PENSIONS_HANDLE)
ROLES = ()

GRANTS = {
    **{role: {PENSIONS_VIEW, PENSIONS_HANDLE} for role in STAFF_ROLES},
    **{role: {PENSIONS_VIEW} for role in READ_ONLY_ROLES},
}
