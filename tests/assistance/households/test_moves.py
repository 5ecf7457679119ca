"""An open case follows its household: when the ledger moves the head (and with them the household) to another
village, that village sees the case and its records and acts on it, and the old village gets 404. A member who
moves alone leaves the case where the household is; a closed case stays where it was handled."""

from django.urls import reverse

from hrss.assistance.households import services
from hrss.assistance.models import HouseholdAssistance, ZeroEmploymentHousehold
from hrss.core.models import Region
from hrss.residents import services as residents_services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE, login


def _move(actor, person, code):
    residents_services.move_person(actor=actor, person=person, to_village=Region.objects.get(code=code))


def test_an_open_case_follows_the_household_to_the_new_village(client, family, village_assistant, township_officer,
                                                               neighbour_village_assistant):
    head, _spouse = family(VILLAGE, ("迁甲", "迁乙"))
    case = services.report_household(actor=village_assistant, person=head, source="application", found_on=TODAY)
    services.record_assistance(actor=village_assistant, case=case, done_on=TODAY, kind="visit", note="入户走访")
    _move(township_officer, head, NEIGHBOUR_VILLAGE)
    case.refresh_from_db()
    assert case.region_code == NEIGHBOUR_VILLAGE
    assert set(HouseholdAssistance.objects.filter(case=case).values_list("region_code", flat=True)) == {
        NEIGHBOUR_VILLAGE}
    detail = reverse("assistance:households-detail", args=[case.pk])
    login(client, neighbour_village_assistant)
    assert "入户走访" in client.get(detail).content.decode()
    services.verify_household(actor=neighbour_village_assistant, case=case, outcome="verified", verified_on=TODAY)
    login(client, village_assistant)
    assert client.get(detail).status_code == 404
    assert "迁甲" not in client.get(reverse("assistance:households-list"), {"state": "all"}).content.decode()


def test_a_member_moving_alone_leaves_the_case_with_the_household(family, village_assistant, township_officer):
    head, spouse = family(VILLAGE, ("留甲", "留乙"))
    case = services.report_household(actor=village_assistant, person=head, source="application", found_on=TODAY)
    _move(township_officer, spouse, NEIGHBOUR_VILLAGE)
    assert ZeroEmploymentHousehold.objects.get(pk=case.pk).region_code == VILLAGE


def test_a_closed_case_stays_where_it_was_handled(family, village_assistant, township_officer):
    head, _spouse = family(VILLAGE, ("旧甲", "旧乙"))
    case = services.report_household(actor=village_assistant, person=head, source="application", found_on=TODAY)
    services.verify_household(actor=village_assistant, case=case, outcome="dismissed", verified_on=TODAY,
                              note="户主已在外地务工")
    _move(township_officer, head, NEIGHBOUR_VILLAGE)
    assert ZeroEmploymentHousehold.objects.get(pk=case.pk).region_code == VILLAGE
