"""Findings M2 and M3 of issue 9, section 4, on the hires page (/employment/hires/):

- M2: it told whether a name and ID number from outside the officer's area belong together, uncounted and
  unaudited, even for a line with a future or unreadable date. Now a line's own fields are checked first, every
  look beyond the scope (found or not) is counted per user and audited with residents.lookups, and before the
  employer's village is chosen a worker from elsewhere and an unknown number get one answer.
- M3: an office of another county could, knowing a name and ID number, cancel a person's 失业登记 by "hiring" them,
  and register the same hire again and again. Now a hire registered from outside the worker's scope changes the home ledger's status (as
  issue 9 asks) but only proposes the cancellation to the home officers; the same hire twice is refused."""

import datetime

import pytest
from django.urls import reverse

from hrss.core.models import AuditEntry
from hrss.employment import employment_registration as hiring
from hrss.employment import services
from hrss.employment.models import CancelReason, EmploymentRegistration, UnemploymentRegistration
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, TODAY, VILLAGE, login
from tests.employment import test_hires_where_the_employer_is as where_the_employer_is
from tests.residents.factories import make_id_number

D = datetime.date
RESIDENT_ID = make_id_number(birth=D(1989, 5, 14), sequence=9)  # 刘建国 of 下城社区, 源城区
HIRED_ON = D(2023, 5, 8)
LOOKED_UP = "employment.hire.worker_looked_up"
# 王五 of 紫金县 and his 失业登记 there, as the tests of hires where the employer is make them.
WORKER_ID = where_the_employer_is.WORKER_ID
worker = where_the_employer_is.worker
registered_unemployed = where_the_employer_is.registered_unemployed


@pytest.fixture
def liu(heyuan, village_assistant):
    return residents_services.register_person(
        actor=village_assistant, id_number=RESIDENT_ID, name="刘建国", village=heyuan[VILLAGE],
        status=LabourStatus.FARMING, status_since=D(2022, 1, 1))[0]


def post_hires(client, user, lines, region=NEIGHBOUR_COUNTY_VILLAGE, employer="紫金某厂"):
    return login(client, user).post("/employment/hires/", {
        "employer_name": employer, "employer_region": region, "lines": lines}).content.decode()


def reasons(user, lines, region=NEIGHBOUR_COUNTY_VILLAGE):
    """The reason of each line's refusal, through the service the page calls."""
    _registered, errors = hiring.register_hires(actor=user, employer_name="紫金某厂", employer_code="",
                                                employer_region_code=region, hires=lines)
    return [error.reason for error in errors]


# --- M2: the page is no oracle ---------------------------------------------------------------------------------


def test_a_lines_own_date_is_checked_before_anyone_is_looked_up(client, liu, neighbour_county_officer):
    future = post_hires(client, neighbour_county_officer, f"{RESIDENT_ID},{TODAY + datetime.timedelta(days=1)},刘建国")
    unreadable = post_hires(client, neighbour_county_officer, f"{RESIDENT_ID},2026-13-01,刘建国")
    assert "招用日期不能晚于今天" in future and "请填写招用日期" in unreadable
    assert reasons(neighbour_county_officer, [(1, RESIDENT_ID, None, "刘建国")]) == ["请填写招用日期（如 2026-05-08）。"]
    assert "辖区台账中没有此人" not in future + unreadable
    assert not AuditEntry.objects.filter(action=LOOKED_UP).exists()


def test_before_the_employers_village_a_pair_from_elsewhere_and_an_unknown_number_answer_alike(
        liu, neighbour_county_officer):
    unknown = make_id_number(birth=D(1989, 5, 14), sequence=19)
    answers = [reasons(neighbour_county_officer, [(1, number, HIRED_ON, name)], region="")
               for number, name in [(RESIDENT_ID, "刘建国"), (unknown, "刘建国"), (RESIDENT_ID, "刘建军")]]
    assert answers == [[hiring.NOT_FOUND_WITHOUT_VILLAGE]] * 3
    assert "用人单位所在村(社区)" in hiring.NOT_FOUND_WITHOUT_VILLAGE
    assert not AuditEntry.objects.filter(action=LOOKED_UP).exists()  # nothing outside the scope was looked at


def test_every_look_beyond_the_scope_is_counted_and_audited_found_or_not(settings, liu, neighbour_county_officer,
                                                                         county_officer):
    settings.HRSS_RATE_LIMITS = {**settings.HRSS_RATE_LIMITS, "registered_elsewhere": (2, 3600)}
    unknown = make_id_number(birth=D(1989, 5, 14), sequence=19)
    assert reasons(neighbour_county_officer, [(1, unknown, HIRED_ON, "刘建国"), (2, RESIDENT_ID, HIRED_ON, "刘建军")]) \
        == [hiring.NOT_FOUND, hiring.NOT_FOUND]
    # Past the limit even the right pair is refused, for this officer only.
    (refused,) = reasons(neighbour_county_officer, [(1, RESIDENT_ID, HIRED_ON, "刘建国")])
    assert "已达上限（2 次）" in refused
    assert not EmploymentRegistration.objects.exists()
    looks = AuditEntry.objects.filter(action=LOOKED_UP, actor=neighbour_county_officer)
    assert sorted(looks.values_list("outcome", "subject_id_number")) == [
        ("denied", RESIDENT_ID), ("ok", RESIDENT_ID), ("ok", unknown)]
    # A worker in the officer's own scope is no look beyond it.
    assert reasons(county_officer, [(1, RESIDENT_ID, HIRED_ON, "刘建国")], region=VILLAGE) == []
    assert not AuditEntry.objects.filter(action=LOOKED_UP, actor=county_officer).exists()


