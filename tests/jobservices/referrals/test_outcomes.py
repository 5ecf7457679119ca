import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.employment import services as employment_services
from hrss.employment.models import CancelReason, EmploymentRegistration, Standing, UnemployedContact
from hrss.jobservices.models import Referral
from hrss.jobservices.referrals import services
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY

DAY = datetime.timedelta(days=1)


@pytest.fixture
def referral(make_seeker, make_vacancy, township_officer):
    def make(seeker=None, vacancy=None, on=TODAY - 5 * DAY):
        return services.refer(actor=township_officer, seeker=seeker or make_seeker(),
                              vacancy=vacancy or make_vacancy(), today=on)

    return make


def test_a_hire_takes_a_place_registers_the_employment_and_ends_the_seeking(referral, township_officer):
    made = referral()
    services.record_outcome(actor=township_officer, referral=made, outcome="hired", outcome_on=TODAY - DAY)
    made.refresh_from_db()
    person, vacancy, seeker = made.seeker.person, made.vacancy, made.seeker
    vacancy.refresh_from_db()
    seeker.refresh_from_db()
    person.refresh_from_db()
    assert made.outcome == "hired" and made.outcome_on == TODAY - DAY
    assert vacancy.hired == 1 and vacancy.status == "open"
    registration = made.employment_registration
    assert registration.kind == "hired" and registration.event_date == TODAY - DAY
    assert registration.employer_name == vacancy.employer.name and registration.employer_code == vacancy.employer.org_code
    assert registration.region_code == vacancy.region_code  # registered where the employer is
    assert seeker.status == "ended" and seeker.end_reason == "hired"
    assert person.labour_status == LabourStatus.EMPLOYED
    entry = AuditEntry.objects.filter(action="jobservices.referral.outcome_recorded").latest("id")
    assert entry.after["outcome"] == "hired"


def test_the_last_place_fills_the_vacancy(referral, make_vacancy, township_officer):
    made = referral(vacancy=make_vacancy(headcount=1))
    services.record_outcome(actor=township_officer, referral=made, outcome="hired", outcome_on=TODAY)
    made.vacancy.refresh_from_db()
    assert made.vacancy.status == "filled" and made.vacancy.closed_on == TODAY


def test_a_hire_of_a_registered_unemployed_person_ends_the_registration(referral, make_seeker, make_person,
                                                                        registered_unemployed, township_officer):
    person = make_person()
    registration = registered_unemployed(person, TODAY - 60 * DAY)
    made = referral(seeker=make_seeker(person))
    services.record_outcome(actor=township_officer, referral=made, outcome="hired", outcome_on=TODAY - DAY)
    registration.refresh_from_db()
    assert registration.standing == Standing.CANCELLED and registration.cancel_reason == CancelReason.HIRED


def test_three_refusals_without_reason_propose_the_cancellation(referral, make_seeker, make_person,
                                                                registered_unemployed, make_vacancy,
                                                                township_officer):
    person = make_person()
    registration = registered_unemployed(person, TODAY - 60 * DAY)
    seeker = make_seeker(person, registered_on=TODAY - 50 * DAY)
    for days_ago in (30, 20, 10):
        made = referral(seeker=seeker, on=TODAY - days_ago * DAY)
        services.record_outcome(actor=township_officer, referral=made, outcome="refused_without_reason",
                                outcome_on=TODAY - (days_ago - 2) * DAY)
    contacts = list(registration.contacts.order_by("contacted_on"))
    assert [(c.kind, c.refused_without_reason) for c in contacts] == [("referral", True)] * 3
    assert all("推荐信TJ" in c.note for c in contacts)
    (proposal,) = employment_services.cancellation_proposals(township_officer)
    assert proposal.registration == registration and proposal.reason == CancelReason.NOT_SEEKING


def test_a_refusal_with_a_reason_breaks_the_run_of_refusals(referral, make_seeker, make_person,
                                                            registered_unemployed, township_officer):
    person = make_person()
    registered_unemployed(person, TODAY - 60 * DAY)
    seeker = make_seeker(person, registered_on=TODAY - 50 * DAY)
    for days_ago, outcome, note in ((30, "refused_without_reason", ""), (20, "refused_with_reason", "需照顾老人"),
                                    (10, "refused_without_reason", ""), (5, "refused_without_reason", "")):
        made = referral(seeker=seeker, on=TODAY - days_ago * DAY)
        services.record_outcome(actor=township_officer, referral=made, outcome=outcome, note=note,
                                outcome_on=TODAY - (days_ago - 1) * DAY)
    assert not employment_services.cancellation_proposals(township_officer)


