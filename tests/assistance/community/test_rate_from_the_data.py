"""城镇登记失业率 is computed from employment's monthly figures for the community at the end of the assessed year's
December, against the threshold of that year's standard; at the threshold itself the criterion is met."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.community import rules, selectors, services
from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.employment import services as employment_services
from hrss.employment.models import Standing
from hrss.employment.selectors import MonthlyFigures
from hrss.residents.models import LabourStatus
from tests.assistance.community.conftest import LAST_YEAR, manual_checks
from tests.conftest import VILLAGE

D = datetime.date


def register_unemployed(make_user, person, since):
    assistant = make_user("va_rate", VILLAGE, Role.VILLAGE_ASSISTANT)
    registration = employment_services.apply_for_unemployment_registration(
        actor=assistant, person=person, category="lost_job", wants_work=True, able_to_work=True,
        documents=["id_card", "termination_proof"], last_employer="河源市某电子厂", left_job_on=since, today=since)
    registration.standing, registration.registered_on = Standing.REGISTERED, since
    registration.save()


def test_one_registered_unemployed_among_twenty_five_is_four_percent(resident, make_user, village_assistant):
    since = D(LAST_YEAR - 1, 6, 1)
    register_unemployed(make_user, resident("失业者", LabourStatus.UNEMPLOYED, since), since)
    for index in range(24):
        resident(f"就业者{index}", LabourStatus.EMPLOYED)
    village = Region.objects.get(code=VILLAGE)
    rate, _figures, month = selectors.unemployment_rate(village_assistant, village, LAST_YEAR,
                                                        D(LAST_YEAR + 1, 2, 1))
    assert (rate, month) == (4.0, (LAST_YEAR, 12))
    assessment = services.record_assessment(actor=village_assistant, region_code=VILLAGE, year=LAST_YEAR,
                                            checks=manual_checks(LAST_YEAR, met=False))
    found = assessment.criteria[rules.UNEMPLOYMENT_RATE]
    assert found["met"] is (LAST_YEAR < 2019)  # 4% passes the old standard (4%), fails the newer one (3%)
    assert "4.0%" in found["value"]


@pytest.mark.parametrize(("unemployed", "employed", "met"), [(3, 97, True), (301, 9699, False)])
def test_at_the_threshold_the_rate_passes_just_above_it_fails(monkeypatch, heyuan, village_assistant, unemployed,
                                                              employed, met):
    figures = MonthlyFigures(new_employment=0, reemployed=0, registered_unemployed=unemployed,
                             urban_registered_unemployed=unemployed, employed=employed)
    monkeypatch.setattr(selectors.employment_selectors, "monthly_figures", lambda *args: figures)
    found = selectors.computed_criteria(village_assistant, heyuan[VILLAGE], 2020, D(2021, 2, 1))
    assert found[rules.UNEMPLOYMENT_RATE]["met"] is met  # 3.00% and 3.01% against 2020's 3%


def test_no_one_in_the_labour_force_leaves_the_rate_to_a_note(heyuan, village_assistant):
    checks = manual_checks(LAST_YEAR)
    del checks[rules.UNEMPLOYMENT_RATE]
    with pytest.raises(ValidationError, match="无法从数据计算"):
        services.record_assessment(actor=village_assistant, region_code=VILLAGE, year=LAST_YEAR, checks=checks)
    assessment = services.record_assessment(actor=village_assistant, region_code=VILLAGE, year=LAST_YEAR,
                                            checks=manual_checks(LAST_YEAR))
    assert assessment.criteria[rules.UNEMPLOYMENT_RATE]["met"] is None
    assert assessment.criteria[rules.UNEMPLOYMENT_RATE]["note"] == "已人工核实"
