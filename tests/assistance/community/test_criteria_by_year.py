"""The criteria are dated: a year's assessment is held to the standard in force on its 31 December."""

from decimal import Decimal

from hrss.assistance.community import rules


def codes(year):
    return [criterion.code for criterion in rules.criteria_for(year)]


def test_the_rate_threshold_and_the_criteria_change_with_the_standard():
    rate_2018 = next(c for c in rules.criteria_for(2018) if c.code == rules.UNEMPLOYMENT_RATE)
    rate_2019 = next(c for c in rules.criteria_for(2019) if c.code == rules.UNEMPLOYMENT_RATE)
    assert rate_2018.threshold == Decimal("4") and rate_2019.threshold == Decimal("3")
    assert "no_long_unemployed" not in codes(2018) and "no_long_unemployed" in codes(2019)


def test_before_the_first_standard_there_is_nothing_to_assess():
    assert rules.criteria_for(rules.FIRST_YEAR - 1) == ()
    assert codes(rules.FIRST_YEAR)


def test_every_standard_has_computed_and_manual_criteria():
    for _effective, criteria in rules.STANDARDS:
        kinds = {criterion.kind for criterion in criteria}
        assert kinds == {rules.COMPUTED, rules.MANUAL}
        assert len({criterion.code for criterion in criteria}) == len(criteria)


def test_the_assessment_is_due_in_the_first_quarter_for_the_last_year():
    import datetime

    for year in (2024, 2026):
        assert rules.assessment_due(datetime.date(year, 1, 1)) == year - 1
        assert rules.assessment_due(datetime.date(year, 3, 31)) == year - 1
        assert rules.assessment_due(datetime.date(year, 4, 1)) is None
