"""A known small ledger for KPI 5: people of 下城社区 (and one of 公园社区 and one of 新江街道's village) of each
kind of insured, the uninsured, and those out of scope. The other parts' records (enrolment, pension, retiree) are
written straight to their tables, as their services would leave them."""

import datetime
from decimal import Decimal

import pytest

from hrss.core import dates
from hrss.core.models import Region
from hrss.core.scoping import county_code_of
from hrss.pensions.models import EmployeeSchemeRecord, Enrolment, Pension, Retiree
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE

OTHER_TOWNSHIP_VILLAGE = "441602002001"  # a village of 新江街道


@pytest.fixture
def make_person(heyuan):
    serials = iter(range(401, 999, 2))

    def make(name, *, age=40, birth=None, code=VILLAGE, status="other"):
        birth = birth or dates.years_before(TODAY, age) - datetime.timedelta(days=40)
        number = id_number_for(county_code_of(code), birth, next(serials))
        return residents_services.register_person(
            actor=None, id_number=number, name=name, village=Region.objects.get(code=code), status=status,
            status_since=TODAY - datetime.timedelta(days=1))[0]

    return make


def enrol(person, actor, *, state="active", end_reason="", ended_on=None):
    return Enrolment.objects.create(person=person, region_code=person.region_code, scheme="crps",
                                    tier=Decimal("200"), state=state, received_on=datetime.date(2015, 1, 5),
                                    enrolled_on=None if state == "pending" else datetime.date(2015, 1, 5),
                                    end_reason=end_reason,
                                    ended_on=ended_on, created_by=actor)


def pension(person, actor, *, state="paying", died_on=None):
    return Pension.objects.create(person=person, region_code=person.region_code, first_month=datetime.date(2020, 1, 1),
                                  account_balance=Decimal("13900"), basic=Decimal("200"),
                                  account_part=Decimal("100"), total=Decimal("300"), state=state, died_on=died_on,
                                  created_by=actor)


def retiree(person, actor, *, state="managed"):
    return Retiree.objects.create(person=person, region_code=person.region_code, employer_name="河源钢铁厂",
                                  retired_on=datetime.date(2018, 5, 1), pension_amount=Decimal("3200"),
                                  state=state, managed_since=datetime.date(2018, 6, 1),
                                  files_received_on=datetime.date(2018, 6, 1), created_by=actor)


def employee_record(person, actor, *, since=datetime.date(2018, 1, 1), until=None):
    return EmployeeSchemeRecord.objects.create(person=person, region_code=person.region_code, since=since,
                                               until=until, employer_name="河源市某公司", source="税务部门名单",
                                               created_by=actor)


@pytest.fixture
def ledger(make_person, village_assistant):
    """下城社区: one of each insured kind, two uninsured, and four out of scope; 公园社区: one uninsured; a village
    of 新江街道: one enrolled."""
    alice = village_assistant
    people = {
        "employee": make_person("王职工", age=35),
        "retiree": make_person("李退休", age=66),
        "pensioner": make_person("张领取", age=68),
        "suspended": make_person("赵暂停", age=70),
        "enrolled": make_person("陈参保", age=45),
        "uninsured": make_person("刘未保", age=30),
        "ended": make_person("周停保", age=38),
        "child": make_person("孙小孩", age=12),
        "student": make_person("吴学生", age=19, status="student"),
        "dead": make_person("郑已故", age=75),
        "dead_enrolled": make_person("冯已故", age=50),
        "neighbour": make_person("何邻居", age=40, code=NEIGHBOUR_VILLAGE),
        "far": make_person("林新江", age=40, code=OTHER_TOWNSHIP_VILLAGE),
    }
    employee_record(people["employee"], alice)
    retiree(people["retiree"], alice)
    pension(people["pensioner"], alice)
    pension(people["suspended"], alice, state="suspended")
    enrol(people["enrolled"], alice)
    employee_record(people["ended"], alice, until=TODAY - datetime.timedelta(days=1))
    pension(people["dead"], alice, state="stopped", died_on=TODAY - datetime.timedelta(days=30))
    enrol(people["dead_enrolled"], alice, state="terminated", end_reason="death",
          ended_on=TODAY - datetime.timedelta(days=10))
    enrol(people["far"], alice)
    return people
