import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core import dates
from hrss.core.models import AuditEntry
from hrss.employment import employment_registration as hiring
from hrss.employment.models import CancelReason, EmploymentKind, Standing, UnemploymentRegistration
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY, VILLAGE, login
from tests.residents.factories import make_id_number

D = datetime.date
DAY = datetime.timedelta(days=1)


def years_before(years, day=TODAY):
    return dates.years_before(day, years)


def hire(person, actor, event_date, **values):
    return hiring.register_employment(actor=actor, person=person, kind=EmploymentKind.HIRED, event_date=event_date,
                                      employer_name="河源市某电子厂", today=TODAY, **values)


@pytest.mark.parametrize(("hired_on", "late"), [
    (TODAY - 30 * DAY, False),
    (TODAY - 31 * DAY, True),
])
def test_a_hire_registered_after_30_days_is_marked_late(person_born, township_officer, hired_on, late):
    registration = hire(person_born(D(1990, 5, 1)), township_officer, hired_on)
    assert (registration.is_late, registration.days_allowed) == (late, 30)


@pytest.mark.parametrize(("ended_on", "late"), [
    (TODAY - 15 * DAY, False),
    (TODAY - 16 * DAY, True),
])
def test_the_end_of_a_contract_has_15_days(person_born, township_officer, ended_on, late):
    person = person_born(D(1990, 5, 1), status=LabourStatus.EMPLOYED)
    registration = hiring.register_employment(actor=township_officer, person=person,
                                              kind=EmploymentKind.CONTRACT_ENDED, event_date=ended_on,
                                              employer_name="某厂", today=TODAY)
    assert registration.is_late == late
    person.refresh_from_db()
    assert person.labour_status == LabourStatus.UNEMPLOYED


def test_the_ledger_follows_from_the_hiring_date(person_born, township_officer):
    person = person_born(D(1990, 5, 1))
    person.status_events.update(effective_date=TODAY - 60 * DAY)  # entered in the ledger two months ago
    residents_services._refresh_current_status(person)
    hire(person, township_officer, TODAY - 20 * DAY)
    person.refresh_from_db()
    assert (person.labour_status, person.status_since) == (LabourStatus.EMPLOYED, TODAY - 20 * DAY)


def test_a_hire_older_than_the_ledger_entry_still_shows_as_the_current_status(person_born, township_officer):
    person = person_born(D(1990, 5, 1))  # entered today
    hire(person, township_officer, TODAY - 20 * DAY)
    person.refresh_from_db()
    assert (person.labour_status, person.status_since) == (LabourStatus.EMPLOYED, TODAY)
    assert f"单位招用（{TODAY - 20 * DAY:%Y-%m-%d}起）" in person.status_events.latest("id").note


def test_a_fifteen_year_old_cannot_be_registered_as_hired(person_born, township_officer):
    with pytest.raises(ValidationError, match="未满16周岁"):
        hire(person_born(years_before(16) + DAY, status=LabourStatus.OTHER), township_officer, TODAY)


def test_a_registered_unemployed_person_who_is_hired_counts_as_reemployed(person_born, village_assistant,
                                                                          county_approver):
    from hrss.employment import services

    person = person_born(D(1990, 5, 1))
    registration = services.apply_for_unemployment_registration(
        actor=village_assistant, person=person, category="graduate", wants_work=True, able_to_work=True,
        documents=["id_card"])
    registration.standing, registration.registered_on = Standing.REGISTERED, TODAY - 90 * DAY
    registration.save()
    hired = hire(person, village_assistant, TODAY - 3 * DAY)
    assert hired.was_registered_unemployed
    registration.refresh_from_db()
    assert (registration.status, registration.cancelled_on, registration.cancel_reason) == (
        UnemploymentRegistration.Status.CANCELLED, TODAY - 3 * DAY, CancelReason.HIRED)


def test_an_employers_list_registers_the_good_rows_and_reports_the_others(heyuan, person_born, township_officer):
    first, second = person_born(D(1990, 5, 1), name="甲"), person_born(D(1991, 6, 2), sex_sequence=13, name="乙")
    outside = make_id_number(area="441621", birth=D(1990, 1, 1), sequence=15)
    registered, errors = hiring.register_hires(
        actor=township_officer, employer_name="河源市某电子厂", employer_code="", today=TODAY,
        hires=[(first.id_number, TODAY - 2 * DAY), (second.id_number.lower(), TODAY - 60 * DAY),
               (first.id_number, TODAY), (outside, TODAY), ("44160219900501001", TODAY)])
    assert [(r.person.name, r.is_late) for r in registered] == [("甲", False), ("乙", True)]
    assert [(e.row, e.reason[:6]) for e in errors] == [(3, "名单中重复。"), (4, "辖区台账中没"), (5, "公民身份号码")]


