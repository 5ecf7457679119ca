"""A course ends at most two years ahead: a 2099 end is a typing error, refused with the latest date allowed."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.jobservices.models import Course
from hrss.jobservices.training import services
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_a_course_ending_in_2099_is_refused(make_course):
    latest = services.latest_course_end(TODAY)
    assert latest.year == TODAY.year + 2 and latest.month == TODAY.month
    with pytest.raises(ValidationError) as refused:
        make_course(ends_on=datetime.date(2099, 12, 31))
    assert f"结业日期（2099-12-31）最晚为两年内的 {latest:%Y-%m-%d}，请核对年份。" in refused.value.messages
    assert not Course.objects.exists()
    assert make_course(ends_on=latest).ends_on == latest


def test_the_limit_counts_from_the_day_given(make_course):
    earlier = TODAY - datetime.timedelta(days=400)
    with pytest.raises(ValidationError):
        make_course(starts_on=earlier, ends_on=TODAY + datetime.timedelta(days=400), today=earlier)
    assert make_course(ends_on=TODAY + datetime.timedelta(days=400)).ends_on == TODAY + datetime.timedelta(days=400)
