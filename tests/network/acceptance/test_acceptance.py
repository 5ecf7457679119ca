"""Acceptance (验收) as a review chain county → city: a request (or an acceptance) of an office that fails a rule
in force is refused with each failing rule and what is missing; the city accepts or refuses with a reason; an
accepted office keeps its date (the contract the funding and dashboard parts read)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core import review
from hrss.core.models import ReviewCase
from hrss.network.acceptance import selectors, services
from hrss.network.models import Acceptance, OfficeWindow, Rectification
from hrss.network.offices import services as office_services
from tests.conftest import TODAY, login
from tests.network.acceptance.conftest import findings_as_recorded, png


def make_ready(office, tina, county_officer):
    """The inspection's missing window added and its item fixed and confirmed: the office meets every rule."""
    inspection = services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY,
                                            findings=findings_as_recorded(office), today=TODAY)
    office_services.add_window(actor=tina, office=office, kind="rural_pension", today=TODAY)
    item = Rectification.objects.get(finding__inspection=inspection)
    services.fix_rectification(actor=tina, item=item, note="已增设新农保经办窗口", upload=png(), today=TODAY)
    services.confirm_rectification(actor=county_officer, item=item, today=TODAY)


def test_a_request_for_an_office_failing_a_rule_is_refused_naming_the_rule_and_what_is_missing(
        office, county_officer):
    with pytest.raises(ValidationError) as refused:
        services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    message = refused.value.messages[0]
    assert message.startswith("上城街道有1项建设标准未达到，不能申请验收：1. 六个基本服务窗口（要求：设置就业与失业登记管理")
    assert "现状：已设5个窗口，缺新农保经办" in message
    assert not Acceptance.objects.exists() and not ReviewCase.objects.exists()


def test_a_rule_not_yet_recorded_keeps_the_request_and_the_acceptance_back(office, tina, county_officer, city_admin):
    """Unknown is never passed: acceptance is of what was verified (a rule with nothing recorded is listed)."""
    make_ready(office, tina, county_officer)
    acceptance = services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    office_services.record_facts(actor=tina, office=office, suggestion_box=None, today=TODAY)  # no longer verified
    with pytest.raises(ValidationError) as refused:
        services.decide_acceptance(actor=city_admin, acceptance=acceptance, accept=True,
                                   version=acceptance.case.version, today=TODAY)
    assert refused.value.messages[0].startswith("尚有1项未登记、不能判断是否达标，不能通过验收：")
    acceptance.refresh_from_db()
    assert acceptance.state == "requested"


