"""Lowering the headcount to the hires fills the vacancy (as the last hire does); a closed vacancy's refusal reads
right."""

import pytest
from django.core.exceptions import ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.employers import services
from hrss.jobservices.models import VacancyStatus
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_lowering_the_headcount_to_the_hires_fills_the_vacancy(village_assistant, vacancy):
    services.take_place(vacancy=vacancy, today=TODAY)  # headcount 2, hired 1
    changed = services.update_vacancy(actor=village_assistant, vacancy=vacancy, headcount=1, today=TODAY)
    assert (changed.status, changed.hired, changed.headcount, changed.closed_on) == (
        VacancyStatus.FILLED, 1, 1, TODAY)
    entry = AuditEntry.objects.get(action="jobservices.vacancy.updated")
    assert entry.after["status"] == VacancyStatus.FILLED and entry.before["status"] == VacancyStatus.OPEN


def test_a_headcount_above_the_hires_keeps_it_open(village_assistant, vacancy):
    services.take_place(vacancy=vacancy, today=TODAY)
    changed = services.update_vacancy(actor=village_assistant, vacancy=vacancy, headcount=3, today=TODAY)
    assert changed.status == VacancyStatus.OPEN and changed.closed_on is None


def test_a_closed_vacancy_says_so_once(village_assistant, vacancy):
    services.close_vacancy(actor=village_assistant, vacancy=vacancy, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.update_vacancy(actor=village_assistant, vacancy=vacancy, headcount=5, today=TODAY)
    assert refused.value.messages == ["岗位已关闭，不能再修改。"]
    with pytest.raises(ValidationError) as refused:
        services.close_vacancy(actor=village_assistant, vacancy=vacancy, today=TODAY)
    assert refused.value.messages == ["岗位已关闭，无需关闭。"]