def test_outside_the_scope_nothing_is_registered_and_the_refusal_is_audited(person_born, neighbour_county_officer):
    person = person_born(D(1990, 5, 1))
    with pytest.raises(PermissionDenied):
        hire(person, neighbour_county_officer, TODAY)
    assert not person.employment_registrations.exists()
    assert AuditEntry.objects.filter(actor=neighbour_county_officer, outcome=AuditEntry.Outcome.DENIED).exists()


def test_the_hires_page_registers_a_pasted_list(client, person_born, township_officer):
    person = person_born(D(1990, 5, 1))
    mistyped = person.id_number[:17] + ("0" if person.id_number[17] != "0" else "1")
    page = login(client, township_officer).post("/employment/hires/", {
        "employer_name": "河源市某电子厂", "hired_on": TODAY.isoformat(),
        "lines": f"{person.id_number}\n{mistyped},{TODAY}\n"})
    body = page.content.decode()
    assert "已登记 <strong>1</strong> 人" in body and "1 行未登记" in body and "校验码不符" in body


def test_the_person_page_registers_flexible_employment(client, heyuan, village_assistant):
    person = residents_services.register_person(actor=village_assistant, id_number=make_id_number(sequence=17),
                                                name="王五", village=heyuan[VILLAGE], status="unemployed")[0]
    page = login(client, village_assistant).post(f"/employment/employment/new/{person.pk}/", {
        "kind": "flexible", "event_date": TODAY.isoformat(), "flexible_form": "online"}, follow=True)
    assert "已办理 王五 的灵活就业登记" in page.content.decode()
    person.refresh_from_db()
    assert (person.labour_status, person.status_detail) == (LabourStatus.FLEXIBLE, "online")



def test_a_double_click_on_a_form_saves_once_and_both_clicks_land_on_the_same_page(client, heyuan, village_assistant):
    from hrss.employment.models import EmploymentRegistration

    person = residents_services.register_person(actor=village_assistant, id_number=make_id_number(sequence=19),
                                                name="赵六", village=heyuan[VILLAGE], status="unemployed")[0]
    client = login(client, village_assistant)
    form = client.get(f"/employment/employment/new/{person.pk}/").content.decode()
    token = form.split('name="_once" value="')[1].split('"')[0]
    data = {"_once": token, "kind": "flexible", "event_date": TODAY.isoformat(), "flexible_form": "online"}
    first = client.post(f"/employment/employment/new/{person.pk}/", data)
    second = client.post(f"/employment/employment/new/{person.pk}/", data)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert EmploymentRegistration.objects.filter(person=person).count() == 1
    fresh = client.get(f"/employment/employment/new/{person.pk}/").content.decode()
    assert token not in fresh  # every page gets its own token


def test_a_form_with_errors_can_be_sent_again_with_the_same_token(client, heyuan, village_assistant):
    person = residents_services.register_person(actor=village_assistant, id_number=make_id_number(sequence=21),
                                                name="钱七", village=heyuan[VILLAGE], status="unemployed")[0]
    client = login(client, village_assistant)
    data = {"_once": "fixed-token", "kind": "flexible", "event_date": TODAY.isoformat()}
    assert client.post(f"/employment/employment/new/{person.pk}/", data).status_code == 200  # no form chosen
    data["flexible_form"] = "online"
    assert client.post(f"/employment/employment/new/{person.pk}/", data).status_code == 302


def test_an_employer_uploads_its_list_as_a_spreadsheet(client, person_born, township_officer, tmp_path):
    import openpyxl
    from django.core.files.uploadedfile import SimpleUploadedFile

    first, second = person_born(D(1990, 5, 1), name="甲"), person_born(D(1991, 6, 2), sex_sequence=13, name="乙")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "姓名", "公民身份号码", "招用日期"])
    sheet.append([1, "甲", first.id_number, TODAY - 3 * DAY])  # a real date cell
    sheet.append([2, "乙", second.id_number, (TODAY - 40 * DAY).isoformat()])  # a date typed as text
    sheet.append([3, "丙", 441602199001010011, TODAY])  # an ID number typed as a number
    path = tmp_path / "招用名单.xlsx"
    workbook.save(path)
    page = login(client, township_officer).post("/employment/hires/", {
        "employer_name": "河源市某电子厂", "hired_on": TODAY.isoformat(), "lines": "",
        "file": SimpleUploadedFile(path.name, path.read_bytes())})
    body = page.content.decode()
    assert "已登记 <strong>2</strong> 人" in body and "1 行未登记" in body
    assert "<td>4</td>" in body and "存成了数字" in body  # the row as Excel numbers it
    assert first.employment_registrations.get().event_date == TODAY - 3 * DAY
    assert second.employment_registrations.get().is_late


def test_a_spreadsheet_without_the_id_column_is_refused_with_what_to_fix(client, township_officer, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = login(client, township_officer).post("/employment/hires/", {
        "employer_name": "某厂", "file": SimpleUploadedFile("名单.csv", "姓名,电话\n甲,1\n".encode())})
    assert "表头须有“公民身份号码”一列" in page.content.decode()
