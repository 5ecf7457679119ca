"""Demo data of the guidance part for `hrss demo`: a few 职业指导 records of 下城社区's people (by its assistant
`xiacheng`) and a job fair of 上城街道 (by `shangcheng`) held three days ago, with the open vacancies of the township
the employers part's demo made, two registered visitors and a head count; and one fair to come."""

import datetime

from django.utils import timezone

DEMO_VILLAGE = "441602001003"  # 下城社区
DEMO_TOWNSHIP = "441602001000"  # 上城街道

ADVICE = [
    ("job_search", "建议制作简历，关注本街道每周岗位信息，优先考虑物流、仓储类岗位。", "fair", 7),
    ("training", "有电工基础，建议报名参加低压电工作业培训，取得特种作业操作证后再求职。", "training", 14),
    ("policy", "讲解了灵活就业社保补贴和创业担保贷款政策，本人考虑开设早餐店。", "start_up", 21),
]


def demo(stdout, options):
    from hrss.accounts.models import User
    from hrss.core import scoping
    from hrss.core.models import Region
    from hrss.jobservices.guidance import services
    from hrss.jobservices.models import GuidanceRecord, JobFair, Vacancy, VacancyStatus
    from hrss.residents.models import Person

    if not options["people"] or GuidanceRecord.objects.exists() or JobFair.objects.exists():
        return None
    users = {user.username: user for user in User.objects.filter(username__in=["xiacheng", "shangcheng"])}
    if len(users) < 2:
        return None
    assistant, township = users["xiacheng"], users["shangcheng"]
    today = timezone.localdate()
    people = list(Person.objects.filter(region_code=DEMO_VILLAGE).order_by("id")[:3])
    for person, (topic, advice, next_step, days) in zip(people, ADVICE, strict=False):
        services.record_guidance(actor=assistant, person=person, given_on=today - datetime.timedelta(days=days),
                                 topic=topic, advice=advice, next_step=next_step,
                                 next_on=today + datetime.timedelta(days=days), today=today)
    held = today - datetime.timedelta(days=3)
    fair = services.plan_fair(actor=township, region_code=DEMO_TOWNSHIP, name="上城街道春风行动专场招聘会",
                              held_on=held, place="上城街道文化广场", today=today)
    township_region = Region.objects.get(code=DEMO_TOWNSHIP)
    vacancies = scoping.within_region(Vacancy.objects.filter(status=VacancyStatus.OPEN, opens_on__lte=held),
                                      township_region).exclude(closes_on__lt=held).order_by("id")[:4]
    for vacancy in vacancies:
        services.add_fair_vacancy(actor=township, fair=fair, vacancy=vacancy)
    for person in people[:2]:
        services.record_attendance(actor=township, fair=fair, person=person, today=today)
    services.set_visitor_count(actor=township, fair=fair, walk_in_count=46, today=today)
    services.plan_fair(actor=township, region_code=DEMO_TOWNSHIP, name="上城街道就业援助月招聘会",
                       held_on=today + datetime.timedelta(days=20), place="上城街道人社服务所", today=today)
    stdout.write(f"已生成演示职业指导 {len(people)} 条、招聘会 2 场（上城街道）。")
    return None
