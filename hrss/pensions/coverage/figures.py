"""The coverage part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.pensions.coverage import selectors


def in_scope(user, region, today):
    return selectors.counts(user, region, today).in_scope


def insured(user, region, today):
    return selectors.counts(user, region, today).insured


def uninsured(user, region, today):
    return selectors.counts(user, region, today).uninsured


def employee_scheme(user, region, today):
    return selectors.employee_scheme_records(user, region, day=today, state="in_force").count()
