"""Demo data of the support part for `hrss demo --people`: for the recognised people of 下城社区 (the recognition
part's demo makes them; when it has made none, two of the village's people are recognised here directly, as the
demo's stand-in), a plan for the first, revised once, visits with one person left overdue, and no plan for the
last, so the 就业援助台账, the pending work and the statistics have something to show."""

import datetime

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.assistance.models import AssistancePlan, Recognition, RecognitionStatus
from hrss.assistance.recognition import categories
from hrss.assistance.support import rules, services
from hrss.core.dates import add_months
from hrss.core.models import ReviewCase
from hrss.residents.models import Person

DEMO_VILLAGE = "441602001003"  # 下城社区


def recognise_directly(*, person, actor, recognised_on, valid_years=3):
    """A recognition of `person` standing from `recognised_on`, written straight to the recognition's tables (its
    case approved) without its review chain: for the demo and the scope sweep only, where the recognition part
    made none. Not a service: nothing is audited."""
    day = recognised_on
    category = categories.categories_on(day)[0].code
    case = ReviewCase.objects.create(
        case_type="assistance.recognition", region_code=person.region_code, subject_id_number=person.id_number,
        title=f"{person.name} 就业困难人员认定", status=ReviewCase.Status.APPROVED, step="county_approval",
        step_started_on=day, opened_by=actor, closed_at=timezone.now())
    return Recognition.objects.create(
        person=person, region_code=person.region_code, case=case, number=f"DEMO-{person.region_code}-{case.pk}",
        applied_on=day, category=category, status=RecognitionStatus.RECOGNISED, recognised_on=day,
        valid_until=add_months(day, 12 * valid_years) - datetime.timedelta(days=1),
        next_review_on=add_months(day, 12), applied_by=actor)


def _recognised(assistant, today):
    found = list(Recognition.objects.filter(region_code=DEMO_VILLAGE, status=RecognitionStatus.RECOGNISED,
                                            recognised_on__lte=today, valid_until__gte=today)
                 .select_related("person").order_by("recognised_on", "pk")[:3])
    if found:
        return found
    standing = Recognition.objects.filter(status__in=[RecognitionStatus.IN_REVIEW, RecognitionStatus.RECOGNISED])
    people = (Person.objects.filter(region_code=DEMO_VILLAGE).exclude(difficulty_recognitions__in=standing)
              .order_by("pk")[:2])
    return [recognise_directly(person=person, actor=assistant, recognised_on=today - datetime.timedelta(days=90))
            for person in people]


def generate():
    """The demo's plans and visits in 下城社区, once (nothing when there are already plans there)."""
    if AssistancePlan.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    if assistant is None:
        return 0
    today = timezone.localdate()
    with transaction.atomic():
        people = _recognised(assistant, today)
        if not people:
            return 0
        first = people[0]
        start = max(first.recognised_on, today - datetime.timedelta(days=60))
        services.save_plan(actor=assistant, recognition=first, items=["guidance", "placement"], responsible=assistant,
                           target_on=today + datetime.timedelta(days=90), notes="每月推荐岗位不少于2个", today=start)
        services.save_plan(actor=assistant, recognition=first, items=["guidance", "placement", "training"],
                           responsible=assistant, target_on=today + datetime.timedelta(days=90),
                           notes="本人希望参加电工培训，加入职业培训", today=today)
        services.record_visit(actor=assistant, recognition=first, visited_on=start, way="home",
                              outcome="了解求职意愿：希望在市区从事电工或维修工作", next_step="推荐岗位，报名培训",
                              companions="社区网格员", today=today)
        services.record_visit(actor=assistant, recognition=first, visited_on=today, way="phone",
                              outcome="已报名电工培训，下周开班", today=today)
        if len(people) > 1:
            # Visited once, longer ago than the interval: shown as overdue.
            second = people[1]
            visited = max(second.recognised_on, rules.overdue_cutoff(today) - datetime.timedelta(days=5))
            if visited < rules.overdue_cutoff(today):
                services.record_visit(actor=assistant, recognition=second, visited_on=visited, way="office",
                                      outcome="来社区咨询公益性岗位", today=today)
    return len(people)


def demo(stdout, options):
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成就业援助计划和走访演示数据（下城社区，{made}名就业困难人员）。")
    return None
