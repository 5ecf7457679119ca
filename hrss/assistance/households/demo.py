"""Demo data of the households part for `hrss demo --people`: three urban households of 下城社区 with no one in
work: one reported 40 days ago, verified and helped, still open (past the 30 days); one reported 12 days ago whose
member started work 3 days ago (cleared by the township's comparison with the ledger); one found by that comparison
today, waiting for the village's check."""

import datetime

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.assistance.households import services
from hrss.assistance.models import ZeroEmploymentHousehold
from hrss.core import scoping
from hrss.core.models import Region
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Person, Relation

DEMO_VILLAGE = "441602001003"  # 下城社区
FAMILIES = [("郑家强", "冯玉兰"), ("陈国栋", "褚秀英"), ("卫建华", "蒋丽娟")]


def _family(assistant, village, index, names, today):
    area = scoping.county_code_of(DEMO_VILLAGE)
    head_number = id_number_for(area, datetime.date(1974 + index, 5, 11), 731 + 4 * index)
    people = []
    for position, name in enumerate(names):
        number = head_number if position == 0 else id_number_for(area, datetime.date(1976 + index, 8, 21),
                                                                  733 + 4 * index)
        person = Person.objects.filter(id_number=number).first()
        if person is None:
            person = residents_services.register_person(
                actor=assistant, id_number=number, name=name, village=village, status=LabourStatus.UNEMPLOYED,
                status_since=today - datetime.timedelta(days=200),
                relation_to_head=Relation.HEAD if position == 0 else Relation.SPOUSE,
                head_id_number="" if position == 0 else head_number)[0]
        people.append(person)
    return people


@transaction.atomic
def generate_households():
    """Returns the number of cases made (none when the demo village has some already, or a login is missing)."""
    if ZeroEmploymentHousehold.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    users = {user.username: user for user in User.objects.filter(username__in=["xiacheng", "shangcheng"])}
    if len(users) < 2:
        return 0
    assistant, township = users["xiacheng"], users["shangcheng"]
    today = timezone.localdate()
    village = Region.objects.get(code=DEMO_VILLAGE)
    families = [_family(assistant, village, index, names, today) for index, names in enumerate(FAMILIES)]
    helped = services.report_household(actor=assistant, person=families[0][0], source="application",
                                       found_on=today - datetime.timedelta(days=40), note="户主到社区申报", today=today)
    services.verify_household(actor=assistant, case=helped, outcome="verified",
                              verified_on=today - datetime.timedelta(days=38), note="入户核实，夫妻均失业", today=today)
    services.record_assistance(actor=assistant, case=helped, done_on=today - datetime.timedelta(days=30),
                               kind="job_referral", note="推荐社区超市理货员岗位，待面试", today=today)
    services.report_household(actor=assistant, person=families[1][0], source="reported",
                              found_on=today - datetime.timedelta(days=12), note="网格员上报", today=today)
    residents_services.record_status_change(actor=assistant, person=families[1][1], status=LabourStatus.EMPLOYED,
                                            effective_date=today - datetime.timedelta(days=3), today=today)
    opened, _cleared = services.scan_households(actor=township, region=village, today=today)
    return 2 + opened


def demo(stdout, options):
    """hrss demo: with --people, the demo 零就业家庭."""
    if options.get("people"):
        made = generate_households()
        if made:
            stdout.write(f"已生成演示零就业家庭 {made} 户（下城社区：超期未清零、已清零、待核实）。")
    return None
