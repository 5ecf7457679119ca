"""The score from the dated weights: a month is scored by the row in force on its first day, so a new row changes
the months from its date on only; someone who handled nothing that month has 无数据, not 0 or 100."""

import datetime
from decimal import Decimal

from hrss.supervision.appraisal import rules, selectors
from tests.supervision.appraisal.conftest import DUE, MONTH, OPENED

NOVEMBER = datetime.date(2023, 11, 1)


def test_half_on_time_unrated_and_at_the_median(intake, move, township_reviewer, township_officer, heyuan):
    move(intake(OPENED), township_reviewer, DUE)
    move(intake(OPENED), township_reviewer, datetime.date(2023, 10, 9))
    rows = {row.user.username: row.figures for row in selectors.staff_rows(township_reviewer.region, MONTH)}
    # 效率 40 × 50% and 工作量 20 × 100% (the only one who handled anything is the median); no rating, so 质量's 40
    # is shared: (20 + 20) / 60.
    assert rows["rita"].score == Decimal("66.7")
    assert rows["tina"].handled == 0 and rows["tina"].score is None


def test_no_cases_is_no_data_not_zero():
    assert rules.score(month=MONTH, handled=0, on_time_share=None, satisfied_share=None, median_handled=None,
                       upheld=0) is None


def test_a_new_row_changes_later_months_only(monkeypatch):
    kept = rules.WEIGHTS
    monkeypatch.setattr(rules, "WEIGHTS", (*kept, (NOVEMBER, rules.Weights(efficiency=80, quality=10, workload=10,
                                                                             per_upheld_complaint=10))))
    figures = {"handled": 4, "on_time_share": Decimal("0.5"), "satisfied_share": Decimal(1), "median_handled": 4,
               "upheld": 1}
    assert rules.score(month=MONTH, **figures) == Decimal("75.0")  # 20 + 40 + 20 − 5
    assert rules.score(month=NOVEMBER, **figures) == Decimal("50.0")  # 40 + 10 + 10 − 10
    assert rules.weights_for(datetime.date(2023, 10, 31)).efficiency == 40


def test_workload_is_capped_at_the_median_and_the_score_never_below_zero():
    full = rules.score(month=MONTH, handled=10, on_time_share=Decimal(1), satisfied_share=Decimal(1),
                       median_handled=2, upheld=0)
    assert full == Decimal("100.0")
    assert rules.score(month=MONTH, handled=1, on_time_share=Decimal(0), satisfied_share=Decimal(0),
                       median_handled=2, upheld=30) == Decimal("0.0")


def test_the_weights_must_add_up_to_100():
    try:
        rules.Weights(efficiency=50, quality=40, workload=20, per_upheld_complaint=5)
    except ValueError:
        return
    raise AssertionError("weights adding up to 110 were accepted")
