"""Demo data of the retirees part for `hrss demo --people`: four enterprise retirees of 下城社区 (one of them 80 and
over, due a visit; one marked sick; one whose files are not yet with the community), visits and an activity, so the
退休人员台账, the due visits, the 社会化管理率 and the pending work have something to show."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core import scoping
from hrss.core.models import Region
from hrss.pensions.models import Retiree
from hrss.pensions.retirees import services
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区
DAY = datetime.timedelta(days=1)

# (name, age, sequence (odd: a man), employer, retired years ago, pension, files received, sick)
RETIREES = (
    ("陈国强", 83, 851, "河源市纺织厂", 23, "3120.50", True, False),
    ("刘建华", 75, 853, "河源市第二建筑工程公司", 15, "3580.00", True, True),
    ("周桂英", 71, 862, "河源市百货公司", 21, "2860.00", True, False),
    ("黄志明", 66, 855, "广东省河源市机械厂", 6, "4210.30", False, False),
)


def _person(assistant, village, name, age, sequence, today):
    birth = datetime.date(today.year - age, 3, 8)
    number = id_number_for(scoping.county_code_of(DEMO_VILLAGE), birth, sequence)
    person = Person.objects.filter(id_number=number).first()
    if person is None:
        person = residents_services.register_person(
            actor=assistant, id_number=number, name=name, village=village, status=LabourStatus.RETIRED,
            status_since=datetime.date(today.year - 20, 1, 1), today=today)[0]
    return person


def generate():
    """The demo's retirees in 下城社区, once (nothing when there are retirees there already)."""
    if Retiree.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    if assistant is None:
        return 0
    today = timezone.localdate()
    village = Region.objects.get(code=DEMO_VILLAGE)
    made = []
    with transaction.atomic():
        for name, age, sequence, employer, years, amount, files, sick in RETIREES:
            person = _person(assistant, village, name, age, sequence, today)
            if Retiree.objects.filter(person=person).exists():
                continue
            retired_on = datetime.date(today.year - years, 6, 30)
            retiree = services.register(actor=assistant, person=person, employer_name=employer, employer_code="",
                                        retired_on=retired_on, pension_amount=Decimal(amount), phone="13800000000",
                                        today=today)
            if files:
                services.receive_files(actor=assistant, retiree=retiree, on=retired_on + 60 * DAY, today=today)
            if sick:
                services.set_care(actor=assistant, retiree=retiree, needs_care=True, health_note="高血压、行动不便",
                                  today=today)
            made.append(retiree)
        if not made:
            return 0
        aged, sick = made[0], made[1] if len(made) > 1 else None
        # The aged man was last visited longer ago than the interval: due now.
        services.record_visit(actor=assistant, retiree=aged, visited_on=today - 100 * DAY, kind="home",
                              note="身体尚好，子女在外地工作", today=today)
        if sick is not None:
            services.record_visit(actor=assistant, retiree=sick, visited_on=today - 10 * DAY, kind="phone",
                                  note="电话询问病情，按时服药", today=today)
        services.record_activity(actor=assistant, region=village, held_on=today - 20 * DAY, title="重阳节慰问座谈会",
                                 kind="condolence", participants=made[:3], participant_count=12, today=today)
    return len(made)


def demo(stdout, options):
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成企业退休人员社会化管理演示数据（下城社区，{made}名退休人员）。")
    return None
