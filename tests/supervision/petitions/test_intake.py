"""Recording a petition (登记, 首问负责): where and by whom, its readable number, its accept period; every refusal
says in Chinese what to fix and writes nothing; 重复信访 are suggested and linked."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.credit_codes import complete_uscc
from hrss.core.models import AuditEntry, Region
from hrss.residents.demo import id_number_for
from hrss.supervision.models import Petition, PetitionEvent, PetitionState
from hrss.supervision.petitions import selectors
from tests.conftest import NEIGHBOUR_VILLAGE, TOWNSHIP, VILLAGE
from tests.supervision.petitions.conftest import WAGES, d, make_petition

DAY = d("2026-03-02")
ID_NUMBER = id_number_for("441602", d("1985-04-01"), 133)


def test_a_village_assistant_records_a_wages_petition_at_the_village(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=DAY, petitioner_id_number=ID_NUMBER.lower())
    assert petition.region_code == petition.received_at_code == VILLAGE
    assert petition.received_by == village_assistant and petition.state == PetitionState.RECEIVED
    assert petition.number == "XF441602202600001" and petition.accept_due == d("2026-03-17")
    assert petition.petitioner_id_number == ID_NUMBER and str(petition.amount_claimed) == "8600.00"
    second = make_petition(village_assistant, received_on=DAY, petitioner_name="李四", petitioner_phone="13800000000")
    assert second.number == "XF441602202600002"
    event = PetitionEvent.objects.get(petition=petition)
    assert event.kind == "received" and event.by == village_assistant and event.office_code == VILLAGE
    entry = AuditEntry.objects.get(action="supervision.petitions.received", target_id=str(petition.pk))
    assert entry.region_code == VILLAGE and entry.subject_id_number == ID_NUMBER


def test_a_township_officer_records_at_the_township(heyuan, township_officer):
    uscc = complete_uscc("91441602MA4X00010")
    petition = make_petition(township_officer, received_on=DAY, office=TOWNSHIP, channel="letter",
                             petitioner_phone="", petitioner_address="河源市源城区上城街道", employer_uscc=uscc.lower())
    assert petition.region_code == TOWNSHIP and petition.get_channel_display() == "来信"
    assert petition.employer_uscc == uscc


BAD = [
    ({"petitioner_name": ""}, "请填写信访人姓名。"),
    ({"subject": " "}, "请填写事由"),
    ({"summary": ""}, "请填写主要诉求和情况。"),
    ({"petitioner_phone": "", "petitioner_address": ""}, "请填写信访人的联系电话或住址"),
    ({"employer_name": ""}, "欠薪信访须写明欠薪单位"),
    ({"channel": "fax"}, "请选择信访形式"),
    ({"category": "tax"}, "请选择问题类别"),
    ({"petitioner_id_number": "441602198504011234"}, "信访人公民身份号码有误"),
    ({"employer_uscc": "91441602MA4"}, "统一社会信用代码应为18位，实为11位"),
    ({"employer_uscc": "91441602MA4X000120"}, "第18位校验码应为 5，实为 0"),
    ({"workers_count": 0}, "涉及人数应为1至100000的整数。"),
    ({"amount_claimed": "-5"}, "诉求金额应为不小于0的金额"),
    ({"amount_claimed": "八千"}, "诉求金额应为不小于0的金额"),
]


@pytest.mark.parametrize(("change", "message"), BAD)
def test_bad_input_is_refused_with_what_to_fix_and_nothing_is_written(change, message, heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        make_petition(village_assistant, received_on=DAY, **change)
    assert message in str(refused.value)
    assert not Petition.objects.exists() and not PetitionEvent.objects.exists()
    assert not AuditEntry.objects.filter(action="supervision.petitions.received").exists()


def test_a_receipt_day_in_the_future_is_refused(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        make_petition(village_assistant, received_on=d("2026-03-03"), today=DAY)
    assert "收到日期2026-03-03晚于今天" in str(refused.value)


def test_an_office_outside_the_scope_is_refused_and_audited(heyuan, village_assistant, neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        make_petition(neighbour_village_assistant, received_on=DAY, office=VILLAGE)
    assert AuditEntry.objects.filter(action="supervision.petitions.intake", outcome="denied").count() == 1
    assert not Petition.objects.exists()


def test_the_same_petitioner_on_the_same_matter_is_suggested_and_linked_as_a_repeat(heyuan, village_assistant):
    first = make_petition(village_assistant, received_on=DAY, petitioner_id_number=ID_NUMBER)
    other_matter = make_petition(village_assistant, received_on=DAY, category="injury",
                                 petitioner_id_number=ID_NUMBER)
    found = selectors.repeat_candidates(village_assistant, id_number=ID_NUMBER, category="wages")
    assert list(found) == [first]
    by_phone = selectors.repeat_candidates(village_assistant, name="张三", phone=WAGES["petitioner_phone"],
                                           category="wages")
    assert list(by_phone) == [first]
    again = make_petition(village_assistant, received_on=d("2026-04-01"), petitioner_id_number=ID_NUMBER,
                          repeat_of=first)
    assert again.repeat_of == first and list(first.repeats.all()) == [again]
    assert "重复信访，前次信访件XF441602202600001" in again.events.get().note
    assert other_matter.repeat_of is None


def test_a_repeat_of_someone_else_is_refused(heyuan, village_assistant):
    first = make_petition(village_assistant, received_on=DAY, petitioner_id_number=ID_NUMBER)
    with pytest.raises(ValidationError) as refused:
        make_petition(village_assistant, received_on=DAY, petitioner_name="王五", petitioner_phone="13900000009",
                      repeat_of=first)
    assert "不是同一人，不能关联为重复信访" in str(refused.value)


def test_repeat_suggestions_stay_in_the_scope(heyuan, village_assistant, neighbour_village_assistant):
    make_petition(village_assistant, received_on=DAY, petitioner_id_number=ID_NUMBER)
    assert not selectors.repeat_candidates(neighbour_village_assistant, id_number=ID_NUMBER, category="wages")
    assert Region.objects.get(code=NEIGHBOUR_VILLAGE)