# --- M3: a hire from elsewhere proposes; the same hire twice is refused -----------------------------------------


def test_a_hire_from_another_county_changes_the_ledger_and_proposes_the_cancellation_at_home(
        client, heyuan, registered_unemployed, county_officer, neighbour_county_officer):
    """王五 of 紫金县, registered unemployed there, hired by a 源城区 employer: 源城区's officer registers the hire."""
    wang = registered_unemployed.person
    page = post_hires(client, county_officer, f"{WORKER_ID},{HIRED_ON},王五", region=VILLAGE, employer="源城某电子厂")
    assert "已登记 <strong>1</strong> 人" in page
    wang.refresh_from_db()
    assert wang.labour_status == LabourStatus.EMPLOYED  # the home village sees the change
    change = AuditEntry.objects.get(action="residents.status.recorded", subject_id_number=WORKER_ID,
                                    actor=county_officer)
    assert change.after["labour_status"] == LabourStatus.EMPLOYED
    registered_unemployed.refresh_from_db()
    assert registered_unemployed.status == UnemploymentRegistration.Status.REGISTERED
    assert not AuditEntry.objects.filter(action="employment.unemployment.cancelled").exists()

    workbench = login(client, neighbour_county_officer).get("/").content.decode()
    assert "已被外地用人单位录用、待确认注销的失业登记" in workbench and reverse("employment:proposals") in workbench
    proposals_page = login(client, neighbour_county_officer).get("/employment/proposals/").content.decode()
    assert "被用人单位录用" in proposals_page and "源城某电子厂" in proposals_page and "源城区" in proposals_page
    assert 'name="effective_date" value="2023-05-08"' in proposals_page
    assert not services.cancellation_proposals(county_officer)  # not the registering office's to confirm

    login(client, neighbour_county_officer).post(
        reverse("employment:registration-cancel", args=[registered_unemployed.pk]),
        {"reason": CancelReason.HIRED, "effective_date": "2023-05-08", "note": "已核实"})
    registered_unemployed.refresh_from_db()
    assert (registered_unemployed.status, registered_unemployed.cancel_reason, registered_unemployed.cancelled_on) \
        == (UnemploymentRegistration.Status.CANCELLED, CancelReason.HIRED, HIRED_ON)
    assert AuditEntry.objects.get(action="employment.unemployment.cancelled").actor == neighbour_county_officer
    assert not services.cancellation_proposals(neighbour_county_officer)
    assert "待确认注销" not in login(client, neighbour_county_officer).get("/").content.decode()


def test_a_hire_within_the_workers_scope_still_ends_the_registration_itself(registered_unemployed,
                                                                             neighbour_county_officer):
    assert reasons(neighbour_county_officer, [(1, WORKER_ID, HIRED_ON, "王五")]) == []
    registered_unemployed.refresh_from_db()
    assert registered_unemployed.status == UnemploymentRegistration.Status.CANCELLED


def test_the_same_hire_twice_is_refused(liu, neighbour_county_officer, township_officer):
    assert reasons(neighbour_county_officer, [(1, RESIDENT_ID, HIRED_ON, "刘建国")]) == []
    again = reasons(neighbour_county_officer, [(1, RESIDENT_ID, HIRED_ON, "刘建国")])
    assert len(again) == 1 and "已由该用人单位登记招用（2023-05-08起）" in again[0] and "不能重复登记" in again[0]
    later = reasons(neighbour_county_officer, [(1, RESIDENT_ID, D(2023, 9, 1), "刘建国")])
    assert len(later) == 1 and "不能重复登记" in later[0], "within the same employment"
    assert len(reasons(township_officer, [(1, RESIDENT_ID, D(2023, 9, 1), "刘建国")], region=VILLAGE)) == 1, \
        "the same employer's hire, registered by another office"
    assert EmploymentRegistration.objects.count() == 1


def test_a_rehire_after_the_contract_ended_and_another_employer_are_no_duplicates(liu, township_officer):
    assert reasons(township_officer, [(1, RESIDENT_ID, HIRED_ON, "刘建国")], region=VILLAGE) == []
    liu.refresh_from_db()
    hiring.register_employment(actor=township_officer, person=liu, kind="contract_ended", event_date=D(2023, 8, 1),
                               employer_name="紫金某厂")
    assert reasons(township_officer, [(1, RESIDENT_ID, D(2023, 9, 1), "刘建国")], region=VILLAGE) == []
    _registered, errors = hiring.register_hires(actor=township_officer, employer_name="源城另一厂", employer_code="",
                                                employer_region_code=VILLAGE,
                                                hires=[(1, RESIDENT_ID, D(2023, 9, 1), "刘建国")])
    assert errors == []
    assert EmploymentRegistration.objects.filter(kind="hired").count() == 3
