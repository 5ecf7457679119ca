"""The village's verification of a registration: the date, who and what was found; once; by the village's
assistant; the registrations still to verify are the assistant's pending work."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.flexible import pending, services
from tests.assistance.flexible.conftest import register
from tests.conftest import TODAY


def test_the_village_verifies_once(worker, village_assistant):
    registration = register(village_assistant, worker)
    [item] = pending.verification_due(village_assistant)
    assert item.count == 1
    verified = services.verify_flexible(actor=village_assistant, registration=registration, verified_on=TODAY,
                                        note="入户走访，确在送外卖")
    assert verified.verified_on == TODAY and verified.verified_by == village_assistant
    assert verified.verification_note == "入户走访，确在送外卖"
    assert pending.verification_due(village_assistant)[0].count == 0
    with pytest.raises(ValidationError, match="已于"):
        services.verify_flexible(actor=village_assistant, registration=verified, verified_on=TODAY, note="再次")


def test_a_verification_needs_a_date_within_the_registration_and_a_note(worker, village_assistant):
    registration = register(village_assistant, worker)
    with pytest.raises(ValidationError) as refused:
        services.verify_flexible(actor=village_assistant, registration=registration,
                                 verified_on=TODAY + datetime.timedelta(days=1), note="")
    assert "核实日期应在登记日期" in "".join(refused.value.messages)
    assert "请填写核实情况" in "".join(refused.value.messages)


def test_the_township_does_not_verify(worker, village_assistant, township_officer):
    registration = register(village_assistant, worker)
    with pytest.raises(PermissionDenied):
        services.verify_flexible(actor=township_officer, registration=registration, verified_on=TODAY, note="核实")
