"""What the promises part (服务规范（一次性告知、服务承诺、限时办结）) brings to the area (core/parts.py): hub links, the figures of the statistics page, audit names and the
demo. No pending work of its own: an overdue case already waits in the queue of the role that holds it
(core.review.queue_for, each area's 待办), and this part only watches."""

from hrss.core.parts import Figure, HubLink, Part
from hrss.supervision.permissions import SUPERVISION_VIEW
from hrss.supervision.promises import audit_names, demo, figures

PART = Part(
    label="promises",
    name="服务规范（一次性告知、服务承诺、限时办结）",
    links=(
        HubLink("服务事项与一次性告知", "supervision:promises-services", SUPERVISION_VIEW,
                "各业务服务事项的材料清单、承诺时限和办理依据；打印一次性告知书", order=50),
        HubLink("一次性告知台账", "supervision:promises-slips", SUPERVISION_VIEW, "材料不齐时出具的一次性告知书", order=51),
        HubLink("服务承诺", "supervision:promises-promise", SUPERVISION_VIEW,
                "每月各事项办结案件的实际用时与承诺时限比较，可查看到每一件", order=52),
        HubLink("限时办结", "supervision:promises-overdue", SUPERVISION_VIEW,
                "已超期或2个工作日内到期的在办案件，按办理机构分组", order=53),
    ),
    figures=(
        Figure("已超期的在办案件", figures.overdue, "supervision:promises-overdue", {},
               "各业务审核中当前环节已超过办理时限的案件（限时办结）", order=50),
        Figure("本月承诺时限内办结", figures.within_promise_this_month, "supervision:promises-promise", {},
               "本月办结且实际用时未超过服务承诺的案件", order=51),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    demo=demo.demo,
)

