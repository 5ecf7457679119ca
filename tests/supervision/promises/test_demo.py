"""hrss demo --people gives two 一次性告知书 at 下城社区's window (once: a second run adds none)."""

import io

from hrss.core.permissions import Role
from hrss.supervision.models import NoticeSlip
from hrss.supervision.promises import demo
from tests.conftest import VILLAGE


def test_the_demo_gives_two_slips_once(heyuan, make_user):
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    out = io.StringIO()
    demo.demo(out, {"people": 10})
    assert "一次性告知书演示数据" in out.getvalue()
    slips = list(NoticeSlip.objects.order_by("pk"))
    assert [(slip.citizen_name, slip.region_code, len(slip.missing)) for slip in slips] == [
        ("李伟", VILLAGE, 1), ("王秀兰", VILLAGE, 1)]
    demo.demo(io.StringIO(), {"people": 10})
    assert NoticeSlip.objects.count() == 2
