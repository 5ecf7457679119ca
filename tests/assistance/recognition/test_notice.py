"""The public notice (公示): it runs from the working day after the township passes the case for rules.NOTICE_WORKING_DAYS
working days (counted with core.workdays, so a holiday inside it lengthens it); the township may send the case to the
county only from the day after its last day, and not while an objection is open. An objection stops the case; dismissed,
the case goes on; upheld, the application is refused with the finding."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.recognition import rules, services
from hrss.core import workdays
from hrss.core.models import CalendarDay
from tests.assistance.recognition.conftest import apply, move
from tests.conftest import TODAY

ONE_DAY = datetime.timedelta(days=1)


def test_the_notice_runs_the_rules_working_days_from_the_next_working_day(in_notice):
    calendar = workdays.Calendar.load()
    days = rules.notice_days(TODAY)
    assert in_notice.case.step == "public_notice"
    assert in_notice.notice_from == calendar.add(TODAY, 1)
    assert in_notice.notice_until == calendar.add(TODAY, days)
    assert calendar.working_days_after(in_notice.notice_from, in_notice.notice_until) == days - 1
    assert in_notice.notice_place


def test_on_the_notices_last_day_the_county_cannot_have_it_and_on_the_next_day_it_can(in_notice, township_reviewer):
    with pytest.raises(ValidationError, match="公示期满"):
        move(in_notice, township_reviewer, "forward", today=in_notice.notice_until)
    in_notice.case.refresh_from_db()
    assert in_notice.case.step == "public_notice"
    move(in_notice, township_reviewer, "forward", today=in_notice.notice_until + ONE_DAY)
    in_notice.case.refresh_from_db()
    assert in_notice.case.step == "county_approval"


def _arrangement(year, holidays):
    """Load `year` with `holidays` as its only holidays (a year after the seeded ones, or replacing one)."""
    workdays.load_arrangement(days={day: (CalendarDay.Kind.HOLIDAY, "测试假日") for day in holidays}, years=[year],
                              actor=None, source="测试安排")


def _friday_in_march(year):
    day = datetime.date(year, 3, 1)
    while day.weekday() != 4:
        day += ONE_DAY
    return day


@pytest.mark.parametrize("holiday", [False, True])
def test_a_holiday_inside_the_notice_lengthens_it(holiday, applicant, village_assistant, township_reviewer):
    year = TODAY.year + 1
    friday = _friday_in_march(year)
    monday = friday + 3 * ONE_DAY
    _arrangement(year, [monday + ONE_DAY, monday + 2 * ONE_DAY, monday + 3 * ONE_DAY] if holiday else [])
    assert rules.notice_days(friday) == 5
    recognition = apply(village_assistant, applicant)
    move(recognition, township_reviewer, "forward", today=friday)
    recognition.refresh_from_db()
    assert recognition.notice_from == monday
    # Monday to Friday; with Tuesday-Thursday off: Monday, Friday, and Monday to Wednesday of the next week.
    last = monday + (9 * ONE_DAY if holiday else 4 * ONE_DAY)
    assert recognition.notice_until == last
    with pytest.raises(ValidationError, match="公示期满"):
        move(recognition, township_reviewer, "forward", today=last)
    move(recognition, township_reviewer, "forward", today=last + ONE_DAY)


def test_a_notice_reaching_a_year_without_holidays_is_refused_with_the_year_named(applicant, village_assistant,
                                                                                  township_reviewer):
    year = TODAY.year + 1
    workdays.load_arrangement(days={}, years=[year], actor=None, source="测试安排")
    from hrss.core.models import CalendarYear
    CalendarYear.objects.filter(year=year).delete()
    recognition = apply(village_assistant, applicant)
    with pytest.raises(ValidationError, match=f"尚未录入{year}年"):
        move(recognition, township_reviewer, "forward", today=datetime.date(year - 1, 12, 31))


def test_an_objection_stops_the_case_until_it_is_dismissed(in_notice, village_assistant, township_reviewer):
    objection = services.record_objection(actor=village_assistant, recognition=in_notice, content="有人反映其在外务工",
                                          raised_by="匿名群众", raised_on=in_notice.notice_from,
                                          today=in_notice.notice_from)
    after = in_notice.notice_until + ONE_DAY
    with pytest.raises(ValidationError, match="异议尚未处理"):
        move(in_notice, township_reviewer, "forward", today=after)
    services.resolve_objection(actor=township_reviewer, objection=objection, upheld=False,
                               resolution="经核实其未就业，异议不成立", today=after)
    move(in_notice, township_reviewer, "forward", today=after)
    in_notice.case.refresh_from_db()
    assert in_notice.case.step == "county_approval"


def test_an_upheld_objection_refuses_the_application_with_the_finding(in_notice, township_officer,
                                                                      township_reviewer):
    objection = services.record_objection(actor=township_officer, recognition=in_notice, content="已在企业就业",
                                          raised_on=in_notice.notice_from, today=in_notice.notice_from)
    services.resolve_objection(actor=township_reviewer, objection=objection, upheld=True,
                               resolution="经核实已在某企业就业", today=in_notice.notice_from)
    in_notice.refresh_from_db()
    in_notice.case.refresh_from_db()
    assert in_notice.status == "refused" and in_notice.case.status == "rejected"
    assert "公示异议成立" in in_notice.case.decisions.last().reason


def test_objections_only_during_the_notice_and_by_the_village_or_township(in_notice, village_assistant,
                                                                          county_officer, neighbour_village_assistant):
    with pytest.raises(ValidationError, match="公示期最后一天"):
        services.record_objection(actor=village_assistant, recognition=in_notice, content="迟到的异议",
                                  raised_on=in_notice.notice_until + ONE_DAY, today=in_notice.notice_until + ONE_DAY)
    for outsider in (county_officer, neighbour_village_assistant):
        with pytest.raises(PermissionDenied):
            services.record_objection(actor=outsider, recognition=in_notice, content="越权",
                                      today=in_notice.notice_from)
    assert not in_notice.objections.exists()


def test_an_objection_is_refused_before_the_notice(applicant, village_assistant):
    recognition = apply(village_assistant, applicant)
    with pytest.raises(ValidationError, match="不在公示期"):
        services.record_objection(actor=village_assistant, recognition=recognition, content="太早")


def test_the_village_cannot_resolve_an_objection(in_notice, village_assistant):
    objection = services.record_objection(actor=village_assistant, recognition=in_notice, content="异议",
                                          raised_on=in_notice.notice_from, today=in_notice.notice_from)
    with pytest.raises(PermissionDenied):
        services.resolve_objection(actor=village_assistant, objection=objection, upheld=False, resolution="自行处理")
