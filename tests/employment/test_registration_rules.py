"""Who may register as unemployed, which of art. 67's reasons ends a registration when work starts, and the
"连续3次" of refused referrals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.employment import employment_registration as hiring
from hrss.employment import services
from hrss.employment.models import CancelReason, EmploymentKind, Standing, UnemploymentRegistration
from hrss.residents.models import FlexibleForm, LabourStatus
from tests.conftest import TODAY

D = datetime.date
DAY = datetime.timedelta(days=1)


def apply(person, actor):
    return services.apply_for_unemployment_registration(
        actor=actor, person=person, category="graduate", wants_work=True, able_to_work=True, documents=["id_card"])


@pytest.mark.parametrize(("status", "reason"), [
    (LabourStatus.STUDENT, "在校学生不能登记失业"),
    (LabourStatus.MILITARY, "服役期间不能登记失业"),
    (LabourStatus.RETIRED, "已领取基本养老金的人员不能登记失业"),
])
def test_people_at_school_in_the_army_or_drawing_a_pension_are_refused_with_the_reason(
        person_born, village_assistant, status, reason):
    person = person_born(D(1990, 5, 1), status=status)
    with pytest.raises(ValidationError) as refused:
        apply(person, village_assistant)
    assert any(reason in message for message in refused.value.messages)
    assert not UnemploymentRegistration.objects.exists()


@pytest.mark.parametrize("status", [LabourStatus.UNEMPLOYED, LabourStatus.FARMING, LabourStatus.OTHER])
def test_people_without_work_in_other_statuses_may_apply(person_born, village_assistant, status):
    registration = apply(person_born(D(1990, 5, 1), status=status), village_assistant)
    assert registration.status == UnemploymentRegistration.Status.PENDING


@pytest.fixture
def registered(person_born, village_assistant):
    """A person registered unemployed 60 days ago (the review chain is tested elsewhere)."""

    def make(sequence=11):
        since = TODAY - 60 * DAY
        person = person_born(D(1990, 5, 1), sex_sequence=sequence, status=LabourStatus.UNEMPLOYED)
        registration = apply(person, village_assistant)
        registration.standing, registration.registered_on = Standing.REGISTERED, since
        registration.save()
        return registration

    return make


@pytest.mark.parametrize(("kind", "form", "reason"), [
    (EmploymentKind.HIRED, "", CancelReason.HIRED),
    (EmploymentKind.SELF_EMPLOYED, "", CancelReason.SELF_EMPLOYED),
    (EmploymentKind.FLEXIBLE, FlexibleForm.HOURLY, CancelReason.STABLE_INCOME),
])
def test_starting_work_cancels_the_registration_with_the_reason_of_that_work(registered, township_officer, kind,
                                                                               form, reason):
    registration = registered()
    hiring.register_employment(actor=township_officer, person=registration.person, kind=kind,
                               event_date=TODAY, employer_name="某公司", flexible_form=form)
    registration.refresh_from_db()
    assert (registration.status, registration.cancel_reason) == (UnemploymentRegistration.Status.CANCELLED, reason)


def test_a_cancellation_for_stable_income_shows_flexible_work_in_the_ledger(registered, township_officer):
    registration = registered()
    services.cancel_unemployment_registration(actor=township_officer, registration=registration,
                                              reason=CancelReason.STABLE_INCOME)
    registration.person.refresh_from_db()
    assert registration.person.labour_status == LabourStatus.FLEXIBLE


# R: a referral refused without a reason; A: a referral accepted; P: a phone call (neither).
@pytest.mark.parametrize(("contacts", "proposed"), [
    ("RRR", True),
    ("RR", False),
    ("RARR", False),  # three refusals, but not in a row
    ("RRRA", False),  # the latest referral was taken up
    ("RARRR", True),
    ("RRPR", True),  # a call between referrals does not break the run
])
def test_three_refusals_are_counted_in_a_row(registered, township_officer, village_assistant, contacts, proposed):
    registration = registered()
    today = TODAY
    for offset, letter in enumerate(contacts):
        services.record_contact(actor=village_assistant, registration=registration,
                                contacted_on=today - (len(contacts) - offset) * DAY,
                                kind="phone" if letter == "P" else "referral", job="" if letter == "P" else "普工",
                                refused_without_reason=letter == "R")
    reasons = [proposal.reason for proposal in services.cancellation_proposals(township_officer)]
    assert reasons == ([CancelReason.NOT_SEEKING] if proposed else [])


def test_the_cancellation_reason_says_in_a_row():
    assert "连续3次" in CancelReason.NOT_SEEKING.label


def test_a_refusal_is_recorded_on_a_referral_only(registered, village_assistant):
    with pytest.raises(ValidationError, match="推荐岗位"):
        services.record_contact(actor=village_assistant, registration=registered(),
                                contacted_on=TODAY, kind="phone", refused_without_reason=True)
