from hrss.core.models import Level
from hrss.core.permissions import REGION_VIEW, Permission, RoleSpec
from hrss.residents.permissions import RESIDENT_VIEW

VISIT_VIEW = Permission("plugin_area.view", "查看示例检查")
VISIT_HANDLE = Permission("plugin_area.handle", "办理示例检查")

INSPECTOR = RoleSpec("plugin_inspector", "示例检查员", {Level.COUNTY})

# The area's own role holds the area's permissions, and what it needs of core and of the ledger to reach a person.
GRANTS = {INSPECTOR: {REGION_VIEW, RESIDENT_VIEW, VISIT_VIEW, VISIT_HANDLE}}
