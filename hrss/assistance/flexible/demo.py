"""Demo data of the flexible part for `hrss demo --people`: three people of 下城社区 registered in flexible work
(one verified, one still to verify, one registered late), and, when the recognition part's demo left a recognised
就业困难人员 there, that person registered in flexible work with a subsidy approved and its first quarter recorded.
Nothing is made when 下城社区 has flexible registrations already, or a demo login is missing."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.assistance.flexible import rules, services
from hrss.assistance.models import FlexibleRegistration, Recognition, RecognitionStatus
from hrss.core import scoping
from hrss.core.models import Region
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区
PEOPLE = [("郑灵活", "online", "外卖配送", "源城区城区", 10), ("冯家政", "hourly", "家政服务", "下城社区及周边", 5),
          ("陈摊主", "vendor", "早餐摊", "下城市场", 45)]


def _person(assistant, index, name, today):
    birth = datetime.date(today.year - 35 - 3 * index, 3 + index, 5 + index)
    number = id_number_for(scoping.county_code_of(DEMO_VILLAGE), birth, 771 + 2 * index)
    person = Person.objects.filter(id_number=number).first()
    if person is None:
        person = residents_services.register_person(
            actor=assistant, id_number=number, name=name, village=Region.objects.get(code=DEMO_VILLAGE),
            status=LabourStatus.UNEMPLOYED, status_since=today - datetime.timedelta(days=200))[0]
    return person


@transaction.atomic
def generate():
    if FlexibleRegistration.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0, False
    names = ["xiacheng", "shangcheng_reviewer", "yuancheng"]
    users = {user.username: user for user in User.objects.filter(username__in=names)}
    if len(users) < len(names):
        return 0, False
    assistant, reviewer, county = (users[name] for name in names)
    today = timezone.localdate()
    made = 0
    for index, (name, form, work, place, days_ago) in enumerate(PEOPLE):
        person = _person(assistant, index, name, today)
        registration = services.register_flexible(
            actor=assistant, person=person, form=form, work=work, place=place,
            started_on=today - datetime.timedelta(days=days_ago), income_band="up_to_double",
            pays_insurance=index != 1, today=today)
        if index == 0:
            services.verify_flexible(actor=assistant, registration=registration, verified_on=today,
                                     note="入户核实，确在从事外卖配送", today=today)
        made += 1
    subsidised = _subsidy(assistant, reviewer, county, today)
    return made, subsidised


def _subsidy(assistant, reviewer, county, today):
    recognition = (Recognition.objects.filter(region_code=DEMO_VILLAGE, status=RecognitionStatus.RECOGNISED,
                                              recognised_on__lte=today, valid_until__gte=today)
                   .exclude(person__labour_status=LabourStatus.EMPLOYED)
                   .exclude(person__flexible_registrations__ended_on__isnull=True).first())
    if recognition is None:
        return False
    registration = services.register_flexible(
        actor=assistant, person=recognition.person, form="freelance", work="手工编织", place="家中",
        started_on=max(today - datetime.timedelta(days=20), recognition.recognised_on), income_band="below_minimum",
        pays_insurance=True, today=today)
    services.verify_flexible(actor=assistant, registration=registration, verified_on=today, note="核实属实",
                             today=today)
    subsidy = services.apply_for_subsidy(actor=assistant, registration=registration, note="材料齐全", today=today)
    for actor, action in ((reviewer, "forward"), (county, "approve")):
        subsidy.case.refresh_from_db()
        services.decide_subsidy(actor=actor, subsidy=subsidy, action=action, version=subsidy.case.version,
                                today=today)
    year, quarter = rules.quarter_of(today)
    months = rules.months_within(subsidy.subsidy_from, today, year, quarter)
    if months:
        services.record_period(actor=county, subsidy=subsidy, year=year, quarter=quarter, months=months,
                               paid_amount=Decimal(450) * months, proof="演示票据", today=today)
    return True


def demo(stdout, options):
    if options.get("people"):
        made, subsidised = generate()
        if made:
            stdout.write(f"已生成演示灵活就业登记 {made} 条（下城社区）"
                         + ("，1人享受灵活就业社保补贴。" if subsidised else "。"))
    return None
