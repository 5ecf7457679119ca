"""What the seekers part brings to the area (hrss/core/parts.py): hub links, the person page's 求职登记
panel, audit names, demo."""

from hrss.core import classifications
from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.core.permissions import has_permission
from hrss.jobservices.models import Mobility, SeekerEndReason
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW
from hrss.jobservices.seekers import figures
from hrss.jobservices.seekers.catalogue import SERVICES
from hrss.jobservices.seekers.moves import follow_person
from hrss.residents.services import after_person_moved


def person_panel(request, person):
    """The person's 求职登记 (open and ended) and the button to register one. `person` was fetched through
    core.scoping by the page."""
    if not has_permission(request.user, JOBSERVICES_VIEW):
        return None
    seekers = person.job_seekings.prefetch_related("wanted").order_by("-registered_on", "-id")
    rows = [(seeker, [classifications.occupation_label(wanted.occupation_code) for wanted in seeker.wanted.all()])
            for seeker in seekers]
    return {"person": person, "seekers": rows,
            "can_register": has_permission(request.user, JOBSERVICES_HANDLE)
            and not any(seeker.status == "active" for seeker, _ in rows)}


def demo(stdout, options):
    from hrss.jobservices.seekers import demo as seekers_demo

    return seekers_demo.make(stdout, options)


PART = Part(
    label="seekers",
    name="求职登记",
    panels=(Panel("person", "jobservices/seekers/_person_panel.html", person_panel, order=40),),
    links=(
        HubLink("求职登记台账", "jobservices:seekers-list", JOBSERVICES_VIEW,
                "求职人、意向职业、不挑不拣，人岗匹配与推荐从求职人页面进入", order=20),
        HubLink("登记失业但未求职登记", "jobservices:seekers-from-unemployment", JOBSERVICES_VIEW,
                "有就业要求的登记失业人员，一键求职登记", order=21),
    ),
    figures=(
        Figure("求职中", figures.active, "jobservices:seekers-list", {"status": "active"}, "有效的求职登记（人）",
               order=20),
        Figure("其中不挑不拣", figures.active_not_selective, "jobservices:seekers-list",
               {"status": "active", "not_selective": "1"}, "求职中且表示不挑不拣的人", order=21),
    ),
    audit_actions={
        "jobservices.seeker.register": "求职登记（未获准）",
        "jobservices.seeker.registered": "求职登记",
        "jobservices.seeker.update": "修改求职登记（未获准）",
        "jobservices.seeker.updated": "修改求职登记",
        "jobservices.seeker.end": "结束求职登记（未获准）",
        "jobservices.seeker.ended": "结束求职登记",
        "jobservices.seeker_ledger.exported": "导出求职登记台账",
    },
    audit_fields={"occupations": "意向职业", "wage_min": "月薪下限", "mobility": "愿意去的范围",
                  "not_selective": "不挑不拣", "available_from": "可上岗日期", "ended_on": "结束日期",
                  "end_reason": "结束原因"},
    audit_values={"mobility": dict(Mobility.choices), "end_reason": dict(SeekerEndReason.choices)},
    demo=demo,
    services=SERVICES,
)

after_person_moved(follow_person)  # an open 求职登记 moves with its person (moves.py)
