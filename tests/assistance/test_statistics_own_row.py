"""就业援助统计: what a region holds itself (a township's own public-welfare post) is a row of its own, so the rows
add up to the total a city administrator reads out in a meeting."""

import re

from django.test import Client

from hrss.assistance.posts import services as posts_services
from tests.conftest import COUNTY, TODAY, TOWNSHIP


def test_a_townships_own_post_is_its_own_row(heyuan, county_officer, city_admin):
    posts_services.create_post(actor=county_officer, region_code=TOWNSHIP, unit_name="上城街道办事处",
                               unit_kind="government", title="劳动保障协管员", headcount=2, open_from=TODAY,
                               today=TODAY)
    client = Client()
    client.force_login(city_admin)
    county = client.get("/assistance/statistics/", {"region": COUNTY}).content.decode()
    township = client.get("/assistance/statistics/", {"region": TOWNSHIP}).content.decode()
    section = township.split('<h2 class="h6">公益性岗位</h2>', 1)[1].split("</section>", 1)[0]
    own = re.search(r'data-testid="own-row">(.*?)</tr>', section, re.S)
    assert own and "上城街道（本级）" in own.group(1)
    own_counts = re.findall(r"<td[^>]*>(\d+)</td>", own.group(1))
    total_counts = re.findall(r"<td[^>]*>(?:<a[^>]*>)?(\d+)", section.split("<tfoot>", 1)[1])
    assert own_counts == total_counts and "2" in own_counts  # two places open, both the township's own
    # One level up the township's row carries them, and no own row appears where the children add up.
    county_section = county.split('<h2 class="h6">公益性岗位</h2>', 1)[1].split("</section>", 1)[0]
    assert 'data-testid="own-row"' not in county_section
