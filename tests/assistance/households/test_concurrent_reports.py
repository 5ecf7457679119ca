"""Two reports of the same household at the same moment (or a report and the township's comparison): the check
before the create does not lock, so the second one meets the one-open-case constraint. It is answered with the same
Chinese refusal as the check (422 on the API, never a 500), and the comparison skips the household. The race is
played by letting the check miss the case the other request committed meanwhile."""

import pytest
from django.core.exceptions import ValidationError

from hrss.accounts import services as account_services
from hrss.assistance.households import selectors, services
from hrss.assistance.models import ZeroEmploymentHousehold
from hrss.core.models import Region
from hrss.residents import selectors as ledger
from tests.conftest import TODAY, TOWNSHIP, VILLAGE


@pytest.fixture
def reported_meanwhile(family, village_assistant, monkeypatch):
    """A household reported by another request whose case the check before the create does not yet see."""
    head, _spouse = family(VILLAGE, ("并甲", "并乙"))
    first = services.report_household(actor=village_assistant, person=head, source="application", found_on=TODAY)
    real = selectors.open_case_of
    calls = []

    def not_yet_committed(household):
        calls.append(household)
        return None if len(calls) == 1 else real(household)  # the check misses it; the refusal's message finds it

    monkeypatch.setattr(selectors, "open_case_of", not_yet_committed)
    return head, first


def test_the_second_report_is_refused_in_chinese(reported_meanwhile, village_assistant):
    head, first = reported_meanwhile
    with pytest.raises(ValidationError, match="该户已有未清零的零就业家庭记录（.*发现），请在该记录中办理"):
        services.report_household(actor=village_assistant, person=head, source="reported", found_on=TODAY)
    assert list(ZeroEmploymentHousehold.objects.values_list("pk", flat=True)) == [first.pk]


def test_the_api_answers_422_not_500(client, reported_meanwhile, village_assistant):
    head, _first = reported_meanwhile
    token = account_services.create_token(actor=None, user=village_assistant)
    response = client.post("/api/v1/assistance/households",
                           {"person_id": head.pk, "source": "application", "found_on": TODAY.isoformat()},
                           content_type="application/json", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422
    assert "该户已有未清零的零就业家庭记录" in response.json()["detail"]
    assert ZeroEmploymentHousehold.objects.count() == 1


def test_the_comparison_skips_a_household_reported_while_it_ran(family, village_assistant, township_officer,
                                                               monkeypatch):
    head, _spouse = family(VILLAGE, ("比甲", "比乙"))
    family(VILLAGE, ("比丙", "比丁"))
    real = ledger.zero_employment_households

    def report_meanwhile(*args, **kwargs):
        found = real(*args, **kwargs)
        services.report_household(actor=village_assistant, person=head, source="application", found_on=TODAY)
        return found

    monkeypatch.setattr(ledger, "zero_employment_households", report_meanwhile)
    opened, cleared = services.scan_households(actor=township_officer, region=Region.objects.get(code=TOWNSHIP))
    assert (opened, cleared) == (1, 0)  # the other household; the reported one is not opened twice
    assert ZeroEmploymentHousehold.objects.filter(household=head.household).count() == 1
    assert ZeroEmploymentHousehold.objects.count() == 2
