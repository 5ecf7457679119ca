"""Demo data of the community part for `hrss demo --people`: 下城社区's assessment of the last year, recorded by its
assistant (xiacheng) and waiting for 源城区's result (yuancheng), so the county's 待办 has one."""

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.assistance.community import rules, selectors, services
from hrss.assistance.models import CommunityAssessment
from hrss.core.models import Region

DEMO_VILLAGE = "441602001003"  # 下城社区


@transaction.atomic
def generate():
    today = timezone.localdate()
    year = today.year - 1
    assistant = User.objects.filter(username="xiacheng").first()
    if assistant is None or CommunityAssessment.objects.filter(region_code=DEMO_VILLAGE, year=year).exists():
        return 0
    checks = {criterion.code: {"met": True, "note": "已核实（演示）"} if criterion.kind == rules.MANUAL
              else {"note": "已人工核实（演示）"} for criterion in rules.criteria_for(year)}
    # Ticked as the ledger allows: with people out of work for more than half a year, not met.
    village = Region.objects.get(code=DEMO_VILLAGE)
    if rules.NO_LONG_UNEMPLOYED in checks and selectors.long_unemployed(village, year, today):
        checks[rules.NO_LONG_UNEMPLOYED] = {"met": False, "note": "台账中有失业半年以上人员，正在援助（演示）"}
    services.record_assessment(actor=assistant, region_code=DEMO_VILLAGE, year=year, checks=checks,
                               note="年度自评（演示）", today=today)
    return 1


def demo(stdout, options):
    if options.get("people") and generate():
        stdout.write("已生成演示充分就业社区评估 1 份（下城社区，上年度，待县(区)认定）。")
    return None
