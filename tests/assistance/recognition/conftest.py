import datetime

import pytest

from hrss.assistance.recognition import services
from hrss.core.dates import years_before
from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import TODAY, TOWNSHIP, VILLAGE

DOCS = ["居民身份证", "户口簿", "就业创业证（就业失业登记证）"]


def make_person(actor, *, name="陈桂英", age=45, sex="F", status="unemployed", serial=120, day=TODAY):
    """A person of 下城社区 who is `age` on `day` (born the day after the birthday `age` + 1, so exactly `age`)."""
    birth = years_before(day, age) - datetime.timedelta(days=1)
    number = id_number_for("441602", birth, serial + (1 if (serial % 2 == 1) == (sex == "F") else 0))
    return residents_services.register_person(
        actor=actor, id_number=number, name=name, village=Region.objects.get(code=VILLAGE), status=status,
        status_since=day - datetime.timedelta(days=400) if status == "unemployed" else None)[0]


def apply(actor, person, *, category="aged", documents=DOCS, today=TODAY, **more):
    return services.apply_for_recognition(actor=actor, person=person, category=category, documents=documents,
                                          today=today, **more)


def move(recognition, actor, action, today=TODAY, reason="", **more):
    recognition.case.refresh_from_db()
    recognition.refresh_from_db()
    return services.decide_recognition(actor=actor, recognition=recognition, action=action,
                                       version=recognition.case.version, reason=reason, today=today, **more)


@pytest.fixture
def township_reviewer(make_user):
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def applicant(heyuan, village_assistant):
    return make_person(village_assistant)


@pytest.fixture
def in_notice(applicant, village_assistant, township_reviewer):
    """An application passed by the township today: its notice runs from the next working day."""
    recognition = apply(village_assistant, applicant)
    move(recognition, township_reviewer, "forward")
    recognition.refresh_from_db()
    return recognition


@pytest.fixture
def recognised(applicant, village_assistant, township_reviewer, county_officer):
    """Recognised by the county before today: taken in 40 days ago, the notice run out since."""
    started = TODAY - datetime.timedelta(days=40)
    recognition = apply(village_assistant, applicant, today=started)
    move(recognition, township_reviewer, "forward", today=started)
    recognition.refresh_from_db()
    day = recognition.notice_until + datetime.timedelta(days=1)
    assert day <= TODAY
    move(recognition, township_reviewer, "forward", today=day)
    move(recognition, county_officer, "approve", today=day)
    recognition.refresh_from_db()
    return recognition


@pytest.fixture
def in_notice_other(heyuan, village_assistant, township_reviewer):
    """Another person's application in its notice (for lists that show both)."""
    person = make_person(village_assistant, name="黄国强", age=52, sex="M", serial=150)
    recognition = apply(village_assistant, person)
    move(recognition, township_reviewer, "forward")
    recognition.refresh_from_db()
    return recognition
