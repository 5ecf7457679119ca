"""The person page's employment registrations leave out what they do not have: a flexible worker has no employer,
so no empty "· ·" segment."""

import datetime
import re

from hrss.employment import employment_registration
from tests.conftest import TODAY, login


def test_flexible_work_shows_no_empty_employer(client, person_born, county_officer):
    person = person_born(datetime.date(1990, 5, 1))
    employment_registration.register_employment(actor=county_officer, person=person, kind="flexible",
                                                event_date=TODAY, flexible_form="hourly")
    html = login(client, county_officer).get(f"/residents/{person.pk}/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert f"灵活就业 · {TODAY:%Y-%m-%d}" in text
    assert not re.search(r"·\s*·", text)
