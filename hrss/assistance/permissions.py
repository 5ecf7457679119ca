"""What 就业援助与灵活就业 lets a role do, declared here and registered by this area (area.py)."""

from hrss.core.permissions import READ_ONLY_ROLES, STAFF_ROLES, Permission

ASSISTANCE_VIEW = Permission("assistance.view", "查看就业援助")
ASSISTANCE_HANDLE = Permission("assistance.handle", "办理就业援助")

PERMISSIONS = (ASSISTANCE_VIEW, ASSISTANCE_HANDLE)
ROLES = ()

GRANTS = {
    **{role: {ASSISTANCE_VIEW, ASSISTANCE_HANDLE} for role in STAFF_ROLES},
    **{role: {ASSISTANCE_VIEW} for role in READ_ONLY_ROLES},
}
