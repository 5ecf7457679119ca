import datetime
from decimal import Decimal

import pytest

from hrss.core.dates import add_months, years_before
from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.pensions.benefits import services
from hrss.pensions.models import Contribution, ContributionKind, Enrolment, EnrolmentState, Scheme
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import TODAY, TOWNSHIP, VILLAGE

THIS_MONTH = TODAY.replace(day=1)


def make_person(actor, *, birth, name="李秀英", serial=300, village=VILLAGE, head=None, relation=""):
    number = id_number_for("441602", birth, serial)
    fields = {"relation_to_head": relation} if relation else {}
    return residents_services.register_person(
        actor=actor, id_number=number, name=name, village=Region.objects.get(code=village),
        head_id_number=head.id_number if head is not None else "", **fields)[0]


def enrol(person, actor, *, on=datetime.date(2011, 7, 1), state=EnrolmentState.ACTIVE):
    return Enrolment.objects.create(person=person, region_code=person.region_code, scheme=Scheme.RURAL,
                                    tier=Decimal("100"), state=state, received_on=on, enrolled_on=on,
                                    created_by=actor)


def pay_years(person, years, amount="100"):
    """A 个人缴费 for each year, arrived on 1 June of that year."""
    for year in years:
        Contribution.objects.create(person=person, region_code=person.region_code, year=year,
                                    kind=ContributionKind.PERSONAL, amount=Decimal(amount),
                                    paid_on=datetime.date(year, 6, 1), source_ref=f"T{person.pk}-{year}")


def move(pension, actor, action, today=TODAY, reason=""):
    pension.refresh_from_db()
    pension.case.refresh_from_db()
    return services.decide_pension(actor=actor, pension=pension, action=action, version=pension.case.version,
                                   reason=reason, today=today)


@pytest.fixture
def township_reviewer(make_user):
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def pensioner(heyuan, village_assistant):
    """Enrolled, 15 years paid, whose 60th birthday was five months ago: first month four months ago."""
    birthday_month = add_months(THIS_MONTH, -5)
    person = make_person(village_assistant, birth=years_before(birthday_month.replace(day=10), 60))
    enrol(person, village_assistant)
    pay_years(person, range(TODAY.year - 15, TODAY.year))
    return person


@pytest.fixture
def paying(pensioner, village_assistant, township_officer, county_officer):
    """The pensioner's pension, applied for and approved in its first month (four months ago): no back pay."""
    day = add_months(THIS_MONTH, -4).replace(day=10)
    pension = services.apply(actor=village_assistant, person=pensioner, today=day)
    move(pension, township_officer, "forward", today=day)
    move(pension, county_officer, "approve", today=day)
    pension.refresh_from_db()
    return pension
