"""What the certification part (领取待遇资格认证) brings to the area (core/parts.py): hub links, the figures of the
statistics page, the person page's panel, pending work, audit names and the demo; and its hooks on a person's death
(benefits) and move (residents)."""

from hrss.core.areas import Panel
from hrss.core.parts import COUNTY_AND_ABOVE, Figure, HubLink, Part
from hrss.pensions.benefits.services import after_death
from hrss.pensions.certification import audit_names, demo, figures, panels, pending
from hrss.pensions.certification.catalogue import SERVICES
from hrss.pensions.certification.deaths import close_on_death
from hrss.pensions.certification.moves import follow_person
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.services import after_person_moved

PART = Part(
    label="certification",
    name="领取待遇资格认证",
    pending=(pending.due_in_open_windows, pending.suspensions_to_run),
    panels=(Panel("person", "pensions/certification/_person_panel.html", panels.person_certifications, order=74),),
    links=(
        HubLink("领取待遇资格认证", "pensions:certification-people", PENSIONS_VIEW,
                "本年度应认证人员名单：上门、窗口或亲属证明认证；打印提醒名单", order=50),
        HubLink("认证活动", "pensions:certification-campaigns", PENSIONS_HANDLE,
                "市、县(区)启动年度认证，按区域查看认证进度，认证期后暂停未认证人员待遇", order=51,
                levels=COUNTY_AND_ABOVE),
        HubLink("认证台账", "pensions:certification-ledger", PENSIONS_VIEW, "每人的认证方式、日期、暂停与补发；导出 .xlsx",
                order=52),
    ),
    figures=(
        Figure("应认证", figures.due, "pensions:certification-people", {}, "最近一个年度认证中应认证的人数", order=50),
        Figure("已认证", figures.done, "pensions:certification-people", {"state": "done"},
               "已认证的人数（含暂停后认证、已恢复发放的）", order=51),
        Figure("未认证已暂停", figures.suspended, "pensions:certification-people", {"state": "suspended"},
               "认证期后仍未认证、待遇已暂停的人数", order=52),
        Figure("认证期间死亡", figures.died, "pensions:certification-people", {"state": "died"},
               "认证未完成时死亡、不再认证的人数", order=53),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=SERVICES,
)

after_death(close_on_death)  # a death reported in the benefits part closes the open certifications (deaths.py)
after_person_moved(follow_person)  # open certifications move with their person within the city (moves.py)
