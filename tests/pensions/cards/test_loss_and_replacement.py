"""A card in the person's hands may be reported lost; the person then applies again, a replacement (补领) that
refers to the lost card. A renewal (换领) cancels the card it replaces."""

import pytest
from django.core.exceptions import ValidationError

from hrss.pensions.cards import services
from hrss.pensions.models import CardApplication
from tests.conftest import TODAY

from .conftest import DAY, apply


def test_loss_then_replacement(arrived, village_assistant):
    with pytest.raises(ValidationError) as refused:
        services.report_loss(actor=village_assistant, application=arrived, on=TODAY, today=TODAY)
    assert refused.value.messages == ["该社保卡现为“已到达网点”，只有已领取或已激活的卡可以挂失。"]
    services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name,
                       on=TODAY - 5 * DAY, today=TODAY)
    with pytest.raises(ValidationError, match="挂失日期.*早于领取日期"):
        services.report_loss(actor=village_assistant, application=arrived, on=TODAY - 6 * DAY, today=TODAY)
    services.report_loss(actor=village_assistant, application=arrived, on=TODAY - DAY, today=TODAY)
    arrived.refresh_from_db()
    assert (arrived.state, arrived.lost_on) == ("lost", TODAY - DAY)

    replacement = apply(village_assistant, arrived.person)
    assert (replacement.reason, replacement.replaces_id) == ("replacement", arrived.pk)
    assert CardApplication.objects.filter(person=arrived.person).count() == 2
    with pytest.raises(ValidationError, match="已有社保卡申领"):
        apply(village_assistant, arrived.person)  # the replacement stands now


def test_an_active_card_can_be_lost(arrived, village_assistant):
    services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name, on=TODAY,
                       today=TODAY)
    services.activate(actor=village_assistant, application=arrived, on=TODAY, today=TODAY)
    services.report_loss(actor=village_assistant, application=arrived, on=TODAY, today=TODAY)
    assert CardApplication.objects.get(pk=arrived.pk).state == "lost"


def test_renewal_cancels_the_card_in_hand_and_only_such_a_card(arrived, village_assistant, person):
    with pytest.raises(ValidationError, match="不能重复申领"):
        apply(village_assistant, person, renewal=True)  # the card has not been handed over yet
    services.hand_over(actor=village_assistant, application=arrived, received_by=person.name, on=TODAY, today=TODAY)
    renewal = apply(village_assistant, person, renewal=True)
    arrived.refresh_from_db()
    assert (renewal.reason, renewal.replaces_id) == ("renewal", arrived.pk)
    assert (arrived.state, arrived.cancelled_on, arrived.note) == ("cancelled", TODAY, "换领注销")


def test_renewal_without_a_card(person, village_assistant):
    with pytest.raises(ValidationError) as refused:
        apply(village_assistant, person, renewal=True)
    assert refused.value.messages == [f"{person.name}没有已领取的社保卡，不能换领；请办理首次申领或补领。"]
