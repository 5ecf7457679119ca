"""Attendance, completion with the certificate gained, and dropping out. Completing a course meets the person's
open wishes of that occupation (at the level both name) and kind; dropping out leaves them open."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.jobservices.models import EnrolmentStatus, WishStatus
from hrss.jobservices.training import services
from tests.conftest import TODAY
from tests.jobservices.training.conftest import COOK


@pytest.fixture
def enrolment(make_course, person, county_officer):
    course = make_course(starts_on=TODAY - datetime.timedelta(days=10))
    return services.enrol(actor=county_officer, course=course, person=person, today=course.starts_on)


def test_attendance_is_the_total_within_the_course_hours(enrolment, county_officer):
    services.record_attendance(actor=county_officer, enrolment=enrolment, attended_hours=24)
    enrolment.refresh_from_db()
    assert enrolment.attended_hours == 24
    with pytest.raises(ValidationError, match="0 到 60"):
        services.record_attendance(actor=county_officer, enrolment=enrolment, attended_hours=61)


def test_completion_meets_the_matching_wishes_only(enrolment, person, village_assistant, county_officer):
    broader = services.record_training_wish(actor=village_assistant, person=person, occupation_code="4-03",
                                            kind="skills")
    other_kind = services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK,
                                               kind="syb")
    other_job = services.record_training_wish(actor=village_assistant, person=person, occupation_code="6-31",
                                              kind="skills")
    services.complete(actor=county_officer, enrolment=enrolment, certificate_kind="skill_level",
                      certificate_number="S123", completed_on=TODAY - datetime.timedelta(days=1))
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.completed_on, enrolment.certificate_kind, enrolment.certificate_number) == (
        EnrolmentStatus.COMPLETED, TODAY - datetime.timedelta(days=1), "skill_level", "S123")
    assert enrolment.attended_hours == 60  # no sign-in sheet recorded: the whole course
    for wish in (broader, other_kind, other_job):
        wish.refresh_from_db()
    assert (broader.status, broader.met_by, broader.closed_on) == (WishStatus.MET, enrolment,
                                                                   TODAY - datetime.timedelta(days=1))
    assert other_kind.status == WishStatus.OPEN and other_job.status == WishStatus.OPEN


def test_a_certificate_needs_its_kind_and_number_together(enrolment, county_officer):
    with pytest.raises(ValidationError, match="同时填写"):
        services.complete(actor=county_officer, enrolment=enrolment, certificate_kind="skill_level")
    with pytest.raises(ValidationError, match="同时填写"):
        services.complete(actor=county_officer, enrolment=enrolment, certificate_number="S1")
    services.complete(actor=county_officer, enrolment=enrolment)  # completed without a certificate
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED and enrolment.certificate_kind == ""


def test_completion_dates_are_checked(enrolment, county_officer):
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.complete(actor=county_officer, enrolment=enrolment, completed_on=TODAY + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="不能早于开班日期"):
        services.complete(actor=county_officer, enrolment=enrolment, completed_on=TODAY - datetime.timedelta(days=11))


def test_dropping_out_leaves_the_wish_open(enrolment, person, village_assistant, county_officer):
    wish = services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="skills")
    services.drop(actor=county_officer, enrolment=enrolment, reason="外出务工")
    enrolment.refresh_from_db()
    wish.refresh_from_db()
    assert (enrolment.status, enrolment.dropped_on) == (EnrolmentStatus.DROPPED, TODAY)
    assert wish.status == WishStatus.OPEN
    with pytest.raises(ValidationError, match="只有在训学员"):
        services.complete(actor=county_officer, enrolment=enrolment)


def test_the_village_assistant_does_not_complete_a_course(enrolment, village_assistant):
    with pytest.raises(PermissionDenied):
        services.complete(actor=village_assistant, enrolment=enrolment)


def test_the_course_page_completes_a_trainee(enrolment, county_officer, client):
    client.force_login(county_officer)
    client.post(f"/jobservices/training/enrolments/{enrolment.pk}/complete/", {
        "certificate_kind": "special_ability", "certificate_number": "Z-77", "completed_on": TODAY.isoformat()})
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.certificate_number) == (EnrolmentStatus.COMPLETED, "Z-77")
    page = client.get(f"/jobservices/training/courses/{enrolment.course_id}/").content.decode()
    assert "专项职业能力证书 Z-77" in page
