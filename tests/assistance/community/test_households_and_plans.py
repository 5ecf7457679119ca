"""零就业家庭 动态为零 and 就业困难人员援助率100% are computed from the households' and the support part's records of the
community on the assessment day."""

import datetime

from hrss.assistance.community import rules, selectors
from hrss.assistance.models import AssistancePlan, ZeroEmploymentHousehold
from hrss.assistance.support.demo import recognise_directly
from hrss.residents.models import Household, LabourStatus
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE

DAY = datetime.timedelta(days=1)


def household_case(person, actor, found_on, cleared_on=None):
    household = Household.objects.get(pk=person.household_id) if person.household_id else Household.objects.create(
        region_code=person.region_code, head_id_number=person.id_number)
    case = ZeroEmploymentHousehold.objects.create(household=household, region_code=person.region_code,
                                                  found_on=found_on, source="ledger", found_by=actor)
    if cleared_on is not None:
        ZeroEmploymentHousehold.objects.filter(pk=case.pk).update(
            status="cleared", cleared_on=cleared_on, cleared_member=person, days_to_clear=(cleared_on - found_on).days)
    return case


def found(heyuan, user, code, day=TODAY):
    return selectors.computed_criteria(user, heyuan[VILLAGE], TODAY.year, day)[code]


def test_an_open_household_fails_the_criterion_until_it_is_cleared(heyuan, resident, village_assistant):
    person = resident("王零", LabourStatus.UNEMPLOYED)
    assert found(heyuan, village_assistant, rules.ZERO_EMPLOYMENT_HOUSEHOLDS)["met"] is True
    case = household_case(person, village_assistant, TODAY - 40 * DAY)
    assert found(heyuan, village_assistant, rules.ZERO_EMPLOYMENT_HOUSEHOLDS)["met"] is False
    ZeroEmploymentHousehold.objects.filter(pk=case.pk).update(status="cleared", cleared_on=TODAY, cleared_member=person,
                                                              days_to_clear=40)
    assert found(heyuan, village_assistant, rules.ZERO_EMPLOYMENT_HOUSEHOLDS)["met"] is True
    # The day before it was cleared, it was still open.
    assert found(heyuan, village_assistant, rules.ZERO_EMPLOYMENT_HOUSEHOLDS, TODAY - DAY)["met"] is False


def test_a_neighbours_household_does_not_count(heyuan, resident, village_assistant):
    household_case(resident("李邻", LabourStatus.UNEMPLOYED, village=NEIGHBOUR_VILLAGE), village_assistant,
                   TODAY - 5 * DAY)
    assert found(heyuan, village_assistant, rules.ZERO_EMPLOYMENT_HOUSEHOLDS)["met"] is True


def test_every_recognised_person_needs_a_current_plan(heyuan, resident, village_assistant):
    first = recognise_directly(person=resident("赵援", LabourStatus.UNEMPLOYED), actor=village_assistant,
                               recognised_on=TODAY - 30 * DAY)
    recognise_directly(person=resident("钱援", LabourStatus.UNEMPLOYED), actor=village_assistant,
                       recognised_on=TODAY - 30 * DAY)
    AssistancePlan.objects.create(recognition=first, region_code=VILLAGE, items=["guidance"],
                                  responsible=village_assistant, target_on=TODAY + 30 * DAY, made_on=TODAY,
                                  made_by=village_assistant)
    assisted = found(heyuan, village_assistant, rules.ASSISTED)
    assert assisted["met"] is False and "有效认定2人" in assisted["value"] and "1人" in assisted["value"]
    # Recognised from tomorrow: not yet counted today.
    assert found(heyuan, village_assistant, rules.ASSISTED, TODAY - 31 * DAY)["met"] is True
