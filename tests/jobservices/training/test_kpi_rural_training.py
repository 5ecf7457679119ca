"""KPI 4: rural labour (农业 户籍, or 户籍 unrecorded in a 村民委员会; of working age; in the labour force) with a
training wish (coded or the ledger's flag) who received free training (a free course completed, or attended once
started), per region, with the children's table and the drill-down to those not trained."""

import datetime

import pytest
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.dates import years_before
from hrss.core.working_age import is_of_working_age
from hrss.jobservices.training import kpi, services
from hrss.residents.models import HukouType, LabourStatus, Person
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE
from tests.jobservices.training.conftest import COOK, RURAL_TOWNSHIP, RURAL_VILLAGE
from tests.residents.factories import make_id_number

AGRICULTURAL = HukouType.AGRICULTURAL


def _figure(user, code, heyuan):
    return kpi.figures(user, heyuan[code], TODAY)


@pytest.fixture
def people(resident, county_officer):
    """Who counts and who does not, in 下城社区 (a 居委会) and 高塘村 (a 村委会)."""
    make = resident
    found = {
        "farmer_flag": make(name="农民甲", hukou_type=AGRICULTURAL, status=LabourStatus.FARMING, wants_training=True),
        "rural_village_blank_hukou": make(name="村民乙", village=RURAL_VILLAGE, actor=county_officer,
                                          status=LabourStatus.MIGRANT, status_detail="in_province",
                                          wants_training=True),
        "town_blank_hukou": make(name="居民丙", status=LabourStatus.UNEMPLOYED, wants_training=True),
        "non_agricultural": make(name="居民丁", village=RURAL_VILLAGE, actor=county_officer,
                                 hukou_type=HukouType.NON_AGRICULTURAL, wants_training=True),
        "no_wish": make(name="农民戊", hukou_type=AGRICULTURAL, status=LabourStatus.FARMING),
        "student": make(name="学生己", hukou_type=AGRICULTURAL, status=LabourStatus.STUDENT, wants_training=True,
                        birth=datetime.date(2008, 1, 1)),
        "retired_age": make(name="老人庚", hukou_type=AGRICULTURAL, status=LabourStatus.OTHER, wants_training=True,
                            birth=datetime.date(1950, 1, 1)),
        "coded_wish": make(name="农民辛", hukou_type=AGRICULTURAL, status=LabourStatus.EMPLOYED),
    }
    # Still farming in the ledger past the retirement age (the ledger is not updated the day one retires).
    Person.objects.filter(pk=found["retired_age"].pk).update(labour_status=LabourStatus.FARMING)
    return found


def test_who_is_counted(people, heyuan, village_assistant, county_officer):
    services.record_training_wish(actor=village_assistant, person=people["coded_wish"], occupation_code=COOK,
                                  kind="skills")
    rows = set(kpi.population(county_officer, heyuan[COUNTY], TODAY).values_list("pk", flat=True))
    counted = {name for name, person in people.items() if person.pk in rows}
    assert counted == {"farmer_flag", "rural_village_blank_hukou", "coded_wish"}


def test_free_training_received_counts_in_the_numerator(people, heyuan, make_course, county_officer):
    free_started = make_course(starts_on=TODAY - datetime.timedelta(days=3))
    free_later = make_course(name="下月开班", starts_on=TODAY + datetime.timedelta(days=10),
                             ends_on=TODAY + datetime.timedelta(days=40))
    paid = make_course(name="收费班", free=False, fee=800, starts_on=TODAY - datetime.timedelta(days=3))
    services.enrol(actor=county_officer, course=free_started, person=people["farmer_flag"],
                   today=TODAY - datetime.timedelta(days=5))  # attending
    services.enrol(actor=county_officer, course=free_later, person=people["rural_village_blank_hukou"])  # not yet
    services.enrol(actor=county_officer, course=paid, person=people["coded_wish"])  # not free (and no wish)
    total, children = _figure(county_officer, COUNTY, heyuan)
    assert (total.denominator, total.numerator, total.rate) == (2, 1, 50.0)
    by_code = {child.code: child for child in children}
    assert (by_code[TOWNSHIP].denominator, by_code[TOWNSHIP].numerator) == (1, 1)
    assert (by_code[RURAL_TOWNSHIP].denominator, by_code[RURAL_TOWNSHIP].numerator) == (1, 0)
    untrained = list(kpi.untrained_people(county_officer, heyuan[COUNTY], TODAY).values_list("name", flat=True))
    assert untrained == ["村民乙"]


