"""Measures of the platform's targets (考核指标, e.g. the plan's 五个100%): how a target is counted from an area's own
case data, declared by the area that holds the data (`Area(measures=...)`, or a part's `Part(measures=...)`) and
collected here at start-up. Core names no area and no target: the targets themselves (code, title, dates) are the
configuration of the area that reports them, which reads the measures here by the target's code.

A measure counts, for a region and a period (first..last, both included), a numerator over a denominator of people,
and lists the people of the denominator who missed the target. A target no area measures is not measured (未统计),
never 0% or 100%; a measure whose denominator is 0 has no one to count (无应统计对象), not 100%."""

from collections.abc import Callable
from dataclasses import dataclass

from hrss.core.models import Region


@dataclass(frozen=True)
class Missed:
    """One person of a measure's denominator who missed the target in the period: who (the person's id for the
    person page, name and ID number, masked by the page that shows them), where (the region code the person is
    counted in) and what was missed, in Chinese (e.g. 求职登记2026-03-02，10个工作日内（至2026-03-16）未推荐岗位)."""

    person_id: int
    name: str
    id_number: str
    region_code: str
    what: str
    url: str = ""  # the case's page, if any


@dataclass(frozen=True)
class Measure:
    """How one target is counted from an area's data.

    - `count(region, first, last, today)` -> (numerator, denominator): the people of the region (a Region or a
      code prefix such as "441602") counted for the period, as the records stand on `today` (a deadline still
      running on `today` is not decided yet).
    - `grouped(first, last, today)` -> {region_code: (numerator, denominator)}: the same count in one grouped pass,
      by the region code each person is counted in (a village's, or a township's own); adding the rows up the
      hierarchy gives `count` of every region (the snapshots of the reporting area rely on it).
    - `missed(region, first, last, today)` -> [Missed]: the people of the denominator not in the numerator.
    - `definition`: in Chinese, what the numerator and the denominator are, as shown on the page.
    """

    target: str  # the target's code, e.g. "job_offer_10_days"
    label: str  # 中文名 of what is counted
    count: Callable
    grouped: Callable
    missed: Callable
    definition: str
    area_label: str = ""  # filled by register (the declaring area)


_measures = {}


def region_prefix(region):
    """The code prefix of a region (a Region or a prefix already): what a measure filters its people by."""
    from hrss.core import scoping

    if isinstance(region, Region):
        return scoping.code_prefix(region.code, region.level)
    return str(region)


def register_measure(measure, area_label=""):
    """Called by core.areas.register for each measure an area (or its parts) declares. A target has at most one
    measure: two areas counting the same target would give two answers."""
    if not isinstance(measure, Measure):
        raise TypeError(f"{measure!r} is not a core.targets.Measure")
    if measure.target in _measures:
        raise ValueError(f"target {measure.target!r} is measured twice "
                         f"({_measures[measure.target].area_label!r} and {area_label!r})")
    if area_label and not measure.area_label:
        from dataclasses import replace

        measure = replace(measure, area_label=area_label)
    _measures[measure.target] = measure
    return measure


def unregister_measure(target):
    """Remove the measure of `target` (tests that register a measure of their own)."""
    _measures.pop(target, None)


def measure_for(target):
    """The measure of the target's code, or None: the target is not measured."""
    return _measures.get(target)


def measures():
    return dict(_measures)


# --- helpers for an area's measures ----------------------------------------------------------------------------


def within(queryset, region):
    """The rows of a scoped model's queryset lying in `region` (a Region or a code prefix), by its registered code
    field (core.scoping.register)."""
    from hrss.core import scoping

    field = scoping.code_field_of(queryset.model)
    return queryset.filter(**{f"{field}__range": scoping.code_range(region_prefix(region))})


def counted(rows, met, distinct="pk"):
    """(numerator, denominator) of `rows`: those meeting the Q `met`, and all; each `distinct` value once."""
    from django.db.models import Count

    found = rows.order_by().aggregate(denominator=Count(distinct, distinct=True),
                                      numerator=Count(distinct, distinct=True, filter=met))
    return found["numerator"], found["denominator"]


def counted_by_code(rows, met, distinct="pk"):
    """{region code: (numerator, denominator)} of `rows` grouped by the model's code field, in one query."""
    from django.db.models import Count

    from hrss.core import scoping

    field = scoping.code_field_of(rows.model)
    grouped = (rows.order_by().values(field).annotate(denominator=Count(distinct, distinct=True),
                                                      numerator=Count(distinct, distinct=True, filter=met)))
    return {row[field]: (row["numerator"], row["denominator"]) for row in grouped}
