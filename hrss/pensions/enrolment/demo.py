"""Demo data of the enrolment part for `hrss demo --people`: in 下城社区, through the services with days in the past,
four people enrolled the day their documents were complete, one whose documents were handed in a day before they
were entered (not done the same day: KPI 2 shows it), one waiting for documents for longer than the window's limit
(the village's pending work), and one who moved out of the city (转出)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core.dates import years_before
from hrss.pensions.enrolment import services
from hrss.pensions.models import Enrolment
from hrss.pensions.schemes import rules
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区
DAY = datetime.timedelta(days=1)


def _candidates(today, count):
    people = (Person.objects.filter(region_code=DEMO_VILLAGE, birth_date__lte=years_before(today, 18),
                                    birth_date__gt=years_before(today, 58))
              .exclude(labour_status=LabourStatus.STUDENT).exclude(pension_enrolments__isnull=False).order_by("pk"))
    found = []
    for person in people[:count * 3]:
        if not services.eligibility_problems(person=person, day=today - 20 * DAY):
            found.append(person)
        if len(found) == count:
            break
    return found


def generate():
    """The demo's enrolments in 下城社区, once (nothing when the village has some already)."""
    if Enrolment.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    if assistant is None:
        return 0
    today = timezone.localdate()
    people = _candidates(today, 7)
    if len(people) < 7:
        return 0
    every = [code for code, _name in rules.documents_on(today)]

    def tier(day, index):
        amounts = rules.tier_amounts(DEMO_VILLAGE, day)
        return amounts[index % len(amounts)]

    with transaction.atomic():
        for index, person in enumerate(people[:4]):
            day = today - (index * 6 + 1) * DAY
            services.enrol(actor=assistant, person=person, tier=tier(day, index), documents=every, today=day,
                           note="演示数据")
        late = people[4]
        services.enrol(actor=assistant, person=late, tier=tier(today - 3 * DAY, 1), documents=every[:1],
                       today=today - 3 * DAY)
        services.complete_documents(actor=assistant, enrolment=Enrolment.objects.get(person=late),
                                    documents=every, today=today - 2 * DAY, received_on=today - 3 * DAY)
        services.enrol(actor=assistant, person=people[5], tier=tier(today - 12 * DAY, 0), documents=every[:2],
                       today=today - 12 * DAY)
        moved = services.enrol(actor=assistant, person=people[6], tier=tier(today - 20 * DAY, 2), documents=every,
                               today=today - 20 * DAY)
        services.transfer_out(actor=assistant, enrolment=moved, on=today - 5 * DAY,
                              destination_note="广州市白云区社会保险经办机构", today=today - 5 * DAY)
    return 7


def demo(stdout, options):
    if options.get("people"):
        try:
            made = generate()
        except ValidationError as error:  # the demo's people did not fit (a rule changed): say so, make nothing
            stdout.write(f"未生成参保登记演示数据：{'；'.join(error.messages)}")
            return None
        if made:
            stdout.write(f"已生成参保登记演示数据（下城社区，{made}人：已办结、未当天办结、待补齐材料、已转出）。")
    return None
