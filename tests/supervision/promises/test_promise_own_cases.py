"""服务承诺 measures the area's own cases too (trial, journey 5): a petition from its acceptance to its reply against
the 60 days of 信访事项办理, an inspection case from its opening to its conclusion against the 60 working days of
劳动保障监察投诉; each row opens its cases, each case its page. A neighbouring county sees none of them."""

import datetime

from django.test import Client

from hrss.supervision.inspection import services as inspection
from hrss.supervision.permissions import LABOUR_INSPECTOR
from hrss.supervision.promises import selectors
from tests.conftest import COUNTY, login
from tests.supervision.petitions.conftest import replied
from tests.supervision.promises.conftest import past_2025

D = datetime.date
PAGE, CASES = "/supervision/promises/promise/", "/supervision/promises/promise/cases/"


def test_petitions_replied_and_inspection_cases_concluded_are_measured_against_their_promise(
        heyuan, village_assistant, township_officer, county_officer, neighbour_county_officer, make_user, clock, settings):
    on_time = replied(village_assistant, township_officer, received_on=D(2025, 4, 28), accepted_on=D(2025, 5, 6),
                      replied_on=D(2025, 5, 16), subject="某制衣厂拖欠工资")  # 10 days
    late = replied(village_assistant, township_officer, received_on=D(2025, 2, 20), accepted_on=D(2025, 3, 3),
                   replied_on=D(2025, 5, 20), subject="某五金厂拖欠工资")  # 78 days, not extended
    inspector = make_user("ivan", COUNTY, LABOUR_INSPECTOR)
    case = inspection.receive_complaint(actor=inspector, region_code=village_assistant.region.code, source="complaint",
                                        received_on=D(2025, 5, 6), today=D(2025, 5, 6), employer_name="河源市某电子厂",
                                        summary="拖欠工资", complainant_name="黄阿姨", complainant_phone="13800000009")
    inspection.accept_case(actor=inspector, case=case, on=D(2025, 5, 7), today=D(2025, 5, 7))
    inspection.open_case(actor=inspector, case=case, on=D(2025, 5, 8), today=D(2025, 5, 8))
    inspection.conclude_case(actor=inspector, case=case, result="单位已改正", on=D(2025, 5, 22), today=D(2025, 5, 22))

    past_2025(clock, settings)
    client = login(Client(), county_officer)
    page = client.get(PAGE, {"month": "2025-05"}).content.decode()
    petitions = page.split('data-service="supervision/petition"')[1].split("</tr>")[0]
    assert "信访事项办理" in petitions and "60日" in petitions and "超时 1" in petitions
    complaints = page.split('data-service="supervision/inspection_complaint"')[1].split("</tr>")[0]
    assert "劳动保障监察投诉" in complaints and "60个工作日" in complaints and "超时" not in complaints

    listed = client.get(CASES, {"service": "supervision/petition", "month": "2025-05"}).content.decode()
    assert f'href="/supervision/petitions/{on_time.pk}/"' in listed and f"{late.number} 某五金厂拖欠工资" in listed
    assert "10日" in listed and "78日" in listed and "超时" in listed
    only_late = client.get(CASES, {"service": "supervision/petition", "month": "2025-05", "late": "1"}).content.decode()
    assert late.number in only_late and on_time.number not in only_late
    concluded = client.get(CASES, {"service": "supervision/inspection_complaint", "month": "2025-05"}).content.decode()
    assert case.number in concluded and "10个工作日" in concluded and "按时" in concluded  # 5/8 → 5/22: 10 working days

    assert selectors.promise_rows(neighbour_county_officer, neighbour_county_officer.region, 2025, 5) == []
    assert client.get(PAGE, {"month": "2025-04"}).content.decode().count("信访事项办理") == 0
