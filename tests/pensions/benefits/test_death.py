"""A death reported (report_death): the pension stops, what was paid for months after the death month is to
recover, the funeral grant and the inheritable balance; the enrolment ends; the after_death hooks run."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.dates import add_months
from hrss.pensions.benefits import selectors, services
from hrss.pensions.models import DeathReport, EnrolmentState, PaymentKind, PensionState
from tests.conftest import TODAY
from tests.pensions.benefits.conftest import THIS_MONTH, enrol, make_person

COUNTY = "441602"


@pytest.fixture
def rolled(paying, county_officer):
    for back in range(4, -1, -1):
        services.make_roll(actor=county_officer, county_code=COUNTY, month=add_months(THIS_MONTH, -back), today=TODAY)
    paying.refresh_from_db()
    return paying


@pytest.fixture
def hook_calls():
    calls = []

    def hook(person, died_on, actor, today):
        calls.append((person.pk, died_on, actor.username, today))

    services.after_death(hook)
    yield calls
    services._after_death.remove(hook)


def test_a_death_mid_month_stops_the_pension_and_counts_the_months_after_as_overpaid(rolled, village_assistant,
                                                                                     hook_calls):
    died_on = add_months(THIS_MONTH, -2).replace(day=15)
    services.report_death(actor=village_assistant, person=rolled.person, died_on=died_on, today=TODAY)
    rolled.refresh_from_db()
    assert rolled.state == PensionState.STOPPED
    assert rolled.stopped_on == died_on and rolled.died_on == died_on
    after = [add_months(THIS_MONTH, -1), THIS_MONTH]
    assert rolled.overpaid == sum(selectors.monthly_amount(rolled, month) for month in after)
    assert rolled.funeral_grant == Decimal("1000")
    # Paid for the months up to the death month: four months ago to two months ago, three account parts.
    assert rolled.inheritable == rolled.account_balance - 3 * rolled.account_part
    assert rolled.enrolment.state == EnrolmentState.TERMINATED
    assert hook_calls == [(rolled.person.pk, died_on, "alice", TODAY)]


def test_a_death_on_the_last_day_of_the_month_overpays_only_the_months_after(rolled, village_assistant):
    died_on = add_months(THIS_MONTH, -1) - datetime.timedelta(days=1)  # last day of two months ago
    services.report_death(actor=village_assistant, person=rolled.person, died_on=died_on, today=TODAY)
    rolled.refresh_from_db()
    assert rolled.overpaid == sum(selectors.monthly_amount(rolled, month)
                                  for month in (add_months(THIS_MONTH, -1), THIS_MONTH))


def test_no_roll_pays_a_stopped_pension(rolled, village_assistant, county_officer):
    services.report_death(actor=village_assistant, person=rolled.person, died_on=TODAY, today=TODAY)
    rolled.refresh_from_db()
    assert rolled.overpaid == 0
    count = rolled.payments.count()
    services.make_roll(actor=county_officer, county_code=COUNTY, month=TODAY, today=TODAY)
    assert rolled.payments.count() == count


def test_recovery_is_recorded_up_to_what_is_outstanding(rolled, village_assistant, county_officer):
    services.report_death(actor=village_assistant, person=rolled.person, died_on=add_months(THIS_MONTH, -1),
                          today=TODAY)
    rolled.refresh_from_db()
    owed = rolled.overpaid
    with pytest.raises(ValidationError, match="不能超过"):
        services.record_recovery(actor=county_officer, pension=rolled, amount=owed + Decimal("0.01"), today=TODAY)
    services.record_recovery(actor=county_officer, pension=rolled, amount=Decimal("100"), today=TODAY)
    services.record_recovery(actor=county_officer, pension=rolled, amount=owed - Decimal("100"), today=TODAY)
    assert selectors.outstanding(rolled) == 0
    assert rolled.payments.get(kind=PaymentKind.RECOVERY).amount == -owed
    with pytest.raises(ValidationError, match="没有待追回"):
        services.record_recovery(actor=county_officer, pension=rolled, amount=Decimal("1"), today=TODAY)


def test_a_person_without_a_pension_can_be_reported_dead(heyuan, village_assistant, hook_calls):
    person = make_person(village_assistant, birth=datetime.date(1980, 4, 4), serial=350)
    enrolment = enrol(person, village_assistant)
    services.report_death(actor=village_assistant, person=person, died_on=TODAY, today=TODAY)
    enrolment.refresh_from_db()
    assert enrolment.state == EnrolmentState.TERMINATED and enrolment.end_reason == "death"
    assert len(hook_calls) == 1
    with pytest.raises(ValidationError, match="不能重复报告"):
        services.report_death(actor=village_assistant, person=person, died_on=TODAY, today=TODAY)


def test_a_death_in_the_future_is_refused_and_outsiders_are_denied(pensioner, village_assistant,
                                                                    neighbour_village_assistant,
                                                                    neighbour_county_officer):
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.report_death(actor=village_assistant, person=pensioner, died_on=TODAY + datetime.timedelta(days=1),
                              today=TODAY)
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            services.report_death(actor=outsider, person=pensioner, died_on=TODAY, today=TODAY)
    assert not DeathReport.objects.exists()


def test_the_roll_made_before_the_death_keeps_its_row_but_no_longer_lists_it(rolled, village_assistant,
                                                                            county_officer):
    # The roll of this month was made; then a death in the month before is reported: this month's row is the
    # overpayment, not a payment the roll, its export or the figures show.
    services.report_death(actor=village_assistant, person=rolled.person, died_on=add_months(THIS_MONTH, -1),
                          today=TODAY)
    rolled.refresh_from_db()
    assert rolled.overpaid == selectors.monthly_amount(rolled, THIS_MONTH)
    region = county_officer.region
    assert selectors.roll_lines(county_officer, region, THIS_MONTH) == []
    assert selectors.roll_sums([])["people"] == 0
    assert selectors.STATES["paid_this_month"][1](county_officer, region, TODAY).count() == 0
    assert selectors.paid_this_month_amount(county_officer, region, TODAY) == 0
    # The death month's row stays on its roll.
    last = selectors.roll_lines(county_officer, region, add_months(THIS_MONTH, -1))
    assert [line.pension_id for line in last] == [rolled.pk]


def test_a_death_in_this_month_keeps_this_months_line(rolled, village_assistant, county_officer):
    services.report_death(actor=village_assistant, person=rolled.person, died_on=THIS_MONTH, today=TODAY)
    lines = selectors.roll_lines(county_officer, county_officer.region, THIS_MONTH)
    assert [line.pension_id for line in lines] == [rolled.pk]


def test_a_roll_never_pays_a_month_after_the_death_month(paying, village_assistant, county_officer):
    died_on = add_months(THIS_MONTH, -2).replace(day=28)
    services.report_death(actor=village_assistant, person=paying.person, died_on=died_on, today=TODAY)
    # Even a pension left paying (as another part might leave it): no month after the death month is due.
    type(paying).objects.filter(pk=paying.pk).update(state=PensionState.PAYING)
    due = selectors.due_pensions(COUNTY, add_months(THIS_MONTH, -1))
    assert list(due) == []
    assert list(selectors.due_pensions(COUNTY, add_months(THIS_MONTH, -2))) == [paying]
