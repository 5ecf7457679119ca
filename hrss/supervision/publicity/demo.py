"""Demo data of the publicity part for `hrss demo --people`: publicity events of 下城社区 and 上城街道 this year and last
month, and a notice of 上城街道 to its villages (下城社区 has read it, the others not yet, one reminded). Made once:
nothing when 上城街道 has issued a notice already."""

import datetime

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core.models import Region
from hrss.supervision.models import Notice
from hrss.supervision.publicity import services

DEMO_VILLAGE = "441602001003"  # 下城社区
DEMO_TOWNSHIP = "441602001000"  # 上城街道
DAY = datetime.timedelta(days=1)


def generate():
    if Notice.objects.filter(region_code=DEMO_TOWNSHIP).exists():
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    officer = User.objects.filter(username="shangcheng").first()
    if assistant is None or officer is None:
        return 0
    today = timezone.localdate()
    village, township = Region.objects.get(code=DEMO_VILLAGE), Region.objects.get(code=DEMO_TOWNSHIP)
    with transaction.atomic():
        services.record_event(actor=assistant, region=village, topic="pension", topic_detail="城乡居民养老保险缴费档次",
                              place="下城社区文化广场", held_on=today - 12 * DAY, people_reached=85,
                              materials_count=120, materials_description="《城乡居民养老保险政策问答》折页",
                              organiser="下城社区工作站", today=today)
        services.record_event(actor=officer, region=township, topic="labour", topic_detail="根治欠薪冬季专项行动",
                              place="上城街道某建筑工地", held_on=today - 40 * DAY, people_reached=60,
                              materials_count=60, materials_description="农民工工资支付宣传单",
                              organiser="上城街道劳动保障所", today=today)
        notice = services.issue_notice(
            actor=officer, region=township, title="关于开展根治欠薪专项检查的通知",
            body="各村(社区)：请于本月底前走访辖区内在建工地和劳动密集型企业，发现欠薪线索及时报告。",
            audience=services.Audience.VILLAGES, read_by=today + 7 * DAY, today=today)
        services.mark_read(actor=assistant, receipt=notice.receipts.get(region_code=DEMO_VILLAGE), today=today)
        services.remind(actor=officer, notice=notice, today=today)
    return 2


def demo(stdout, options):
    made = generate() if options.get("people") else 0  # with the demo's people only: the logins alone stay bare
    if made:
        stdout.write("已生成政策宣传演示数据（下城社区、上城街道的宣传活动，上城街道的通知及阅读情况）。")
    return None
