from hrss.core import areas
from tests.plugin_area import catalogue, chains, panels, permissions

AREA = areas.register(areas.Area(
    label="plugin_area",
    name="示例业务",
    order=900,
    permissions=(permissions.VISIT_VIEW, permissions.VISIT_HANDLE),
    roles=(permissions.INSPECTOR,),
    grants=permissions.GRANTS,
    chains=(chains.VISIT_REVIEW,),
    menu=(areas.MenuEntry("示例检查", "plugin_area:list", permissions.VISIT_VIEW, order=80),),
    panels=(areas.Panel("person", "plugin_area/_person_panel.html", panels.person_visits, order=200),),
    audit_actions={"plugin_area.visit.recorded": "记录示例检查"},
    audit_fields={"title": "事项"},
    services=catalogue.SERVICES,
))