def test_a_person_not_registered_unemployed_gets_no_contact(referral, township_officer):
    made = referral()
    services.record_outcome(actor=township_officer, referral=made, outcome="refused_without_reason",
                            outcome_on=TODAY)
    assert not UnemployedContact.objects.exists()
    assert Referral.objects.get().outcome == "refused_without_reason"


@pytest.mark.parametrize(("outcome", "outcome_on", "note", "message"), [
    ("hired", TODAY + DAY, "", "不能晚于今天"),
    ("not_hired", TODAY - 6 * DAY, "", "不能早于推荐日期"),
    ("refused_with_reason", TODAY, "", "写明本人拒绝的理由"),
    ("no_answer", TODAY, "", "期限过后"),
    ("pending", TODAY, "", "请选择推荐结果"),
])
def test_an_outcome_is_checked(referral, township_officer, outcome, outcome_on, note, message):
    made = referral()
    with pytest.raises(ValidationError) as refused:
        services.record_outcome(actor=township_officer, referral=made, outcome=outcome, outcome_on=outcome_on,
                                note=note)
    assert message in " ".join(refused.value.messages)
    assert Referral.objects.get().outcome == "pending"


def test_no_answer_after_the_due_day(referral, township_officer):
    made = referral(on=TODAY - 30 * DAY)
    services.record_outcome(actor=township_officer, referral=made, outcome="no_answer", outcome_on=TODAY)
    assert Referral.objects.get().outcome == "no_answer"


def test_an_outcome_once_recorded_is_not_changed(referral, township_officer, county_officer):
    made = referral()
    services.record_outcome(actor=township_officer, referral=made, outcome="not_hired", outcome_on=TODAY)
    made.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.record_outcome(actor=county_officer, referral=made, outcome="hired", outcome_on=TODAY)
    assert "不能再次登记" in refused.value.messages[0]


def test_a_hire_the_employment_registration_refuses_leaves_nothing(referral, make_seeker, make_person,
                                                                   township_officer):
    """Hired by the same employer already (a duplicate hire): the hire is refused, the vacancy keeps its place
    and the referral stays pending."""
    from hrss.employment import employment_registration

    made = referral()
    employer = made.vacancy.employer
    employment_registration.register_employment(
        actor=township_officer, person=made.seeker.person, kind="hired", event_date=TODAY - 3 * DAY,
        employer_name=employer.name, employer_code=employer.org_code)
    with pytest.raises(ValidationError) as refused:
        services.record_outcome(actor=township_officer, referral=made, outcome="hired", outcome_on=TODAY)
    assert "不能重复登记" in " ".join(refused.value.messages)
    made.refresh_from_db()
    made.vacancy.refresh_from_db()
    assert made.outcome == "pending" and made.vacancy.hired == 0
    assert EmploymentRegistration.objects.count() == 1


def test_an_outsider_records_no_outcome(referral, neighbour_county_officer):
    made = referral()
    with pytest.raises(PermissionDenied):
        services.record_outcome(actor=neighbour_county_officer, referral=made, outcome="hired", outcome_on=TODAY)
    assert AuditEntry.objects.filter(actor=neighbour_county_officer, action="jobservices.referral.outcome",
                                     outcome=AuditEntry.Outcome.DENIED).exists()


def test_a_hire_ends_the_seekers_other_waiting_referrals_and_a_second_hire_is_refused(
        referral, make_seeker, township_officer):
    """孙志明 referred to two employers is hired by the second: the first referral ends with the hire (it does not
    wait for an answer forever), and 录用 on it is refused instead of registering a second job."""
    seeker = make_seeker()
    first, second = referral(seeker=seeker), referral(seeker=seeker)
    services.record_outcome(actor=township_officer, referral=second, outcome="hired", outcome_on=TODAY - DAY)
    first.refresh_from_db()
    assert (first.outcome, first.outcome_on) == ("closed", TODAY - DAY)
    assert second.number in first.outcome_note
    first.outcome = "pending"  # as a page opened before the hire still shows it
    with pytest.raises(ValidationError, match="已于.*结束"):
        services.record_outcome(actor=township_officer, referral=first, outcome="hired", outcome_on=TODAY)
    assert EmploymentRegistration.objects.filter(person=seeker.person).count() == 1
    # The vacancy's own office sees in its audit who took the place.
    taken = AuditEntry.objects.get(action="jobservices.vacancy.place_taken")
    assert (taken.region_code, taken.after["hired"]) == (second.vacancy.region_code, 1)
