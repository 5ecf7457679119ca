"""The demo's cards in 下城社区: every step of the way shown once, made once."""

import io

from hrss.core.permissions import Role
from hrss.pensions.cards import demo
from hrss.pensions.models import CardApplication, CardBatch
from tests.conftest import COUNTY, VILLAGE

from .conftest import register


def test_the_demo_shows_each_step_once(heyuan, make_user):
    assistant = make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    make_user("yuancheng", COUNTY, Role.COUNTY_OFFICER)
    for serial in range(41, 51, 2):
        register(assistant, f"演示{serial}", serial=serial)
    out = io.StringIO()
    demo.demo(out, {"people": True})
    assert "社保卡申领演示数据" in out.getvalue()
    assert sorted(CardApplication.objects.values_list("state", flat=True)) == sorted(
        ["applied", "in_batch", "arrived", "handed_over", "active"])
    assert sorted(CardBatch.objects.values_list("state", flat=True)) == ["arrived", "sent"]
    assert demo.generate() == 0
