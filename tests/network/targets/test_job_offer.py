"""之一 (免费为100%有就业愿望且对工作不挑不拣的劳动者在10个工作日内提供合适的就业岗位), counted as a user would count it by
hand: the 不挑不拣 seekers registered in September 2026 whose 10 working days have run out or who had a suitable
offer, and of them those offered by the 10th working day: across the National Day holiday (10-01 to 10-07 off,
Saturday 10-10 a working day), registration on Monday 09-28 makes Friday 10-16 the 10th working day, not 10-08."""

import datetime

import pytest

from hrss.core import workdays
from hrss.jobservices.models import Referral
from hrss.network.targets import selectors
from hrss.network.targets.snapshots import compute_snapshots
from tests.conftest import CITY, COUNTY, NEIGHBOUR_COUNTY, NEIGHBOUR_VILLAGE, TOWNSHIP, VILLAGE

D = datetime.date
SEPTEMBER = D(2026, 9, 1)
REGISTERED = D(2026, 9, 28)
TENTH = D(2026, 10, 16)
ELEVENTH = D(2026, 10, 19)
LATER = D(2026, 10, 30)
CODE = "job_offer_10_days"


@pytest.fixture
def september(make_seeker, make_person, make_vacancy, county_officer):
    vacancy = make_vacancy()

    def offer(seeker, on, suitable=True):
        Referral.objects.create(seeker=seeker, vacancy=vacancy, region_code=seeker.region_code,
                                number=f"TJ{Referral.objects.count() + 1:08d}", referred_on=on,
                                due_on=on + datetime.timedelta(days=14), suitable=suitable, outcome="not_hired",
                                outcome_on=on, created_by=county_officer)

    def seeker(name, region=VILLAGE, registered_on=REGISTERED, **fields):
        return make_seeker(make_person(name=name, region=region), registered_on=registered_on, **fields)

    offer(seeker("按时甲"), TENTH)
    offer(seeker("逾期乙"), ELEVENTH)
    seeker("未推荐丙")
    offer(seeker("不合适丁"), D(2026, 9, 30), suitable=False)
    offer(seeker("挑拣戊", not_selective=False), ELEVENTH)  # not 不挑不拣: not counted
    seeker("已结束己", status="ended", ended_on=D(2026, 10, 5), end_reason="withdrawn")  # stopped before the due day
    offer(seeker("八月庚", registered_on=D(2026, 8, 31)), ELEVENTH)  # August's
    offer(seeker("邻村辛", region=NEIGHBOUR_VILLAGE), TENTH)


def _figure(region, today):
    return next(figure for figure in selectors.figures(region, SEPTEMBER, today=today) if figure.code == CODE)


def test_the_tenth_working_day_is_counted_across_the_holiday(db):
    assert workdays.add_working_days(REGISTERED, 10) == TENTH


def test_a_village_and_its_township(september, heyuan):
    village = _figure(heyuan[VILLAGE], LATER)
    # 甲 on time; 乙 offered on the 11th working day, 丙 never, 丁 only an unsuitable post: late.
    assert (village.numerator, village.denominator, village.rate) == (1, 4, 25.0)
    township = _figure(heyuan[TOWNSHIP], LATER)
    assert (township.numerator, township.denominator, township.rate) == (2, 5, 40.0)


def test_the_missed_are_listed_with_their_due_day(september, heyuan):
    missed = selectors.missed_people(heyuan[VILLAGE], SEPTEMBER, CODE, today=LATER)
    assert [row.name for row in missed] == ["逾期乙", "未推荐丙", "不合适丁"]
    by_name = {row.name: row.what for row in missed}
    assert "应在2026-10-16" in by_name["逾期乙"] and "2026-10-19才推荐" in by_name["逾期乙"]
    assert "至今未推荐合适岗位" in by_name["未推荐丙"]


def test_on_the_tenth_working_day_those_without_an_offer_are_not_decided_yet(september, heyuan):
    on_the_day = _figure(heyuan[VILLAGE], TENTH)
    # 甲 offered that day counts; 乙 (offered later), 丙 and 丁 are still within their 10 working days.
    assert (on_the_day.numerator, on_the_day.denominator) == (1, 1)
    next_day = _figure(heyuan[VILLAGE], D(2026, 10, 17))  # a Saturday: the 10 working days have run out
    assert (next_day.numerator, next_day.denominator) == (1, 4)


def test_the_snapshot_is_the_live_count_at_every_level(september, heyuan):
    levels = (CITY, COUNTY, TOWNSHIP, VILLAGE, NEIGHBOUR_VILLAGE, NEIGHBOUR_COUNTY)
    live = {code: _figure(heyuan[code], LATER) for code in levels}
    assert (live[CITY].numerator, live[CITY].denominator) == (2, 5)
    compute_snapshots(SEPTEMBER, today=LATER)
    for code in levels:
        stored = _figure(heyuan[code], LATER)
        assert stored.computed_at is not None
        assert (stored.numerator, stored.denominator) == (live[code].numerator, live[code].denominator), code
