"""The statistics' figures and the village's pending work: 领取待遇人数, 本月发放人数/金额, 暂停发放, 本年终止, and
the enrolled people who turn 60 next month without an application."""

from decimal import Decimal

from hrss.core.dates import add_months, years_before
from hrss.pensions.benefits import eligibility, selectors, services
from hrss.pensions.benefits.pending import turning_sixty
from tests.conftest import TODAY
from tests.pensions.benefits.conftest import THIS_MONTH, enrol, make_person


def test_the_figures_count_what_was_paid_this_month(paying, county_officer):
    region = county_officer.region
    services.make_roll(actor=county_officer, county_code="441602", month=TODAY, today=TODAY)
    assert selectors.STATES["paying"][1](county_officer, region, TODAY).count() == 1
    assert selectors.STATES["paid_this_month"][1](county_officer, region, TODAY).count() == 1
    assert selectors.paid_this_month_amount(county_officer, region, TODAY) == \
        selectors.monthly_amount(paying, THIS_MONTH)
    assert selectors.paid_this_month_amount(county_officer, region, TODAY).as_tuple().exponent == -2
    services.suspend(actor=county_officer, pension=paying, from_month=add_months(THIS_MONTH, 1), reason="未按期认证",
                     today=TODAY)
    assert selectors.STATES["suspended"][1](county_officer, region, TODAY).count() == 1


def test_the_neighbour_county_counts_nothing(paying, county_officer, neighbour_county_officer):
    services.make_roll(actor=county_officer, county_code="441602", month=TODAY, today=TODAY)
    region = neighbour_county_officer.region
    assert selectors.paid_this_month_amount(neighbour_county_officer, region, TODAY) == Decimal("0.00")
    assert selectors.STATES["paying"][1](neighbour_county_officer, region, TODAY).count() == 0


def test_next_month_sixty_and_enrolled_is_the_villages_pending_work(heyuan, village_assistant,
                                                                   neighbour_village_assistant):
    next_month = add_months(THIS_MONTH, 1)
    turning = make_person(village_assistant, birth=years_before(next_month, 60), serial=360, name="何月娥")
    later = make_person(village_assistant, birth=years_before(add_months(next_month, 1), 60), serial=362)
    unenrolled = make_person(village_assistant, birth=years_before(next_month, 60).replace(day=2), serial=364)
    for person in (turning, later):
        enrol(person, village_assistant)
    found = list(eligibility.turning_sixty_without_application(village_assistant, TODAY))
    assert found == [turning]
    assert unenrolled not in found
    assert turning_sixty(village_assistant)[0].count == 1
    assert eligibility.turning_sixty_without_application(neighbour_village_assistant, TODAY).count() == 0
