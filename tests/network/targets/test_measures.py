"""之二 to 之五 against cases a user would count by hand in 下城社区 (and a neighbouring village), each on its own,
then all of them computed as snapshots and compared with the live count at every level."""

import datetime

import pytest

from hrss.core.dates import years_before
from hrss.jobservices.referrals import services as referral_services
from hrss.jobservices.training import services as training_services
from hrss.network.targets import selectors
from hrss.network.targets.snapshots import compute_snapshots
from hrss.pensions.enrolment import services as enrolment_services
from hrss.residents.models import HukouType, LabourStatus
from tests.conftest import CITY, COUNTY, NEIGHBOUR_COUNTY, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.jobservices.training.conftest import RURAL_TOWNSHIP, RURAL_VILLAGE
from tests.pensions.enrolment.conftest import enrol
from tests.pensions.enrolment.conftest import make_person as pensions_person

DAY = datetime.timedelta(days=1)
MONTH = TODAY.replace(day=1)


def _figure(region, code, month=MONTH):
    return next(figure for figure in selectors.figures(region, month, today=TODAY) if figure.code == code)


def _counts(region, code):
    figure = _figure(region, code)
    return figure.numerator, figure.denominator


def _missed(region, code):
    return [row.name for row in selectors.missed_people(region, MONTH, code, today=TODAY)]


# --- 之二: enrolment with complete documents done the same day ---------------------------------------------------


@pytest.fixture
def enrolments(heyuan, village_assistant):
    if TODAY.day == 1:
        pytest.skip("the case of a completion entered the next day needs a day of this month before TODAY")
    same = enrol(village_assistant, pensions_person(village_assistant, name="当天甲", serial=610))
    late = enrol(village_assistant, pensions_person(village_assistant, name="次日乙", serial=612),
                 documents=["id_card"], today=MONTH)
    enrolment_services.complete_documents(actor=village_assistant, enrolment=late, documents=["hukou", "form"],
                                          today=MONTH + DAY, received_on=MONTH)
    enrol(village_assistant, pensions_person(village_assistant, name="缺材料丙", serial=614), documents=["id_card"])
    return same


def test_same_day_enrolment(enrolments, heyuan):
    # 甲 complete and enrolled today; 乙 complete on the 1st, enrolled the 2nd; 丙 still lacks documents: not counted.
    assert _counts(heyuan[VILLAGE], "same_day_enrolment") == (1, 2)
    assert _figure(heyuan[VILLAGE], "same_day_enrolment").rate == 50.0
    assert _missed(heyuan[VILLAGE], "same_day_enrolment") == ["次日乙"]
    assert "未当天办结" in selectors.missed_people(heyuan[VILLAGE], MONTH, "same_day_enrolment", today=TODAY)[0].what
    assert _counts(heyuan[NEIGHBOUR_VILLAGE], "same_day_enrolment") == (0, 0)


# --- 之五: residents receiving social-insurance services -----------------------------------------------------------


@pytest.fixture
def residents(heyuan, village_assistant):
    insured = pensions_person(village_assistant, name="参保甲", serial=620)
    enrol(village_assistant, insured)
    pensions_person(village_assistant, name="未保乙", serial=622)
    pensions_person(village_assistant, name="小孩丙", age=10, serial=624, status="other")  # under 16: out of scope
    pensions_person(village_assistant, name="学生丁", age=18, serial=626, status=LabourStatus.STUDENT)  # out of scope
    return insured


def test_insurance_services(residents, heyuan):
    assert _counts(heyuan[VILLAGE], "insurance_services") == (1, 2)
    assert _missed(heyuan[VILLAGE], "insurance_services") == ["未保乙"]
    assert _counts(heyuan[TOWNSHIP], "insurance_services") == (1, 2)


# --- 之三: free public employment services -----------------------------------------------------------------------


@pytest.fixture
def job_seekers(make_seeker, make_person, make_vacancy, registered_unemployed, township_officer):
    served = make_seeker(make_person(name="推荐甲"))
    referral_services.refer(actor=township_officer, seeker=served, vacancy=make_vacancy())
    make_seeker(make_person(name="未服务乙"))
    registered_unemployed(make_person(name="失业丙", birth=datetime.date(1991, 3, 3)), TODAY - 40 * DAY)
    make_person(name="不求职丁", birth=datetime.date(1992, 3, 3))  # not a seeker, not registered: not counted
    ended = make_seeker(make_person(name="已结束戊", birth=datetime.date(1993, 3, 3)),
                        registered_on=TODAY - 60 * DAY, status="ended", ended_on=TODAY - 20 * DAY,
                        end_reason="hired")
    return ended


