"""What the 劳动力资源台账 lets a role do, declared here and registered by this area (area.py)."""

from hrss.core.permissions import READ_ONLY_ROLES, STAFF_ROLES, Permission

RESIDENT_VIEW = Permission("resident.view", "查看劳动力台账")
RESIDENT_EDIT = Permission("resident.edit", "登记、修改劳动力台账")
ID_NUMBER_REVEAL = Permission("resident.id_number.reveal", "查看完整身份证号")

PERMISSIONS = (RESIDENT_VIEW, RESIDENT_EDIT, ID_NUMBER_REVEAL)

GRANTS = {
    **{role: {RESIDENT_VIEW, RESIDENT_EDIT, ID_NUMBER_REVEAL} for role in STAFF_ROLES},
    **{role: {RESIDENT_VIEW} for role in READ_ONLY_ROLES},
}
