"""An assessment of year Y is held to Y's figures: the zero-employment households and the plans as they stood on 31
December of Y (found later: not counted; cleared later: still open then), recomputed on the page while pending and
stored with the county's decision. A 达到 tick of 辖区内无失业半年以上人员 that the ledger contradicts is refused with
the names; a contradiction that appears later is shown and blocks 达标. The list says which criteria failed."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.community import rules, selectors, services
from hrss.assistance.models import ZeroEmploymentHousehold
from hrss.core.dates import add_months
from hrss.residents.models import LabourStatus
from tests.assistance.community.conftest import LAST_YEAR, manual_checks
from tests.assistance.community.test_households_and_plans import household_case
from tests.conftest import COUNTY, TODAY, VILLAGE

D = datetime.date
YEAR_END = D(LAST_YEAR, 12, 31)


def record(actor, checks=None):
    return services.record_assessment(actor=actor, region_code=VILLAGE, year=LAST_YEAR,
                                      checks=checks or manual_checks(LAST_YEAR), note="自评")


def households(heyuan, user):
    return selectors.computed_criteria(user, heyuan[VILLAGE], LAST_YEAR, TODAY)[rules.ZERO_EMPLOYMENT_HOUSEHOLDS]


def test_last_years_households_are_counted_at_its_year_end(heyuan, resident, village_assistant):
    person = resident("王零", LabourStatus.UNEMPLOYED)
    # Found this year: not last year's.
    household_case(person, village_assistant, TODAY)
    assert households(heyuan, village_assistant)["met"] is True
    # Found in last December, cleared this year: open on 31 December.
    other = resident("王一", LabourStatus.UNEMPLOYED)
    household_case(other, village_assistant, YEAR_END - datetime.timedelta(days=10), cleared_on=TODAY)
    found = households(heyuan, village_assistant)
    assert found["met"] is False and f"{YEAR_END:%Y-%m-%d}未清零的零就业家庭1户" in found["value"]


def test_pending_figures_are_recomputed_on_the_page_and_stored_at_the_decision(heyuan, client, resident,
                                                                               village_assistant, county_officer):
    assessment = record(village_assistant)
    assert assessment.criteria[rules.ZERO_EMPLOYMENT_HOUSEHOLDS]["met"] is True
    # Entered after the assessment, about last December.
    case = household_case(resident("王零", LabourStatus.UNEMPLOYED), village_assistant, D(LAST_YEAR, 12, 1))
    client.force_login(county_officer)
    page = client.get(f"/assistance/communities/assessments/{assessment.pk}/").content.decode()
    assert "未清零的零就业家庭1户" in page and "打开本页时重新计算" in page
    with pytest.raises(ValidationError, match="零就业家庭动态为零"):
        services.decide_assessment(actor=county_officer, assessment=assessment, result="met", note="好",
                                   version=assessment.version)
    decided = services.decide_assessment(actor=county_officer, assessment=assessment, result="not_met",
                                         note="有零就业家庭", version=assessment.version)
    assert decided.criteria[rules.ZERO_EMPLOYMENT_HOUSEHOLDS]["met"] is False
    # Once decided, the stored figures stay, whatever is recorded later.
    ZeroEmploymentHousehold.objects.filter(pk=case.pk).delete()
    page = client.get(f"/assistance/communities/assessments/{assessment.pk}/").content.decode()
    assert "未清零的零就业家庭1户" in page and "认定时" in page


def test_a_tick_the_ledger_contradicts_is_refused_with_the_names(heyuan, resident, village_assistant):
    resident("张久", LabourStatus.UNEMPLOYED, add_months(YEAR_END, -7))
    resident("李新", LabourStatus.UNEMPLOYED, add_months(YEAR_END, -2))  # less than six months: not counted
    with pytest.raises(ValidationError) as refused:
        record(village_assistant)
    message = " ".join(refused.value.messages)
    assert "张久" in message and "共1人" in message and "李新" not in message
    checks = manual_checks(LAST_YEAR)
    checks[rules.NO_LONG_UNEMPLOYED] = {"met": False, "note": "有1人失业半年以上"}
    assert record(village_assistant, checks).criteria[rules.NO_LONG_UNEMPLOYED]["met"] is False


def test_a_contradiction_found_later_is_shown_and_blocks_met(heyuan, client, resident, village_assistant,
                                                             county_officer):
    assessment = record(village_assistant)
    resident("张久", LabourStatus.UNEMPLOYED, add_months(YEAR_END, -8))
    client.force_login(county_officer)
    page = client.get(f"/assistance/communities/assessments/{assessment.pk}/").content.decode()
    assert 'data-testid="conflict"' in page and "张久" in page
    with pytest.raises(ValidationError, match="辖区内无失业半年以上人员"):
        services.decide_assessment(actor=county_officer, assessment=assessment, result="met", note="好",
                                   version=assessment.version)


def test_the_list_says_which_criteria_are_not_met(heyuan, client, village_assistant, county_officer):
    checks = manual_checks(LAST_YEAR)
    manual = [c for c in rules.criteria_for(LAST_YEAR) if c.kind == rules.MANUAL]
    checks[manual[0].code] = {"met": False, "note": "未设窗口"}
    assessment = record(village_assistant, checks)
    text = selectors.summary(assessment.criteria)
    total = len(rules.criteria_for(LAST_YEAR))
    met = sum(1 for c in assessment.criteria.values() if c["met"] is True)
    assert text.startswith(f"{met}/{total} 达到，未达到：{rules.SHORT_NAMES[manual[0].code]}")
    client.force_login(county_officer)
    page = client.get("/assistance/communities/assessments/", {"region": COUNTY, "year": LAST_YEAR}).content.decode()
    assert text in page and "✗" not in page
