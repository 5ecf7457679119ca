"""What 就业与失业登记 lets a role do, declared here and registered by this area (area.py). Which step of a review
chain a holder of EMPLOYMENT_HANDLE may act at, the chain's roles decide (chains.py)."""

from hrss.core.permissions import READ_ONLY_ROLES, STAFF_ROLES, Permission

EMPLOYMENT_VIEW = Permission("employment.view", "查看就业失业登记")
EMPLOYMENT_HANDLE = Permission("employment.handle", "办理就业失业登记")  # intake and review steps

PERMISSIONS = (EMPLOYMENT_VIEW, EMPLOYMENT_HANDLE)

GRANTS = {
    **{role: {EMPLOYMENT_VIEW, EMPLOYMENT_HANDLE} for role in STAFF_ROLES},
    **{role: {EMPLOYMENT_VIEW} for role in READ_ONLY_ROLES},
}
