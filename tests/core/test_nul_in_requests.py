"""A NUL character (%00) in a page's query string or form is refused with a 400 page saying so, in Chinese, on every
database: PostgreSQL cannot compare text with NUL (a search was a 500 there) and SQLite read it as a wildcard in
the region picker (a campaign started for the user's county by region=%00)."""

import pytest

from hrss.pensions.models import CertificationCampaign


@pytest.mark.parametrize("path", [
    "/residents/?q=%00", "/pensions/certification/people/?q=%00", "/pensions/certification/?region=%00",
    "/pensions/certification/ledger/?q=%00", "/pensions/benefits/?q=%00",
])
def test_a_nul_in_the_query_string_is_a_400_that_says_why(client, heyuan, county_officer, path):
    client.force_login(county_officer)
    response = client.get(path)
    assert response.status_code == 400
    assert "不可见的控制字符（NUL）" in response.content.decode()


def test_a_nul_in_a_form_starts_nothing(client, heyuan, county_officer):
    client.force_login(county_officer)
    response = client.post("/pensions/certification/new/", {"region": "\x00", "year": "2026",
                                                             "opens_on": "2026-12-01", "closes_on": "2027-01-31"})
    assert response.status_code == 400 and not CertificationCampaign.objects.exists()


def test_the_api_keeps_answering_with_its_own_422(client, heyuan, county_officer):
    from hrss.accounts import services as account_services

    token = account_services.create_token(actor=None, user=county_officer)
    response = client.get("/api/v1/people/search", {"q": "\x00"}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code != 400 and response.status_code < 500
