"""The statistics page's coverage figures: one grouped tally for a region and its children on a request, the same
numbers as the region's own tally (the page took 4–5 s when each figure of each region scanned the people)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hrss.core.models import Region
from hrss.pensions.coverage import figures, selectors
from tests.conftest import TODAY


def test_a_regions_children_are_counted_by_the_regions_one_tally(heyuan, county_officer):
    county = Region.objects.get(code="441602000000")
    children = selectors.child_regions(county_officer, county)
    assert figures.in_scope(county_officer, county, TODAY) == selectors.counts(county_officer, county, TODAY).in_scope
    with CaptureQueriesContext(connection) as queries:
        for child in children:
            for figure in (figures.in_scope, figures.insured, figures.uninsured):
                figure(county_officer, child, TODAY)
    assert children and len(queries) == 0
    township = children[0]
    fresh = type(county_officer).objects.get(pk=county_officer.pk)  # the next request: its own user object
    assert figures.uninsured(county_officer, township, TODAY) == selectors.counts(fresh, township, TODAY).uninsured