def test_an_item_not_yet_fixed_keeps_the_request_back(office, tina, county_officer):
    services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY,
                               findings=findings_as_recorded(office), today=TODAY)
    office_services.add_window(actor=tina, office=office, kind="rural_pension", today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    assert refused.value.messages == [
        f"尚有1项整改未完成，不能申请验收：六个基本服务窗口（期限{Rectification.objects.get().due_on:%Y-%m-%d}）。"]


def test_the_county_requests_and_the_city_accepts_and_the_office_keeps_the_date(
        office, tina, county_officer, city_admin):
    make_ready(office, tina, county_officer)
    assert selectors.state_of(office) == "none"
    acceptance = services.request_acceptance(actor=county_officer, office=office, note="整改完毕", today=TODAY)
    assert selectors.state_of(office) == "requested" and acceptance.case.step == "city_acceptance"
    assert list(selectors.acceptance_queue(city_admin)) == [acceptance]
    assert list(review.queue_for(city_admin, case_type="network.acceptance")) == [acceptance.case]
    with pytest.raises(PermissionDenied):  # the county does not accept its own request
        services.decide_acceptance(actor=county_officer, acceptance=acceptance, accept=True,
                                   version=acceptance.case.version, today=TODAY)
    services.decide_acceptance(actor=city_admin, acceptance=acceptance, accept=True,
                               version=acceptance.case.version, today=TODAY)
    assert (acceptance.state, acceptance.accepted_on, acceptance.case.status) == ("accepted", TODAY, "approved")
    assert selectors.accepted_on(office) == TODAY
    assert selectors.states_by_region([office.region_code, "441602002000"]) == {
        office.region_code: "accepted", "441602002000": "none"}
    with pytest.raises(ValidationError) as again:
        services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    assert "已通过验收" in again.value.messages[0]


def test_the_city_refuses_with_a_reason_and_the_county_may_request_again(office, tina, county_officer, city_admin):
    make_ready(office, tina, county_officer)
    acceptance = services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    with pytest.raises(review.MoveRefused):
        services.decide_acceptance(actor=city_admin, acceptance=acceptance, accept=False,
                                   version=acceptance.case.version, reason=" ", today=TODAY)
    services.decide_acceptance(actor=city_admin, acceptance=acceptance, accept=False,
                               version=acceptance.case.version, reason="窗口人员未到岗", today=TODAY)
    assert (acceptance.state, acceptance.reason, acceptance.accepted_on) == ("refused", "窗口人员未到岗", None)
    assert selectors.state_of(office) == "refused" and selectors.accepted_on(office) is None
    again = services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    assert selectors.state_of(office) == "requested" and again.pk != acceptance.pk


def test_the_city_cannot_accept_an_office_that_fails_a_rule_on_the_day(office, tina, county_officer, city_admin):
    make_ready(office, tina, county_officer)
    acceptance = services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    window = OfficeWindow.objects.get(office=office, kind="rural_pension")
    office_services.remove_item(actor=tina, item=window, reason="窗口撤并", today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.decide_acceptance(actor=city_admin, acceptance=acceptance, accept=True,
                                   version=acceptance.case.version, today=TODAY)
    assert "不能通过验收：1. 六个基本服务窗口" in refused.value.messages[0]
    acceptance.refresh_from_db()
    assert acceptance.state == "requested" and acceptance.case.status == "open"


def test_the_county_withdraws_its_request(office, tina, county_officer):
    make_ready(office, tina, county_officer)
    acceptance = services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    services.withdraw_acceptance(actor=county_officer, acceptance=acceptance, version=acceptance.case.version,
                                 reason="补充材料", today=TODAY)
    assert acceptance.state == "withdrawn" and selectors.state_of(office) == "none"


def test_the_story_on_the_pages_county_requests_city_accepts(client, office, tina, county_officer, city_admin):
    make_ready(office, tina, county_officer)
    login(client, county_officer)
    page = client.get("/network/acceptances/office/", {"region": office.region_code}).content.decode()
    assert 'data-testid="acceptance-ready"' in page
    requested = client.post("/network/acceptances/request/", {"region": office.region_code, "note": "整改完毕"},
                            follow=True)
    assert "已申请验收，待市验收。" in requested.content.decode()
    acceptance = Acceptance.objects.get()
    login(client, city_admin)
    queue = client.get("/network/acceptances/", {"state": "requested"}).content.decode()
    assert f"/network/acceptances/{acceptance.pk}/" in queue
    decided = client.post(f"/network/acceptances/{acceptance.pk}/decide/",
                          {"version": acceptance.case.version, "decision": "accept", "reason": ""}, follow=True)
    body = decided.content.decode()
    assert "已验收通过。" in body and f'data-testid="acceptance-accepted-on">{TODAY:%Y-%m-%d}' in body


def test_the_request_page_lists_the_failing_rules(client, office, county_officer):
    login(client, county_officer)
    response = client.post("/network/acceptances/request/", {"region": office.region_code})
    body = response.content.decode()
    assert response.status_code == 200 and 'data-testid="acceptance-refusal"' in body
    assert "六个基本服务窗口" in body and "缺新农保经办" in body


def test_an_accepted_office_gets_no_rating_code(office, tina, county_officer, city_admin):
    """An acceptance is among offices (the chain is internal): no 好差评 code is issued when it closes."""
    from hrss.supervision.models import RatingCode

    make_ready(office, tina, county_officer)
    acceptance = services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    services.decide_acceptance(actor=city_admin, acceptance=acceptance, accept=True,
                               version=acceptance.case.version, today=TODAY)
    assert acceptance.case.status == "approved"
    assert not RatingCode.objects.filter(source_id=str(acceptance.case.pk)).exists()
