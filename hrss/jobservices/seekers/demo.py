"""Demo job seekers for `hrss demo`: working-age residents of 下城社区 registered as looking for work, some
不挑不拣, wanting the occupations of the employers part's demo vacancies (4-01 sales, 4-02 logistics, 4-10
resident services, 6 production) so that matches show up at once."""

import datetime

from django.utils import timezone

from hrss.accounts.models import User
from hrss.core import scoping
from hrss.core.models import Region
from hrss.core.working_age import MINIMUM_WORKING_AGE, age_on, is_past_retirement
from hrss.jobservices.models import JobSeeker, SeekerStatus
from hrss.jobservices.seekers import services
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区, where the demo assistant `xiacheng` works

# (name, wanted occupations, lowest wage, how far, 不挑不拣, days since the 求职登记)
SEEKERS = [
    ("周晓燕", ["4-01-02-04", "4-01"], 2800, "county", True, 3),
    ("吴国平", ["4-02-06-01", "4-02-05-01"], 3500, "city", False, 12),
    ("郑丽华", ["4-10-01"], None, "township", True, 6),
    ("孙志明", ["6-01", "4-02-07-08"], 4000, "province", True, 1),
    ("冯春兰", ["4-02-07-08"], 3000, "county", False, 20),
]


def _people(assistant, today):
    """Working-age residents of 下城社区 without an open 求职登记, topped up with new ones when too few."""
    village = Region.objects.get(code=DEMO_VILLAGE)
    people = []
    for index, (name, *_rest) in enumerate(SEEKERS):
        birth = datetime.date(today.year - 22 - 5 * index, 2 + index, 3 + index)
        number = id_number_for(scoping.county_code_of(DEMO_VILLAGE), birth, 951 + 2 * index + (index % 2))
        person = Person.objects.filter(id_number=number).first()
        if person is None:
            person = residents_services.register_person(
                actor=assistant, id_number=number, name=name, village=village, status=LabourStatus.UNEMPLOYED,
                status_since=today - datetime.timedelta(days=40))[0]
        people.append(person)
    return people


def make(stdout, options):
    """hrss demo --people N: the seekers, registered by the demo assistant; nothing when they exist or the demo
    users are missing. It prints nothing (tests/core/test_demo_command.py pins the demo's lines)."""
    if not options.get("people") or JobSeeker.objects.filter(region_code=DEMO_VILLAGE).exists():
        return None
    assistant = User.objects.filter(username="xiacheng").first()
    if assistant is None:
        return None
    today = timezone.localdate()
    for person, (_name, codes, wage, mobility, not_selective, days) in zip(_people(assistant, today), SEEKERS,
                                                                           strict=True):
        if person.job_seekings.filter(status=SeekerStatus.ACTIVE).exists() or age_on(person.birth_date, today) < \
                MINIMUM_WORKING_AGE or is_past_retirement(person.birth_date, person.sex, today):
            continue
        services.register_seeker(actor=assistant, person=person, occupations=codes, mobility=mobility,
                                 not_selective=not_selective, wage_min=wage,
                                 today=today - datetime.timedelta(days=days))
    return None