def test_a_completed_course_counts_and_a_dropped_one_does_not(people, heyuan, ended_course, county_officer):
    farmer, villager = people["farmer_flag"], people["rural_village_blank_hukou"]
    done = services.enrol(actor=county_officer, course=ended_course, person=farmer, today=ended_course.starts_on)
    services.complete(actor=county_officer, enrolment=done, completed_on=ended_course.ends_on)
    left = services.enrol(actor=county_officer, course=ended_course, person=villager, today=ended_course.starts_on)
    services.drop(actor=county_officer, enrolment=left, today=ended_course.starts_on)
    total, _children = _figure(county_officer, COUNTY, heyuan)
    assert (total.denominator, total.numerator) == (2, 1)
    # Before the course started, nobody had been trained.
    before, _ = kpi.figures(county_officer, heyuan[COUNTY], ended_course.starts_on - datetime.timedelta(days=1))
    assert before.numerator == 0


def test_the_village_assistant_sees_only_their_village(people, heyuan, village_assistant):
    total, children = _figure(village_assistant, VILLAGE, heyuan)
    assert (total.denominator, children) == (1, [])


def test_the_page_the_drill_down_and_the_api(people, heyuan, county_officer):
    client = Client()
    client.force_login(county_officer)
    page = client.get("/jobservices/training/kpi/").content.decode()
    assert "东埔街道" in page and "上城街道" in page and "0.00%" in page
    drill = client.get("/jobservices/training/kpi/people/", {"region": RURAL_TOWNSHIP}).content.decode()
    assert "村民乙" in drill and "农民甲" not in drill
    token = account_services.create_token(actor=None, user=county_officer)
    answer = client.get(f"/api/v1/kpi/rural-training/{COUNTY}", headers={"Authorization": f"Bearer {token}"}).json()
    assert (answer["denominator"], answer["numerator"], answer["rate"]) == (2, 0, 0.0)
    assert {child["region_code"]: child["denominator"] for child in answer["children"]}[RURAL_TOWNSHIP] == 1


def test_the_statistics_page_has_the_panel(people, county_officer):
    client = Client()
    client.force_login(county_officer)
    page = client.get("/residents/statistics/").content.decode()
    assert 'data-testid="rural-training"' in page
    # The figures come after the page, from the KPI page's panel fragment the panel names.
    url = "/jobservices/training/kpi/?region=441602000000&amp;panel=1"
    assert url in page
    figures = client.get(url.replace("&amp;", "&"), headers={"HX-Request": "true"}).content.decode()
    assert "0 / 2" in figures and "<html" not in figures


@pytest.mark.parametrize("category", ["worker", "cadre", "flexible"])
@pytest.mark.parametrize("sex", ["M", "F"])
def test_the_counted_working_age_is_core_working_ages_rule(sex, category, heyuan):
    """The database condition agrees with core.working_age person by person, for birth days around the retirement
    boundary and the 16th birthday, on the frozen day and on days of the 2025 reform's steps."""
    for day in (TODAY, datetime.date(2025, 1, 1), datetime.date(2031, 5, 31)):
        boundary = kpi.earliest_birth_of_working_age(sex, category, day)
        births = [boundary + datetime.timedelta(days=offset) for offset in range(-400, 400, 13)]
        births += [years_before(day, 16) + datetime.timedelta(days=offset) for offset in (-1, 0, 1)]
        Person.objects.all().delete()
        people = Person.objects.bulk_create([
            Person(id_number=make_id_number(birth=birth, sequence=100 + index), name=f"人{index}", sex=sex,
                   birth_date=birth, region_code=VILLAGE, retirement_category=category)
            for index, birth in enumerate(births)])
        counted = set(Person.objects.filter(kpi.of_working_age(day)).values_list("pk", flat=True))
        expected = {person.pk for person in people if is_of_working_age(person.birth_date, sex, day, category)}
        assert counted == expected, day
        assert 0 < len(expected) < len(people)  # both sides of the boundaries are tried


def test_the_kpi_is_counted_on_a_chosen_day(people, heyuan, ended_course, county_officer):
    """?on= (a month's end for the monthly report): training received after that day does not count on it."""
    done = services.enrol(actor=county_officer, course=ended_course, person=people["farmer_flag"],
                          today=ended_course.starts_on)
    services.complete(actor=county_officer, enrolment=done, completed_on=ended_course.ends_on)
    client = Client()
    client.force_login(county_officer)
    before = (ended_course.starts_on - datetime.timedelta(days=1)).isoformat()
    token = account_services.create_token(actor=None, user=county_officer)
    api = {"headers": {"Authorization": f"Bearer {token}"}}
    assert client.get(f"/api/v1/kpi/rural-training/{COUNTY}", {"on": before}, **api).json()["numerator"] == 0
    assert client.get(f"/api/v1/kpi/rural-training/{COUNTY}", **api).json()["numerator"] == 1
    future = (TODAY + datetime.timedelta(days=1)).isoformat()
    assert client.get(f"/api/v1/kpi/rural-training/{COUNTY}", {"on": future}, **api).status_code == 422
    drill = client.get("/jobservices/training/kpi/people/", {"on": before}).content.decode()
    assert "农民甲" in drill
    assert "农民甲" not in client.get("/jobservices/training/kpi/people/").content.decode()
