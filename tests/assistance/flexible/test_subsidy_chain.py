"""The 灵活就业社保补贴 as a review chain: the village takes in an application of a recognised 就业困难人员 in
verified, insured flexible work; the township reviews; the county approves. Refused without a valid recognition,
an unverified or uninsured registration, or while another application stands."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.flexible import pending, rules, services
from hrss.assistance.models import RecognitionStatus
from hrss.core import dates
from tests.assistance.flexible.conftest import approve, recognise, register
from tests.conftest import TODAY


def test_the_chain_from_the_village_to_the_county(registration, recognised, village_assistant, township_reviewer,
                                                  county_officer):
    subsidy = services.apply_for_subsidy(actor=village_assistant, registration=registration, note="材料齐全")
    assert subsidy.case.step == "township_review" and subsidy.recognition == recognised
    assert subsidy.subsidy_from == TODAY.replace(day=1)
    assert subsidy.limit_until == dates.add_months(TODAY.replace(day=1), rules.subsidy_rule(TODAY).max_months) \
        - datetime.timedelta(days=1)
    [item] = pending.review_work(township_reviewer)
    assert item.count == 1
    with pytest.raises(PermissionDenied):  # the county acts after the township
        services.decide_subsidy(actor=county_officer, subsidy=subsidy, action="approve", version=subsidy.case.version)
    approved = approve(subsidy, township_reviewer, county_officer)
    assert approved.case.status == "approved" and approved.approved_on == TODAY
    with pytest.raises(ValidationError, match="正在享受"):
        services.apply_for_subsidy(actor=village_assistant, registration=registration)


def test_without_a_valid_recognition_the_application_is_refused(registration, village_assistant):
    with pytest.raises(ValidationError, match="没有有效的就业困难人员认定"):
        services.apply_for_subsidy(actor=village_assistant, registration=registration)


def test_an_expired_recognition_is_not_valid(registration, village_assistant):
    recognise(registration.person, village_assistant, TODAY - datetime.timedelta(days=400),
              TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="没有有效的就业困难人员认定"):
        services.apply_for_subsidy(actor=village_assistant, registration=registration)


def test_an_unverified_or_uninsured_registration_is_refused(worker, recognised, village_assistant):
    registration = register(village_assistant, worker, pays_insurance=False)
    with pytest.raises(ValidationError) as refused:
        services.apply_for_subsidy(actor=village_assistant, registration=registration)
    assert "尚未经村(社区)核实" in "".join(refused.value.messages)
    assert "未以灵活就业人员身份参加社会保险" in "".join(refused.value.messages)


def test_a_second_application_while_one_is_in_review_is_refused(registration, recognised, village_assistant):
    services.apply_for_subsidy(actor=village_assistant, registration=registration)
    with pytest.raises(ValidationError, match="审核中"):
        services.apply_for_subsidy(actor=village_assistant, registration=registration)


def test_the_county_does_not_approve_once_the_recognition_ended(registration, recognised, village_assistant,
                                                                township_reviewer, county_officer):
    subsidy = services.apply_for_subsidy(actor=village_assistant, registration=registration)
    services.decide_subsidy(actor=township_reviewer, subsidy=subsidy, action="forward", version=subsidy.case.version)
    recognised.status, recognised.exited_on, recognised.exit_reason = (RecognitionStatus.EXITED, TODAY,
                                                                       "stable_work")
    recognised.save()
    subsidy.case.refresh_from_db()
    with pytest.raises(ValidationError, match="认定已不在有效期内"):
        services.decide_subsidy(actor=county_officer, subsidy=subsidy, action="approve", version=subsidy.case.version)


def test_only_the_village_takes_an_application_in(registration, recognised, township_reviewer,
                                                  neighbour_village_assistant):
    for actor in (township_reviewer, neighbour_village_assistant):
        with pytest.raises(PermissionDenied):
            services.apply_for_subsidy(actor=actor, registration=registration)
