"""Amounts and words a security test sent (findings F2, F3, F15) and the trial saw (an amount 1,000,000,000.00 made
the county's 欠薪 total absurd): a worker's wages owed over 5,000,000.00 yuan are refused, saying the cap, on the page
and in the API; "-0" is stored and shown as 0.00; a far-past day is echoed as 0001-01-01; concluding a concluded
case says it is concluded already, on the page too (where its form is gone)."""

import datetime

from hrss.supervision.inspection import services
from hrss.supervision.models import InspectionMeasure, InspectionWorker
from tests.conftest import TODAY
from tests.supervision.inspection.conftest import opened
from tests.supervision.inspection.test_pages_and_api import call, logged_in
from tests.supervision.inspection.test_refusals import refused

CAP = "超过每名劳动者5,000,000.00元的上限"


def test_wages_owed_over_the_cap_are_refused_with_the_cap_and_the_cap_itself_is_taken(heyuan, inspector):
    case = opened(inspector)
    message = refused(services.add_worker, actor=inspector, case=case, name="张三", amount_owed="1000000000",
                      today=TODAY)
    assert f"拖欠工资1,000,000,000.00元{CAP}" in message
    base = f"/supervision/inspection-cases/{case.pk}"
    answer = call(inspector, "post", base + "/workers", {"name": "exp", "amount_owed": "5000000.01"})
    assert answer.status_code == 422 and CAP in answer.json()["detail"]
    page = logged_in(inspector).post(f"/supervision/inspection/{case.pk}/workers/",
                                     {"name": "张三", "amount_owed": "99999999999999"})
    assert page.status_code == 200 and CAP in page.content.decode()
    assert not InspectionWorker.objects.exists()
    worker = services.add_worker(actor=inspector, case=case, name="张三", amount_owed="5,000,000", today=TODAY)
    assert worker.amount_owed == 5000000


def test_minus_zero_is_stored_and_shown_as_zero(heyuan, inspector):
    case = opened(inspector)
    base = f"/supervision/inspection-cases/{case.pk}"
    answer = call(inspector, "post", base + "/workers", {"name": "neg0", "amount_owed": "-0"})
    assert answer.status_code == 201 and answer.json()["amount_owed"] == "0.00"
    worker = InspectionWorker.objects.get(name="neg0")
    assert str(worker.amount_owed) == "0.00" and str(worker.amount_recovered) == "0.00"
    services.add_worker(actor=inspector, case=case, name="李四", amount_owed="100", amount_recovered="-0.00",
                        today=TODAY)
    services.record_recovery(actor=inspector, worker=worker, amount_recovered="-0", today=TODAY)
    services.add_measure(actor=inspector, case=case, kind="pay", taken_on=TODAY, amount="-0", today=TODAY)
    assert str(InspectionMeasure.objects.get().amount) == "0.00"
    assert all(str(amount) == "0.00" for amount in InspectionWorker.objects.values_list("amount_recovered", flat=True))
    page = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/").content.decode()
    assert "-0.00" not in page


def test_a_far_past_day_is_echoed_with_four_digits(heyuan, inspector):
    case = opened(inspector)
    base = f"/supervision/inspection-cases/{case.pk}"
    answer = call(inspector, "post", base + "/measures", {"kind": "rectify", "taken_on": "0001-01-01"})
    assert answer.status_code == 422 and f"措施日期0001-01-01早于立案日期{TODAY.isoformat()}" in answer.json()["detail"]
    message = refused(services.conclude_case, actor=inspector, case=case, result="结清", on=datetime.date(1, 1, 1),
                      today=TODAY)
    assert "结案日期0001-01-01早于立案日期" in message and "1-01-01早" not in message.replace("0001-01-01", "")


def test_concluding_a_concluded_case_says_so_on_the_page_and_in_the_api(heyuan, inspector):
    case = opened(inspector)
    services.conclude_case(actor=inspector, case=case, result="已结清", today=TODAY)
    said = f"案件{case.number}已结案，不能再次结案。"
    assert said in refused(services.conclude_case, actor=inspector, case=case, result="再结", today=TODAY)
    answer = call(inspector, "post", f"/supervision/inspection-cases/{case.pk}/conclude", {"result": "再结"})
    assert answer.status_code == 422 and answer.json()["detail"] == said
    page = logged_in(inspector).post(f"/supervision/inspection/{case.pk}/conclude/",
                                     {"on": TODAY.isoformat(), "result": "再结"}).content.decode()
    assert f"未能保存：{said}" in page and "须先立案" not in page
