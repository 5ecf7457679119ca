"""What the community part (充分就业社区) brings to the area (core/parts.py): hub links, the statistics' figures,
pending work, audit names and the demo."""

from hrss.assistance.community import audit_names, demo, pending, selectors
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.core.parts import Figure, HubLink, Part


def _met_last_year(user, region, today):
    return selectors.met_count(user, region, today.year - 1)


PART = Part(
    label="community",
    name="充分就业社区",
    pending=(pending.assessments_due,),
    links=(HubLink("充分就业社区", "assistance:community-assessments", ASSISTANCE_VIEW,
                   "城镇社区的年度评估：按数据计算的指标、人工核实、县(区)认定；导出 .xlsx", order=70),),
    figures=(Figure("充分就业社区达标数（上年度）", _met_last_year, "assistance:community-assessments",
                    {"result": "met"}, "上一年度经县(区)认定达标的城镇社区数。", order=70),),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)
