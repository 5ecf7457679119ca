"""After the recognition: reviews of continuing eligibility, the exit with its reason and date, the validity's end
(the recognition is valid on its last day and not the day after; a new application closes it as expired), the
selectors other parts use and the lists of reviews due and expired."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.models import Recognition
from hrss.assistance.recognition import rules, selectors, services
from hrss.core.dates import add_months
from hrss.core.models import Region
from tests.assistance.recognition.conftest import apply
from tests.conftest import VILLAGE

ONE_DAY = datetime.timedelta(days=1)


def test_still_eligible_sets_the_next_review(recognised, township_officer):
    day = recognised.next_review_on
    services.review_eligibility(actor=township_officer, recognition=recognised, still_eligible=True,
                                note="仍未就业", today=day)
    recognised.refresh_from_db()
    assert recognised.next_review_on == min(add_months(day, rules.review_months(day)), recognised.valid_until)
    assert recognised.reviews.get().still_eligible


def test_no_longer_eligible_exits(recognised, village_assistant):
    with pytest.raises(ValidationError, match="请填写复核情况"):
        services.review_eligibility(actor=village_assistant, recognition=recognised, still_eligible=False,
                                    today=recognised.next_review_on)
    services.review_eligibility(actor=village_assistant, recognition=recognised, still_eligible=False,
                                note="已自主创业", today=recognised.next_review_on)
    recognised.refresh_from_db()
    assert recognised.status == "exited" and recognised.exit_reason == "not_eligible"
    assert recognised.exited_on == recognised.next_review_on


def test_an_exit_records_reason_and_date(recognised, county_officer):
    day = recognised.recognised_on + datetime.timedelta(days=100)
    with pytest.raises(ValidationError, match="退出日期须在认定日期"):
        services.exit_recognition(actor=county_officer, recognition=recognised, reason="stable_work",
                                  exited_on=recognised.recognised_on - ONE_DAY, today=day)
    with pytest.raises(ValidationError, match="请选择退出原因"):
        services.exit_recognition(actor=county_officer, recognition=recognised, reason="expired", exited_on=day,
                                  today=day)
    services.exit_recognition(actor=county_officer, recognition=recognised, reason="stable_work", exited_on=day,
                              note="在本地企业签订劳动合同", today=day)
    recognised.refresh_from_db()
    assert (recognised.status, recognised.exit_reason, recognised.exited_on) == ("exited", "stable_work", day)
    assert selectors.valid_recognition(recognised.person, day) is None
    with pytest.raises(ValidationError, match="只有已认定"):
        services.exit_recognition(actor=county_officer, recognition=recognised, reason="moved_away", exited_on=day,
                                  today=day)


def test_valid_on_the_last_day_and_not_the_day_after(recognised, county_officer):
    last = recognised.valid_until
    assert selectors.valid_recognition(recognised.person, last) == recognised
    assert selectors.valid_recognition(recognised.person, last + ONE_DAY) is None
    assert selectors.valid_recognition(recognised.person, recognised.recognised_on - ONE_DAY) is None
    village = Region.objects.get(code=VILLAGE)
    assert list(selectors.recognised(county_officer, village, last)) == [recognised]
    assert not selectors.recognised(county_officer, village, last + ONE_DAY).exists()
    assert list(selectors.expired(county_officer, last + ONE_DAY)) == [recognised]


def test_after_the_validity_a_new_application_closes_the_old_one_as_expired(recognised, village_assistant):
    last = recognised.valid_until
    with pytest.raises(ValidationError, match="不能重复申请"):
        apply(village_assistant, recognised.person, today=last)
    again = apply(village_assistant, recognised.person, today=last + ONE_DAY)
    recognised.refresh_from_db()
    assert (recognised.status, recognised.exit_reason, recognised.exited_on) == ("exited", "expired", last)
    assert again.status == "in_review"
    assert Recognition.objects.filter(person=recognised.person).count() == 2


def test_reviews_due_within_the_reminder_days(recognised, township_officer):
    due = recognised.next_review_on
    early = due - datetime.timedelta(days=rules.REVIEW_NOTICE_DAYS)
    assert list(selectors.reviews_due(township_officer, early)) == [recognised]
    assert not selectors.reviews_due(township_officer, early - ONE_DAY).exists()


def test_no_review_after_the_validity(recognised, township_officer):
    with pytest.raises(ValidationError, match="到期"):
        services.review_eligibility(actor=township_officer, recognition=recognised, still_eligible=True,
                                    today=recognised.valid_until + ONE_DAY)
