"""The example area's rows of the scope sweep (tests/core/test_scope_sweep.py finds this module as it finds any
installed app's `sweep`): its page, its write service and the data they reach."""

from hrss.accounts import services as account_services
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from tests.plugin_area import services
from tests.plugin_area.models import Visit
from tests.plugin_area.permissions import INSPECTOR

COUNTY = "441602000000"  # 源城区, where 下城社区 is
NEIGHBOUR_COUNTY = "441621000000"  # 紫金县


def objects(personas):
    """Two inspectors (the area's role), of 源城区 and of 紫金县, and a visit to 张三 of 下城社区 (made by the
    residents' rows, found before these)."""
    made = {}
    for name, code in (("county_inspector", COUNTY), ("neighbour_county_inspector", NEIGHBOUR_COUNTY)):
        made[name] = account_services.create_user(
            actor=None, username=name, region=Region.objects.get(code=code), roles=[INSPECTOR], password=None,
            full_name=name, must_change=False)[0]
    made["visit"] = services.record_visit(actor=made["county_inspector"], person=personas["person"], title="入户核查")
    return made


def state():
    return [Visit]


ROWS = SweepRows(
    list_routes={"plugin_area:list": {"outsiders": ["neighbour_county_inspector"], "query": {}}},
    objects=objects,
    state=state,
    writes=[SweepWrite(services.record_visit, lambda personas: {"person": personas["person"], "title": "越权核查"},
                       outsiders=("neighbour_county_inspector", "neighbour_village_assistant"))],
    services=[services],
)
