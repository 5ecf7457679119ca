"""After the intake: a tier change among the tiers in force, termination with its reason and day, transfer out of
the city, the enrolment following its person's move within the city, and the steps benefits takes (drawing, death)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hrss.core.models import AuditEntry, Region
from hrss.pensions.enrolment import selectors, services
from hrss.pensions.models import Enrolment
from hrss.residents import services as residents_services
from tests.conftest import TODAY
from tests.pensions.enrolment.conftest import enrol, make_person

DAY = datetime.timedelta(days=1)


def test_a_tier_change_is_kept_and_audited(enrolled, village_assistant):
    services.change_tier(actor=village_assistant, enrolment=enrolled, tier="4800", today=TODAY)
    enrolled.refresh_from_db()
    assert enrolled.tier == Decimal("4800")
    entry = AuditEntry.objects.get(action="pensions.enrolment.tier_changed")
    assert entry.after == {"enrolment_tier": "4800"} or str(entry.after["enrolment_tier"]) == "4800"


def test_a_tier_not_in_force_is_refused(enrolled, village_assistant):
    with pytest.raises(ValidationError, match="不在"):
        services.change_tier(actor=village_assistant, enrolment=enrolled, tier="100", today=TODAY)
    with pytest.raises(ValidationError, match="无需变更"):
        services.change_tier(actor=village_assistant, enrolment=enrolled, tier=enrolled.tier, today=TODAY)


def test_termination_needs_a_reason_and_a_day_within_the_enrolment(enrolled, village_assistant):
    with pytest.raises(ValidationError) as error:
        services.terminate(actor=village_assistant, enrolment=enrolled, reason="other", on=TODAY + DAY, today=TODAY)
    assert any("请填写说明" in m for m in error.value.messages) and any("终止日期" in m for m in error.value.messages)
    with pytest.raises(ValidationError, match="转出"):
        services.terminate(actor=village_assistant, enrolment=enrolled, reason="transferred", on=TODAY, today=TODAY)
    services.terminate(actor=village_assistant, enrolment=enrolled, reason="employees_scheme", on=TODAY, today=TODAY)
    enrolled.refresh_from_db()
    assert enrolled.state == "terminated" and enrolled.ended_on == TODAY and enrolled.end_reason == "employees_scheme"
    assert selectors.standing_enrolment(enrolled.person) is None


def test_after_termination_the_person_may_enrol_again(enrolled, resident, village_assistant):
    services.terminate(actor=village_assistant, enrolment=enrolled, reason="other", note="本人申请", on=TODAY,
                       today=TODAY)
    assert enrol(village_assistant, resident).state == "active"


def test_transfer_out_of_the_city(enrolled, village_assistant):
    with pytest.raises(ValidationError, match="转往何地"):
        services.transfer_out(actor=village_assistant, enrolment=enrolled, on=TODAY, destination_note=" ",
                              today=TODAY)
    services.transfer_out(actor=village_assistant, enrolment=enrolled, on=TODAY, destination_note="广州市白云区",
                          today=TODAY)
    enrolled.refresh_from_db()
    assert enrolled.state == "transferred" and enrolled.end_reason == "transferred"
    assert enrolled.end_note == "广州市白云区"


def test_a_move_within_the_city_takes_the_enrolment_along(enrolled, resident, township_officer):
    ended = enrol(township_officer, make_person(township_officer, serial=420))
    services.terminate(actor=township_officer, enrolment=ended, reason="other", note="x", on=TODAY, today=TODAY)
    other = Region.objects.get(code="441602001006")  # 公园社区, same township
    residents_services.move_person(actor=township_officer, person=resident, to_village=other)
    enrolled.refresh_from_db()
    assert enrolled.region_code == other.code
    ended.refresh_from_db()
    assert ended.region_code == "441602001003"  # an ended enrolment stays where it was


def test_drawing_and_death_are_steps_for_benefits(enrolled, village_assistant):
    services.mark_drawing(enrolment=enrolled, on=TODAY)
    enrolled.refresh_from_db()
    assert enrolled.state == "drawing"
    with pytest.raises(ValidationError, match="领取养老金"):
        services.terminate(actor=village_assistant, enrolment=enrolled, reason="death", on=TODAY, today=TODAY)
    services.end_for_death(enrolment=enrolled, died_on=TODAY - DAY)
    enrolled.refresh_from_db()
    assert (enrolled.state, enrolled.ended_on, enrolled.end_reason) == ("terminated", TODAY - DAY, "death")
    services.end_for_death(enrolment=enrolled, died_on=TODAY)  # already ended: unchanged
    enrolled.refresh_from_db()
    assert enrolled.ended_on == TODAY - DAY


def test_a_pending_enrolment_cannot_start_drawing(resident, village_assistant):
    pending = enrol(village_assistant, resident, documents=["id_card"])
    with pytest.raises(ValidationError, match="参保缴费中"):
        services.mark_drawing(enrolment=pending, on=TODAY)
    assert Enrolment.objects.get(pk=pending.pk).state == "pending"
