"""Demo data of the training part for `hrss demo`: coded training wishes of four of 下城社区's people (by its
assistant `xiacheng`), a free skills course of 上城街道 (by `shangcheng`) that ended ten days ago with three
trainees, two of them completed with certificates and their subsidy claim waiting for the county's 经办员
(`yuancheng`), and a course to come with places left."""

import datetime

from django.utils import timezone

DEMO_VILLAGE = "441602001003"  # 下城社区
DEMO_TOWNSHIP = "441602001000"  # 上城街道
COOK = "4-03-02-01"  # 中式烹调师


def demo(stdout, options):
    from hrss.accounts.models import User
    from hrss.jobservices.models import CertificateKind, Course, CourseKind
    from hrss.jobservices.training import services
    from hrss.residents.labour_status import IN_LABOUR_FORCE
    from hrss.residents.models import Person

    if not options["people"] or Course.objects.exists():
        return None
    users = {user.username: user for user in User.objects.filter(username__in=["xiacheng", "shangcheng"])}
    if len(users) < 2:
        return None
    assistant, township = users["xiacheng"], users["shangcheng"]
    today = timezone.localdate()
    people = list(Person.objects.filter(region_code=DEMO_VILLAGE, labour_status__in=IN_LABOUR_FORCE).order_by("id")[:4])
    if len(people) < 3:
        return None
    for person in people:
        services.record_training_wish(actor=assistant, person=person, occupation_code=COOK, kind=CourseKind.SKILLS,
                                      note="本人希望学习烹饪，到餐馆就业", today=today - datetime.timedelta(days=60))
    starts, ends = today - datetime.timedelta(days=40), today - datetime.timedelta(days=10)
    course = services.create_course(
        actor=township, name="上城街道中式烹调师（初级）免费培训班", provider_name="河源市某职业培训学校",
        kind=CourseKind.SKILLS, occupation_code=COOK, region_code=DEMO_TOWNSHIP, starts_on=starts, ends_on=ends,
        hours=120, places=30, free=True)
    enrolments = [services.enrol(actor=township, course=course, person=person, today=starts - datetime.timedelta(days=3))
                  for person in people[:3]]
    for index, enrolment in enumerate(enrolments[:2]):
        services.complete(actor=township, enrolment=enrolment, certificate_kind=CertificateKind.SKILL_LEVEL,
                          certificate_number=f"S0000441602{today:%y}{index + 1:05d}", completed_on=ends, today=today)
    services.record_attendance(actor=township, enrolment=enrolments[2], attended_hours=64, today=today)
    services.drop(actor=township, enrolment=enrolments[2], reason="外出务工", today=ends - datetime.timedelta(days=20))
    services.prepare_subsidy_claim(actor=township, course=course, note="结业考核合格2人", today=today)
    services.create_course(
        actor=township, name="上城街道创业培训(SYB)班", provider_name="河源市某职业培训学校", kind=CourseKind.SYB,
        occupation_code="4", region_code=DEMO_TOWNSHIP, starts_on=today + datetime.timedelta(days=14),
        ends_on=today + datetime.timedelta(days=24), hours=80, places=25, free=True)
    stdout.write(f"已生成演示培训意愿 {len(people)} 条、培训班 2 个（上城街道）、培训补贴申领 1 份。")
    return None
