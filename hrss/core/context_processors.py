from hrss.core import areas
from hrss.core.areas import MenuEntry
from hrss.core.permissions import AUDIT_VIEW, CLASSIFICATION_MANAGE, REGION_VIEW

# Core's own entries of the top menu; each area adds its own (core.areas.MenuEntry in its area.py). The orders:
# 服务网点 10, 劳动力台账 20, 统计 30, 就业失业登记 40, 账号管理 50, 审计日志 60, 节假日安排 70, 职业分类 75.
CORE_MENU = (
    MenuEntry("服务网点", "core:region-detail", REGION_VIEW, order=10,
              url_args=lambda user: (user.region.code,) if user.region_id else None),
    MenuEntry("审计日志", "core:audit-list", AUDIT_VIEW, order=60),
    MenuEntry("节假日安排", "core:calendar", REGION_VIEW, order=70),
    MenuEntry("职业分类", "core:classifications", CLASSIFICATION_MANAGE, order=75),
)


def workbench(request):
    """Navigation for the workbench: the menu entries this user's roles open, core's and the areas'."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"menu": areas.menu_for(user, CORE_MENU)}
