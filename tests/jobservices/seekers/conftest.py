"""People of 下城社区, an employer and its vacancies, and seekers registered through the service."""

import datetime

import pytest

from hrss.jobservices.models import Employer, Vacancy
from hrss.jobservices.seekers import services
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY, VILLAGE
from tests.residents.factories import make_id_number

NEIGHBOUR_VILLAGE_CODE = "441602001006"  # 公园社区, same township
OTHER_TOWNSHIP_VILLAGE = "441602002001"  # a village of 新江街道, same county
OTHER_COUNTY_VILLAGE = "441621100001"  # 紫金县
OUTSIDE_PROVINCE = "450102000000"  # 南宁市兴宁区 (广西)


@pytest.fixture
def person_born(heyuan, village_assistant):
    """A resident of 下城社区 born on the given day (odd sequence: a man)."""
    counter = iter(range(11, 999, 2))

    def make(birth=datetime.date(1990, 5, 1), sequence=None, name="张三", status=LabourStatus.UNEMPLOYED, **fields):
        return residents_services.register_person(
            actor=village_assistant, id_number=make_id_number(birth=birth, sequence=sequence or next(counter)),
            name=name, village=heyuan[VILLAGE], status=status, **fields)[0]

    return make


@pytest.fixture
def employer(heyuan, county_officer):
    return Employer.objects.create(name="河源市某物流公司", uscc="91441602MA4UXXXX1X", region_code=VILLAGE,
                                   created_by=county_officer)


@pytest.fixture
def make_vacancy(employer, county_officer):
    def make(occupation_code="4-02-06-01", region_code=VILLAGE, title="仓储管理员", **fields):
        values = {"headcount": 3, "opens_on": TODAY - datetime.timedelta(days=5), "wage_max": 4500,
                  "wage_min": 3000, **fields}
        return Vacancy.objects.create(employer=fields.pop("employer", employer), region_code=region_code,
                                      title=title, occupation_code=occupation_code, created_by=county_officer,
                                      **{key: value for key, value in values.items() if key != "employer"})

    return make


@pytest.fixture
def make_seeker(person_born, village_assistant):
    def make(occupations=("4-02-06-01",), person=None, mobility="county", not_selective=False, wage_min=3000,
             today=TODAY, **person_fields):
        person = person or person_born(**person_fields)
        return services.register_seeker(actor=village_assistant, person=person, occupations=list(occupations),
                                        mobility=mobility, not_selective=not_selective, wage_min=wage_min,
                                        today=today)

    return make
