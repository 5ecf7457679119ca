"""The snapshots against a brute-force count of the people table, at every level, and their refresh."""

import datetime

import pytest
from django.test import Client

from hrss.core import regions, scoping
from hrss.residents import selectors, services
from hrss.residents.demo import generate_population
from hrss.residents.models import LabourStatus, Person, StatisticsSnapshot
from hrss.residents.statistics import compute_snapshots, figures_for
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, NEIGHBOUR_TOWNSHIP, TODAY, TOWNSHIP, VILLAGE, frozen_now
from tests.residents.factories import MAN_1980


def live_counts(region, day):
    """The oracle: counted straight from the people table."""
    people = scoping.within_region(Person.objects.all(), region)
    statuses = {status.value: people.filter(labour_status=status).count() for status in LabourStatus}
    bands = {}
    for key, _label, youngest, oldest in selectors.AGE_BANDS:
        in_band = people.filter(selectors.aged_between(day, youngest, oldest))
        bands[key] = {"M": in_band.filter(sex="M").count(), "F": in_band.filter(sex="F").count()}
    return statuses, bands


@pytest.fixture
def population(heyuan):
    generate_population(people=4000, seed=3)
    compute_snapshots()


@pytest.mark.parametrize("code", ["441600000000", COUNTY, TOWNSHIP, VILLAGE, NEIGHBOUR_COUNTY])
def test_snapshots_equal_a_brute_force_count(population, heyuan, city_admin, code):
    region = heyuan[code]
    figures = figures_for(city_admin, region)
    statuses, bands = live_counts(region, TODAY)
    assert dict((status.value, n) for status, n in figures["status_counts"]) == statuses
    assert {row["band"]: {"M": row["M"], "F": row["F"]} for row in figures["age_sex"]} == bands
    assert figures["total"] == sum(statuses.values())
    for child in figures["children"]:
        assert child["total"] == scoping.within_region(Person.objects.all(), child["region"]).count()


def test_a_status_change_refreshes_the_figures(population, heyuan, village_assistant, city_admin,
                                               django_capture_on_commit_callbacks):
    person, _ = services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三",
                                         village=heyuan[VILLAGE], status=LabourStatus.FARMING,
                                         status_since=datetime.date(2024, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        figures_for(city_admin, heyuan[VILLAGE])  # sees the change and asks for a refresh
    before = dict(figures_for(city_admin, heyuan[VILLAGE])["status_counts"])
    services.record_status_change(actor=village_assistant, person=person, status=LabourStatus.UNEMPLOYED,
                                  effective_date=TODAY)
    with django_capture_on_commit_callbacks() as requested:
        stale = figures_for(city_admin, heyuan[VILLAGE])
    assert stale["stale"], "until the refresh has run, the page says its figures are older than the ledger"
    assert len(requested) == 1
    with django_capture_on_commit_callbacks() as requested_again:
        figures_for(city_admin, heyuan[VILLAGE])
    assert requested_again == [], "one request per change, however often the page is viewed"
    requested[0]()  # the worker runs the refresh
    after = figures_for(city_admin, heyuan[VILLAGE])
    assert not after["stale"]
    counts = dict(after["status_counts"])
    assert counts[LabourStatus.UNEMPLOYED] == before[LabourStatus.UNEMPLOYED] + 1
    assert counts[LabourStatus.FARMING] == before[LabourStatus.FARMING] - 1


def test_moving_a_village_refreshes_which_township_counts_it(population, heyuan, system_admin, city_admin,
                                                            django_capture_on_commit_callbacks):
    village_people = scoping.within_region(Person.objects.all(), heyuan[VILLAGE]).count()
    before = figures_for(city_admin, heyuan[NEIGHBOUR_TOWNSHIP])["total"]
    regions.move_village(actor=system_admin, village=heyuan[VILLAGE], new_township=heyuan[NEIGHBOUR_TOWNSHIP])
    with django_capture_on_commit_callbacks(execute=True):
        figures_for(city_admin, heyuan[NEIGHBOUR_TOWNSHIP])
    assert figures_for(city_admin, heyuan[NEIGHBOUR_TOWNSHIP])["total"] == before + village_people


def test_a_neighbour_county_officer_cannot_read_another_countys_figures(population, heyuan, neighbour_county_officer):
    client = Client()
    client.force_login(neighbour_county_officer)
    assert client.get("/residents/statistics/", {"region": COUNTY}).status_code == 404
    assert not scoping.visible_to(neighbour_county_officer,
                                  StatisticsSnapshot.objects.filter(region_code=COUNTY)).exists()


def test_the_page_says_when_its_figures_were_computed(population, city_admin):
    client = Client()
    client.force_login(city_admin)
    html = client.get("/residents/statistics/").content.decode()
    assert "数据截至" in html and "正在更新" not in html


def test_an_unanswered_refresh_request_is_made_again_after_a_minute(population, heyuan, village_assistant,
                                                                    city_admin, django_capture_on_commit_callbacks):
    from hrss.residents.models import LedgerVersion

    services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三", village=heyuan[VILLAGE],
                             status=LabourStatus.FARMING)
    with django_capture_on_commit_callbacks() as first:
        figures_for(city_admin, heyuan[VILLAGE])
    LedgerVersion.objects.update(refresh_requested_at=frozen_now() - datetime.timedelta(seconds=50))
    with django_capture_on_commit_callbacks() as too_soon:
        figures_for(city_admin, heyuan[VILLAGE])
    LedgerVersion.objects.update(refresh_requested_at=frozen_now() - datetime.timedelta(seconds=70))
    with django_capture_on_commit_callbacks() as again:
        figures_for(city_admin, heyuan[VILLAGE])
    assert (len(first), len(too_soon), len(again)) == (1, 0, 1)


def test_every_age_band_link_drills_down_to_that_band(population, city_admin):
    """Each figure of the age table links to the ledger filtered to the same people (the "65+" band's "+" is
    encoded, or the link would list everyone of that sex)."""
    import re
    from html import unescape

    client = Client()
    client.force_login(city_admin)
    html = client.get("/residents/statistics/").content.decode()
    links = re.findall(r'href="(/residents/\?region=441600000000&(?:amp;)?band=[^"]+)">(\d+)</a>', html)
    assert any("band=65%2B" in link for link, _count in links)
    for link, count in links:
        page = client.get(unescape(link)).content.decode()
        assert f"共 {count} 条" in page, link
