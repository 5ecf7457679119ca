"""hrss demo's petitions: in 下城社区 and 上城街道, one wages petition at the township ready to be sent to labour
inspection, one being handled, one replied (with its rating code)."""

from hrss.core.permissions import Role
from hrss.supervision.models import Petition, PetitionState, RatingCode
from hrss.supervision.petitions import demo
from tests.conftest import TOWNSHIP, VILLAGE


def test_the_demo_makes_petitions_in_the_village_and_its_township(heyuan, make_user):
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    make_user("shangcheng", TOWNSHIP, Role.TOWNSHIP_OFFICER)
    assert demo.generate() == 4
    assert Petition.objects.filter(region_code=VILLAGE, state=PetitionState.RECEIVED).count() == 1
    ready = Petition.objects.get(region_code=TOWNSHIP, state=PetitionState.RECEIVED)
    assert ready.category == "wages" and ready.workers_count == 6
    replied = Petition.objects.get(state=PetitionState.REPLIED)
    assert RatingCode.objects.filter(source="petition", source_id=str(replied.pk)).exists()
    assert demo.generate() == 0  # once
