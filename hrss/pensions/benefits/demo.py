"""Demo data of the benefits part for `hrss demo --people`: in 下城社区, through the services with days in the past,
two pensions paying (approved two months ago, on the rolls of 源城区 since), one application waiting at the township
(上城街道's reviewer) and one at the county (源城区), a pensioner reported dead in the middle of last month (the
overpayment to recover), and one enrolled person turning 60 next month who has not applied (the village's pending
work). Enrolments and fifteen years of contributions are recorded for them as given."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core import scoping
from hrss.core.dates import add_months, years_before
from hrss.core.models import Region
from hrss.pensions.benefits import services
from hrss.pensions.models import Contribution, ContributionKind, Enrolment, EnrolmentState, Pension, Scheme
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import Person

DEMO_VILLAGE = "441602001003"  # 下城社区
DAY = datetime.timedelta(days=1)
# (name, months since the 60th birthday's month (negative: before it), what happens)
PLANS = [("孙秀珍", 8, "paying"), ("吴德明", 14, "paying"), ("郑桂花", 3, "township"), ("陈国华", 2, "county"),
         ("黄老伯", 20, "died"), ("林阿妹", -1, "turning")]


def _person(assistant, index, name, months, today):
    birthday_month = add_months(today.replace(day=1), -months)
    birth = years_before(birthday_month.replace(day=5 + index), 60)
    number = id_number_for(scoping.county_code_of(DEMO_VILLAGE), birth, 780 + 2 * index + 1)
    person = Person.objects.filter(id_number=number).first()
    if person is None:
        person = residents_services.register_person(actor=assistant, id_number=number, name=name,
                                                    village=Region.objects.get(code=DEMO_VILLAGE))[0]
    if not Enrolment.objects.filter(person=person).exists():
        Enrolment.objects.create(person=person, region_code=DEMO_VILLAGE, scheme=Scheme.MERGED, tier=Decimal("360"),
                                 state=EnrolmentState.ACTIVE, received_on=datetime.date(2011, 7, 1),
                                 enrolled_on=datetime.date(2011, 7, 1), created_by=assistant, note="演示数据")
        for year in range(today.year - 16, today.year):
            for kind, amount in ((ContributionKind.PERSONAL, "360"), (ContributionKind.SUBSIDY, "30")):
                Contribution.objects.create(person=person, region_code=DEMO_VILLAGE, year=year, kind=kind,
                                            amount=Decimal(amount), paid_on=datetime.date(year, 5, 20),
                                            source_ref=f"DEMO-B{person.pk}-{year}")
    return person


def _move(pension, actor, action, today):
    pension.refresh_from_db()
    pension.case.refresh_from_db()
    services.decide_pension(actor=actor, pension=pension, action=action, version=pension.case.version, today=today)


def generate():
    """Returns how many pensions were made (none when 下城社区 has some already, or a login is missing)."""
    if Pension.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    names = ["xiacheng", "shangcheng_reviewer", "yuancheng"]
    users = {user.username: user for user in User.objects.filter(username__in=names)}
    if len(users) < len(names):
        return 0
    assistant, reviewer, county = (users[name] for name in names)
    today = timezone.localdate()
    this_month = today.replace(day=1)
    made = 0
    with transaction.atomic():
        people = [(_person(assistant, index, name, months, today), plan)
                  for index, (name, months, plan) in enumerate(PLANS)]
        approved_on = add_months(today, -2)
        for person, plan in people:
            if plan == "turning":
                continue
            started = approved_on - 10 * DAY if plan in ("paying", "died") else today - 3 * DAY
            try:
                pension = services.apply(actor=assistant, person=person, today=started)
                made += 1
                if plan in ("paying", "died", "county"):
                    _move(pension, reviewer, "forward", started + 2 * DAY)
                if plan in ("paying", "died"):
                    _move(pension, county, "approve", approved_on)
            except ValidationError:
                continue
        for back in range(6, -1, -1):
            services.make_roll(actor=county, county_code=scoping.county_code_of(DEMO_VILLAGE),
                               month=add_months(this_month, -back), today=today)
        for person, plan in people:
            if plan == "died":
                services.report_death(actor=assistant, person=person,
                                      died_on=add_months(this_month, -1).replace(day=15), today=today)
    return made


def demo(stdout, options):
    """hrss demo --people: the demo pensions of 下城社区."""
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成演示养老金待遇 {made} 件（下城社区：发放中、乡镇审核、县审批、死亡终止各有）。")
    return None
