"""hrss demo's retirees: a few in 下城社区, one of them 80 and over and due a visit."""

from hrss.core.dates import age_on
from hrss.pensions.models import Retiree
from hrss.pensions.retirees import demo, selectors
from tests.conftest import TODAY, VILLAGE


def test_the_demo_makes_retirees_in_the_village(heyuan, make_user):
    from hrss.core.permissions import Role

    assistant = make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    assert demo.generate() == 4
    retirees = list(Retiree.objects.filter(region_code=VILLAGE).select_related("person"))
    assert len(retirees) == 4 and any(age_on(r.person.birth_date, TODAY) >= 80 for r in retirees)
    assert selectors.due_visits(assistant, None, TODAY).exists()
    assert demo.generate() == 0  # once
