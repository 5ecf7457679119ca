"""Demo data of the petitions part for `hrss demo --people`: a few petitions of 下城社区 and 上城街道, so the 信访台账, a
petition's page, the pending work and the statistics have something to show: a wages complaint just recorded at
the village (待受理), one carried up to the township ready to be sent to labour inspection, one accepted and being
handled, and one closed with a reply (its notice has a rating code)."""

import datetime

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core.models import Level, Region
from hrss.supervision.models import Petition
from hrss.supervision.petitions import services

DEMO_VILLAGE = "441602001003"  # 下城社区
DAY = datetime.timedelta(days=1)


def _intake(assistant, village, today, days_ago, **values):
    return services.intake(actor=assistant, office=village, received_on=today - days_ago * DAY, today=today,
                           **values)


def _petitions(assistant, officer, village, today):
    """The demo's petitions, each a function making one (in the order of the module's docstring)."""

    def fresh():
        _intake(assistant, village, today, 1, channel="visit", category="wages", petitioner_name="李春花",
                petitioner_phone="13802220001", subject="河源市源城区某制衣厂拖欠2个月工资",
                summary="本人在该厂做车工，2个月工资共8600元未发，厂方称资金紧张。", employer_name="河源市源城区某制衣厂",
                amount_claimed="8600.00")

    def ready():
        petition = _intake(assistant, village, today, 4, channel="visit", category="wages", petitioner_name="陈志强",
                           petitioner_phone="13802220002", subject="某建筑工地拖欠农民工工资",
                           summary="在某建筑工地做泥水工，工程完工后包工头拖欠6名工友工资共48000元。",
                           employer_name="河源市某建筑劳务有限公司", workers_count=6, amount_claimed="48000.00")
        services.forward_up(actor=assistant, petition=petition, level=Level.TOWNSHIP, note="欠薪，涉及6人",
                            today=today)

    def handled():
        petition = _intake(assistant, village, today, 20, channel="phone", category="social_insurance",
                           petitioner_name="黄美玲", petitioner_phone="13802220003",
                           subject="单位未按时缴纳社会保险费", summary="入职半年，单位一直未缴纳社会保险费。",
                           employer_name="河源市某商贸有限公司")
        services.forward_up(actor=assistant, petition=petition, level=Level.TOWNSHIP, today=today)
        services.decide(actor=officer, petition=petition, decision="accept", decided_on=today - 18 * DAY,
                        today=today)

    def closed():
        petition = _intake(assistant, village, today, 40, channel="letter", category="other",
                           petitioner_name="刘建国", petitioner_address="河源市源城区下城社区",
                           subject="咨询灵活就业人员参保政策",
                           summary="来信询问灵活就业人员参加城镇职工养老保险的条件和缴费标准。")
        services.forward_up(actor=assistant, petition=petition, level=Level.TOWNSHIP, today=today)
        services.decide(actor=officer, petition=petition, decision="accept", decided_on=today - 35 * DAY,
                        today=today)
        services.reply(actor=officer, petition=petition, replied_on=today - 10 * DAY, today=today,
                       text="经核实，灵活就业人员可在户籍地或居住地以个人身份参加企业职工基本养老保险，缴费基数可在"
                            "本省公布的上下限之间自行选择，具体可到社区服务站办理。")

    return (fresh, ready, handled, closed)


def generate():
    """The demo's petitions, once (nothing when 下城社区 has petitions already). Returns how many were made. A period
    reaching a year whose holiday arrangement is not loaded is stored as provisional, never refused, so all are
    made whatever the day."""
    if Petition.objects.filter(received_at_code=DEMO_VILLAGE).exists():
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    officer = User.objects.filter(username="shangcheng").first()
    if assistant is None or officer is None:
        return 0
    today = timezone.localdate()
    village = Region.objects.get(code=DEMO_VILLAGE)
    with transaction.atomic():
        makers = _petitions(assistant, officer, village, today)
        for make in makers:
            make()
    return len(makers)


def demo(stdout, options):
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成信访演示数据（下城社区、上城街道，{made}件信访件）。")
    return None
