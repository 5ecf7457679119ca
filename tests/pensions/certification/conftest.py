import datetime
from decimal import Decimal

import pytest

from hrss.core import scoping
from hrss.core.models import Region
from hrss.pensions.certification import demo, services
from hrss.pensions.models import Retiree, RetireeState
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import COUNTY, TODAY, VILLAGE

YEAR = TODAY.year
OPENS = datetime.date(YEAR, 3, 1)
CLOSES = datetime.date(YEAR, 6, 30)
STARTED = datetime.date(YEAR, 2, 20)  # the day the campaign is started in these tests
DAY = datetime.timedelta(days=1)


@pytest.fixture
def person_in(heyuan, city_admin):
    serials = iter(range(101, 999, 2))

    def make(name, village=VILLAGE, age=70):
        return residents_services.register_person(
            actor=city_admin, id_number=id_number_for(scoping.county_code_of(village),
                                                      datetime.date(YEAR - age, 5, 6), next(serials)),
            name=name, village=heyuan[village], status="retired")[0]

    return make


@pytest.fixture
def pensioner(person_in, city_admin):
    """A person of 70 with a pension paying since five years ago (written directly: the award is not what these
    tests are about)."""

    def make(name, village=VILLAGE):
        person = person_in(name, village)
        return demo.paying_pension_directly(person=person, actor=city_admin, first_month=datetime.date(YEAR - 5, 3, 1),
                                            basic=Decimal("240.00"), account_part=Decimal("60.00"))

    return make


@pytest.fixture
def retiree(person_in, city_admin):
    def make(name, village=VILLAGE, state=RetireeState.MANAGED):
        person = person_in(name, village, age=66)
        return Retiree.objects.create(person=person, region_code=village, employer_name="河源市纺织厂",
                                      retired_on=datetime.date(YEAR - 6, 4, 30), pension_amount=Decimal("3000.00"),
                                      state=state, created_by=city_admin,
                                      **({"managed_since": datetime.date(YEAR - 5, 1, 1),
                                          "files_received_on": datetime.date(YEAR - 5, 1, 1)}
                                         if state == RetireeState.MANAGED else {}))

    return make


@pytest.fixture
def start(county_officer):
    """Starts 源城区's campaign of YEAR (window 1 March to 30 June) on STARTED, or with the changes given."""

    def make(**changes):
        values = {"actor": county_officer, "region": Region.objects.get(code=COUNTY), "year": YEAR, "opens_on": OPENS,
                  "closes_on": CLOSES, "today": STARTED, **changes}
        return services.start_campaign(**values)

    return make


def certification_of(campaign, subject):
    """The subject's certification as its village's 认证名单 shows it: opening the list gives the village's subjects
    their rows (services.ensure_rows; the start writes none)."""
    field = "pension" if subject.__class__.__name__ == "Pension" else "retiree"
    code = type(subject).objects.get(pk=subject.pk).region_code
    services.ensure_rows(campaign, Region.objects.get(code=code))
    return campaign.certifications.select_related("person", "campaign", "pension", "retiree").get(**{field: subject})
