"""A campaign's 完成 figures link to the records they count (the same rows: in the region, inside the campaign's days,
in the user's scope); a "—" is explained only when one is shown; the child regions' names do not wrap."""

import datetime

from hrss.assistance.campaigns import services
from hrss.assistance.support.demo import recognise_directly
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE

DAY = datetime.timedelta(days=1)
FIRST, LAST = TODAY - 20 * DAY, TODAY + 10 * DAY


def campaign(actor, region_code=COUNTY, targets=None):
    return services.create_campaign(actor=actor, name="就业援助月", region_code=region_code, starts_on=FIRST,
                                    ends_on=LAST, targets={"recognitions": 4} if targets is None else targets)


def test_the_done_figure_links_to_the_records_it_counts(heyuan, client, resident, county_officer,
                                                         village_assistant):
    recognise_directly(person=resident("周在期"), actor=county_officer, recognised_on=TODAY)
    recognise_directly(person=resident("吴期前"), actor=county_officer, recognised_on=FIRST - DAY)
    recognise_directly(person=resident("郑邻村", village=NEIGHBOUR_VILLAGE), actor=county_officer,
                       recognised_on=TODAY)
    made = campaign(county_officer)
    records = f"/assistance/campaigns/{made.pk}/records/recognitions/"
    client.force_login(county_officer)
    page = client.get(f"/assistance/campaigns/{made.pk}/").content.decode()
    assert f'{records}?region={COUNTY}">2</a>' in page
    listed = client.get(records, {"region": COUNTY}).content.decode()
    assert "周在期" in listed and "郑邻村" in listed and "吴期前" not in listed
    assert 'data-testid="records-count">2<' in listed
    # Drilled to the village: only its own.
    mine = client.get(records, {"region": VILLAGE}).content.decode()
    assert "周在期" in mine and "郑邻村" not in mine
    # The village's own staff do not see the county's campaign, nor what lies behind it.
    client.force_login(village_assistant)
    assert client.get(records, {"region": VILLAGE}).status_code == 404
    # Outside the campaign's region, or an unknown measure: 404.
    assert client.get(f"/assistance/campaigns/{made.pk}/records/bananas/").status_code == 404


def test_the_dash_is_explained_only_when_shown(heyuan, client, county_officer):
    every = campaign(county_officer, targets={code: 1 for code in ("recognitions", "visits", "placements",
                                                                   "households_cleared", "flexible_registrations")})
    client.force_login(county_officer)
    page = client.get(f"/assistance/campaigns/{every.pk}/").content.decode()
    assert "“—”" not in page and "暂无记录来源" not in page
    some = services.create_campaign(actor=county_officer, name="春风行动", region_code=COUNTY, starts_on=FIRST,
                                    ends_on=LAST, targets={"visits": 3})
    page = client.get(f"/assistance/campaigns/{some.pk}/").content.decode()
    assert "未设目标" in page
    drilled = client.get(f"/assistance/campaigns/{some.pk}/", {"region": TOWNSHIP}).content.decode()
    assert "下级区域只统计完成数" in drilled and "未设目标" not in drilled
    assert '<th scope="row" class="text-nowrap">' in drilled
