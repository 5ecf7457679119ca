"""Each step of the 失业登记 chain names the one role that acts: the township's 审核员 reviews (not its 经办员), the
county's 经办员 handles the file before its 审批员 decides."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from hrss.core.models import ReviewDecision
from hrss.employment import services
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from tests.conftest import login

D = datetime.date
Action = ReviewDecision.Action


@pytest.fixture
def registration(person_born, village_assistant):
    return services.apply_for_unemployment_registration(
        actor=village_assistant, person=person_born(D(1990, 5, 1)), category="graduate", wants_work=True,
        able_to_work=True, documents=["id_card"])


def move(registration, actor, action=Action.FORWARD):
    registration.refresh_from_db()
    return services.decide_unemployment_registration(actor=actor, registration=registration, action=action,
                                                     version=registration.case.version)


def test_the_township_step_is_the_reviewers_not_the_officers(registration, township_officer, township_reviewer):
    with pytest.raises(PermissionDenied):
        move(registration, township_officer)
    assert move(registration, township_reviewer).case.step == "county_handling"


def test_the_county_officer_handles_before_the_approver_decides(registration, township_reviewer, county_officer,
                                                                county_approver):
    move(registration, township_reviewer)
    with pytest.raises(PermissionDenied):
        move(registration, county_approver, Action.APPROVE)
    assert move(registration, county_officer).case.step == "county_approval"
    with pytest.raises(PermissionDenied):
        move(registration, county_officer, Action.APPROVE)
    assert move(registration, county_approver, Action.APPROVE).status == "registered"


def test_each_step_says_which_role_acts():
    labels = [step.label for step in UNEMPLOYMENT_REGISTRATION.steps]
    assert labels == ["村(社区)受理初审（协理员）", "乡镇(街道)审核（审核员）", "县(区)经办（经办员复核）",
                      "县(区)审批（审批员）"]


@pytest.mark.parametrize(("arrived", "handling", "approval"), [
    (D(2026, 11, 30), 2, 5),  # the county's five days before its 经办 step was split off
    (D(2026, 12, 1), 2, 3),
])
def test_the_countys_five_working_days_are_shared_from_the_split(arrived, handling, approval):
    county_handling, county_approval = UNEMPLOYMENT_REGISTRATION.steps[2:]
    assert (county_handling.deadline_on(arrived), county_approval.deadline_on(arrived)) == (handling, approval)


def test_the_county_officers_page_offers_to_pass_the_case_to_the_approver(client, registration, township_reviewer,
                                                                          county_officer):
    move(registration, township_reviewer)
    page = login(client, county_officer).get(f"/employment/unemployment/{registration.pk}/").content.decode()
    assert "县(区)经办（经办员复核）" in page and "复核通过，报县(区)审批（审批员）" in page
