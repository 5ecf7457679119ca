import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core import dates
from hrss.employment import employment_registration as hiring
from hrss.employment import selectors, services
from hrss.employment.models import (
    CancelReason,
    EmploymentKind,
    Standing,
    UnemployedContact,
    UnemploymentRegistration,
)
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY, TOWNSHIP, VILLAGE, login

D = datetime.date
DAY = datetime.timedelta(days=1)


@pytest.fixture
def registered(person_born, village_assistant):
    """A person registered unemployed on `since` (the review chain is tested elsewhere)."""

    def make(since, birth=None, name="张三", sequence=11):
        person = person_born(birth or D(1990, 5, 1), sex_sequence=sequence, name=name)
        registration = services.apply_for_unemployment_registration(
            actor=village_assistant, person=person, category="graduate", wants_work=True, able_to_work=True,
            documents=["id_card"], today=since)
        registration.standing, registration.registered_on = Standing.REGISTERED, since
        registration.save()
        person.labour_status = LabourStatus.UNEMPLOYED
        person.save(update_fields=["labour_status"])
        return registration

    return make


@pytest.mark.parametrize(("last_contact", "proposed"), [
    (D(2026, 5, 25), True),  # six months before 11-25
    (D(2026, 5, 26), False),
])
def test_six_months_without_contact_is_proposed_for_cancellation(registered, township_officer, village_assistant,
                                                                  last_contact, proposed):
    registration = registered(D(2026, 3, 2))
    UnemployedContact.objects.create(registration=registration, contacted_on=last_contact, kind="phone",
                                     recorded_by=village_assistant)
    proposals = services.cancellation_proposals(township_officer, today=D(2026, 11, 25))
    assert [(p.registration, p.reason) for p in proposals] == (
        [(registration, CancelReason.NO_CONTACT)] if proposed else [])


def test_without_any_contact_the_six_months_count_from_the_registration(registered, township_officer):
    registration = registered(D(2026, 5, 31))
    assert not services.cancellation_proposals(township_officer, today=D(2026, 11, 29))
    assert services.cancellation_proposals(township_officer, today=D(2026, 11, 30))[0].registration == registration


def test_six_months_after_keeps_to_the_end_of_short_months():
    assert dates.add_months(D(2026, 8, 31), services.NO_CONTACT_MONTHS) == D(2027, 2, 28)
    assert dates.add_months(D(2027, 8, 31), services.NO_CONTACT_MONTHS) == D(2028, 2, 29)


def test_three_refusals_without_reason_are_proposed(registered, township_officer, village_assistant):
    registration = registered(TODAY - 30 * DAY)
    for days_ago in (20, 10, 5):
        services.record_contact(actor=village_assistant, registration=registration,
                                contacted_on=TODAY - days_ago * DAY, kind="referral", job="普工",
                                refused_without_reason=True)
    (proposal,) = services.cancellation_proposals(township_officer)
    assert proposal.reason == CancelReason.NOT_SEEKING and "3 次" in proposal.detail


def test_reaching_retirement_age_is_proposed(registered, township_officer):
    registration = registered(D(2026, 1, 5), birth=D(1966, 2, 10))  # retirement month 2026-06
    (proposal,) = services.cancellation_proposals(township_officer, today=D(2026, 6, 1))
    assert (proposal.registration, proposal.reason) == (registration, CancelReason.PENSION_OR_RETIREMENT)


def test_an_officer_confirms_a_cancellation_and_the_ledger_follows(registered, township_officer):
    registration = registered(TODAY - 60 * DAY)
    services.cancel_unemployment_registration(actor=township_officer, registration=registration,
                                              reason=CancelReason.LOST_CAPACITY, note="医院证明")
    registration.refresh_from_db()
    assert (registration.status, registration.cancelled_on) == (UnemploymentRegistration.Status.CANCELLED, TODAY)
    assert registration.person.labour_status == LabourStatus.INCAPACITATED
    with pytest.raises(ValidationError, match="不是登记失业状态"):
        services.cancel_unemployment_registration(actor=township_officer, registration=registration,
                                                  reason=CancelReason.NO_CONTACT)


def test_a_village_assistant_records_contacts_but_does_not_cancel(registered, village_assistant):
    registration = registered(TODAY - 60 * DAY)
    services.record_contact(actor=village_assistant, registration=registration, contacted_on=TODAY, kind="home")
    with pytest.raises(PermissionDenied):
        services.cancel_unemployment_registration(actor=village_assistant, registration=registration,
                                                  reason=CancelReason.NO_CONTACT)
    with pytest.raises(ValidationError, match="晚于今天"):
        services.record_contact(actor=village_assistant, registration=registration, contacted_on=TODAY + DAY,
                                kind="phone")


