"""A petition period reaching a year whose holiday arrangement is not loaded yet (in December, the next year's): the
petition is not refused; its last day is stored as counted in calendar days, without the roll-over over rest days
(民法典 art. 203), marked provisional on the page, the ledger and the API; loading the year's arrangement settles
every provisional due date at once (core.workdays.after_arrangement_loaded)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from hrss.accounts import services as account_services
from hrss.core import workdays
from hrss.core.models import CalendarDay
from hrss.core.permissions import Role
from hrss.supervision import deadlines
from hrss.supervision.models import Petition, PetitionEvent
from hrss.supervision.petitions import demo, services
from tests.conftest import SHANGHAI, TOWNSHIP, VILLAGE
from tests.supervision.petitions.conftest import accepted, d, make_petition, replied

WORDING = "（暂按自然日计，节假日安排录入后按法定休假日顺延核定）"


def load_2027(*holidays):
    workdays.load_arrangement(days={d(day): (CalendarDay.Kind.HOLIDAY, "测试假日") for day in holidays},
                              years=[2027], actor=None, source="测试安排")


def test_received_on_20_december_2026_it_is_recorded_with_4_january_2027_provisional(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=d("2026-12-20"))
    assert petition.accept_due == d("2027-01-04")  # 20 December + 15 calendar days
    assert petition.provisional_dues == ["accept_due"]
    assert petition.due_text("accept_due") == "2027-01-04" + WORDING
    assert PetitionEvent.objects.filter(petition=petition, kind="received").exists()


def test_loading_2027_moves_a_provisional_due_off_a_holiday_and_settles_it(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=d("2026-12-20"))
    on_a_working_day = make_petition(village_assistant, received_on=d("2026-12-21"), petitioner_name="李四",
                                     petitioner_phone="13800000003")  # due Tuesday 5 January
    load_2027("2027-01-04")
    petition.refresh_from_db()
    on_a_working_day.refresh_from_db()
    assert petition.accept_due == d("2027-01-05") and petition.provisional_dues == []
    assert petition.due_text("accept_due") == "2027-01-05"
    assert on_a_working_day.accept_due == d("2027-01-05") and on_a_working_day.provisional_dues == []


def test_the_handle_due_and_its_extension_are_provisional_then_settled(heyuan, village_assistant, township_officer,
                                                                       township_reviewer):
    petition = accepted(village_assistant, township_officer, received_on=d("2026-11-09"),
                        accepted_on=d("2026-11-10"))
    assert petition.handle_due == d("2027-01-09")  # a Saturday, not rolled over: 2027 is not loaded
    assert set(petition.provisional_dues) == {"handle_due_initial", "handle_due"}
    petition = services.extend(actor=township_reviewer, petition=petition, days=30, reason="涉及多家单位，需调查核实",
                               today=d("2026-12-01"))
    assert petition.handle_due == d("2027-02-08") and "handle_due" in petition.provisional_dues
    load_2027("2027-01-11")
    petition.refresh_from_db()
    # 9 January (Saturday) -> 10 (Sunday) -> 11 (holiday) -> Tuesday 12; the 30 days of the extension from there.
    assert petition.handle_due_initial == d("2027-01-12")
    assert petition.handle_due == d("2027-02-11")
    assert petition.provisional_dues == []


def test_a_year_still_missing_after_a_load_keeps_its_dues_provisional(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=d("2026-12-20"))
    workdays.load_arrangement(days={}, years=[2026], actor=None, source="测试安排")  # another year reloaded
    petition.refresh_from_db()
    assert petition.accept_due == d("2027-01-04") and petition.provisional_dues == ["accept_due"]


def test_a_request_for_review_after_a_provisional_last_day_is_recorded_not_refused(heyuan, village_assistant,
                                                                                 township_officer, county_officer):
    petition = replied(village_assistant, township_officer, received_on=d("2026-11-02"),
                       accepted_on=d("2026-11-03"), replied_on=d("2026-12-10"))
    assert petition.review_request_due == d("2027-01-09") and "review_request_due" in petition.provisional_dues
    petition = services.request_review(actor=county_officer, petition=petition, requested_on=d("2027-01-10"),
                                       text="对答复不服", today=d("2027-01-10"))
    assert petition.review_due == d("2027-02-09") and "review_due" in petition.provisional_dues
    note = PetitionEvent.objects.get(petition=petition, kind="review_requested").note
    assert "晚于暂按自然日计的请求期限2027-01-09" in note


def test_the_page_the_ledger_and_the_api_show_the_provisional_wording(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=d("2026-12-20"))
    client = Client()
    client.force_login(village_assistant)
    page = client.get(reverse("supervision:petitions-detail", args=[petition.pk])).content.decode()
    assert "2027-01-04" + WORDING in page
    ledger = client.get(reverse("supervision:petitions-ledger")).content.decode()
    assert "受理期限 2027-01-04" + WORDING in ledger
    token = account_services.create_token(actor=None, user=village_assistant)
    data = Client().get(f"/api/v1/supervision/petitions/{petition.pk}",
                        headers={"Authorization": f"Bearer {token}"}).json()
    assert data["accept_due"] == "2027-01-04" and data["provisional_dues"] == ["accept_due"]
    assert data["dues_text"]["accept_due"] == "2027-01-04" + WORDING


def test_the_deadlines_give_the_calendar_day_count_only_for_calendar_day_periods(db):
    assert deadlines.due_or_provisional("petition-accept", d("2026-12-20")) == (d("2027-01-04"), True)
    assert deadlines.due_or_provisional("petition-accept", d("2026-03-02")) == (d("2026-03-17"), False)
    with pytest.raises(workdays.UnknownArrangement):  # a working-day period cannot be counted without the year
        deadlines.due_or_provisional("inspection-accept", d("2026-12-28"))


def test_the_demo_in_december_makes_all_its_petitions(heyuan, make_user, clock):
    clock.move_to(datetime.datetime(2026, 12, 7, 10, tzinfo=SHANGHAI))
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    make_user("shangcheng", TOWNSHIP, Role.TOWNSHIP_OFFICER)
    assert demo.generate() == 4
    handled = Petition.objects.get(state="accepted")
    assert handled.handle_due == d("2027-01-18") and "handle_due" in handled.provisional_dues
