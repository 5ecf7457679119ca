"""Demo cases for `hrss demo`: a few unemployment registrations of 下城社区 at every step (one overdue, one sent
back), two approved with their certificates, and some hires, so each demo login has something in its queue."""

import datetime

from django.utils import timezone

from hrss.accounts.models import User
from hrss.core import scoping
from hrss.core.models import Region, ReviewCase, ReviewDecision
from hrss.employment import employment_registration, services
from hrss.employment.models import EmploymentKind, UnemploymentCategory
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区, where the demo assistant `xiacheng` works
Action = ReviewDecision.Action


APPLICANTS = ["黄志强", "李秀英", "陈伟", "张丽娟", "刘建国", "叶春梅", "罗小军"]


def _applicants(assistant, today):
    """Seven working-age residents of 下城社区 for the demo cases (the generated population puts only a dozen
    people in any one village)."""
    village = Region.objects.get(code=DEMO_VILLAGE)
    people = []
    for index, name in enumerate(APPLICANTS):
        birth = datetime.date(today.year - 25 - 3 * index, 1 + index, 10 + index)
        county = scoping.county_code_of(DEMO_VILLAGE)
        # A large generated population may already hold the number elsewhere (2,000,000 people did: the assistant
        # was then refused a stranger's case): the next sequence of the same sex is taken.
        for sequence in range(901 + 2 * index + (index % 2), 1000, 14):  # odd: a man
            number = id_number_for(county, birth, sequence)
            person = Person.objects.filter(id_number=number).first()
            if person is None or person.region_code == DEMO_VILLAGE:
                break
        if person is None:
            person = residents_services.register_person(
                actor=assistant, id_number=number, name=name, village=village, status=LabourStatus.OTHER,
                status_since=today - datetime.timedelta(days=60))[0]
        people.append(person)
    return people


def generate_employment_cases():
    """Returns the number of cases created (none when the demo already has cases, or users are missing)."""
    if ReviewCase.objects.exists():
        return 0
    names = ["xiacheng", "shangcheng", "shangcheng_reviewer", "yuancheng", "yuancheng_approver"]
    users = {user.username: user for user in User.objects.filter(username__in=names)}
    if len(users) < len(names):
        return 0
    assistant, township, reviewer, county_officer, county = (users[name] for name in names)
    today = timezone.localdate()
    people = _applicants(assistant, today)
    opened = [today - datetime.timedelta(days=days) for days in (21, 2, 9, 6, 30, 40, 1)]
    cases = []
    for person, day in zip(people, opened, strict=False):
        cases.append(services.apply_for_unemployment_registration(
            actor=assistant, person=person, category=UnemploymentCategory.LOST_JOB, wants_work=True,
            able_to_work=True, documents=["id_card", "termination_proof"], last_employer="河源市某电子厂",
            left_job_on=day - datetime.timedelta(days=10), note="材料齐全", today=day))

    def move(registration, actor, action, reason=""):
        registration.refresh_from_db()
        return services.decide_unemployment_registration(actor=actor, registration=registration, action=action,
                                                         version=registration.case.version, reason=reason)

    if len(cases) >= 7:
        move(cases[1], reviewer, Action.FORWARD)  # waits for the county's officer
        move(cases[2], reviewer, Action.FORWARD)  # waits for the county's approver
        move(cases[2], county_officer, Action.FORWARD)
        move(cases[3], reviewer, Action.RETURN, "请补充终止劳动关系证明的原件")  # back at the village
        for registration in cases[4:6]:  # registered, with certificates
            move(registration, reviewer, Action.FORWARD)
            move(registration, county_officer, Action.FORWARD)
            move(registration, county, Action.APPROVE)
        services.record_contact(actor=assistant, registration=cases[4], contacted_on=today, kind="referral",
                                job="河源市某电子厂 普工", note="本人愿意面试")
        employment_registration.register_employment(  # re-employed: the registration is cancelled
            actor=township, person=cases[5].person, kind=EmploymentKind.HIRED, employer_name="河源市某物流公司",
            event_date=today)
    employed = Person.objects.filter(region_code=DEMO_VILLAGE, labour_status=LabourStatus.EMPLOYED).order_by("id")[:3]
    for offset, person in enumerate(employed):
        employment_registration.register_employment(
            actor=township, person=person, kind=EmploymentKind.HIRED, employer_name="河源市某电子厂",
            event_date=today - datetime.timedelta(days=10 + 15 * offset))
    return len(cases)
