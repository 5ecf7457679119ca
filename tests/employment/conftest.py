import pytest

from hrss.core.permissions import Role
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import COUNTY, VILLAGE
from tests.residents.factories import make_id_number


@pytest.fixture
def county_approver(make_user):
    return make_user("cara", COUNTY, Role.COUNTY_APPROVER)


@pytest.fixture
def person_born(heyuan, village_assistant):
    """A resident of 下城社区 born on the given day (odd sequence: a man), entered in the ledger today."""

    def make(birth, sex_sequence=11, status=LabourStatus.FARMING, name="张三"):
        return residents_services.register_person(
            actor=village_assistant, id_number=make_id_number(birth=birth, sequence=sex_sequence), name=name,
            village=heyuan[VILLAGE], status=status)[0]

    return make


def known_years_through_next_year():
    """Tests here count deadlines from today: give the years after the seeded ones (2026) an arrangement of plain
    weekends, so that they keep working after the seed's last year. The calendar's own tests (tests/core) keep
    the real rule: a year without an arrangement cannot be counted."""
    from django.utils import timezone

    from hrss.core.models import CalendarYear
    from hrss.core.workdays import load_arrangement

    missing = set(range(2027, timezone.localdate().year + 2)) - set(CalendarYear.objects.values_list("year", flat=True))
    if missing:
        load_arrangement(days={}, years=missing, actor=None, source="测试：仅周末")


@pytest.fixture(autouse=True)
def calendar_beyond_the_seed(request):
    for database in ("transactional_db", "db"):
        if database in request.fixturenames:
            request.getfixturevalue(database)
            known_years_through_next_year()
            return
