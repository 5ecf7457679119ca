"""Demo data of the campaigns part for `hrss demo --people`: 源城区's 就业援助月 of this year (from the usual dates,
rules.suggested), with targets, made by its county officer (yuancheng)."""

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.assistance.campaigns import rules, services
from hrss.assistance.models import Campaign

COUNTY = "441602000000"  # 源城区
TARGETS = {"recognitions": 20, "visits": 100, "placements": 10, "households_cleared": 5,
           "flexible_registrations": 30}


@transaction.atomic
def generate():
    today = timezone.localdate()
    officer = User.objects.filter(username="yuancheng").first()
    suggestions = rules.suggested(today)
    if officer is None or not suggestions or Campaign.objects.filter(region_code=COUNTY).exists():
        return 0
    name, first, last = suggestions[0]
    services.create_campaign(actor=officer, name=f"{today.year}年{name}", region_code=COUNTY, starts_on=first,
                             ends_on=last, targets=TARGETS, note="演示活动", today=today)
    return 1


def demo(stdout, options):
    if options.get("people") and generate():
        stdout.write("已生成演示就业援助活动 1 个（源城区，本年度）。")
    return None
