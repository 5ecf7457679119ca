"""What the campaigns part (就业援助活动) brings to the area (core/parts.py): a hub link, a figure, audit names and the
demo."""

from hrss.assistance.campaigns import audit_names, demo, selectors
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.core.parts import Figure, HubLink, Part

PART = Part(
    label="campaigns",
    name="就业援助活动",
    links=(HubLink("就业援助活动", "assistance:campaigns-list", ASSISTANCE_VIEW,
                   "就业援助月、春风行动等：目标与完成数（按下级区域）", order=80),),
    figures=(Figure("进行中的就业援助活动", selectors.running_count, "assistance:campaigns-list",
                    {"state": "running"}, "今天在活动期内、在本区域内组织的活动数。", order=80),),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    demo=demo.demo,
)
