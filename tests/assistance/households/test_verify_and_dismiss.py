"""The village checks a case: verified (assistance follows, recorded), or dismissed with the reason. One open case a
household: a second report is refused while one is open, and accepted once it is closed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hrss.assistance.households import services
from hrss.assistance.models import HouseholdCaseStatus, ZeroEmploymentHousehold
from tests.conftest import TODAY, VILLAGE

YESTERDAY = TODAY - datetime.timedelta(days=1)


@pytest.fixture
def case(family, village_assistant):
    head, _spouse = family(VILLAGE)
    return services.report_household(actor=village_assistant, person=head, source="application",
                                     found_on=YESTERDAY, note="户主申报")


def test_a_dismissal_needs_its_reason(case, village_assistant):
    with pytest.raises(ValidationError, match="请填写核实情况"):
        services.verify_household(actor=village_assistant, case=case, outcome="dismissed", verified_on=TODAY)
    case = services.verify_household(actor=village_assistant, case=case, outcome="dismissed", verified_on=TODAY,
                                     note="户主已在外地务工", version=case.version)
    assert (case.status, case.verified_on, case.verification_note) == ("dismissed", TODAY, "户主已在外地务工")
    assert not case.is_open


def test_a_verified_case_takes_assistance_records(case, village_assistant):
    case = services.verify_household(actor=village_assistant, case=case, outcome="verified", verified_on=TODAY,
                                     version=case.version)
    record = services.record_assistance(actor=village_assistant, case=case, done_on=TODAY, kind="job_referral",
                                        note="推荐保洁岗位")
    assert case.status == HouseholdCaseStatus.VERIFIED
    assert list(case.records.values_list("kind", "note")) == [("job_referral", "推荐保洁岗位")]
    assert record.recorded_by == village_assistant


def test_a_verification_dated_before_the_case_was_found_is_refused(case, village_assistant):
    with pytest.raises(ValidationError, match="不能早于发现日期"):
        services.verify_household(actor=village_assistant, case=case, outcome="verified",
                                  verified_on=YESTERDAY - datetime.timedelta(days=1))


def test_a_stale_version_is_refused(case, village_assistant):
    with pytest.raises(ValidationError, match="已被他人修改"):
        services.verify_household(actor=village_assistant, case=case, outcome="verified", verified_on=TODAY,
                                  version=case.version + 1)


def test_one_open_case_a_household(case, village_assistant):
    head = case.household.members.get(relation_to_head="head")
    with pytest.raises(ValidationError, match="已有未清零"):
        services.report_household(actor=village_assistant, person=head, source="reported", found_on=TODAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        ZeroEmploymentHousehold.objects.create(household=case.household, region_code=VILLAGE, found_on=TODAY,
                                               source="reported", found_by=village_assistant)
    services.verify_household(actor=village_assistant, case=case, outcome="dismissed", verified_on=TODAY,
                              note="不属于")
    again = services.report_household(actor=village_assistant, person=head, source="reported", found_on=TODAY)
    assert again.is_open


def test_a_household_with_a_member_in_work_is_not_reported(family, village_assistant):
    head, _spouse = family(VILLAGE, ("在岗", "配偶"), status="employed")
    with pytest.raises(ValidationError, match="不属于零就业家庭"):
        services.report_household(actor=village_assistant, person=head, source="application", found_on=TODAY)


def test_a_rural_household_is_not_a_zero_employment_household(family, city_admin):
    from tests.assistance.households.conftest import RURAL

    head, _spouse = family(RURAL, ("村甲", "村乙"))
    with pytest.raises(ValidationError, match="城镇家庭"):
        services.report_household(actor=city_admin, person=head, source="application", found_on=TODAY)
