"""The course of a petition after intake: carried up from the village, decided by the township (受理、转送、不予受理
or 转劳动保障监察), closed only with a reply (which issues the rating code), then 复查 by the county and 复核 by the
city. Each refusal says why in Chinese and writes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry, Level
from hrss.supervision.inspection import services as inspection_services
from hrss.supervision.models import InspectionCase, Petition, PetitionEvent, PetitionState, RatingCode
from hrss.supervision.petitions import services
from tests.conftest import CITY, COUNTY, TOWNSHIP, VILLAGE
from tests.supervision.inspection.conftest import inspector  # noqa: F401 (fixture)
from tests.supervision.petitions.conftest import accepted, at_township, d, make_petition, replied

DAY = d("2026-03-02")


def _events(petition):
    return list(PetitionEvent.objects.filter(petition=petition).order_by("at", "pk").values_list("kind", flat=True))


def test_the_village_carries_a_petition_up_and_the_township_decides(heyuan, village_assistant, township_officer):
    petition = make_petition(village_assistant, received_on=DAY)
    with pytest.raises(ValidationError) as refused:
        services.decide(actor=village_assistant, petition=petition, decision="accept", decided_on=DAY, today=DAY)
    assert "是否受理由乡镇(街道)或县(区)决定：请先将信访件上报" in str(refused.value)
    petition = services.forward_up(actor=village_assistant, petition=petition, level=Level.TOWNSHIP, today=DAY)
    assert petition.region_code == TOWNSHIP and petition.received_at_code == VILLAGE
    assert petition.received_by == village_assistant and petition.accept_due == d("2026-03-17")
    with pytest.raises(ValidationError) as same_level:
        services.forward_up(actor=township_officer, petition=petition, level=Level.TOWNSHIP, today=DAY)
    assert "只能上报到更上一级" in str(same_level.value)
    petition = services.decide(actor=township_officer, petition=petition, decision="accept",
                               decided_on=d("2026-03-05"), today=d("2026-03-05"))
    assert petition.state == PetitionState.ACCEPTED and petition.handler == township_officer
    assert petition.accepted_on == d("2026-03-05") and petition.handle_due == d("2026-05-06")  # 4 May, a holiday
    assert _events(petition) == ["received", "forwarded_up", "accepted"]


def test_a_village_petition_carried_up_is_out_of_the_village_assistants_sight(heyuan, village_assistant):
    from hrss.core import scoping

    petition = at_township(village_assistant, received_on=DAY)
    assert not scoping.visible_to(village_assistant, Petition.objects.filter(pk=petition.pk)).exists()


def test_the_handle_due_date_rolls_over_the_may_day_holiday(heyuan, village_assistant, township_officer):
    petition = accepted(village_assistant, township_officer, received_on=DAY, accepted_on=d("2026-03-05"))
    assert petition.handle_due == d("2026-05-06")  # 4 and 5 May are 劳动节 holidays in 2026


@pytest.mark.parametrize(("values", "message"), [
    ({"decision": "forward"}, "转送的，请填写转送的机关名称。"),
    ({"decision": "not_accept"}, "不予受理的，请填写理由"),
    ({"decision": "maybe"}, "请选择受理意见"),
])
def test_a_decision_missing_its_part_is_refused(values, message, heyuan, village_assistant, township_officer):
    petition = at_township(village_assistant, received_on=DAY)
    with pytest.raises(ValidationError) as refused:
        services.decide(actor=township_officer, petition=petition, decided_on=DAY, today=DAY, **values)
    assert message in str(refused.value)
    petition.refresh_from_db()
    assert petition.state == PetitionState.RECEIVED and petition.decision == ""


def test_forward_and_not_accept(heyuan, village_assistant, township_officer):
    sent = at_township(village_assistant, received_on=DAY, category="social_insurance")
    sent = services.decide(actor=township_officer, petition=sent, decision="forward", decided_on=DAY, today=DAY,
                           forwarded_to="源城区社会保险基金管理局")
    assert sent.state == PetitionState.FORWARDED and sent.forwarded_to == "源城区社会保险基金管理局"
    with pytest.raises(ValidationError) as twice:
        services.decide(actor=township_officer, petition=sent, decision="accept", decided_on=DAY, today=DAY)
    assert "不能重复决定" in str(twice.value)
    refused = at_township(village_assistant, received_on=DAY, category="other")
    refused = services.decide(actor=township_officer, petition=refused, decision="not_accept", decided_on=DAY,
                              today=DAY, reason="已经人民法院判决，不属信访受理范围。")
    assert refused.state == PetitionState.NOT_ACCEPTED and refused.concluded_on == DAY


def test_a_wages_petition_goes_to_the_countys_labour_inspection(heyuan, village_assistant, township_officer,
                                                                inspector):  # noqa: F811
    petition = at_township(village_assistant, received_on=DAY)
    petition = services.forward_to_inspection(actor=township_officer, petition=petition, today=d("2026-03-04"))
    assert petition.state == PetitionState.FORWARDED and petition.forwarded_to == "源城区劳动保障监察机构"
    case = InspectionCase.objects.get(petition=petition)
    assert case.opened_on is None or case.opened_on >= DAY
    assert _events(petition)[-1] == "inspection"
    # The outcome comes back: the township closes the petition with the reply, not before the case is concluded.
    with pytest.raises(ValidationError) as too_soon:
        services.reply(actor=township_officer, petition=petition, replied_on=d("2026-03-05"), today=d("2026-03-05"),
                       text="已转监察。")
    assert f"已转劳动保障监察（监察案件{case.number}，待受理），监察结案后再答复信访人" in str(too_soon.value)
    inspection_services.accept_case(actor=inspector, case=case, today=d("2026-03-05"))
    inspection_services.open_case(actor=inspector, case=case, today=d("2026-03-05"))
    inspection_services.conclude_case(actor=inspector, case=case, result="工资已结清。", today=d("2026-04-20"))
    petition = services.reply(actor=township_officer, petition=petition, replied_on=d("2026-04-20"),
                              today=d("2026-04-20"), text="经劳动保障监察立案查处，单位已支付拖欠工资8600元。")
    assert petition.state == PetitionState.REPLIED


def test_only_wages_and_labour_law_petitions_go_to_inspection(heyuan, village_assistant, township_officer):
    petition = at_township(village_assistant, received_on=DAY, category="other")
    with pytest.raises(ValidationError) as refused:
        services.forward_to_inspection(actor=township_officer, petition=petition, today=DAY)
    assert "只有欠薪和其他劳动保障违法行为的才转" in str(refused.value)
    assert not InspectionCase.objects.exists()


def test_a_petition_goes_to_inspection_once(heyuan, village_assistant, township_officer):
    petition = at_township(village_assistant, received_on=DAY, category="labour_law", employer_name="")
    petition = services.forward_to_inspection(actor=township_officer, petition=petition, today=DAY)
    with pytest.raises(ValidationError) as again:
        services.forward_to_inspection(actor=township_officer, petition=petition, today=DAY)
    assert "不能重复决定" in str(again.value)
    assert InspectionCase.objects.filter(petition=petition).count() == 1
    assert _events(petition) == ["received", "forwarded_up", "inspection"]


def test_a_petition_is_not_closed_without_a_reply(heyuan, village_assistant, township_officer):
    petition = accepted(village_assistant, township_officer, received_on=DAY, accepted_on=DAY)
    with pytest.raises(ValidationError) as refused:
        services.reply(actor=township_officer, petition=petition, text="  ", replied_on=DAY, today=DAY)
    assert "不能没有答复就办结" in str(refused.value)
    petition.refresh_from_db()
    assert petition.state == PetitionState.ACCEPTED and petition.concluded_on is None
    assert not RatingCode.objects.exists()


def test_the_reply_closes_it_and_issues_the_offices_rating_code(heyuan, village_assistant, township_officer):
    petition = replied(village_assistant, township_officer, received_on=DAY, accepted_on=DAY,
                       replied_on=d("2026-03-20"))
    assert petition.concluded_on == d("2026-03-20") and petition.replied_by == township_officer
    code = RatingCode.objects.get(source="petition", source_id=str(petition.pk))
    assert code.region_code == TOWNSHIP and code.served_by == village_assistant
    assert code.service == "信访事项办理" and code.completed_on == d("2026-03-20")
    entry = AuditEntry.objects.get(action="supervision.petitions.replied", target_id=str(petition.pk))
    assert entry.after["rating_code"] == code.code


def test_review_by_the_county_and_recheck_by_the_city(heyuan, village_assistant, township_officer,
                                                      county_officer, city_admin):
    petition = replied(village_assistant, township_officer, received_on=DAY, accepted_on=DAY,
                       replied_on=d("2026-03-20"))
    with pytest.raises(PermissionDenied):
        services.request_review(actor=township_officer, petition=petition, requested_on=d("2026-03-25"),
                                text="不服", today=d("2026-03-25"))
    with pytest.raises(ValidationError) as no_text:
        services.request_review(actor=county_officer, petition=petition, requested_on=d("2026-03-25"), text="",
                                today=d("2026-03-25"))
    assert "请填写复查请求的事项和理由" in str(no_text.value)
    petition = services.request_review(actor=county_officer, petition=petition, requested_on=d("2026-03-25"),
                                       text="认为拖欠金额计算有误", today=d("2026-03-25"))
    assert petition.region_code == COUNTY and petition.review_due == d("2026-04-24")
    with pytest.raises(ValidationError) as no_opinion:
        services.decide_review(actor=county_officer, petition=petition, opinion="", decided_on=d("2026-04-10"),
                               today=d("2026-04-10"))
    assert "请填写复查意见" in str(no_opinion.value)
    petition = services.decide_review(actor=county_officer, petition=petition, opinion="维持原答复意见。",
                                      decided_on=d("2026-04-10"), today=d("2026-04-10"))
    assert petition.state == PetitionState.REVIEWED and petition.concluded_on == d("2026-04-10")
    petition = services.request_recheck(actor=city_admin, petition=petition, requested_on=d("2026-04-15"),
                                        text="仍不服", today=d("2026-04-15"))
    assert petition.region_code == CITY and petition.recheck_due == d("2026-05-15")
    petition = services.decide_recheck(actor=city_admin, petition=petition, opinion="维持复查意见。",
                                       decided_on=d("2026-05-06"), today=d("2026-05-06"))
    assert petition.state == PetitionState.RECHECKED and petition.concluded_on == d("2026-05-06")
    assert _events(petition)[-4:] == ["review_requested", "reviewed", "recheck_requested", "rechecked"]


def test_review_only_after_a_reply(heyuan, village_assistant, township_officer, county_officer):
    petition = accepted(village_assistant, township_officer, received_on=DAY, accepted_on=DAY)
    with pytest.raises(ValidationError) as refused:
        services.request_review(actor=county_officer, petition=petition, requested_on=DAY, text="不服", today=DAY)
    assert "不能请求复查（须已办结答复）" in str(refused.value)


def test_outsiders_are_refused_before_anything_is_read(heyuan, village_assistant, neighbour_village_assistant,
                                                       neighbour_county_officer):
    petition = make_petition(village_assistant, received_on=DAY)
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            services.forward_up(actor=outsider, petition=petition, level=Level.TOWNSHIP, today=DAY)
    petition.refresh_from_db()
    assert petition.region_code == VILLAGE
    assert AuditEntry.objects.filter(action="supervision.petitions.forward_up", outcome="denied").count() == 2
