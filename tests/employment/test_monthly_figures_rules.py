"""The monthly figures as the monthly report defines them: 城镇登记失业率 over the urban labour of the month's end,
城镇新增就业 as people newly employed in towns. Everything happens in 2023, so the figures are the same at any
instant the suite runs at."""

import datetime

import pytest

from hrss.core.permissions import Role
from hrss.employment import employment_registration as hiring
from hrss.employment import selectors, services
from hrss.employment.models import EmploymentKind, Standing
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import COUNTY, VILLAGE, login
from tests.residents.factories import make_id_number

D = datetime.date
URBAN = VILLAGE  # 下城社区居民委员会
RURAL = "441602003200"  # 高塘村村民委员会, 东埔街道, also in 源城区


@pytest.fixture
def resident(heyuan, city_admin):
    """A person of `village` whose ledger status is `status` from `since`."""
    sequence = iter(range(11, 999, 2))

    def make(name, status, since, village=URBAN, detail=""):
        return residents_services.register_person(
            actor=city_admin, id_number=make_id_number(birth=D(1990, 5, 1), sequence=next(sequence)), name=name,
            village=heyuan[village], status=status, status_detail=detail, status_since=since)[0]

    return make


@pytest.fixture
def registered_unemployed(make_user, resident):
    assistants = {}

    def make(name, since, village=URBAN):
        person = resident(name, LabourStatus.UNEMPLOYED, D(2023, 1, 1), village)
        assistant = assistants.get(village) or assistants.setdefault(
            village, make_user(f"va{village}", village, Role.VILLAGE_ASSISTANT))
        registration = services.apply_for_unemployment_registration(
            actor=assistant, person=person, category="lost_job", wants_work=True, able_to_work=True,
            documents=["id_card", "termination_proof"], last_employer="河源市某电子厂", left_job_on=since,
            today=since)
        registration.standing, registration.registered_on = Standing.REGISTERED, since
        registration.save()
        return registration

    return make


def figures(user, heyuan, year=2023, month=5):
    return selectors.monthly_figures(user, heyuan[COUNTY], year, month)


def people(user, heyuan, figure, year=2023, month=5):
    return set(selectors.people_behind(user, heyuan[COUNTY], figure, year, month).values_list("name", flat=True))


def test_the_rate_of_a_past_month_counts_the_urban_employed_of_that_months_end(heyuan, city_admin, resident,
                                                                               registered_unemployed):
    left = resident("五月在职", LabourStatus.EMPLOYED, D(2023, 1, 1))
    residents_services.record_status_change(actor=city_admin, person=left, status=LabourStatus.FARMING,
                                            effective_date=D(2023, 6, 10))
    resident("月末最后一天就业", LabourStatus.EMPLOYED, D(2023, 5, 31))
    resident("次月一日就业", LabourStatus.EMPLOYED, D(2023, 6, 1))
    resident("农村就业", LabourStatus.EMPLOYED, D(2023, 1, 1), village=RURAL)
    resident("转移就业", LabourStatus.MIGRANT, D(2023, 1, 1), detail="out_of_province")
    registered_unemployed("城镇失业", D(2023, 3, 1))
    registered_unemployed("农村失业", D(2023, 3, 1), village=RURAL)

    assert people(city_admin, heyuan, "employed") == {"五月在职", "月末最后一天就业"}
    may = figures(city_admin, heyuan)
    assert (may.employed, may.registered_unemployed, may.urban_registered_unemployed) == (2, 2, 1)
    assert may.unemployment_rate == round(100 * 1 / 3, 2)
    assert people(city_admin, heyuan, "employed", month=6) == {"月末最后一天就业", "次月一日就业"}


def test_the_ledgers_page_says_what_each_figure_counts(client, heyuan, city_admin):
    page = login(client, city_admin).get(f"/employment/ledgers/?region={COUNTY}&month=2023-05").content.decode()
    assert "城镇从业人员数（月末）" in page and "都按2023年5月末计" in page
    assert "居民委员会（社区）辖区" in page  # where 城镇 ends
    assert "岗位变动" in page  # what 城镇新增就业 leaves out


def hire(person, actor, day, employer="河源市某电子厂"):
    return hiring.register_employment(actor=actor, person=person, kind=EmploymentKind.HIRED, event_date=day,
                                      employer_name=employer)


def end(person, actor, day):
    return hiring.register_employment(actor=actor, person=person, kind=EmploymentKind.CONTRACT_ENDED,
                                      event_date=day, employer_name="河源市某电子厂")


def test_new_employment_counts_people_newly_employed_in_towns_once_a_year(heyuan, city_admin, resident):
    def farmer(name, village=URBAN):
        return resident(name, LabourStatus.FARMING, D(2022, 1, 1), village)

    hire(farmer("一日招用"), city_admin, D(2023, 5, 1))
    hire(farmer("月末招用"), city_admin, D(2023, 5, 31))
    hire(farmer("次月招用"), city_admin, D(2023, 6, 1))
    again = farmer("年内再就业")
    hire(again, city_admin, D(2023, 2, 1))
    end(again, city_admin, D(2023, 3, 1))
    hire(again, city_admin, D(2023, 5, 10))
    last_year = farmer("上年就业")
    hire(last_year, city_admin, D(2022, 11, 1))
    end(last_year, city_admin, D(2022, 12, 1))
    hire(last_year, city_admin, D(2023, 5, 15))
    changer = resident("换工作", LabourStatus.EMPLOYED, D(2022, 6, 1))
    hire(changer, city_admin, D(2023, 5, 20), employer="另一家工厂")
    hire(farmer("农村招用", village=RURAL), city_admin, D(2023, 5, 5))

    assert people(city_admin, heyuan, "new_employment") == {"一日招用", "月末招用", "上年就业"}
    assert figures(city_admin, heyuan).new_employment == 3
    assert people(city_admin, heyuan, "new_employment", month=2) == {"年内再就业"}
    assert people(city_admin, heyuan, "new_employment", month=6) == {"次月招用"}


def test_the_figures_of_child_regions_follow_the_same_rules(heyuan, city_admin, resident):
    hire(resident("城镇", LabourStatus.FARMING, D(2022, 1, 1)), city_admin, D(2023, 5, 3))
    hire(resident("农村", LabourStatus.FARMING, D(2022, 1, 1), RURAL), city_admin, D(2023, 5, 3))
    children = [heyuan["441602001000"], heyuan["441602003000"]]  # 上城街道 (下城社区), 东埔街道 (高塘村)
    rows = dict(selectors.monthly_figures_of_children(city_admin, heyuan[COUNTY], children, 2023, 5))
    assert [(rows[child].new_employment, rows[child].employed) for child in children] == [(1, 1), (0, 0)]
