"""Every refusal of a case's services says what is wrong, in Chinese, and writes nothing: a decision taken twice, an
extension without the approver or a second one, more recovered than owed, concluding without a result or before
立案, a code that is not a USCC, and anyone but the county's inspector acting."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.supervision.inspection import services
from hrss.supervision.models import InspectionEvent, InspectionWorker
from hrss.supervision.permissions import INSPECTION_APPROVE
from tests.conftest import TODAY
from tests.supervision.inspection.conftest import opened, receive

D = datetime.date


def refused(call, **kwargs):
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    return " ".join(error.value.messages)


def test_a_case_is_not_accepted_twice_nor_declined_after_acceptance(heyuan, inspector):
    case = receive(inspector)
    services.accept_case(actor=inspector, case=case, today=TODAY)
    events = InspectionEvent.objects.count()
    assert "已受理待立案，不能再作受理决定" in refused(services.accept_case, actor=inspector, case=case, today=TODAY)
    assert "不能再作受理决定" in refused(services.decline_case, actor=inspector, case=case, reason="重复", today=TODAY)
    assert InspectionEvent.objects.count() == events


def test_declining_needs_a_reason_and_a_declined_case_cannot_be_opened(heyuan, inspector):
    case = receive(inspector)
    assert "请填写不予受理的理由" in refused(services.decline_case, actor=inspector, case=case, reason=" ", today=TODAY)
    case = services.decline_case(actor=inspector, case=case, reason="不属于劳动保障监察范围，已告知向法院起诉", today=TODAY)
    assert case.state == "not_accepted"
    assert "不予受理，不能立案" in refused(services.open_case, actor=inspector, case=case, today=TODAY)


def test_an_extension_needs_the_approver(heyuan, inspector, township_officer):
    case = opened(inspector)
    services.request_extension(actor=inspector, case=case, reason="案情复杂", today=TODAY)
    for someone in (inspector, township_officer):
        with pytest.raises(PermissionDenied) as error:
            services.decide_extension(actor=someone, case=case, approve=True, today=TODAY)
        assert "延期须经县(区)人力资源社会保障部门负责人批准" in str(error.value)
        assert AuditEntry.objects.filter(actor=someone, action=INSPECTION_APPROVE.value,
                                         outcome=AuditEntry.Outcome.DENIED).exists()
    case.refresh_from_db()
    assert case.extension_state == "requested" and case.conclude_due == case.first_conclude_due


def test_the_approver_decides_only_a_requested_extension(heyuan, inspector, approver):
    case = opened(inspector)
    assert "没有待批准的延期申请" in refused(services.decide_extension, actor=approver, case=case, approve=True,
                                             today=TODAY)
    services.request_extension(actor=inspector, case=case, reason="案情复杂", today=TODAY)
    assert "不批准延期的，请填写审批意见" in refused(services.decide_extension, actor=approver, case=case,
                                                      approve=False, today=TODAY)
    case = services.decide_extension(actor=approver, case=case, approve=False, note="证据已足，应按期结案", today=TODAY)
    assert case.extension_state == "refused" and case.conclude_due == case.first_conclude_due


def test_a_case_is_extended_only_once(heyuan, inspector, approver):
    case = opened(inspector)
    assert "请填写延期理由" in refused(services.request_extension, actor=inspector, case=case, reason="", today=TODAY)
    services.request_extension(actor=inspector, case=case, reason="案情复杂", today=TODAY)
    assert "已有待批准的延期申请" in refused(services.request_extension, actor=inspector, case=case, reason="再次",
                                             today=TODAY)
    case = services.decide_extension(actor=approver, case=case, approve=True, today=TODAY)
    message = refused(services.request_extension, actor=inspector, case=case, reason="还要延", today=TODAY)
    assert f"案件已延期一次（至{case.conclude_due:%Y-%m-%d}）：延期只能一次，不能再次延期。" in message
    assert "延期只能一次" in refused(services.decide_extension, actor=approver, case=case, approve=True, today=TODAY)


def test_an_extension_is_not_asked_for_after_the_due_date(heyuan, inspector):
    case = opened(inspector, on=D(2026, 2, 10))  # due 14 May
    message = refused(services.request_extension, actor=inspector, case=case, reason="案情复杂", today=D(2026, 5, 15))
    assert "结案期限已于2026-05-14届满，不能再申请延期" in message


def test_more_cannot_be_recovered_than_owed(heyuan, inspector):
    case = opened(inspector)
    message = refused(services.add_worker, actor=inspector, case=case, name="李四", amount_owed="5000",
                      amount_recovered="5000.01", today=TODAY)
    assert "已追回金额5000.01元超过拖欠金额5000.00元" in message
    worker = services.add_worker(actor=inspector, case=case, name="李四", amount_owed="5000", today=TODAY)
    message = refused(services.record_recovery, actor=inspector, worker=worker, amount_recovered="5200",
                      today=TODAY)
    assert "已追回金额5200.00元超过李四的拖欠金额5000.00元" in message
    services.record_recovery(actor=inspector, worker=worker, amount_recovered="5000", today=TODAY)
    case.refresh_from_db()
    assert (case.amount_owed, case.amount_recovered) == (5000, 5000)


def test_a_worker_needs_a_name_an_amount_and_a_true_id_number(heyuan, inspector):
    case = opened(inspector)
    message = refused(services.add_worker, actor=inspector, case=case, name="", amount_owed="x",
                      id_number="441602199001011234", today=TODAY)
    assert "请填写劳动者姓名" in message and "请填写拖欠工资金额" in message and "公民身份号码有误" in message
    assert not InspectionWorker.objects.exists()


def test_concluding_needs_a_result_and_a_case_under_investigation(heyuan, inspector):
    received = receive(inspector)
    assert "结案（须先立案）" in refused(services.conclude_case, actor=inspector, case=received, result="结清",
                                        today=TODAY)
    case = opened(inspector)
    assert "请填写处理结果" in refused(services.conclude_case, actor=inspector, case=case, result="  ", today=TODAY)
    case.refresh_from_db()
    assert case.state == "open" and case.concluded_on is None


def test_a_measure_needs_an_open_case_and_an_amount_for_an_order_to_pay(heyuan, inspector):
    received = receive(inspector)
    assert "须先立案" in refused(services.add_measure, actor=inspector, case=received, kind="rectify",
                                 taken_on=TODAY, today=TODAY)
    case = opened(inspector)
    assert "责令支付请填写金额" in refused(services.add_measure, actor=inspector, case=case, kind="pay", taken_on=TODAY,
                                          today=TODAY)


def test_a_wrong_credit_code_names_the_position(heyuan, inspector):
    message = refused(receive, inspector=inspector, employer_uscc="91350100M000100Y44")
    assert "用人单位的统一社会信用代码“91350100M000100Y44”有误：第18位校验码应为 3，实为 4。" in message


def test_only_the_county_inspector_acts_on_a_case(heyuan, inspector, village_assistant, county_officer,
                                                   neighbour_inspector):
    case = receive(inspector)
    for someone in (village_assistant, county_officer):
        with pytest.raises(PermissionDenied) as error:
            services.accept_case(actor=someone, case=case, today=TODAY)
        assert str(error.value) == "只有县(区)劳动保障监察员可以办理劳动保障监察案件。"
    with pytest.raises(PermissionDenied) as error:
        services.accept_case(actor=neighbour_inspector, case=case, today=TODAY)
    assert str(error.value) == "只能办理本县(区)的劳动保障监察案件。"
    case.refresh_from_db()
    assert case.state == "received"
