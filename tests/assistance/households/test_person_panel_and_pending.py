"""The person page's panel names the household's case; the home page's 待办 counts the open cases past their target
and those not yet verified, for the village and the township."""

import datetime

from django.urls import reverse

from hrss.assistance.households import pending, services
from tests.conftest import TODAY, TOWNSHIP, VILLAGE, login


def test_pending_work_for_the_village_and_the_township(family, village_assistant, township_officer, county_officer):
    head, _spouse = family(VILLAGE)
    services.report_household(actor=village_assistant, person=head, source="application",
                              found_on=TODAY - datetime.timedelta(days=31))
    for user in (village_assistant, township_officer):
        items = {item.title: (item.count, item.overdue) for item in pending.open_cases(user)}
        assert items == {"待核实的零就业家庭": (1, 1)}
    assert pending.open_cases(county_officer) == []


def test_pending_items_do_not_overlap_and_the_township_is_told_what_the_ledger_has_not_yet_opened(
        family, village_assistant, township_officer):
    """One item a step (not yet opened, to verify, being helped), each linking to the list of those households;
    the counts add up to the households concerned."""
    verified_head, _ = family(VILLAGE, ("援甲", "援乙"))
    found_head, _ = family(VILLAGE, ("核甲", "核乙"))
    family(VILLAGE, ("未甲", "未乙"))
    case = services.report_household(actor=village_assistant, person=verified_head, source="application",
                                     found_on=TODAY)
    services.verify_household(actor=village_assistant, case=case, outcome="verified", verified_on=TODAY)
    services.report_household(actor=village_assistant, person=found_head, source="reported", found_on=TODAY)
    township = {item.title: (item.count, item.url) for item in pending.open_cases(township_officer)}
    assert township == {
        "台账显示为零就业、尚未建档的家庭（请比对台账）": (1, reverse("assistance:households-list")
                                             + f"?region={TOWNSHIP}&state=open"),
        "待核实的零就业家庭": (1, reverse("assistance:households-list") + "?state=found"),
        "援助中、尚未清零的零就业家庭": (1, reverse("assistance:households-list") + "?state=verified"),
    }
    village = {item.title for item in pending.open_cases(village_assistant)}
    assert village == {"待核实的零就业家庭", "援助中、尚未清零的零就业家庭"}  # the township compares the ledger


def test_the_panel_names_the_households_case(client, family, village_assistant):
    head, spouse = family(VILLAGE)
    services.report_household(actor=village_assistant, person=head, source="application", found_on=TODAY)
    page = login(client, village_assistant).get(reverse("residents:person-detail", args=[spouse.pk])).content.decode()
    assert 'data-testid="zero-household-panel"' in page
    assert "待核实" in page
