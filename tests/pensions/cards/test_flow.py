"""The card's whole way: applied at the village, batched by the county, made, arrived, handed over (to the person
or a proxy), activated; each step refused with its reason when it does not fit, and each audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.core.permissions import Role
from hrss.pensions.cards import services
from hrss.pensions.models import CardApplication, CardBatch
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, NEIGHBOUR_COUNTY_VILLAGE, TODAY

from .conftest import DAY, apply, register


def test_the_whole_way_from_application_to_activation(person, village_assistant, county_officer):
    application = apply(village_assistant, person, today=TODAY - 30 * DAY)
    assert (application.state, application.reason, application.region_code) == ("applied", "new", person.region_code)

    batch = services.make_batch(actor=county_officer, county_code=COUNTY, today=TODAY - 25 * DAY)
    application.refresh_from_db()
    assert application.state == "in_batch" and application.batch == batch
    assert batch.number == f"441602-{TODAY - 25 * DAY:%Y%m%d}-01" and batch.state == "sent"

    assert services.record_made(actor=county_officer, batch=batch, numbers={str(application.pk): "a12345678"},
                                today=TODAY - 20 * DAY) == 1
    application.refresh_from_db()
    batch.refresh_from_db()
    assert (application.state, application.card_number) == ("made", "A12345678")
    assert (batch.state, batch.made_on) == ("made", TODAY - 20 * DAY)

    services.record_arrival(actor=county_officer, batch=batch, on=TODAY - 15 * DAY, today=TODAY - 14 * DAY)
    application.refresh_from_db()
    assert application.state == "arrived" and batch.arrived_on == TODAY - 15 * DAY

    services.hand_over(actor=village_assistant, application=application, received_by=person.name,
                       relation="本人多填的", on=TODAY - 10 * DAY, today=TODAY)
    application.refresh_from_db()
    assert (application.state, application.received_by, application.received_relation) == (
        "handed_over", person.name, "")  # the person themself: no relation kept

    services.activate(actor=village_assistant, application=application, on=TODAY, today=TODAY)
    application.refresh_from_db()
    assert (application.state, application.activated_on) == ("active", TODAY)
    actions = set(AuditEntry.objects.filter(subject_id_number=person.id_number).values_list("action", flat=True))
    assert {"pensions.card.applied", "pensions.card.made", "pensions.card.handed_over",
            "pensions.card.activated"} <= actions
    assert AuditEntry.objects.filter(action="pensions.card_batch.arrived", region_code=COUNTY).exists()


def test_a_proxy_signs_with_name_and_relation(arrived, village_assistant):
    with pytest.raises(ValidationError) as refused:
        services.hand_over(actor=village_assistant, application=arrived, received_by="孙代领", on=TODAY, today=TODAY)
    assert refused.value.messages == [f"领取人“孙代领”不是{arrived.person.name}本人：代领须填写代领人与本人的关系。"]
    services.hand_over(actor=village_assistant, application=arrived, received_by="孙代领", relation="女儿", on=TODAY,
                       today=TODAY)
    arrived.refresh_from_db()
    assert (arrived.received_by, arrived.received_relation) == ("孙代领", "女儿")


def test_hand_over_needs_a_name_and_a_day_from_the_arrival_to_today(arrived, village_assistant):
    arrived_on = arrived.batch.arrived_on
    with pytest.raises(ValidationError) as refused:
        services.hand_over(actor=village_assistant, application=arrived, received_by=" ", on=arrived_on - DAY,
                           today=TODAY)
    assert refused.value.messages == [
        "请填写领取人姓名（本人领取填本人姓名，代领填代领人姓名）。",
        f"领取日期{arrived_on - DAY:%Y-%m-%d}早于到达网点日期{arrived_on:%Y-%m-%d}。"]
    with pytest.raises(ValidationError, match="晚于今天"):
        services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name,
                           on=TODAY + DAY, today=TODAY)
    services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name, on=arrived_on,
                       today=TODAY)  # the arrival day itself
    assert CardApplication.objects.get(pk=arrived.pk).handed_over_on == arrived_on


def test_a_card_not_arrived_is_not_handed_over(person, village_assistant):
    application = apply(village_assistant, person)
    with pytest.raises(ValidationError) as refused:
        services.hand_over(actor=village_assistant, application=application, received_by=person.name, on=TODAY,
                           today=TODAY)
    assert refused.value.messages == ["该社保卡现为“已申领”，只有已到达网点的卡可以发放。"]


def test_activation_follows_the_hand_over(arrived, village_assistant):
    with pytest.raises(ValidationError, match="该社保卡现为“已到达网点”，只有已领取未激活的卡可以激活。"):
        services.activate(actor=village_assistant, application=arrived, on=TODAY, today=TODAY)
    services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name,
                       on=TODAY - 2 * DAY, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.activate(actor=village_assistant, application=arrived, on=TODAY - 3 * DAY, today=TODAY)
    assert refused.value.messages == [f"激活日期{TODAY - 3 * DAY:%Y-%m-%d}早于领取日期{TODAY - 2 * DAY:%Y-%m-%d}。"]
    services.activate(actor=village_assistant, application=arrived, on=TODAY - 2 * DAY, today=TODAY)
    assert CardApplication.objects.get(pk=arrived.pk).state == "active"


def test_apply_is_refused_without_the_id_seen_or_with_a_standing_application(person, village_assistant):
    with pytest.raises(ValidationError) as refused:
        apply(village_assistant, person, id_seen=False)
    assert refused.value.messages == ["请核验申领人本人的居民身份证原件，核验后勾选“已核验身份证”。"]
    first = apply(village_assistant, person, today=TODAY - DAY)
    with pytest.raises(ValidationError) as refused:
        apply(village_assistant, person)
    assert refused.value.messages == [f"{person.name}已有社保卡申领（已申领，申领日期{first.applied_on:%Y-%m-%d}），"
                                      "不能重复申领；卡片丢失请先挂失再补领。"]
    assert CardApplication.objects.count() == 1


def test_apply_is_taken_by_the_village_only(person, township_officer, county_officer):
    for actor in (township_officer, county_officer):
        with pytest.raises(PermissionDenied, match="社保卡申领由申领人所在村\\(社区\\)的协理员受理。"):
            apply(actor, person)
    assert not CardApplication.objects.exists()


def test_a_batch_takes_every_waiting_application_of_the_county_and_only_those(heyuan, person, village_assistant,
                                                                               county_officer,
                                                                               neighbour_county_officer, make_user):
    other = register(village_assistant, "孙同村", serial=25)
    first, second = apply(village_assistant, person), apply(village_assistant, other)
    zijin_assistant = make_user("zed", NEIGHBOUR_COUNTY_VILLAGE, Role.VILLAGE_ASSISTANT)
    outside = apply(zijin_assistant, register(zijin_assistant, "李紫金", village=NEIGHBOUR_COUNTY_VILLAGE, serial=27))
    batch = services.make_batch(actor=county_officer, county_code=COUNTY, today=TODAY)
    assert set(batch.applications.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert CardApplication.objects.get(pk=outside.pk).state == "applied"
    with pytest.raises(ValidationError) as refused:
        services.make_batch(actor=county_officer, county_code=COUNTY, today=TODAY)
    assert refused.value.messages == ["本县(区)没有待制卡的申领，无需组批。"]
    second_batch = services.make_batch(actor=neighbour_county_officer, county_code=NEIGHBOUR_COUNTY, today=TODAY)
    assert second_batch.number == f"441621-{TODAY:%Y%m%d}-01"


def test_a_batch_is_the_countys(person, village_assistant, township_officer):
    apply(village_assistant, person)
    with pytest.raises(PermissionDenied):
        services.make_batch(actor=township_officer, county_code=COUNTY, today=TODAY)
    with pytest.raises(ValidationError, match="请选择县\\(区\\)"):
        services.make_batch(actor=township_officer, county_code="441602001000", today=TODAY)
    assert not CardBatch.objects.exists()


def test_card_numbers_are_checked(person, village_assistant, county_officer):
    other = register(village_assistant, "孙同村", serial=25)
    first, second = apply(village_assistant, person), apply(village_assistant, other)
    batch = services.make_batch(actor=county_officer, county_code=COUNTY, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.record_made(actor=county_officer, batch=batch, today=TODAY,
                             numbers={first.pk: "12345678", second.pk: "A1234567", 999999: "A00000001"})
    assert refused.value.messages == [
        f"{person.name}的卡号“12345678”格式不对：应为1位大写字母加8位数字（如A12345678）。",
        f"{other.name}的卡号“A1234567”格式不对：应为1位大写字母加8位数字（如A12345678）。",
        "申领编号999999不是本批次中待制卡的申领。"]
    with pytest.raises(ValidationError, match="卡号A00000001重复填写"):
        services.record_made(actor=county_officer, batch=batch, today=TODAY,
                             numbers={first.pk: "A00000001", second.pk: "A00000001"})
    with pytest.raises(ValidationError, match="请至少填写一张卡的卡号，或选择制卡返回文件。"):
        services.record_made(actor=county_officer, batch=batch, today=TODAY, numbers={first.pk: ""})
    # One made, the other not yet: the batch waits, and cannot be recorded as arrived.
    services.record_made(actor=county_officer, batch=batch, today=TODAY, numbers={first.pk: "A00000001"})
    batch.refresh_from_db()
    assert batch.state == "sent"
    with pytest.raises(ValidationError) as refused:
        services.record_arrival(actor=county_officer, batch=batch, on=TODAY, today=TODAY)
    assert refused.value.messages == [f"批次{batch.number}尚未全部制卡（请先登记制卡结果），不能登记到达。"]
    third = register(village_assistant, "周另批", serial=29)
    other_batch_card = apply(village_assistant, third)
    other_batch = services.make_batch(actor=county_officer, county_code=COUNTY, today=TODAY)
    with pytest.raises(ValidationError, match="卡号A00000001已被其他社保卡使用"):
        services.record_made(actor=county_officer, batch=other_batch, today=TODAY,
                             numbers={other_batch_card.pk: "A00000001"})
    services.record_made(actor=county_officer, batch=batch, today=TODAY, numbers={second.pk: "A00000002"})
    batch.refresh_from_db()
    assert batch.state == "made"
    with pytest.raises(ValidationError, match="已制卡，不能再登记卡号"):
        services.record_made(actor=county_officer, batch=batch, today=TODAY, numbers={second.pk: "A00000003"})


def test_the_arrival_day_lies_between_the_making_and_today(person, village_assistant, county_officer):
    application = apply(village_assistant, person, today=TODAY - 10 * DAY)
    batch = services.make_batch(actor=county_officer, county_code=COUNTY, today=TODAY - 9 * DAY)
    services.record_made(actor=county_officer, batch=batch, numbers={application.pk: "C00000001"},
                         today=TODAY - 5 * DAY)
    batch.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.record_arrival(actor=county_officer, batch=batch, on=TODAY - 6 * DAY, today=TODAY)
    assert refused.value.messages == [f"到达日期{TODAY - 6 * DAY:%Y-%m-%d}早于制卡完成日期{TODAY - 5 * DAY:%Y-%m-%d}。"]
    with pytest.raises(ValidationError, match=f"到达日期{TODAY + DAY:%Y-%m-%d}晚于今天"):
        services.record_arrival(actor=county_officer, batch=batch, on=TODAY + DAY, today=TODAY)
    services.record_arrival(actor=county_officer, batch=batch, on=TODAY - 5 * DAY, today=TODAY)
    with pytest.raises(ValidationError, match="已于.*登记到达"):
        services.record_arrival(actor=county_officer, batch=batch, on=TODAY, today=TODAY)


def test_outsiders_are_refused_and_audited(arrived, neighbour_village_assistant, neighbour_county_officer):
    with pytest.raises(PermissionDenied):
        services.hand_over(actor=neighbour_village_assistant, application=arrived, received_by="x", on=TODAY,
                           today=TODAY)
    with pytest.raises(PermissionDenied):
        services.record_arrival(actor=neighbour_county_officer, batch=arrived.batch, on=TODAY, today=TODAY)
    assert AuditEntry.objects.filter(action="pensions.card.hand_over", outcome="denied").count() == 1
    assert CardApplication.objects.get(pk=arrived.pk).state == "arrived"
