import datetime

import pytest

from hrss.employment import services as employment_services
from hrss.employment.models import Standing
from hrss.jobservices.models import Employer, JobSeeker, Vacancy
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY, VILLAGE
from tests.residents.factories import make_id_number


@pytest.fixture
def make_person(heyuan, village_assistant):
    """A resident of 下城社区 (by default), born in 1990 (odd sequence: a man)."""
    counter = iter(range(11, 999, 2))

    def make(name="张三", region=VILLAGE, birth=datetime.date(1990, 5, 1), status=LabourStatus.UNEMPLOYED):
        return residents_services.register_person(
            actor=None, id_number=make_id_number(birth=birth, sequence=next(counter)), name=name,
            village=heyuan[region], status=status)[0]

    return make


@pytest.fixture
def make_seeker(make_person, county_officer):
    """An open 求职登记 (made as the seekers part would leave it), registered `registered_on`."""

    def make(person=None, *, registered_on=TODAY - datetime.timedelta(days=3), not_selective=True, **fields):
        person = person or make_person()
        return JobSeeker.objects.create(person=person, region_code=person.region_code, registered_on=registered_on,
                                        not_selective=not_selective, phone="13800000000", created_by=county_officer,
                                        **fields)

    return make


@pytest.fixture
def make_vacancy(heyuan, county_officer):
    """An open vacancy of an employer of 下城社区 (by default), open since a month before TODAY."""
    counter = iter(range(1, 100))

    def make(title="普工", region=VILLAGE, **fields):
        number = next(counter)
        employer = Employer.objects.create(name=f"河源市第{number}电子厂", org_code=f"RF{number:06d}X"[:9],
                                           region_code=region, created_by=county_officer)
        values = {"headcount": 3, "occupation_code": "6", "opens_on": TODAY - datetime.timedelta(days=30), **fields}
        return Vacancy.objects.create(employer=employer, region_code=region, title=title, created_by=county_officer,
                                      **values)

    return make


@pytest.fixture
def registered_unemployed(village_assistant):
    """`person` registered unemployed on `since` (the review chain is employment's, tested there)."""

    def make(person, since, actor=None):
        registration = employment_services.apply_for_unemployment_registration(
            actor=actor or village_assistant, person=person, category="graduate", wants_work=True, able_to_work=True,
            documents=["id_card"], today=since)
        registration.standing, registration.registered_on = Standing.REGISTERED, since
        registration.save()
        return registration

    return make