def test_free_employment_services(job_seekers, heyuan):
    assert _counts(heyuan[VILLAGE], "free_employment_services") == (1, 3)
    assert sorted(_missed(heyuan[VILLAGE], "free_employment_services")) == sorted(["失业丙", "未服务乙"])
    # 21 days ago: 丙 stood registered and 戊's registration was still open, neither served yet; 甲 and 乙 had not
    # registered.
    before = TODAY - 21 * DAY
    figure = next(figure for figure in selectors.figures(heyuan[VILLAGE], before, today=before)
                  if figure.code == "free_employment_services")
    assert (figure.numerator, figure.denominator) == (0, 2)
    missed = selectors.missed_people(heyuan[VILLAGE], before, "free_employment_services", today=before)
    assert sorted(row.name for row in missed) == sorted(["失业丙", "已结束戊"])


# --- 之四: free skills training for rural labour with a training need --------------------------------------------


@pytest.fixture
def rural_people(resident, make_course, county_officer):
    trained = resident(name="农民甲", hukou_type=HukouType.AGRICULTURAL, status=LabourStatus.FARMING,
                       wants_training=True, birth=datetime.date(1986, 6, 6))
    resident(name="村民乙", village=RURAL_VILLAGE, actor=county_officer, status=LabourStatus.FARMING,
             wants_training=True, birth=datetime.date(1987, 7, 7))  # 户籍 blank in a 村委会: rural
    resident(name="居民丙", status=LabourStatus.UNEMPLOYED, wants_training=True,
             birth=datetime.date(1988, 8, 8))  # 户籍 blank in a 居委会: not rural
    resident(name="农民丁", hukou_type=HukouType.AGRICULTURAL, status=LabourStatus.FARMING,
             birth=datetime.date(1989, 9, 9))  # no training wish
    course = make_course(starts_on=TODAY - 3 * DAY)
    training_services.enrol(actor=county_officer, course=course, person=trained, today=TODAY - 5 * DAY)
    return trained


def test_rural_training(rural_people, heyuan):
    assert _counts(heyuan[COUNTY], "rural_training") == (1, 2)
    assert _counts(heyuan[TOWNSHIP], "rural_training") == (1, 1)
    assert _counts(heyuan[RURAL_TOWNSHIP], "rural_training") == (0, 1)
    assert _missed(heyuan[COUNTY], "rural_training") == ["村民乙"]


# --- all of them: the snapshot is the live count at every level ----------------------------------------------------


def test_the_snapshots_equal_the_live_counts_at_every_level(enrolments, residents, job_seekers, rural_people,
                                                             heyuan):
    levels = (CITY, COUNTY, TOWNSHIP, VILLAGE, NEIGHBOUR_VILLAGE, RURAL_TOWNSHIP, RURAL_VILLAGE, NEIGHBOUR_COUNTY)
    live = {code: selectors.figures(heyuan[code], MONTH, today=TODAY) for code in levels}
    assert any(figure.denominator for figure in live[CITY])
    written = compute_snapshots(MONTH, today=TODAY)
    assert written > 0
    for code in levels:
        stored = selectors.figures(heyuan[code], MONTH, today=TODAY)
        assert all(figure.computed_at is not None for figure in stored), code
        assert [(f.code, f.numerator, f.denominator) for f in stored] == \
               [(f.code, f.numerator, f.denominator) for f in live[code]], code
    for figure in selectors.figures(heyuan[CITY], MONTH, today=TODAY):  # the city adds up its counties
        below = selectors.figures(heyuan[COUNTY], MONTH, today=TODAY)
        mine = next(f for f in below if f.code == figure.code)
        assert figure.denominator == mine.denominator  # all the cases are in 源城区


def test_a_person_older_than_the_working_age_is_no_rural_labour(resident, heyuan):
    resident(name="老农", hukou_type=HukouType.AGRICULTURAL, status=LabourStatus.FARMING, wants_training=True,
             birth=years_before(TODAY, 70))
    assert _counts(heyuan[VILLAGE], "rural_training") == (0, 0)
