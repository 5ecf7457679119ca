"""A realistic, deterministic demo population over every village of Heyuan: valid ID numbers with Heyuan area
codes, plausible Hakka-region names, households, an age pyramid and labour statuses that fit each age."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from hrss.core import scoping
from hrss.core.bulk import reserve_ids, stored_datetime
from hrss.core.id_numbers import check_character
from hrss.core.models import Level, Region
from hrss.core.working_age import is_past_retirement
from hrss.residents import statistics
from hrss.residents.bulk_ledger import PERSON_LAYOUT, ensure_households, insert_people
from hrss.residents.models import (
    Education,
    FlexibleForm,
    HukouType,
    LabourStatus,
    LabourStatusEvent,
    MigrantDestination,
    Person,
    Relation,
)

SURNAMES = "黄李陈张刘叶罗钟曾邱温林何谢赖朱吴杨王廖古邓徐彭骆江巫蓝袁".replace("", " ").split()
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红梅兰海玲燕飞鹏辉婷雪琳晓文斌波凤玉珍春秀荣亮".replace("", " ").split()


def id_number_for(area, birth, sequence):
    first17 = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)


class PopulationGenerator:
    def __init__(self, seed, today):
        self.random = random.Random(seed)
        self.today = today
        self.used = set()

    def name(self):
        given = self.random.choice(GIVEN) + (self.random.choice(GIVEN) if self.random.random() < 0.7 else "")
        return self.random.choice(SURNAMES) + given

    def birth_for_age(self, age):
        day = self.today - datetime.timedelta(days=int(age * 365.25) + self.random.randrange(365))
        return max(day, datetime.date(1920, 1, 1))

    def id_number(self, area, birth, sex):
        while True:
            sequence = self.random.randrange(0, 1000)
            if (sequence % 2 == 1) != (sex == "M"):
                sequence = (sequence + 1) % 1000
            number = id_number_for(area, birth, sequence)
            if number not in self.used:
                self.used.add(number)
                return number

    def status(self, birth, sex):
        age = (self.today - birth).days // 365
        if age < 16:
            return LabourStatus.STUDENT if age >= 6 else LabourStatus.OTHER, ""
        if is_past_retirement(birth, sex, self.today):
            return (LabourStatus.RETIRED, "") if self.random.random() < 0.35 else (LabourStatus.FARMING, "")
        if age < 20 and self.random.random() < 0.6:
            return LabourStatus.STUDENT, ""
        roll = self.random.random()
        if roll < 0.32:
            destination = self.random.choices(MigrantDestination.values, weights=[3, 5, 2])[0]
            return LabourStatus.MIGRANT, destination
        if roll < 0.55:
            return LabourStatus.FARMING, ""
        if roll < 0.70:
            return LabourStatus.EMPLOYED, ""
        if roll < 0.82:
            return LabourStatus.FLEXIBLE, self.random.choice(FlexibleForm.values)
        if roll < 0.88:
            return LabourStatus.UNEMPLOYED, ""
        if roll < 0.90:
            return LabourStatus.MILITARY if age < 30 else LabourStatus.OTHER, ""
        if roll < 0.92:
            return LabourStatus.INCAPACITATED, ""
        return LabourStatus.OTHER, ""

    def household(self):
        """Yield (relation, sex, age) for one household."""
        head_age = self.random.randint(25, 80)
        head_sex = "M" if self.random.random() < 0.8 else "F"
        members = [(Relation.HEAD, head_sex, head_age)]
        if self.random.random() < 0.85:
            members.append((Relation.SPOUSE, "F" if head_sex == "M" else "M",
                            max(20, head_age + self.random.randint(-5, 3))))
        for _ in range(self.random.choices([0, 1, 2, 3], weights=[2, 4, 4, 1])[0]):
            child_age = head_age - self.random.randint(22, 38)
            if child_age >= 0:
                members.append((Relation.CHILD, self.random.choice("MF"), child_age))
        if head_age < 50 and self.random.random() < 0.3:
            members.append((Relation.PARENT, self.random.choice("MF"), head_age + self.random.randint(22, 32)))
        return members


def villages_with_area(shuffle_with):
    """Every village, in a seeded random order, so that even a small population reaches every county."""
    villages = list(Region.objects.filter(level=Level.VILLAGE, is_active=True).order_by("code"))
    shuffle_with.shuffle(villages)
    return [(village, scoping.county_code_of(village.code)) for village in villages]


@transaction.atomic
def generate_population(*, people, seed, today=None, chunk=5000):
    """Create about `people` residents spread over every village. Returns the number created."""
    today = today or timezone.localdate()
    now = timezone.now()
    generator = PopulationGenerator(seed, today)
    villages = villages_with_area(generator.random)
    if not villages:
        raise ValueError("no villages loaded: run `hrss load-regions` first")
    if Person.objects.exists():
        generator.used |= set(Person.objects.values_list("id_number", flat=True))
    created, index, pending = 0, 0, []

    def flush():
        household_ids = ensure_households({members[0]["id_number"]: members[0]["region_code"]
                                           for members in pending}, now)
        stored_now = stored_datetime(now)
        person_ids = iter(reserve_ids(Person, sum(len(members) for members in pending)))
        batch = []
        for members in pending:
            for values in members:
                values.update(id=next(person_ids), household_id=household_ids[members[0]["id_number"]],
                              created_at=stored_now, updated_at=stored_now)
                batch.append(PERSON_LAYOUT.row(values))
        return insert_people(batch, now=now, source=LabourStatusEvent.Source.SURVEY)

    while created < people:
        village, area = villages[index % len(villages)]
        index += 1
        hukou = HukouType.NON_AGRICULTURAL if village.kind == "居委会" else HukouType.AGRICULTURAL
        members = []
        for relation, sex, age in generator.household():
            birth = generator.birth_for_age(age)
            status, detail = generator.status(birth, sex)
            since = max(birth, today - datetime.timedelta(days=generator.random.randrange(30, 1500)))
            members.append({
                "id_number": generator.id_number(area, birth, sex), "name": generator.name(), "sex": sex,
                "birth_date": birth, "region_code": village.code, "relation_to_head": relation, "hukou_type": hukou,
                "education": generator.random.choice(Education.values[3:8]) if age >= 12 else "",
                "phone": f"13{generator.random.randrange(10**9):09d}" if age >= 16 else "",
                "labour_status": status, "status_detail": detail, "status_since": since, "surveyed_on": today,
                "wants_training": status in (LabourStatus.UNEMPLOYED, LabourStatus.FARMING)
                and generator.random.random() < 0.4,
                "wants_employment": status == LabourStatus.UNEMPLOYED,
            })
        pending.append(members)
        created += len(members)
        if sum(len(m) for m in pending) >= chunk:
            flush()
            pending = []
    if pending:
        flush()
    statistics.mark_ledger_changed()
    return created
