"""The acceptance part's figures count as of the day asked (a month's report reads its last day): inspections and
items dated after the day are not counted, an item fixed after the day still counted open (and overdue) on it."""

import datetime

from hrss.core.models import Region
from hrss.network.acceptance import figures, services
from hrss.network.models import Rectification
from tests.conftest import COUNTY, TODAY
from tests.network.acceptance.conftest import findings_as_recorded, png

DAY = datetime.timedelta(days=1)


def test_the_figures_of_a_past_day_do_not_count_later_events(office, tina, county_officer):
    county = Region.objects.get(code=COUNTY)
    inspected = TODAY - 40 * DAY
    inspection = services.record_inspection(actor=county_officer, office=office, inspected_on=inspected,
                                            findings=findings_as_recorded(office, inspected), today=TODAY)
    services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY - 2 * DAY,
                               findings=findings_as_recorded(office, TODAY - 2 * DAY), today=TODAY)
    item = Rectification.objects.get(finding__inspection=inspection)
    services.fix_rectification(actor=tina, item=item, note="已增设窗口", upload=png(), fixed_on=TODAY - 5 * DAY,
                               today=TODAY)
    before = TODAY - 6 * DAY  # past the item's deadline (TODAY - 10), before the fix and the second inspection
    assert figures.inspections(county_officer, county, before) == 1
    assert figures.items_open(county_officer, county, before) == 1
    assert figures.items_overdue(county_officer, county, before) == 1
    assert figures.inspections(county_officer, county, inspected - DAY) == 0
    assert figures.items_open(county_officer, county, inspected - DAY) == 0
    # Today: both inspections; the first item fixed, the second inspection's item open and not yet due.
    assert figures.inspections(county_officer, county, TODAY) == 2
    assert figures.items_open(county_officer, county, TODAY) == 1
    assert figures.items_overdue(county_officer, county, TODAY) == 0
