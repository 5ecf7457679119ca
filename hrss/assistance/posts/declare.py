"""What the posts part (公益性岗位) brings to the area (core/parts.py): hub links, the statistics' figures, the
person page's panel, pending work, audit names and the demo."""

from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.assistance.posts import audit_names, demo, panels, pending, selectors, services
from hrss.assistance.posts.catalogue import SERVICES
from hrss.assistance.recognition.services import after_exit
from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part

PART = Part(
    label="posts",
    name="公益性岗位",
    pending=(pending.subsidy_ending,),
    panels=(Panel("person", "assistance/posts/_person_panel.html", panels.person_posts, order=72),),
    links=(
        HubLink("公益性岗位", "assistance:posts-list", ASSISTANCE_VIEW, "岗位登记、在岗与空余；安置就业困难人员", order=30),
        HubLink("公益性岗位安置人员", "assistance:posts-placements", ASSISTANCE_VIEW, "上岗、补贴期限与离岗；导出 .xlsx",
                order=31),
        HubLink("公益性岗位补贴发放花名册", "assistance:posts-roll", ASSISTANCE_VIEW,
                "按月、按区域列出岗位补贴和社会保险补贴；导出 .xlsx", order=32),
    ),
    figures=(
        Figure("公益性岗位在岗人数", selectors.holding_count, "assistance:posts-placements", {"state": "active"},
               "今日在公益性岗位上岗的人数", order=30),
        Figure("公益性岗位空余岗位", selectors.vacancy_count, "assistance:posts-list", {"state": "vacant"},
               "今日开放的岗位中尚未安置的名额", order=31),
        Figure("本月公益性岗位补贴人数", selectors.subsidised_count, "assistance:posts-roll", {},
               "本月有补贴的在岗人员（按岗位所在地）", order=32),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=SERVICES,
)

after_exit(services.end_with_recognition)  # a recognition's exit ends the placement standing on it (services.py)
