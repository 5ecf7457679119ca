"""The comparison with the ledger (scan_households) opens a case for each urban 零就业家庭 of the ledger without one,
never a second, not for rural households, and clears an open case when a member is in work, on the day the
member's status started."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hrss.assistance.households import services
from hrss.assistance.models import HouseholdCaseStatus, ZeroEmploymentHousehold
from tests.assistance.households.conftest import RURAL, starts_work
from tests.conftest import TODAY, TOWNSHIP, VILLAGE


def test_the_scan_opens_a_case_for_each_urban_zero_employment_household(heyuan, family, township_officer):
    head, _spouse = family(VILLAGE)
    family(RURAL, ("村甲", "村乙"))
    working_head, _ = family(VILLAGE, ("就甲", "就乙"), status="employed")

    opened, cleared = services.scan_households(actor=township_officer, region=heyuan[TOWNSHIP])

    assert (opened, cleared) == (1, 0)
    case = ZeroEmploymentHousehold.objects.get()
    assert (case.household_id, case.found_on, case.source, case.status) == (head.household_id, TODAY, "ledger",
                                                                            "found")
    assert not ZeroEmploymentHousehold.objects.filter(household=working_head.household).exists()


def test_a_second_scan_opens_nothing_more(heyuan, family, township_officer):
    family(VILLAGE)
    services.scan_households(actor=township_officer, region=heyuan[TOWNSHIP])
    assert services.scan_households(actor=township_officer, region=heyuan[TOWNSHIP]) == (0, 0)
    assert ZeroEmploymentHousehold.objects.count() == 1


def test_the_scan_clears_a_case_on_the_day_the_member_started_work(heyuan, family, township_officer, city_admin):
    _head, spouse = family(VILLAGE)
    found_on = TODAY - datetime.timedelta(days=20)
    services.scan_households(actor=township_officer, region=heyuan[TOWNSHIP], today=found_on)
    started = TODAY - datetime.timedelta(days=5)
    starts_work(city_admin, spouse, started, status="employed")

    assert services.scan_households(actor=township_officer, region=heyuan[TOWNSHIP]) == (0, 1)

    case = ZeroEmploymentHousehold.objects.get()
    assert case.status == HouseholdCaseStatus.CLEARED
    assert (case.cleared_on, case.cleared_member_id, case.days_to_clear) == (started, spouse.pk, 15)
    assert case.cleared_by_scan


def test_work_started_before_the_case_was_found_clears_it_on_the_day_found(heyuan, family, township_officer,
                                                                           city_admin):
    _head, spouse = family(VILLAGE)
    found_on = TODAY - datetime.timedelta(days=10)
    services.scan_households(actor=township_officer, region=heyuan[TOWNSHIP], today=found_on)
    starts_work(city_admin, spouse, TODAY - datetime.timedelta(days=30))  # entered late, back-dated

    services.scan_households(actor=township_officer, region=heyuan[TOWNSHIP])

    case = ZeroEmploymentHousehold.objects.get()
    assert (case.cleared_on, case.days_to_clear) == (found_on, 0)


def test_a_village_assistant_does_not_start_the_scan(heyuan, family, village_assistant):
    from django.core.exceptions import PermissionDenied

    family(VILLAGE)
    with pytest.raises(PermissionDenied):
        services.scan_households(actor=village_assistant, region=heyuan[VILLAGE])
    assert not ZeroEmploymentHousehold.objects.exists()


def test_the_command_scans_township_by_township(heyuan, family, county_officer, capsys):
    family(VILLAGE)
    call_command("scan-zero-employment", "--as", county_officer.username)
    assert "新发现零就业家庭1户" in capsys.readouterr().out
    assert ZeroEmploymentHousehold.objects.get().found_by == county_officer


def test_the_command_refuses_a_region_outside_the_accounts_scope(heyuan, township_officer):
    with pytest.raises(CommandError, match="不在"):
        call_command("scan-zero-employment", "--as", township_officer.username, "--region", "441621000000")
