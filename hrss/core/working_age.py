"""Statutory working age: from 16 full years to the statutory retirement month.

The retirement age is not a constant. Before 2025 it was 60 for men, 55 for women cadres and 50 for women
workers (国发〔1978〕104号). The NPC Standing Committee decision of 2024-09-13 raises it gradually from 2025-01-01,
by birth month: men 60→63 and women cadres 55→58 by one month every four months of birth, women workers 50→55 by
one month every two months. These are [believed] rules in domain-rules.md, so they are data with an effective
date (RETIREMENT_SCHEMES), not code: a later change is a new row.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from hrss.core.dates import age_on, from_month_index, month_index

MINIMUM_WORKING_AGE = 16


class Category:
    WORKER = "worker"
    CADRE = "cadre"
    # Flexible workers are treated like women workers for the retirement age [believed, domain-rules §0].
    FLEXIBLE = "flexible"


@dataclass(frozen=True)
class RetirementScheme:
    effective_from: datetime.date  # first retirement month the increase applies to
    sex: str
    categories: frozenset
    base_age: int
    first_birth_month: tuple  # (year, month): the first cohort whose age is raised
    months_per_step: int  # cohorts of this many birth months share one step
    maximum_delay_months: int
    source: str


RETIREMENT_SCHEMES = (
    RetirementScheme(datetime.date(2025, 1, 1), "M", frozenset({Category.WORKER, Category.CADRE, Category.FLEXIBLE}),
                     60, (1965, 1), 4, 36, "全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13)"),
    RetirementScheme(datetime.date(2025, 1, 1), "F", frozenset({Category.CADRE}),
                     55, (1970, 1), 4, 36, "全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13)"),
    RetirementScheme(datetime.date(2025, 1, 1), "F", frozenset({Category.WORKER, Category.FLEXIBLE}),
                     50, (1975, 1), 2, 60, "全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13)"),
)


def scheme_for(sex, category):
    category = category or Category.WORKER
    for scheme in RETIREMENT_SCHEMES:
        if scheme.sex == sex and category in scheme.categories:
            return scheme
    raise ValueError(f"no retirement scheme for sex={sex!r} category={category!r}")


def retirement_delay_months(birth_date, sex, category=Category.WORKER):
    return _delay_months(birth_date.year, birth_date.month, sex, category)


@lru_cache(maxsize=8192)
def _delay_months(year, month, sex, category):
    # Cached by birth month: imports ask this for every row, and a city has only ~1,200 distinct birth months.
    scheme = scheme_for(sex, category)
    cohort = month_index(year, month) - month_index(*scheme.first_birth_month)
    if cohort < 0:
        return 0
    return min(scheme.maximum_delay_months, cohort // scheme.months_per_step + 1)


def retirement_month(birth_date, sex, category=Category.WORKER):
    """The (year, month) in which a person reaches the statutory retirement age."""
    scheme = scheme_for(sex, category)
    total = month_index(birth_date.year, birth_date.month) + scheme.base_age * 12
    total += retirement_delay_months(birth_date, sex, category)
    return from_month_index(total)


def retirement_age_label(birth_date, sex, category=Category.WORKER):
    scheme = scheme_for(sex, category)
    delay = retirement_delay_months(birth_date, sex, category)
    years, months = scheme.base_age + delay // 12, delay % 12
    return f"{years}岁{months}个月" if months else f"{years}岁"


def is_of_working_age(birth_date, sex, day, category=Category.WORKER):
    """16 full years on `day`, and `day` falls before the retirement month."""
    if age_on(birth_date, day) < MINIMUM_WORKING_AGE:
        return False
    return month_index(day.year, day.month) < month_index(*retirement_month(birth_date, sex, category))


def is_past_retirement(birth_date, sex, day, category=Category.WORKER):
    return month_index(day.year, day.month) >= month_index(*retirement_month(birth_date, sex, category))
