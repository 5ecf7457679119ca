"""A campaign counts the area's records dated from its first day to its last, both included: not the day before, not
the day after; for its region and, below it, for each child region."""

import datetime

from hrss.assistance.campaigns import measures, selectors, services
from hrss.assistance.support.demo import recognise_directly
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP

DAY = datetime.timedelta(days=1)
FIRST, LAST = TODAY - 20 * DAY, TODAY + 10 * DAY


def campaign(actor, region_code=COUNTY, **targets):
    return services.create_campaign(actor=actor, name="就业援助月", region_code=region_code, starts_on=FIRST,
                                    ends_on=LAST, targets=targets or {"recognitions": 4})


def recognised(resident, actor, days, village=None):
    for index, day in enumerate(days):
        person = resident(f"认定{day:%m%d}{index}", **({"village": village} if village else {}))
        recognise_directly(person=person, actor=actor, recognised_on=day)


def done(cells, code):
    return next(cell.done for cell in cells if cell.measure.code == code)


def test_the_first_and_last_day_count_the_days_around_them_do_not(heyuan, resident, county_officer):
    recognised(resident, county_officer, [FIRST - DAY, FIRST, LAST, LAST + DAY])
    made = campaign(county_officer)
    cells = selectors.progress(county_officer, made, heyuan[COUNTY])
    assert done(cells, "recognitions") == 2
    cell = next(cell for cell in cells if cell.measure.code == "recognitions")
    assert (cell.target, cell.percent) == (4, 50)


def test_each_child_region_gets_its_own_count(heyuan, resident, county_officer):
    recognised(resident, county_officer, [FIRST, TODAY])
    recognised(resident, county_officer, [TODAY], village=NEIGHBOUR_VILLAGE)
    made = campaign(county_officer)
    children = dict(selectors.children_progress(county_officer, made, heyuan[COUNTY]))
    index = [m.code for m in measures.MEASURES].index("recognitions")
    assert children[heyuan[TOWNSHIP]][index] == 3
    township = selectors.progress(county_officer, made, heyuan[TOWNSHIP])
    assert done(township, "recognitions") == 3 and all(cell.target is None for cell in township)
    villages = {child.name: counts[index] for child, counts in
                selectors.children_progress(county_officer, made, heyuan[TOWNSHIP])}
    assert villages["下城社区"] == 2 and villages["公园社区"] == 1


def test_a_measure_without_its_records_shows_nothing(heyuan, county_officer):
    missing = measures.Measure("nothing", "无", "NoSuchModel", "day")
    assert missing.count(county_officer, heyuan[COUNTY], FIRST, LAST) is None
    wrong_field = measures.Measure("nothing", "无", "Recognition", "no_such_day")
    assert wrong_field.count(county_officer, heyuan[COUNTY], FIRST, LAST) is None


def test_a_township_officer_counts_only_inside_the_township(heyuan, resident, county_officer, township_officer):
    recognised(resident, county_officer, [TODAY])
    recognised(resident, county_officer, [TODAY], village="441602002001")  # another township of the county
    made = campaign(county_officer)
    assert done(selectors.progress(county_officer, made, heyuan[COUNTY]), "recognitions") == 2
    assert done(selectors.progress(township_officer, made, heyuan[TOWNSHIP]), "recognitions") == 1
