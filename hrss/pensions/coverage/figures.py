"""The coverage part's figures on the area's statistics page (core.parts.Figure): count(user, region, today).

The three tallies (在范围, 已参保, 未参保) come from one grouped query for a region and all its child regions
(selectors.counts_by_child), remembered on the request's user object for (region, day): the statistics page asks for
the region first and then each child, three figures each, and would otherwise scan the people 3 × (1 + children)
times. The user object lives only for its request (each request loads its own), so nothing outlives the page."""

from hrss.pensions.coverage import selectors

CACHE = "_pensions_coverage_counts"


def _counts(user, region, today):
    cache = user.__dict__.setdefault(CACHE, {})
    key = (region.code, today)
    if key not in cache:
        children = selectors.child_regions(user, region)
        total, by_child, _own = selectors.counts_by_child(user, region, today, children)
        cache[key] = total
        for child in children:
            cache.setdefault((child.code, today), by_child[child.code])
    return cache[key]


def in_scope(user, region, today):
    return _counts(user, region, today).in_scope


def insured(user, region, today):
    return _counts(user, region, today).insured


def uninsured(user, region, today):
    return _counts(user, region, today).uninsured


def employee_scheme(user, region, today):
    return selectors.employee_scheme_records(user, region, day=today, state="in_force").count()
