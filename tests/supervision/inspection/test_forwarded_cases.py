"""A wage complaint recorded at the village becomes a case at the county: the petition forwarded by the township
(petitions part) or a grid lead forwarded (grid part) is received (待受理) for the county's inspectors, linked to
what it came from, for an employer of the village, which its assistant sees without acting; concluded with the
wages recovered, it gets the complainant's rating code, printed on the 结案告知书."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.core import scoping
from hrss.core.models import Level, Region
from hrss.supervision.grid import services as grid_services
from hrss.supervision.inspection import services
from hrss.supervision.models import InspectionCase, RatingCode
from hrss.supervision.petitions import services as petitions_services
from tests.conftest import COUNTY, TODAY, VILLAGE


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def wages_petition(village_assistant, township_officer, **changes):
    values = {"received_on": TODAY, "channel": "visit", "category": "wages", "petitioner_name": "陈志强",
              "petitioner_phone": "13800001111", "subject": "某建筑劳务公司拖欠3个月工资",
              "summary": "泥水工3个月工资未发", "employer_name": "河源市东埔建筑劳务有限公司",
              "amount_claimed": "13900.00", **changes}
    petition = petitions_services.intake(actor=village_assistant, office=Region.objects.get(code=VILLAGE),
                                         today=TODAY, **values)
    return petitions_services.forward_up(actor=village_assistant, petition=petition, level=Level.TOWNSHIP,
                                         today=TODAY)


def test_a_wages_petition_forwarded_by_the_township_becomes_a_case_at_the_county(
        heyuan, village_assistant, township_officer, inspector, neighbour_village_assistant):
    petition = wages_petition(village_assistant, township_officer)
    petitions_services.forward_to_inspection(actor=township_officer, petition=petition, today=TODAY)
    case = InspectionCase.objects.get(petition=petition)
    assert (case.source, case.state, case.region_code) == ("petition", "received", VILLAGE)
    assert case.received_on == TODAY and case.accept_due > TODAY
    assert case.number.startswith(f"JC441602{TODAY.year}") and len(case.number) == 16
    assert case.complainant_name == "陈志强" and case.employer_name == "河源市东埔建筑劳务有限公司"
    worker = case.workers.get()
    assert (worker.name, worker.amount_owed) == ("陈志强", Decimal("13900.00"))
    assert case.amount_owed == Decimal("13900.00")
    # The county's inspector and the village's assistant see it; the neighbouring village does not.
    assert scoping.visible_to(inspector, InspectionCase.objects.all()).filter(pk=case.pk).exists()
    page = logged_in(village_assistant).get(f"/supervision/inspection/{case.pk}/").content.decode()
    assert case.number in page and "受理" in page and 'data-testid="inspection-accept-form"' not in page
    assert logged_in(neighbour_village_assistant).get(f"/supervision/inspection/{case.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.accept_case(actor=village_assistant, case=case, today=TODAY)
    # Passed once only.
    with pytest.raises(ValidationError) as refused:
        services.open_from_petition(actor=township_officer, petition=petition, today=TODAY)
    assert "已转劳动保障监察，不能重复转办" in str(refused.value)


def test_a_petition_of_another_category_is_not_passed_to_inspection(heyuan, village_assistant, township_officer):
    petition = wages_petition(village_assistant, township_officer, category="social_insurance")
    with pytest.raises(ValidationError) as refused:
        services.open_from_petition(actor=township_officer, petition=petition, today=TODAY)
    assert "只有欠薪和其他劳动保障违法问题转劳动保障监察" in str(refused.value)
    assert not InspectionCase.objects.exists()


def test_a_grid_lead_forwarded_by_the_township_becomes_a_case(heyuan, village_assistant, township_officer):
    lead = grid_services.report_lead(actor=village_assistant, region=Region.objects.get(code=VILLAGE),
                                     employer_name="河源市某建材经营部", kind="wages",
                                     description="装卸工反映两个月未发工资", workers_affected=5, today=TODAY)
    grid_services.forward_lead(actor=township_officer, lead=lead, today=TODAY)
    case = InspectionCase.objects.get(lead=lead)
    assert (case.source, case.state, case.region_code) == ("grid", "received", VILLAGE)
    assert case.summary == "欠薪：装卸工反映两个月未发工资"


def test_concluding_issues_the_complainants_rating_code_on_the_receipt(heyuan, village_assistant, township_officer,
                                                                       inspector):
    petition = wages_petition(village_assistant, township_officer)
    petitions_services.forward_to_inspection(actor=township_officer, petition=petition, today=TODAY)
    case = InspectionCase.objects.get(petition=petition)
    services.accept_case(actor=inspector, case=case, today=TODAY)
    services.open_case(actor=inspector, case=case, today=TODAY)
    worker = case.workers.get()
    services.add_measure(actor=inspector, case=case, kind="pay", taken_on=TODAY, amount="13900", today=TODAY)
    services.record_recovery(actor=inspector, worker=worker, amount_recovered="13900.00", today=TODAY)
    case = services.conclude_case(actor=inspector, case=case, result="经责令支付，工资已全部结清。", today=TODAY)
    assert case.state == "concluded" and case.amount_recovered == Decimal("13900.00")
    code = RatingCode.objects.get(source="inspection", source_id=str(case.pk))
    assert (code.region_code, code.service, code.served_by, code.completed_on) == (
        COUNTY, "劳动保障监察投诉处理", inspector, TODAY)
    receipt = logged_in(village_assistant).get(f"/supervision/inspection/{case.pk}/receipt/").content.decode()
    assert "劳动保障监察案件结案告知书" in receipt and code.code in receipt and "13,900.00" in receipt
    assert 'data-testid="rating-code"' in receipt


def test_a_routine_inspection_has_no_complainant_to_rate_it(heyuan, inspector):
    from tests.supervision.inspection.conftest import opened

    case = opened(inspector, source="routine", complainant_name="", complainant_phone="")
    services.conclude_case(actor=inspector, case=case, result="已整改", today=TODAY)
    assert not RatingCode.objects.filter(source="inspection").exists()