def test_the_proposals_page_confirms_with_one_click(client, registered, township_officer):
    registration = registered(TODAY - 400 * DAY)
    client = login(client, township_officer)
    page = client.get("/employment/proposals/").content.decode()
    assert "连续6个月未与公共就业服务机构联系" in page and "张三" in page
    client.post(f"/employment/unemployment/{registration.pk}/cancel/",
                {"reason": "no_contact", "effective_date": TODAY.isoformat(), "note": "电话停机"})
    registration.refresh_from_db()
    assert (registration.cancel_reason, registration.cancel_note) == ("no_contact", "电话停机")


# --- monthly figures ---------------------------------------------------------------------------------------------


def test_monthly_figures_are_counted_from_the_registrations_and_drill_down(registered, person_born, heyuan,
                                                                         township_officer):
    standing = registered(TODAY - 40 * DAY, name="甲", sequence=11)
    reemployed = registered(TODAY - 40 * DAY, name="乙", sequence=13)
    hiring.register_employment(actor=township_officer, person=reemployed.person, kind=EmploymentKind.HIRED,
                               event_date=TODAY, employer_name="某厂")
    newcomer = person_born(D(1995, 1, 1), sex_sequence=15, name="丙")
    hiring.register_employment(actor=township_officer, person=newcomer, kind=EmploymentKind.FLEXIBLE,
                               event_date=TODAY, flexible_form="online")
    figures = selectors.monthly_figures(township_officer, heyuan[TOWNSHIP], TODAY.year, TODAY.month)
    assert (figures.new_employment, figures.reemployed, figures.registered_unemployed) == (2, 1, 1)
    assert figures.employed == 2  # 乙 and 丙 work now
    assert figures.unemployment_rate == round(100 * 1 / 3, 2)
    names = {p.name for p in selectors.people_behind(township_officer, heyuan[TOWNSHIP], "registered_unemployed",
                                                      TODAY.year, TODAY.month)}
    assert names == {standing.person.name}


def test_a_cancelled_registration_still_counts_at_the_end_of_earlier_months(registered, township_officer, heyuan):
    registration = registered(D(2026, 8, 10))
    registration.standing, registration.cancelled_on = Standing.CANCELLED, D(2026, 10, 15)
    registration.cancel_reason = CancelReason.NO_CONTACT
    registration.save()
    counts = [selectors.monthly_figures(township_officer, heyuan[VILLAGE], 2026, month).registered_unemployed
              for month in (7, 8, 9, 10)]
    assert counts == [0, 1, 1, 0]


def test_the_ledgers_page_and_its_downloads(client, registered, township_officer):
    registered(TODAY - 10 * DAY)
    client = login(client, township_officer)
    page = client.get("/employment/ledgers/").content.decode()
    assert "城镇登记失业率" in page and "期末登记失业人数" in page
    drill = client.get("/employment/ledgers/people/", {"figure": "registered_unemployed"}).content.decode()
    assert "张三" in drill
    download = client.get("/employment/ledgers/unemployment.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(download.content)).active
    header, row = [cell.value for cell in sheet[1]], [cell.value for cell in sheet[2]]
    assert header[:2] == ["姓名", "公民身份号码"] and row[0] == "张三" and "********" in row[1]
    assert row[header.index("状态")] == "登记失业"


def test_the_ledger_pages_list_the_registrations_of_the_region(client, registered, township_officer):
    registration = registered(TODAY - 10 * DAY)
    hiring.register_employment(actor=township_officer, person=registration.person, kind=EmploymentKind.HIRED,
                               event_date=TODAY - 5 * DAY, employer_name="河源市某电子厂")
    client = login(client, township_officer)
    unemployment = client.get("/employment/ledgers/unemployment/").content.decode()
    assert "张三" in unemployment and "已注销" in unemployment and "被用人单位录用" in unemployment
    employment = client.get("/employment/ledgers/employment/").content.decode()
    assert "河源市某电子厂" in employment and "再就业" in employment and "逾期登记" not in employment


def test_the_figures_of_each_child_region_equal_their_own_page(registered, person_born, heyuan, township_officer):
    from hrss.core.models import Region

    registered(TODAY - 40 * DAY, name="甲", sequence=11)
    newcomer = person_born(D(1995, 1, 1), sex_sequence=15, name="丙")
    hiring.register_employment(actor=township_officer, person=newcomer, kind=EmploymentKind.FLEXIBLE,
                               event_date=TODAY, flexible_form="online")
    township = heyuan[TOWNSHIP]
    children = list(Region.objects.filter(parent=township).order_by("code"))
    rows = selectors.monthly_figures_of_children(township_officer, township, children, TODAY.year, TODAY.month)
    assert [(child, figures) for child, figures in rows] == [
        (child, selectors.monthly_figures(township_officer, child, TODAY.year, TODAY.month)) for child in children]
    assert dict(rows)[heyuan[VILLAGE]].registered_unemployed == 1
