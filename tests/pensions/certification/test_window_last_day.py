"""The last day of the window: suspension is refused on closes_on and allowed from the day after; a pension still due
is suspended through benefits from the month after the window, a retiree still due is marked suspended; someone
certified on the last day (or after it, before the run) is left paying."""

import pytest
from django.core.exceptions import ValidationError

from hrss.pensions.certification import services
from hrss.pensions.models import CertificationCampaign, CertificationState, Pension, PensionState
from tests.conftest import NEIGHBOUR_VILLAGE

from .conftest import CLOSES, DAY, YEAR, certification_of


def test_refused_on_the_last_day_allowed_the_day_after(pensioner, retiree, start, county_officer):
    late, kept = pensioner("王大爷"), retiree("陈国强")
    campaign = start()
    with pytest.raises(ValidationError, match=f"{CLOSES:%Y-%m-%d}（含当天）结束"):
        services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES)
    assert Pension.objects.get(pk=late.pk).state == PensionState.PAYING
    assert services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY) == (1, 1, 0)
    late.refresh_from_db()
    assert late.state == PensionState.SUSPENDED
    assert (late.suspended_from.year, late.suspended_from.month) == (YEAR, 7)  # the month after the window
    assert late.suspend_reason == "未按期认证"
    assert certification_of(campaign, late).state == CertificationState.SUSPENDED
    assert certification_of(campaign, kept).state == CertificationState.SUSPENDED  # reported to the paying body
    assert CertificationCampaign.objects.get().suspensions_done_on == CLOSES + DAY


def test_certified_on_the_last_day_is_not_suspended(pensioner, start, county_officer, village_assistant):
    on_time, after, late = pensioner("王大爷"), pensioner("李大娘"), pensioner("赵大爷")
    campaign = start()
    services.certify(actor=village_assistant, certification=certification_of(campaign, on_time), method="window",
                     on=CLOSES, today=CLOSES)
    # After the window, before the suspension is run: certified, nothing to resume.
    services.certify(actor=village_assistant, certification=certification_of(campaign, after), method="visit",
                     on=CLOSES + DAY, today=CLOSES + 2 * DAY)
    assert services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + 3 * DAY) == (1, 0, 0)
    states = {p.person.name: p.state for p in Pension.objects.select_related("person")}
    assert states == {"王大爷": PensionState.PAYING, "李大娘": PensionState.PAYING, "赵大爷": PensionState.SUSPENDED}
    assert certification_of(campaign, on_time).state == CertificationState.CERTIFIED
    assert certification_of(campaign, late).state == CertificationState.SUSPENDED


def test_run_once(pensioner, start, county_officer):
    pensioner("王大爷")
    campaign = start()
    services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY)
    campaign.refresh_from_db()
    with pytest.raises(ValidationError, match="已于.*暂停过"):
        services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + 2 * DAY)


def test_a_pension_no_longer_paying_is_left_as_it_is(pensioner, start, county_officer):
    listed, unlisted = pensioner("王大爷"), pensioner("李大娘", village=NEIGHBOUR_VILLAGE)
    campaign = start()
    assert certification_of(campaign, listed).state == CertificationState.DUE  # the village's list was opened
    Pension.objects.filter(pk__in=[listed.pk, unlisted.pk]).update(state=PensionState.STOPPED)
    # On the list when it stopped: left as it is, noted. Stopped before any list showed it: no longer a subject.
    assert services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY) == (0, 0, 1)
    assert certification_of(campaign, listed).state == CertificationState.DUE
    assert not campaign.certifications.filter(pension=unlisted).exists()
    assert set(Pension.objects.values_list("state", flat=True)) == {PensionState.STOPPED}
