"""就业援助统计 (/assistance/statistics/): from the city down to the village and on to the people. A city
administrator sees 源城区's row count the recognition in 下城社区, opens 源城区, then 上城街道, then the village's
number, and lands on the list that names the person; a neighbouring county's officer sees none of it."""

import re

from django.test import Client

from tests.conftest import COUNTY, TOWNSHIP, VILLAGE


def _page(user, region=None):
    client = Client()
    client.force_login(user)
    response = client.get("/assistance/statistics/", {"region": region} if region else {})
    assert response.status_code == 200
    return response.content.decode()


def _section(html, name):
    return html.split(f'<h2 class="h6">{name}</h2>', 1)[1].split("</section>", 1)[0]


def _row(section, region_name):
    row = section.split(f">{region_name}</a></th>", 1)[1].split("</tr>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]


def test_drill_down_from_the_city_to_the_person(recognised, city_admin, neighbour_county_officer):
    city = _section(_page(city_admin), "就业困难人员认定")
    # 审核中, 公示中, 有效认定, ...: 源城区 has the one valid recognition.
    assert _row(city, "源城区")[2] == "1"
    assert _row(city, "紫金县")[2] == "0"
    county = _section(_page(city_admin, COUNTY), "就业困难人员认定")
    assert _row(county, "上城街道")[2] == "1"
    township = _section(_page(city_admin, TOWNSHIP), "就业困难人员认定")
    assert _row(township, "下城社区")[2] == "1"
    link = re.search(r'href="([^"]*region=' + VILLAGE + r'[^"]*state=recognised[^"]*)"', township)
    assert link, "the village's figure opens its people"
    client = Client()
    client.force_login(city_admin)
    people = client.get(link.group(1).replace("&amp;", "&"))
    assert people.status_code == 200 and recognised.person.name in people.content.decode()
    # Outside the county: its own figures are nought and 源城区 cannot be opened.
    assert _row(_section(_page(neighbour_county_officer), "就业困难人员认定"), "紫城镇")[2] == "0"
    outsider = Client()
    outsider.force_login(neighbour_county_officer)
    assert outsider.get("/assistance/statistics/", {"region": COUNTY}).status_code == 404
