"""hrss demo's publicity: events of 下城社区 and 上城街道, and the township's notice read by 下城社区 only."""

from hrss.core.permissions import Role
from hrss.supervision.models import Notice, PublicityEvent
from hrss.supervision.publicity import demo
from tests.conftest import TOWNSHIP, VILLAGE


def test_the_demo_makes_events_and_a_notice_read_by_the_village(heyuan, make_user):
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    make_user("shangcheng", TOWNSHIP, Role.TOWNSHIP_OFFICER)
    assert demo.generate() == 2
    assert set(PublicityEvent.objects.values_list("region_code", flat=True)) == {VILLAGE, TOWNSHIP}
    notice = Notice.objects.get()
    assert list(notice.receipts.filter(read_on__isnull=False).values_list("region_code", flat=True)) == [VILLAGE]
    assert notice.receipts.filter(read_on__isnull=True, reminders=1).count() == notice.receipts.count() - 1
    assert demo.generate() == 0  # once
