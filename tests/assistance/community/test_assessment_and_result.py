"""An assessment is recorded by the community's staff (recorded again while pending) and its result decided by the
county with a note: 达标 only when no criterion was found not met; once decided it stays."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.community import rules, selectors, services
from hrss.assistance.community.pending import assessments_due
from hrss.assistance.models import AssessmentResult
from tests.assistance.community.conftest import LAST_YEAR, RURAL, manual_checks
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, VILLAGE


def record(actor, met=True, region_code=VILLAGE, year=LAST_YEAR):
    return services.record_assessment(actor=actor, region_code=region_code, year=year,
                                      checks=manual_checks(year, met), note="自评")


def test_the_county_decides_met_with_a_note(heyuan, village_assistant, county_officer):
    assessment = record(village_assistant)
    assert assessment.result == AssessmentResult.PENDING
    with pytest.raises(ValidationError, match="认定意见"):
        services.decide_assessment(actor=county_officer, assessment=assessment, result="met", note="",
                                   version=assessment.version)
    decided = services.decide_assessment(actor=county_officer, assessment=assessment, result="met", note="材料齐全",
                                         version=assessment.version)
    assert (decided.result, decided.decided_on, decided.decided_by) == ("met", TODAY, county_officer)
    assert selectors.met_count(county_officer, heyuan[COUNTY], LAST_YEAR) == 1
    with pytest.raises(ValidationError, match="已由县"):
        record(village_assistant)


def test_met_is_refused_when_a_criterion_is_not_met(heyuan, village_assistant, county_officer):
    assessment = record(village_assistant, met=False)
    with pytest.raises(ValidationError, match="不能认定为达标"):
        services.decide_assessment(actor=county_officer, assessment=assessment, result="met", note="看看",
                                   version=assessment.version)
    decided = services.decide_assessment(actor=county_officer, assessment=assessment, result="not_met",
                                         note="台账不全", version=assessment.version)
    assert decided.result == AssessmentResult.NOT_MET


def test_recording_again_while_pending_replaces_the_findings(heyuan, village_assistant, county_officer):
    first = record(village_assistant, met=False)
    again = record(village_assistant, met=True)
    assert again.pk == first.pk and again.version == first.version + 1
    with pytest.raises(ValidationError, match="刷新"):
        services.decide_assessment(actor=county_officer, assessment=again, result="met", note="好",
                                   version=first.version)


def test_the_village_does_not_decide_and_outsiders_do_not_record(heyuan, village_assistant,
                                                                  neighbour_village_assistant):
    assessment = record(village_assistant)
    with pytest.raises(PermissionDenied):
        services.decide_assessment(actor=village_assistant, assessment=assessment, result="met", note="自己认定",
                                   version=assessment.version)
    with pytest.raises(PermissionDenied):
        record(neighbour_village_assistant)


def test_only_urban_communities_years_in_range_and_every_manual_criterion(heyuan, county_officer):
    with pytest.raises(ValidationError, match="居委会"):
        record(county_officer, region_code=RURAL)
    with pytest.raises(ValidationError, match="评估年度"):
        record(county_officer, year=TODAY.year + 1)
    checks = manual_checks(LAST_YEAR)
    manual = next(c for c in rules.criteria_for(LAST_YEAR) if c.kind == rules.MANUAL)
    del checks[manual.code]
    with pytest.raises(ValidationError, match=re.escape(manual.name)):
        services.record_assessment(actor=county_officer, region_code=VILLAGE, year=LAST_YEAR, checks=checks)


def test_pending_work_names_the_communities_due_and_the_results_to_decide(heyuan, village_assistant,
                                                                          county_officer):
    due = rules.assessment_due(TODAY)
    titles = [item.title for item in assessments_due(village_assistant)]
    assert any("待评估" in title for title in titles) is (due is not None)
    record(village_assistant)
    items = {item.title: item.count for item in assessments_due(county_officer)}
    assert items["待认定的充分就业社区评估"] == 1
    assert not any("待认定" in item.title for item in assessments_due(village_assistant))
    # The neighbour community is in the county's list of those without an assessment.
    assert NEIGHBOUR_VILLAGE in {v.code for v in selectors.unassessed(county_officer, heyuan[COUNTY], LAST_YEAR)}
    assert VILLAGE not in {v.code for v in selectors.unassessed(county_officer, heyuan[COUNTY], LAST_YEAR)}
