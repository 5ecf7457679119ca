"""Issue 14's course: a wage complaint at the village becomes an inspection case at the county, is concluded with
the wages recovered, the worker rates the service from the receipt's code, and the month's appraisal counts it:
the township's decision to pass it on, the county's conclusion for its inspector and office, and the rating."""

import datetime
from decimal import Decimal

import pytest

from hrss.core.models import Level, Region
from hrss.supervision.appraisal import selectors
from hrss.supervision.appraisal.selectors import Whom
from hrss.supervision.inspection import services as inspection
from hrss.supervision.models import InspectionCase, RatingCode
from hrss.supervision.permissions import LABOUR_INSPECTOR
from hrss.supervision.petitions import services as petitions
from hrss.supervision.ratings import services as ratings
from tests.conftest import COUNTY, SHANGHAI, TOWNSHIP, VILLAGE

NOVEMBER = datetime.date(2023, 11, 1)


def day(number):
    return datetime.date(2023, 11, number)


@pytest.fixture
def inspector(make_user):
    return make_user("ivan", COUNTY, LABOUR_INSPECTOR)


def test_a_recovered_wage_case_and_its_rating_count_for_the_county(heyuan, village_assistant, township_officer,
                                                                    inspector):
    petition = petitions.intake(
        actor=village_assistant, office=Region.objects.get(code=VILLAGE), received_on=day(1), today=day(1),
        channel="visit", category="wages", petitioner_name="陈志强", petitioner_phone="13800001111",
        subject="拖欠3个月工资", summary="泥水工3个月工资未发", employer_name="河源市东埔建筑劳务有限公司",
        amount_claimed="13900.00")
    petition = petitions.forward_up(actor=village_assistant, petition=petition, level=Level.TOWNSHIP, today=day(1))
    petitions.forward_to_inspection(actor=township_officer, petition=petition, today=day(2))
    case = InspectionCase.objects.get(petition=petition)
    inspection.accept_case(actor=inspector, case=case, on=day(3), today=day(3))
    case = inspection.open_case(actor=inspector, case=case, on=day(3), today=day(3))
    inspection.record_recovery(actor=inspector, worker=case.workers.get(), amount_recovered=Decimal("13900.00"),
                               today=day(20))
    inspection.conclude_case(actor=inspector, case=case, result="责令支付，已全额支付", on=day(20), today=day(20))
    code = RatingCode.objects.get(source="inspection", source_id=str(case.pk))
    ratings.rate(code=code.code, score=5, now=datetime.datetime(2023, 11, 21, 9, tzinfo=SHANGHAI))

    county = selectors.office_rows(inspector, Region.objects.get(code=COUNTY), NOVEMBER)[0]
    assert county.own and county.region.code == COUNTY
    figures = county.figures
    assert (figures.by_source["inspection"], figures.on_time, figures.ratings, figures.satisfied) == (1, 1, 1, 1)
    assert figures.score == Decimal("100.0")
    ivan = selectors.figures_of(NOVEMBER, Whom(staff=frozenset({inspector.pk})))[inspector.pk]
    assert (ivan.handled, ivan.on_time, ivan.ratings, str(ivan.average)) == (1, 1, 1, "5.00")
    township = selectors.figures_of(NOVEMBER, Whom(offices=frozenset({TOWNSHIP})))[TOWNSHIP]
    assert township.by_source["petition"] == 1 and township.on_time == 1  # passed on within the accept deadline
    items, _cases = selectors.cases_behind(NOVEMBER, office=Region.objects.get(code=COUNTY))
    assert [item.title for item in items] == [case.number]  # the case's number, not the worker's name
