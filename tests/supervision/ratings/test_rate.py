"""The citizen's rating (好差评) through the service: once per code, a reason for a poor one, which opens a complaint
at the township of the office that served."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.core import workdays
from hrss.core.models import AuditEntry
from hrss.supervision.models import Complaint, ComplaintOrigin, Rating, Score
from hrss.supervision.ratings import rules, services
from tests.conftest import CITY, COUNTY, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.ratings.conftest import at


def test_a_code_rates_its_service_once_and_the_second_is_refused_like_a_wrong_code(rating_code):
    rating = services.rate(code=rating_code.code.lower(), score=Score.VERY_GOOD)
    assert (rating.score, rating.region_code, rating.code) == (5, VILLAGE, rating_code)
    with pytest.raises(services.RatingRefused) as used:
        services.rate(code=rating_code.code, score=Score.GOOD)
    with pytest.raises(services.RatingRefused) as wrong:
        services.rate(code="ABCDEFGH" if rating_code.code != "ABCDEFGH" else "HGFEDCBA", score=Score.GOOD)
    with pytest.raises(services.RatingRefused) as malformed:
        services.rate(code="0000", score=Score.GOOD)
    assert used.value.messages == wrong.value.messages == malformed.value.messages == [services.REFUSED]
    assert Rating.objects.get().score == Score.VERY_GOOD


def test_the_printed_form_with_a_hyphen_is_taken(rating_code):
    printed = f"{rating_code.code[:4]}-{rating_code.code[4:]}"
    assert services.rate(code=f" {printed} ", score=Score.FAIR).code == rating_code


def test_each_rating_is_audited_without_an_actor(rating_code):
    rating = services.rate(code=rating_code.code, score=Score.GOOD)
    entry = AuditEntry.objects.get(action="supervision.ratings.rated")
    assert (entry.actor, entry.actor_username, entry.region_code, entry.target_id) == (None, "", VILLAGE,
                                                                                       str(rating.pk))


@pytest.mark.parametrize("score", [Score.POOR, Score.VERY_POOR])
def test_a_poor_rating_needs_a_reason(rating_code, score):
    with pytest.raises(ValidationError) as refused:
        services.rate(code=rating_code.code, score=score, reason="  ")
    assert "reason" in refused.value.message_dict and not Rating.objects.exists()


@pytest.mark.parametrize("score", [Score.FAIR, Score.GOOD, Score.VERY_GOOD])
def test_a_reason_is_optional_from_fair_up_and_opens_no_complaint(rating_code, score):
    services.rate(code=rating_code.code, score=score)
    assert not Complaint.objects.exists()


def test_a_score_outside_one_to_five_is_refused(rating_code):
    for score in (0, 6, "x", None):
        with pytest.raises(ValidationError):
            services.rate(code=rating_code.code, score=score, reason="原因")
    assert not Rating.objects.exists()


def test_a_poor_rating_opens_a_complaint_at_the_township_about_whoever_served(rating_code, village_assistant):
    services.rate(code=rating_code.code, score=Score.VERY_POOR, reason="等了两个小时")
    complaint = Complaint.objects.get()
    assert (complaint.region_code, complaint.office_code, complaint.about_staff, complaint.origin) == (
        TOWNSHIP, VILLAGE, village_assistant, ComplaintOrigin.RATING)
    assert complaint.rating.reason == "等了两个小时" and "等了两个小时" in complaint.text
    assert complaint.received_on == TODAY and complaint.is_open
    assert complaint.due_date == workdays.Calendar.load().add(TODAY, rules.reply_days(TODAY))
    assert (complaint.complainant_name, complaint.complainant_phone, complaint.created_by) == ("", "", None)


def test_the_reply_deadline_is_ten_working_days_after_the_day_received(heyuan):
    code = services.issue_code(region_code=VILLAGE, service="失业登记", source="petition", source_id="1",
                               served_by=None, completed_on=datetime.date(2026, 2, 10))
    services.rate(code=code.code, score=Score.POOR, reason="材料要求不清", now=at(datetime.date(2026, 2, 12)))
    # After Thursday 2026-02-12, across the Spring Festival: 2/13, 2/14 (worked), 2/24-27, 2/28 (worked), 3/2-4.
    assert Complaint.objects.get().due_date == datetime.date(2026, 3, 4)


@pytest.mark.parametrize(("office", "handler"), [(TOWNSHIP, TOWNSHIP), (COUNTY, COUNTY), (CITY, CITY)])
def test_a_township_county_or_city_office_handles_its_own(heyuan, office, handler):
    code = services.issue_code(region_code=office, service="社保卡", source="petition", source_id=office,
                               served_by=None, completed_on=TODAY)
    services.rate(code=code.code, score=Score.POOR, reason="态度不好")
    assert Complaint.objects.get().region_code == handler


def test_a_deadline_in_a_year_without_holidays_waits_and_is_filled_when_they_are_loaded(heyuan):
    from hrss.core.models import CalendarDay, CalendarYear

    last = max(CalendarYear.objects.values_list("year", flat=True))
    code = services.issue_code(region_code=VILLAGE, service="失业登记", source="petition", source_id="1",
                               served_by=None, completed_on=datetime.date(last, 12, 20))
    services.rate(code=code.code, score=Score.POOR, reason="慢", now=at(datetime.date(last, 12, 28)))
    complaint = Complaint.objects.get()
    assert complaint.due_date is None and not complaint.is_overdue(datetime.date(last + 1, 6, 1))
    workdays.load_arrangement(days={datetime.date(last + 1, 1, 1): (CalendarDay.Kind.HOLIDAY, "元旦")},
                              years={last + 1}, actor=None, source="测试")
    complaint.refresh_from_db()
    assert complaint.due_date is not None and complaint.due_date > complaint.received_on
