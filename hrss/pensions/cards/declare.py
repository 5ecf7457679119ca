"""What the cards part (社会保障卡) brings to the area (core/parts.py): hub links, the figures of the statistics page,
the person page's panel, pending work, audit names and the demo; and the hooks by which a card follows its person
(a move within the city) and is cancelled at a death (the benefits part's after_death)."""

from hrss.core.areas import Panel
from hrss.core.parts import COUNTY_AND_ABOVE, Figure, HubLink, Part
from hrss.pensions.benefits.services import after_death
from hrss.pensions.cards import audit_names, demo, figures, panels, pending
from hrss.pensions.cards.catalogue import SERVICES
from hrss.pensions.cards.deaths import cancel_standing_card
from hrss.pensions.cards.moves import follow_person
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.services import after_person_moved

LEDGER = "pensions:cards-ledger"

PART = Part(
    label="cards",
    name="社会保障卡",
    pending=(pending.arrived, pending.waiting_for_batch),
    panels=(Panel("person", "pensions/cards/_person_panel.html", panels.person_card, order=58),),
    links=(
        HubLink("社保卡申领", "pensions:cards-apply", PENSIONS_HANDLE, "村(社区)受理：照片、核验身份证；补领、换领",
                order=70),
        HubLink("社保卡台账", LEDGER, PENSIONS_VIEW, "申领、制卡、到达、领取、激活、挂失；导出 .xlsx", order=71),
        HubLink("社保卡制卡批次", "pensions:cards-batches", PENSIONS_VIEW, "县(区)组批送制、登记卡号和到达网点",
                order=72, levels=COUNTY_AND_ABOVE),
    ),
    figures=(
        Figure("申领待制卡", figures.waiting, LEDGER, {"state": "waiting"}, "已申领、尚未组批送制的社保卡", order=70),
        Figure("制卡中", figures.producing, LEDGER, {"state": "producing"}, "已送制卡、尚未到达网点的社保卡", order=71),
        Figure("待领取", figures.arrived, LEDGER, {"state": "arrived"}, "已到达网点、尚未发放的社保卡", order=72),
        Figure("已领取未激活", figures.handed_over, LEDGER, {"state": "handed_over"}, "已发放、尚未激活的社保卡",
               order=73),
        Figure("已激活", figures.active, LEDGER, {"state": "active"}, "已激活的社保卡", order=74),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=SERVICES,
)

after_person_moved(follow_person)  # a card not yet handed over goes to the person's new village (moves.py)
after_death(cancel_standing_card)  # a death cancels the standing card (deaths.py)
