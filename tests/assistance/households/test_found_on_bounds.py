"""The finding day of a report has bounds: not after today, and not more than the dated limit
(rules.REPORT_BACKDATE_DAYS, a year) before it, with a Chinese message saying what to do (enter it as found today,
with the first finding in the note). A year like 1900 no longer skews the days open or blocks the household."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hrss.assistance.households import rules, services
from hrss.assistance.models import ZeroEmploymentHousehold
from tests.conftest import TODAY, VILLAGE, login


def test_the_earliest_finding_day_is_accepted_and_the_day_before_refused(family, village_assistant):
    earliest = rules.earliest_found_on(TODAY)
    assert earliest == TODAY - datetime.timedelta(days=365)
    head, _ = family(VILLAGE, ("早甲", "早乙"))
    with pytest.raises(ValidationError, match=f"发现日期不能早于{earliest:%Y-%m-%d}.*请以今天为发现日期登记"):
        services.report_household(actor=village_assistant, person=head, source="application",
                                  found_on=earliest - datetime.timedelta(days=1))
    case = services.report_household(actor=village_assistant, person=head, source="application", found_on=earliest)
    assert case.found_on == earliest


def test_a_date_of_1900_is_refused_on_the_page_and_the_api(client, family, village_assistant):
    head, _ = family(VILLAGE, ("古甲", "古乙"))
    login(client, village_assistant)
    response = client.post(reverse("assistance:households-report", args=[head.pk]),
                           {"source": "application", "found_on": "1900-01-01"})
    assert response.status_code == 200
    assert "发现日期不能早于" in response.content.decode()
    from hrss.accounts import services as account_services

    token = account_services.create_token(actor=None, user=village_assistant)
    response = client.post("/api/v1/assistance/households",
                           {"person_id": head.pk, "source": "application", "found_on": "1900-01-01"},
                           content_type="application/json", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422
    assert "发现日期不能早于" in response.json()["detail"]
    assert not ZeroEmploymentHousehold.objects.exists()


def test_a_future_day_is_still_refused(family, village_assistant):
    head, _ = family(VILLAGE, ("未来甲", "未来乙"))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.report_household(actor=village_assistant, person=head, source="application",
                                  found_on=TODAY + datetime.timedelta(days=1))
