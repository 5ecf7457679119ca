"""零就业家庭 are urban households (居委会); rural households without anyone in work are a separate figure; a person
without a household link is not a one-person 零就业家庭. The statistics page says which 失业 it counts."""

import datetime

import pytest

from hrss.employment import services as employment_services
from hrss.employment.models import Standing
from hrss.residents import selectors, services
from hrss.residents.models import LabourStatus, Relation
from tests.conftest import COUNTY, TODAY, VILLAGE, login
from tests.residents.factories import make_id_number

D = datetime.date
RURAL = "441602003200"  # 高塘村村民委员会, 东埔街道, 源城区


@pytest.fixture
def household(heyuan, city_admin):
    """A couple, both unemployed, in `village` (the husband recorded as 户主)."""
    sequence = iter(range(11, 999, 2))

    def make(village, names=("张三", "李四")):
        head = make_id_number(birth=D(1980, 1, 1), sequence=next(sequence))
        people = [services.register_person(actor=city_admin, id_number=head, name=names[0], village=heyuan[village],
                                           status=LabourStatus.UNEMPLOYED, relation_to_head=Relation.HEAD)[0]]
        people.append(services.register_person(
            actor=city_admin, id_number=make_id_number(birth=D(1982, 3, 4), sequence=next(sequence) + 1),
            name=names[1], village=heyuan[village], status=LabourStatus.UNEMPLOYED, relation_to_head=Relation.SPOUSE,
            head_id_number=head)[0])
        return people

    return make


def names(households):
    return {person.name for members in households.values() for person in members}


def test_zero_employment_households_are_urban_and_rural_ones_are_counted_apart(heyuan, city_admin, household):
    household(VILLAGE, ("城甲", "城乙"))
    household(RURAL, ("村甲", "村乙"))
    county = heyuan[COUNTY]
    assert names(selectors.zero_employment_households(city_admin, county)) == {"城甲", "城乙"}
    assert names(selectors.zero_employment_households(city_admin, county, urban=False)) == {"村甲", "村乙"}


@pytest.mark.parametrize(("relation", "counted"), [("", False), (Relation.HEAD, True)])
def test_a_person_without_a_household_link_is_not_a_one_person_household(heyuan, city_admin, relation, counted):
    services.register_person(actor=city_admin, id_number=make_id_number(sequence=11), name="独自",
                             village=heyuan[VILLAGE], status=LabourStatus.UNEMPLOYED, relation_to_head=relation)
    assert bool(selectors.zero_employment_households(city_admin, heyuan[VILLAGE])) is counted


def test_a_member_named_by_someone_elses_household_makes_it_a_household(heyuan, city_admin):
    head = make_id_number(sequence=11)
    services.register_person(actor=city_admin, id_number=head, name="户主未注明", village=heyuan[VILLAGE],
                             status=LabourStatus.UNEMPLOYED)
    services.register_person(actor=city_admin, id_number=make_id_number(sequence=13), name="同户",
                             village=heyuan[VILLAGE], status=LabourStatus.UNEMPLOYED, head_id_number=head)
    assert names(selectors.zero_employment_households(city_admin, heyuan[VILLAGE])) == {"户主未注明", "同户"}


def test_the_statistics_page_explains_its_unemployed_beside_the_registered_ones(client, heyuan, village_assistant,
                                                                              household):
    husband, _wife = household(VILLAGE)
    registration = employment_services.apply_for_unemployment_registration(
        actor=village_assistant, person=husband, category="lost_job", wants_work=True, able_to_work=True,
        documents=["id_card", "termination_proof"], last_employer="河源市某电子厂", left_job_on=husband.status_since)
    registration.standing = Standing.REGISTERED
    registration.registered_on = TODAY
    registration.save()
    page = login(client, village_assistant).get(f"/residents/statistics/?region={VILLAGE}").content.decode()
    explained = page[page.index('data-testid="unemployed-explained"'):]
    explained = explained[:explained.index("</div></div>")]
    assert "台账就业状态为“失业”" in explained and '<span class="fw-bold">2</span> 人：劳动力资源调查' in explained
    assert '<span class="fw-bold">1</span> 人：经县(区)审批登记失业' in explained
    assert "城镇零就业家庭（1 户）" in page and "居民委员会（社区）辖区" in page
    assert "农村家庭无人就业（另计，0 户）" in page
