"""平台建设与考核 (sections 二 to 四 of the plan): the service network itself — every office against the 八统一
standards, inspections, acceptance (验收) and funding, the 五个100% targets from the case data, the townships'
monthly reports, and the dashboards — as an area of the platform (core.areas), built in parts (core/parts.py)."""

from hrss.core import areas
from hrss.core.parts import area_of
from hrss.network import permissions
from hrss.network.acceptance import declare as acceptance
from hrss.network.activity import declare as activity
from hrss.network.dashboard import declare as dashboard
from hrss.network.funding import declare as funding
from hrss.network.offices import declare as offices
from hrss.network.reports import declare as reports
from hrss.network.standards import declare as standards
from hrss.network.targets import declare as targets

PARTS = (standards.PART, offices.PART, acceptance.PART, funding.PART, targets.PART, reports.PART, dashboard.PART, activity.PART)

AREA = areas.register(area_of(
    PARTS,
    label="network",
    name="平台建设与考核",
    order=70,
    permissions=permissions,
    menu=(areas.MenuEntry("平台建设", "network:home", permissions.NETWORK_VIEW, order=70),),
    demo_order=70,
))
