import datetime

import pytest

from hrss.jobservices.models import Employer, JobSeeker, Referral, Vacancy
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, NEIGHBOUR_VILLAGE, TODAY, VILLAGE
from tests.residents.factories import make_id_number


@pytest.fixture
def person(heyuan, village_assistant):
    """张三 of 下城社区."""
    return residents_services.register_person(
        actor=village_assistant, id_number=make_id_number(birth=datetime.date(1985, 5, 5), sequence=11),
        name="张三", village=heyuan[VILLAGE], status=LabourStatus.UNEMPLOYED)[0]


@pytest.fixture
def neighbour(heyuan, neighbour_village_assistant):
    """李四 of 公园社区, the next village of the same township."""
    return residents_services.register_person(
        actor=neighbour_village_assistant, id_number=make_id_number(birth=datetime.date(1990, 2, 2), sequence=13),
        name="李四", village=heyuan[NEIGHBOUR_VILLAGE], status=LabourStatus.UNEMPLOYED)[0]


@pytest.fixture
def make_vacancy(heyuan, county_officer):
    """A vacancy of an employer of `region` (下城社区 by default), open since a month before TODAY."""
    counter = iter(range(1, 100))

    def make(title="普工", region=VILLAGE, **fields):
        number = next(counter)
        employer = Employer.objects.create(name=f"河源市第{number}电子厂", org_code=f"TS{number:06d}X"[:9],
                                           region_code=region, created_by=county_officer)
        values = {"headcount": 5, "occupation_code": "6-04", "opens_on": TODAY - datetime.timedelta(days=30),
                  **fields}
        return Vacancy.objects.create(employer=employer, region_code=region, title=title, created_by=county_officer,
                                      **values)

    return make


@pytest.fixture
def far_vacancy(make_vacancy):
    """A vacancy of the neighbouring county (紫金县)."""
    return make_vacancy(title="紫金县的岗位", region=NEIGHBOUR_COUNTY_VILLAGE)


@pytest.fixture
def make_referral(county_officer):
    """A referral of `person` to `vacancy` (the referrals part's record, made here as it would leave it)."""
    counter = iter(range(1, 1000))

    def make(person, vacancy, *, fair=None, outcome="pending"):
        seeker = JobSeeker.objects.filter(person=person, status="active").first() or JobSeeker.objects.create(
            person=person, region_code=person.region_code, registered_on=TODAY - datetime.timedelta(days=20),
            created_by=county_officer)
        return Referral.objects.create(
            seeker=seeker, vacancy=vacancy, region_code=person.region_code, number=f"TJ{next(counter):06d}",
            referred_on=TODAY - datetime.timedelta(days=5), due_on=TODAY + datetime.timedelta(days=5), fair=fair,
            outcome=outcome, outcome_on=None if outcome == "pending" else TODAY - datetime.timedelta(days=1),
            created_by=county_officer)

    return make


class Api:
    """The API as a user's token sees it."""

    def __init__(self, user):
        from django.test import Client

        from hrss.accounts import services as account_services

        self.client = Client()
        self.headers = {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}

    def get(self, path):
        return self.client.get(path, headers=self.headers)

    def post(self, path, body):
        return self.client.post(path, body, content_type="application/json", headers=self.headers)


@pytest.fixture
def api():
    return Api
