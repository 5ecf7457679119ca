import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core import workdays
from hrss.core.models import AuditEntry
from hrss.jobservices.models import Referral
from hrss.jobservices.referrals import services
from tests.conftest import TODAY

DAY = datetime.timedelta(days=1)


def test_a_referral_keeps_the_match_a_numbered_letter_and_the_answer_due_in_working_days(
        make_seeker, make_vacancy, township_officer):
    seeker, vacancy = make_seeker(), make_vacancy()
    referral = services.refer(actor=township_officer, seeker=seeker, vacancy=vacancy)
    assert referral.number == f"TJ441602{TODAY.year}00001"
    assert referral.referred_on == TODAY and referral.region_code == seeker.region_code
    assert referral.due_on == workdays.add_working_days(TODAY, 10)
    assert referral.reasons and referral.score > 0  # as the seekers part's matching gave them
    second = services.refer(actor=township_officer, seeker=make_seeker(), vacancy=vacancy)
    assert second.number == f"TJ441602{TODAY.year}00002"
    entry = AuditEntry.objects.filter(action="jobservices.referral.created").latest("id")
    assert entry.actor == township_officer and entry.after["number"] == second.number


def test_the_letter_numbers_count_per_county(make_seeker, make_person, make_vacancy, township_officer,
                                            neighbour_county_officer):
    from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE

    vacancy = make_vacancy()
    services.refer(actor=township_officer, seeker=make_seeker(), vacancy=vacancy)
    far = services.refer(actor=neighbour_county_officer, vacancy=vacancy,
                         seeker=make_seeker(make_person(name="王五", region=NEIGHBOUR_COUNTY_VILLAGE)))
    assert far.number == f"TJ441621{TODAY.year}00001"


@pytest.mark.parametrize(("fields", "message"), [
    ({"status": "closed", "closed_on": TODAY}, "已关闭"),
    ({"status": "filled", "closed_on": TODAY, "hired": 3}, "已招满"),
    ({"opens_on": TODAY + DAY}, "才开始招聘"),
    ({"closes_on": TODAY - DAY}, "截止招聘"),
])
def test_no_referral_to_a_vacancy_that_takes_none(make_seeker, make_vacancy, township_officer, fields, message):
    vacancy = make_vacancy(**fields)
    with pytest.raises(ValidationError) as refused:
        services.refer(actor=township_officer, seeker=make_seeker(), vacancy=vacancy)
    assert message in " ".join(refused.value.messages)
    assert not Referral.objects.exists()


def test_no_referral_of_a_seeker_who_stopped_looking(make_seeker, make_vacancy, township_officer):
    seeker = make_seeker(status="ended", ended_on=TODAY - DAY, end_reason="withdrawn")
    with pytest.raises(ValidationError) as refused:
        services.refer(actor=township_officer, seeker=seeker, vacancy=make_vacancy())
    assert "求职登记已于" in refused.value.messages[0] and "本人不再求职" in refused.value.messages[0]


def test_no_second_referral_while_the_first_waits_for_its_answer(make_seeker, make_vacancy, township_officer):
    seeker, vacancy = make_seeker(), make_vacancy()
    first = services.refer(actor=township_officer, seeker=seeker, vacancy=vacancy)
    with pytest.raises(ValidationError) as refused:
        services.refer(actor=township_officer, seeker=seeker, vacancy=vacancy)
    assert first.number in refused.value.messages[0] and "不能重复推荐" in refused.value.messages[0]
    services.record_outcome(actor=township_officer, referral=first, outcome="not_hired", outcome_on=TODAY)
    assert services.refer(actor=township_officer, seeker=seeker, vacancy=vacancy).number != first.number


def test_a_seeker_outside_the_scope_is_refused_and_the_refusal_audited(make_seeker, make_vacancy,
                                                                      neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        services.refer(actor=neighbour_village_assistant, seeker=make_seeker(), vacancy=make_vacancy())
    assert AuditEntry.objects.filter(actor=neighbour_village_assistant, action="jobservices.referral.refer",
                                     outcome=AuditEntry.Outcome.DENIED).count() == 1
    assert not Referral.objects.exists()


def test_a_vacancy_elsewhere_may_be_referred_to(make_seeker, make_vacancy, township_officer):
    """An open vacancy is advertised to every office: 张三 of 源城区 may go to a 紫金县 employer."""
    from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE

    referral = services.refer(actor=township_officer, seeker=make_seeker(),
                              vacancy=make_vacancy(region=NEIGHBOUR_COUNTY_VILLAGE))
    assert referral.region_code == "441602001003"
