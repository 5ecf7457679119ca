"""What the retirees part (退休人员社会化管理) brings to the area (core/parts.py): hub links, the figures of the
statistics page, the person page's panel, pending work, audit names and the demo; and its hooks on a person's move
(residents) and death (benefits)."""

from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.pensions.benefits.services import after_death
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.pensions.retirees import audit_names, demo, figures, panels, pending
from hrss.pensions.retirees.deaths import close_on_death
from hrss.pensions.retirees.moves import follow_person
from hrss.residents.services import after_person_moved

PART = Part(
    label="retirees",
    name="退休人员社会化管理",
    pending=(pending.due_visits,),
    panels=(Panel("person", "pensions/retirees/_person_panel.html", panels.person_retiree, order=56),),
    links=(
        HubLink("退休人员台账", "pensions:retirees-ledger", PENSIONS_VIEW,
                "企业退休人员登记、档案移交、走访、死亡与迁出；导出 .xlsx", order=60),
        HubLink("社会化管理率", "pensions:retirees-rate", PENSIONS_VIEW,
                "各地纳入社会化管理的退休人员占比，可逐级查看未纳入的人员", order=61),
        HubLink("应走访的退休人员", "pensions:retirees-due-visits", PENSIONS_VIEW,
                "80周岁以上及患病退休人员中到期应走访的", order=62),
        HubLink("退休人员活动", "pensions:retirees-activities", PENSIONS_VIEW, "文体活动、健康讲座、慰问", order=63),
        HubLink("导入退休人员名单", "pensions:retirees-import", PENSIONS_HANDLE, "社保经办机构提供的名单（.xlsx/.csv）",
                order=64),
    ),
    figures=(
        Figure("已纳入社会化管理", figures.managed, "pensions:retirees-ledger", {"state": "managed"},
               "档案已移交社区的企业退休人员数", order=60),
        Figure("未纳入社会化管理", figures.not_managed, "pensions:retirees-ledger", {"state": "not_managed"},
               "已登记、档案尚未移交社区的企业退休人员数", order=61),
        Figure("到期应走访的退休人员", figures.due_visits, "pensions:retirees-due-visits", {},
               "80周岁以上或患病、超过规定天数未走访的人数", order=62),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)

after_person_moved(follow_person)  # a standing record and its visits move with its person within the city
after_death(close_on_death)  # a death reported in the benefits part closes the record
