"""The guidance part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.jobservices.guidance import selectors


def records(user, region, today):
    return selectors.guidance_records(user, region).count()
