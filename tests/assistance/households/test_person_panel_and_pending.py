"""The person page's panel names the household's case; the home page's 待办 counts the open cases past their target
and those not yet verified, for the village and the township."""

import datetime

from django.urls import reverse

from hrss.assistance.households import pending, services
from tests.conftest import TODAY, VILLAGE, login


def test_pending_work_for_the_village_and_the_township(family, village_assistant, township_officer, county_officer):
    head, _spouse = family(VILLAGE)
    services.report_household(actor=village_assistant, person=head, source="application",
                              found_on=TODAY - datetime.timedelta(days=31))
    for user in (village_assistant, township_officer):
        items = {item.title: item.count for item in pending.open_cases(user)}
        assert items == {"超过目标天数未清零的零就业家庭": 1, "待核实的零就业家庭": 1}
    assert pending.open_cases(county_officer) == []


def test_the_panel_names_the_households_case(client, family, village_assistant):
    head, spouse = family(VILLAGE)
    services.report_household(actor=village_assistant, person=head, source="application", found_on=TODAY)
    page = login(client, village_assistant).get(reverse("residents:person-detail", args=[spouse.pk])).content.decode()
    assert 'data-testid="zero-household-panel"' in page
    assert "待核实" in page
