"""Demo data of the ratings part for `hrss demo`: the decided review cases of 下城社区 get their rating codes (those
closed before codes were issued), four of them are rated (one 不满意, which opens a complaint at 上城街道), and 上城街道
takes a phoned complaint into the 意见箱. Made once (nothing when 下城社区 has a rating or a complaint already), and with the demo's people only."""

import datetime

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core.models import ReviewCase
from hrss.supervision.models import Complaint, ComplaintOrigin, Rating
from hrss.supervision.ratings import selectors, services

DEMO_VILLAGE = "441602001003"  # 下城社区
SCORES = ((5, ""), (4, "办理很快"), (5, "工作人员耐心讲解"), (2, "第一次去时材料清单没讲清楚，跑了两趟"))


def generate():
    if (Rating.objects.filter(region_code=DEMO_VILLAGE).exists()
            or Complaint.objects.filter(office_code=DEMO_VILLAGE).exists()):
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    officer = User.objects.filter(username="shangcheng").first()
    if assistant is None or officer is None:
        return 0
    today = timezone.localdate()
    with transaction.atomic():
        cases = list(ReviewCase.objects.filter(region_code=DEMO_VILLAGE, status__in=services.COMPLETED_STATUSES)
                     .order_by("-closed_at")[:len(SCORES)])
        codes = [selectors.code_of_case(case) or services.issue_case_code(actor=assistant, case=case)
                 for case in cases]
        for code, (score, reason) in zip(codes, SCORES, strict=False):
            services.rate(code=code.code, score=score, reason=reason)
        services.record_complaint(
            actor=officer, office_code=DEMO_VILLAGE, origin=ComplaintOrigin.PHONE, about_staff=assistant,
            text="来电反映：周五下午四点到社区办理社保卡挂失，窗口无人。", complainant_name="吴先生",
            complainant_phone="13800000000", received_on=today - datetime.timedelta(days=3), today=today)
    return len(codes)


def demo(stdout, options):
    if not options.get("people"):
        return None  # the cases it rates are those of the demo's people
    made = generate()
    if made:
        stdout.write(f"已生成好差评演示数据（下城社区{made}条评价，上城街道的投诉）。")
    return None
