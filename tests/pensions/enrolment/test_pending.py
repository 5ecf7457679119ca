"""The home page's 待补齐材料的参保登记 goes to the level that completes the documents (a village's or a township's
window), not to a county's staff, who see the figure on the statistics page."""

from hrss.core.pending import pending_work_for
from tests.pensions.enrolment.conftest import enrol

TITLE = "待补齐材料的参保登记"


def titles(user):
    return [item.title for item in pending_work_for(user) if item.title.startswith(TITLE)]


def test_the_village_and_the_township_see_the_pending_enrolment_the_county_does_not(
        resident, village_assistant, township_officer, county_officer):
    enrol(village_assistant, resident, documents=["id_card"])
    assert titles(village_assistant) and titles(township_officer)
    assert titles(county_officer) == []
