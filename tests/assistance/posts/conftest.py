import datetime

import pytest

from hrss.assistance.models import Recognition, RecognitionStatus
from hrss.assistance.posts import services
from hrss.core.models import Region, ReviewCase
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import TODAY, VILLAGE, frozen_now

COUNTY_CODE = "441602"  # 源城区, the area code of the test people's ID numbers


def register(actor, name, *, serial=11, birth=None, sex_serial=None, village=VILLAGE):
    """A person of the village's ledger, unemployed. An odd serial is a man, an even one a woman."""
    birth = birth or datetime.date(TODAY.year - 45, 3, 1)
    person, _ = residents_services.register_person(
        actor=actor, id_number=id_number_for(COUNTY_CODE, birth, serial), name=name,
        village=Region.objects.get(code=village), status="unemployed",
        status_since=min(TODAY - datetime.timedelta(days=300), birth + datetime.timedelta(days=365 * 17)))
    return person


def recognise(person, actor, *, recognised_on=None, valid_until=None):
    """A recognition approved by the county, written directly (the recognition's chain is another part's)."""
    recognised_on = recognised_on or TODAY - datetime.timedelta(days=60)
    case = ReviewCase.objects.create(
        case_type="assistance.posts.test", region_code=person.region_code, subject_id_number=person.id_number,
        title=f"{person.name} 就业困难人员认定", status=ReviewCase.Status.APPROVED, step="approved",
        step_started_on=recognised_on, opened_by=actor, closed_at=frozen_now())
    return Recognition.objects.create(
        person=person, region_code=person.region_code, case=case, number=f"T-{person.pk}",
        applied_on=recognised_on - datetime.timedelta(days=20), category="long_unemployed",
        status=RecognitionStatus.RECOGNISED, recognised_on=recognised_on,
        valid_until=valid_until or TODAY + datetime.timedelta(days=365), applied_by=actor)


def make_post(actor, *, headcount=2, open_from=None, region_code=VILLAGE, title="社区保洁员", **more):
    return services.create_post(actor=actor, region_code=region_code, unit_name="下城社区居民委员会",
                                unit_kind="village_committee", title=title, headcount=headcount,
                                open_from=open_from or TODAY - datetime.timedelta(days=5 * 366), **more)


@pytest.fixture
def person(heyuan, village_assistant):
    person = register(village_assistant, "李援助")
    recognise(person, village_assistant)
    return person


@pytest.fixture
def post(heyuan, village_assistant):
    return make_post(village_assistant)
