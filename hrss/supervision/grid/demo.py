"""Demo data of the grid part for `hrss demo --people`: the cells of 下城社区 and of its township 上城街道 with their staff
(set by the township's demo user), a few leads (one waiting for the township's decision, one dismissed with its
reason, one resolved on the spot) and routine visits to employers, one of which found a problem and reported a lead.
Made once: nothing when 下城社区 has leads already."""

import datetime

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core.credit_codes import complete_uscc
from hrss.core.models import Region
from hrss.supervision.grid import services
from hrss.supervision.models import Lead

DEMO_VILLAGE = "441602001003"  # 下城社区
DEMO_TOWNSHIP = "441602001000"  # 上城街道
DAY = datetime.timedelta(days=1)


def generate():
    if Lead.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    officer = User.objects.filter(username="shangcheng").first()
    if assistant is None or officer is None:
        return 0
    today = timezone.localdate()
    village, township = Region.objects.get(code=DEMO_VILLAGE), Region.objects.get(code=DEMO_TOWNSHIP)
    restaurant = complete_uscc("92441602MA4W00001")
    with transaction.atomic():
        services.add_staff(actor=officer, region=township, name="李网格", phone="0762-3388001", post="head",
                           user=officer, since=today - 400 * DAY, today=today)
        services.add_staff(actor=officer, region=village, name="陈协理", phone="13800000003", post="full_time",
                           user=assistant, since=today - 300 * DAY, today=today)
        services.add_staff(actor=officer, region=village, name="黄楼长", phone="13800000004", post="part_time",
                           since=today - 200 * DAY, today=today)
        services.report_lead(actor=assistant, region=village, employer_name="河源市下城建材经营部", kind="wages",
                             description="12名装卸工反映已两个月未发工资，约定每月15日发放。", workers_affected=12,
                             reported_on=today - 3 * DAY, today=today)
        dismissed = services.report_lead(actor=assistant, region=village, employer_name="下城社区便民超市",
                                         kind="no_contract", description="店员反映未签劳动合同。",
                                         workers_affected=2, reported_on=today - 30 * DAY, today=today)
        services.dismiss_lead(actor=officer, lead=dismissed, reason="经核实为店主的家庭成员帮工，不属劳动关系。",
                              today=today - 25 * DAY)
        services.record_visit(actor=assistant, region=village, employer_name="河源市下城餐饮有限公司",
                              employer_uscc=restaurant, visited_on=today - 10 * DAY,
                              findings="在岗8人，已签订劳动合同，工资按月发放。", today=today)
        visit = services.record_visit(
            actor=assistant, region=village, employer_name="下城社区洗车行", visited_on=today - 5 * DAY,
            findings="3名员工未参加社会保险。", problems_found=True, lead_kind="not_insured",
            lead_description="3名员工未参加社会保险，老板称下月补办。", workers_affected=3, today=today)
        services.resolve_lead(actor=assistant, lead=visit.lead, note="老板已到社保经办机构为3名员工办理参保。",
                              today=today)
    return 3


def demo(stdout, options):
    made = generate() if options.get("people") else 0  # with the demo's people only: the logins alone stay bare
    if made:
        stdout.write(f"已生成网格化管理演示数据（下城社区及上城街道的网格员，{made}条线索，2次走访）。")
    return None
