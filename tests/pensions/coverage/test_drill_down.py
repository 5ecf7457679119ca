"""The coverage table per region: a child region's numbers add up to its parent's, a region's own people (not in
any child region) are a row of their own, and each number opens the people it counts."""

import datetime

from django.urls import reverse

from hrss.core import dates
from hrss.pensions.coverage import selectors
from hrss.residents.demo import id_number_for
from hrss.residents.models import Person
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE, login


def test_villages_add_up_to_their_township_and_townships_to_the_county(ledger, county_officer, heyuan):
    total, by_child, own = selectors.counts_by_child(county_officer, heyuan[TOWNSHIP], TODAY)
    assert by_child[VILLAGE].in_scope == 7 and by_child[NEIGHBOUR_VILLAGE].in_scope == 1
    assert total.in_scope == sum(counts.in_scope for counts in by_child.values()) == 8
    assert total.uninsured == 3 and own is None
    county, townships, _own = selectors.counts_by_child(county_officer, heyuan[COUNTY], TODAY)
    assert townships[TOWNSHIP].in_scope == 8
    assert townships["441602002000"].in_scope == 1 and townships["441602002000"].of("enrolment") == 1
    assert county.in_scope == 9
    assert county.insured == sum(counts.insured for counts in townships.values()) == 6


def test_a_townships_own_people_are_a_row_of_their_own(ledger, township_officer, heyuan, client):
    birth = dates.years_before(TODAY, 40)
    Person.objects.create(id_number=id_number_for("441602", birth, 901), name="街道本级", sex="M", birth_date=birth,
                          region_code=TOWNSHIP)
    total, by_child, own = selectors.counts_by_child(township_officer, heyuan[TOWNSHIP], TODAY)
    assert own is not None and own.in_scope == 1 and own.uninsured == 1
    assert total.in_scope == sum(c.in_scope for c in by_child.values()) + own.in_scope
    page = login(client, township_officer).get(reverse("pensions:coverage"), {"region": TOWNSHIP}).content.decode()
    assert "上城街道（本级）" in page


def test_the_page_opens_each_level_and_each_number_opens_its_people(ledger, county_officer, client):
    login(client, county_officer)
    county = client.get(reverse("pensions:coverage")).content.decode()
    assert f"?region={TOWNSHIP}" in county and "上城街道" in county
    township = client.get(reverse("pensions:coverage"), {"region": TOWNSHIP}).content.decode()
    assert "下城社区" in township and "公园社区" in township
    assert f"region={VILLAGE}&amp;kind=uninsured" in township
    village = client.get(reverse("pensions:coverage"), {"region": VILLAGE}).content.decode()
    assert "71.4%" in village and "未参保人员名单" in village
    people = client.get(reverse("pensions:coverage-people"), {"region": VILLAGE, "kind": "uninsured"})
    text = people.content.decode()
    assert "刘未保" in text and "周停保" in text and "王职工" not in text
    assert ledger["uninsured"].id_number not in text  # masked
    assert ledger["uninsured"].id_number[:6] + "********" in text
    retirees = client.get(reverse("pensions:coverage-people"), {"region": VILLAGE, "kind": "retiree"}).content.decode()
    assert "李退休" in retirees and "刘未保" not in retirees


def test_the_area_statistics_show_the_uninsured_with_drill_down(ledger, county_officer, client):
    page = login(client, county_officer).get(reverse("pensions:statistics"), {"region": TOWNSHIP}).content.decode()
    assert "未参保" in page and "在范围人数" in page
    assert f"{reverse('pensions:coverage-people')}?region={VILLAGE}&amp;kind=uninsured" in page


def test_the_uninsured_list_links_to_the_enrolment_intake(ledger, village_assistant, client):
    page = login(client, village_assistant).get(reverse("pensions:coverage-people")).content.decode()
    assert "办理参保" in page
    assert reverse("pensions:coverage-employee-scheme-new", args=[ledger["uninsured"].pk]) in page
    age = dates.age_on(ledger["uninsured"].birth_date, TODAY)
    assert f'<td class="text-end">{age}</td>' in page


def test_neighbours_get_404_for_the_village_and_its_people(ledger, neighbour_village_assistant,
                                                            neighbour_county_officer, client):
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        login(client, outsider)
        for name in ("pensions:coverage", "pensions:coverage-people", "pensions:coverage-people-export",
                     "pensions:coverage-targets"):
            assert client.get(reverse(name), {"region": VILLAGE}).status_code == 404
    # the neighbour village's own page: its one person, nobody of 下城社区
    login(client, neighbour_village_assistant)
    page = client.get(reverse("pensions:coverage-people"), {"kind": "in_scope"}).content.decode()
    assert "何邻居" in page and "刘未保" not in page


def test_the_export_is_the_list_with_masked_ids(ledger, village_assistant, client):
    import io

    import openpyxl

    response = login(client, village_assistant).get(reverse("pensions:coverage-people-export"),
                                                    {"region": VILLAGE, "kind": "uninsured"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = values.index(selectors.PEOPLE_HEADER)
    names = {row[2] for row in values[header + 1:]}
    assert names == {"刘未保", "周停保"}
    text = " ".join(str(cell) for row in values for cell in row)
    assert ledger["uninsured"].id_number not in text


def test_a_death_report_takes_the_person_out(ledger, village_assistant, heyuan):
    from hrss.pensions.models import DeathReport

    DeathReport.objects.create(person=ledger["uninsured"], region_code=VILLAGE,
                               died_on=TODAY - datetime.timedelta(days=3), reported_on=TODAY,
                               reported_by=village_assistant)
    assert selectors.counts(village_assistant, heyuan[VILLAGE], TODAY).uninsured == 1


def test_every_number_is_the_length_of_its_list(ledger, county_officer, heyuan):
    """The counts (from the source tables' side) and the lists (a kind per person) say the same."""
    for code in (VILLAGE, TOWNSHIP, COUNTY):
        counts = selectors.counts(county_officer, heyuan[code], TODAY)
        for kind in selectors.ALL_KINDS:
            assert counts.of(kind) == selectors.people(county_officer, heyuan[code], TODAY, kind=kind).count(), (
                code, kind)
