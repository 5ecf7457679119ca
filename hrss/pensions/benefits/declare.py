"""What the benefits part (待遇领取) brings to the area (core/parts.py): the award's review chain, the person page's
panel, pending work, hub links, the statistics' figures, audit names and the demo."""

from hrss.core.areas import Panel
from hrss.core.parts import COUNTY_AND_ABOVE, Figure, HubLink, Part
from hrss.pensions.benefits import audit_names, demo, panels, pending, selectors
from hrss.pensions.benefits.catalogue import SERVICES
from hrss.pensions.benefits.chains import AWARD
from hrss.pensions.permissions import PENSIONS_VIEW

LIST = "pensions:benefits-list"


def _count(state):
    return lambda user, region, today: selectors.STATES[state][1](user, region, today).count()


PART = Part(
    label="benefits",
    name="待遇领取",
    chains=(AWARD,),
    pending=(pending.review_work, pending.turning_sixty),
    panels=(Panel("person", "pensions/benefits/_person_panel.html", panels.person_pension, order=52),),
    links=(
        HubLink("待遇发放台账", LIST, PENSIONS_VIEW, "养老金待遇申领、审核核定、发放与终止；导出 .xlsx", order=30),
        HubLink("养老金发放名册", "pensions:benefits-roll", PENSIONS_VIEW, "按县(区)、月份制作和导出发放名册", order=31,
                levels=COUNTY_AND_ABOVE),
        HubLink("死亡报告", "pensions:benefits-deaths", PENSIONS_VIEW, "死亡报告、多发追回、丧葬补助金与个人账户继承",
                order=32),
    ),
    figures=(
        Figure("领取待遇人数", _count("paying"), LIST, {"state": "paying"}, "正常发放养老金的人数", order=30),
        Figure("本月发放人数", _count("paid_this_month"), LIST, {"state": "paid_this_month"},
               "本月发放名册中有发放的人数", order=31),
        Figure("本月发放额（元）", selectors.paid_this_month_amount, "pensions:benefits-roll", {},
               "本月发放名册的金额合计（含补发）", order=32),
        Figure("暂停发放", _count("suspended"), LIST, {"state": "suspended"}, "暂停发放养老金的人数", order=33),
        Figure("本年终止", _count("stopped_this_year"), LIST, {"state": "stopped_this_year"}, "本年终止发放的人数",
               order=34),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=SERVICES,
)
