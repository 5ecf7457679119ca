"""What the publicity part (政策宣传) brings to the area (core/parts.py): hub links, the figures of the statistics
page, pending work (the notices the user's office has not read), audit names and the demo."""

from hrss.core.parts import Figure, HubLink, Part
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.publicity import audit_names, demo, figures, pending

PART = Part(
    label="publicity",
    name="政策宣传",
    pending=(pending.unread_notices,),
    links=(
        HubLink("宣传活动台账", "supervision:publicity-events", SUPERVISION_VIEW,
                "宣传的政策、地点、日期、受众人数、发放资料；按月统计，导出 .xlsx", order=40),
        HubLink("登记宣传活动", "supervision:publicity-event-new", SUPERVISION_HANDLE, order=41),
        HubLink("通知", "supervision:publicity-notices", SUPERVISION_VIEW,
                "上级发给本单位的通知（标记已阅），本辖区发出的通知及阅读情况", order=42),
    ),
    figures=(
        Figure("本年宣传活动", figures.events_this_year, "supervision:publicity-events", {},
               "本年举办的政策宣传活动场次", order=40),
        Figure("本年宣传受众人次", figures.people_reached_this_year, "supervision:publicity-events", {},
               "本年宣传活动的受众人数合计", order=41),
        Figure("未阅通知", figures.unread_notices, "supervision:publicity-notices", {},
               "发给本辖区各单位、尚未标记已阅的通知份数", order=42),
        Figure("逾期未阅通知", figures.overdue_notices, "supervision:publicity-notices", {},
               "已过阅读期限仍未标记已阅的通知份数", order=43),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)
