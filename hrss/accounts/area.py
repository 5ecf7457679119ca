"""工作人员账号 as an area of the platform (core.areas): its pending work for the administrators, the names of its
audit actions, its menu entry and the demo logins."""

from hrss.accounts import audit_names, demo, pending
from hrss.core import areas
from hrss.core.permissions import USER_VIEW

AREA = areas.register(areas.Area(
    label="accounts",
    name="工作人员账号",
    order=90,
    pending=(pending.account_work,),
    menu=(areas.MenuEntry("账号管理", "accounts:user-list", USER_VIEW, order=50),),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    demo=demo.demo,
    demo_order=0,  # the accounts first: the other areas' demo data is entered by the demo logins
))
