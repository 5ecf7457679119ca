"""What the recognition part (就业困难人员认定) brings to the area (core/parts.py): the review chain, the person page's
panel, pending work, hub links, the statistics' figures, audit names and the demo."""

from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.assistance.recognition import audit_names, demo, panels, pending, selectors
from hrss.assistance.recognition.catalogue import SERVICES
from hrss.assistance.recognition.chains import RECOGNITION
from hrss.assistance.recognition.moves import follow_person
from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.residents.services import after_person_moved

LIST = "assistance:recognition-list"


def _count(state):
    return lambda user, region, today: selectors.STATES[state][1](user, region, today).count()


PART = Part(
    label="recognition",
    name="就业困难人员认定",
    chains=(RECOGNITION,),
    pending=(pending.review_work, pending.notices_ended, pending.reviews_due),
    panels=(Panel("person", "assistance/recognition/_person_panel.html", panels.person_recognition, order=70),),
    links=(
        HubLink("就业困难人员认定", LIST, ASSISTANCE_VIEW, "受理、乡镇审核、公示、县审批；复核与退出；导出 .xlsx", order=10),
        HubLink("认定公示名单", "assistance:recognition-notice", ASSISTANCE_VIEW, "按乡镇(街道)打印公示中的名单", order=11),
    ),
    figures=(
        Figure("审核中", _count("in_review"), LIST, {"state": "in_review"}, "就业困难人员认定申请在审核中", order=10),
        Figure("公示中", _count("in_notice"), LIST, {"state": "in_notice"}, "认定申请在公示期", order=11),
        Figure("有效认定", _count("recognised"), LIST, {"state": "recognised"}, "今天有效的就业困难人员认定", order=12),
        Figure("本月新认定", _count("new_this_month"), LIST, {"state": "new_this_month"}, "本月县(区)审批认定", order=13),
        Figure("本年退出", _count("exited_this_year"), LIST, {"state": "exited_this_year"}, "本年退出的就业困难人员",
               order=14),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=SERVICES,
)

after_person_moved(follow_person)  # a standing recognition moves with its person (moves.py)
