"""Demo data of the certification part for `hrss demo --people`: 源城区's certification of this year, started by
its county officer (yuancheng) with the window open today, for the pensions paying in the county (when the
benefits part's demo has made none in 下城社区, up to four of the village's people of 60 and over are given a
paying pension written directly, as the demo's stand-in; four elders are registered first when the village has
nobody of that age); in 下城社区 one is certified by a visit, one by a relative's statement, the others
reminded, so the 认证名单, the pending work and the statistics have something to show."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core import scoping
from hrss.core.dates import years_before
from hrss.core.models import Region
from hrss.pensions.certification import selectors, services
from hrss.pensions.models import (
    CertificationCampaign,
    CertificationState,
    Pension,
    PensionState,
    RetireeState,
)
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区
COUNTY = "441602000000"  # 源城区
DAY = datetime.timedelta(days=1)
STANDING = [PensionState.IN_REVIEW, PensionState.PAYING, PensionState.SUSPENDED]
# (name, age, sequence (odd: a man)): the village's elders the demo registers when it has none of 60 and over.
ELDERS = (("林伯荣", 72, 731), ("钟秀兰", 68, 742), ("曾德福", 64, 753), ("温丽珍", 81, 764))


def paying_pension_directly(*, person, actor, first_month, basic=Decimal("240.00"), account_part=Decimal("60.00")):
    """A pension of `person` paying from `first_month` (a first day), written straight to the benefits part's table
    without its review chain: for the demo, the scope sweep and the benchmark only, where the benefits part made
    none. Not a service: nothing is audited."""
    return Pension.objects.create(
        person=person, region_code=person.region_code, first_month=first_month,
        account_balance=account_part * 139, basic=basic, account_part=account_part, total=basic + account_part,
        state=PensionState.PAYING, approved_on=first_month, created_by=actor,
        calculation={"note": "演示数据：直接写入的正常发放待遇"})


def _pensions(actor, today):
    found = list(Pension.objects.filter(region_code=DEMO_VILLAGE, state=PensionState.PAYING).order_by("pk")[:5])
    if found:
        return found
    people = list(Person.objects.filter(region_code=DEMO_VILLAGE, birth_date__lte=years_before(today, 60))
                  .exclude(pensions__state__in=STANDING)
                  .exclude(retiree_records__state__in=[RetireeState.MANAGED, RetireeState.NOT_MANAGED])
                  .order_by("birth_date", "pk")[:4])
    if not people:
        village = Region.objects.get(code=DEMO_VILLAGE)
        for name, age, sequence in ELDERS:
            number = id_number_for(scoping.county_code_of(DEMO_VILLAGE), datetime.date(today.year - age, 9, 9),
                                   sequence)
            people.append(Person.objects.filter(id_number=number).first() or residents_services.register_person(
                actor=actor, id_number=number, name=name, village=village, status=LabourStatus.RETIRED,
                status_since=datetime.date(today.year - age + 60, 10, 1), today=today)[0])
    return [paying_pension_directly(person=person, actor=actor, first_month=years_before(today, 1).replace(day=1))
            for person in people]


def generate():
    """The demo's campaign, once (nothing when 源城区 has a campaign this year already)."""
    officer = User.objects.filter(username="yuancheng").first()
    assistant = User.objects.filter(username="xiacheng").first()
    today = timezone.localdate()
    if officer is None or assistant is None or CertificationCampaign.objects.filter(year=today.year).exists():
        return 0
    with transaction.atomic():
        if not _pensions(officer, today):
            return 0
        opens_on = max(datetime.date(today.year, 1, 1), today - 30 * DAY)
        campaign = services.start_campaign(actor=officer, region=Region.objects.get(code=COUNTY), year=today.year,
                                           opens_on=opens_on, closes_on=today + 60 * DAY, note="演示认证活动",
                                           today=today)
        services.ensure_rows(campaign, Region.objects.get(code=DEMO_VILLAGE))
        due = list(campaign.certifications.filter(region_code=DEMO_VILLAGE).select_related(
            "person", "campaign", "pension").order_by("pk"))
        if due:
            services.certify(actor=assistant, certification=due[0], method="visit", on=today, today=today)
        if len(due) > 1:
            services.certify(actor=assistant, certification=due[1], method="relative", on=today,
                             relative_name="李秀英", relation="女儿", today=today)
        rest = [c for c in due[2:] if c.state == CertificationState.DUE]
        if rest:
            services.remind(actor=assistant, certifications=rest, today=today)
    return selectors.subjects_seen(officer, campaign)


def demo(stdout, options):
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成演示领取待遇资格认证活动（源城区，本年度，应认证{made}人）。")
    return None
