"""The chain from the village to the county: who acts at each step, the county's approval making the recognition
(dates by the dated rules), a case sent back losing its notice, a refusal or withdrawal leaving it 未认定."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from hrss.assistance.recognition import rules
from hrss.core.dates import add_months
from hrss.core.models import AuditEntry
from tests.assistance.recognition.conftest import apply, move
from tests.conftest import TODAY


def test_the_county_approval_makes_the_recognition(recognised):
    day = recognised.recognised_on
    assert recognised.status == "recognised" and recognised.case.status == "approved"
    assert recognised.valid_until == add_months(day, 12 * rules.validity_years(day)) - datetime.timedelta(days=1)
    assert recognised.next_review_on == add_months(day, rules.review_months(day))
    assert AuditEntry.objects.filter(action="assistance.recognition.recognised").exists()


def test_each_step_is_for_its_own_roles(applicant, village_assistant, township_reviewer, county_officer):
    recognition = apply(village_assistant, applicant)
    for outsider in (village_assistant, county_officer):
        with pytest.raises(PermissionDenied):
            move(recognition, outsider, "forward")
    move(recognition, township_reviewer, "forward")
    with pytest.raises(PermissionDenied):
        move(recognition, county_officer, "forward", today=TODAY + datetime.timedelta(days=30))


def test_a_case_sent_back_loses_its_notice_and_is_noticed_again(in_notice, village_assistant, township_reviewer):
    move(in_notice, township_reviewer, "return", reason="请补充失业登记材料")
    in_notice.refresh_from_db()
    assert in_notice.notice_from is None and in_notice.case.status == "returned"
    move(in_notice, village_assistant, "resubmit")
    move(in_notice, township_reviewer, "forward")
    in_notice.refresh_from_db()
    assert in_notice.notice_until is not None and in_notice.case.step == "public_notice"


@pytest.mark.parametrize("who, action", [("township_reviewer", "reject"), ("village_assistant", "withdraw")])
def test_refused_or_withdrawn_is_not_recognised_and_may_apply_again(who, action, request, applicant,
                                                                    village_assistant):
    recognition = apply(village_assistant, applicant)
    move(recognition, request.getfixturevalue(who), action, reason="不符合条件")
    recognition.refresh_from_db()
    assert recognition.status == "refused"
    assert apply(village_assistant, applicant).status == "in_review"


def test_a_returned_application_is_corrected_and_resubmitted(applicant, village_assistant, township_reviewer,
                                                             neighbour_village_assistant):
    from django.core.exceptions import ValidationError

    from hrss.assistance.recognition import services

    recognition = apply(village_assistant, applicant)
    move(recognition, township_reviewer, "return", reason="请改按连续失业1年以上申请")
    recognition.case.refresh_from_db()
    version = recognition.case.version
    with pytest.raises(PermissionDenied):
        services.correct_recognition(actor=neighbour_village_assistant, recognition=recognition, version=version,
                                     category="long_unemployed", documents=recognition.documents)
    with pytest.raises(ValidationError, match="缺少材料"):
        services.correct_recognition(actor=village_assistant, recognition=recognition, version=version,
                                     category="disabled", documents=recognition.documents)
    services.correct_recognition(actor=village_assistant, recognition=recognition, version=version,
                                 category="long_unemployed", documents=recognition.documents, circumstances="失业两年")
    assert AuditEntry.objects.filter(action="assistance.recognition.corrected").exists()
    move(recognition, village_assistant, "resubmit")
    recognition.refresh_from_db()
    assert recognition.category == "long_unemployed" and recognition.case.step == "township_review"
