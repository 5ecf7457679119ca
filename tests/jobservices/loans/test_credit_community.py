"""信用社区: a village marked by the county (or the guarantee agency) from a date until revoked; an application from
it carries the flag the guarantee agency sees; only villages, only in scope, once at a time."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.jobservices.loans import selectors, services
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.jobservices.loans.test_chain import apply

D = datetime.date


def test_an_application_from_a_credit_community_carries_the_flag(applicant, village_assistant, county_officer,
                                                                 client):
    services.mark_credit_community(actor=county_officer, region_code=VILLAGE, marked_on=TODAY, note="评定")
    application = apply(village_assistant, applicant)
    assert application.from_credit_community
    client.force_login(county_officer)
    page = client.get(f"/jobservices/loans/applications/{application.pk}/").content.decode()
    assert "信用社区" in page and "可免反担保" in page


def test_without_the_mark_no_flag(applicant, village_assistant):
    assert not apply(village_assistant, applicant).from_credit_community


def test_a_mark_holds_from_its_date_until_revoked(heyuan, county_officer):
    mark = services.mark_credit_community(actor=county_officer, region_code=VILLAGE, marked_on=D(2026, 1, 1),
                                          today=D(2026, 6, 15))
    assert selectors.credit_community_on(VILLAGE, D(2025, 12, 31)) is None
    assert selectors.credit_community_on(VILLAGE, D(2026, 1, 1)) == mark
    with pytest.raises(ValidationError, match="已是信用社区"):
        services.mark_credit_community(actor=county_officer, region_code=VILLAGE, marked_on=D(2026, 2, 1),
                                       today=D(2026, 6, 15))
    with pytest.raises(ValidationError, match="撤销原因"):
        services.revoke_credit_community(actor=county_officer, community=mark, revoked_on=D(2026, 5, 1), note="",
                                         today=D(2026, 6, 15))
    services.revoke_credit_community(actor=county_officer, community=mark, revoked_on=D(2026, 5, 1),
                                     note="出现恶意拖欠", today=D(2026, 6, 15))
    assert selectors.credit_community_on(VILLAGE, D(2026, 4, 30)) == mark
    assert selectors.credit_community_on(VILLAGE, D(2026, 5, 1)) is None


def test_only_villages_in_scope_by_the_county_or_the_guarantee_agency(heyuan, county_officer, village_assistant,
                                                                      guarantee_officer):
    with pytest.raises(ValidationError, match="按村\\(社区\\)评定"):
        services.mark_credit_community(actor=county_officer, region_code=TOWNSHIP, marked_on=TODAY)
    with pytest.raises(PermissionDenied):
        services.mark_credit_community(actor=county_officer, region_code=NEIGHBOUR_COUNTY_VILLAGE, marked_on=TODAY)
    with pytest.raises(PermissionDenied):
        services.mark_credit_community(actor=village_assistant, region_code=VILLAGE, marked_on=TODAY)
    assert services.mark_credit_community(actor=guarantee_officer, region_code=VILLAGE, marked_on=TODAY)
