"""A death reported through the benefits part closes the person's open certifications (已死亡: out of the due list,
the figures' due, the reminders and the suspension run); a move within the city takes the open certifications to
the new village for a retiree (the retiree record moves), and leaves a pension's with the pension. Certifications
already done stay as they were."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import Region
from hrss.pensions.benefits import services as benefits_services
from hrss.pensions.certification import selectors, services
from hrss.pensions.models import Certification, CertificationState
from hrss.residents import services as residents_services
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, NEIGHBOUR_COUNTY_VILLAGE, NEIGHBOUR_VILLAGE, VILLAGE
from tests.pensions.certification.conftest import CLOSES, DAY, OPENS, YEAR, certification_of


def _report_death(actor, person, died_on, today):
    benefits_services.report_death(actor=actor, person=person, died_on=died_on, today=today)


def test_a_death_closes_the_due_certification_and_the_figures_show_it(pensioner, retiree, start, county_officer,
                                                                      village_assistant):
    dead, living = pensioner("去世"), pensioner("健在")
    retiree("退休工人")
    campaign = start()
    _report_death(village_assistant, dead.person, OPENS + 9 * DAY, OPENS + 10 * DAY)
    closed = certification_of(campaign, dead)
    assert closed.state == CertificationState.DIED and closed.get_state_display() == "已死亡"
    assert str(OPENS + 9 * DAY) in closed.note
    assert certification_of(campaign, living).state == CertificationState.DUE
    due = selectors.certifications(county_officer, Region.objects.get(code=COUNTY), YEAR, state="due")
    assert {c.person.name for c in due} == {"健在", "退休工人"}
    figures = selectors.figures_of(campaign.certifications.all())
    assert (figures.due, figures.waiting, figures.died) == (2, 2, 1)
    died = selectors.certifications(county_officer, Region.objects.get(code=COUNTY), YEAR, state="died")
    assert [c.person.name for c in died] == ["去世"]
    # The suspension run leaves the dead alone: only the living are suspended.
    assert services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY) == (1, 1, 0)
    assert certification_of(campaign, dead).state == CertificationState.DIED
    with pytest.raises(ValidationError, match="已死亡"):
        services.certify(actor=village_assistant, certification=certification_of(campaign, dead), method="visit",
                         on=CLOSES + DAY, today=CLOSES + DAY)


def test_a_death_after_the_suspension_closes_the_suspended_one(pensioner, start, county_officer,
                                                             village_assistant):
    pension = pensioner("停发后去世")
    campaign = start()
    services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY)
    assert certification_of(campaign, pension).state == CertificationState.SUSPENDED
    _report_death(village_assistant, pension.person, CLOSES + 2 * DAY, CLOSES + 3 * DAY)
    assert certification_of(campaign, pension).state == CertificationState.DIED


def test_a_certification_done_stays_done_at_a_death(pensioner, start, village_assistant):
    pension = pensioner("认证后去世")
    campaign = start()
    services.certify(actor=village_assistant, certification=certification_of(campaign, pension), method="window",
                     on=OPENS + DAY, today=OPENS + DAY)
    _report_death(village_assistant, pension.person, OPENS + 5 * DAY, OPENS + 6 * DAY)
    certification = certification_of(campaign, pension)
    assert (certification.state, certification.method) == (CertificationState.CERTIFIED, "window")


def test_a_retiree_s_death_closes_their_certification(retiree, start, county_officer, village_assistant):
    worker = retiree("退休去世")
    campaign = start()
    _report_death(village_assistant, worker.person, OPENS + DAY, OPENS + 2 * DAY)
    assert certification_of(campaign, worker).state == CertificationState.DIED
    assert services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY) == (0, 0, 0)


def test_a_move_within_the_county_takes_a_retiree_s_open_certification_along(retiree, start, township_officer,
                                                                            village_assistant,
                                                                            neighbour_village_assistant, heyuan):
    moving, done = retiree("搬家"), retiree("认证后搬家")
    campaign = start()
    services.certify(actor=village_assistant, certification=certification_of(campaign, done), method="visit",
                     on=OPENS + DAY, today=OPENS + DAY)
    moving_row = certification_of(campaign, moving)
    for person in (moving.person, done.person):
        residents_services.move_person(actor=township_officer, person=person, to_village=heyuan[NEIGHBOUR_VILLAGE])
    moved = Certification.objects.get(pk=moving_row.pk)
    assert (moved.region_code, moved.state) == (NEIGHBOUR_VILLAGE, CertificationState.DUE)
    assert certification_of(campaign, done).region_code == VILLAGE  # done in the old village, stays there
    neighbours = selectors.certifications(neighbour_village_assistant, heyuan[NEIGHBOUR_VILLAGE], YEAR, state="due")
    assert [c.person.name for c in neighbours] == ["搬家"]
    assert not selectors.certifications(village_assistant, heyuan[VILLAGE], YEAR, state="due").exists()
    services.certify(actor=neighbour_village_assistant, certification=moved, method="window", on=OPENS + 2 * DAY,
                     today=OPENS + 2 * DAY)
    with pytest.raises(PermissionDenied):  # the old village's scope no longer holds it
        services.certify(actor=village_assistant, certification=Certification.objects.get(pk=moving_row.pk),
                         method="visit", on=OPENS + 3 * DAY, today=OPENS + 3 * DAY)


def test_a_pension_s_certification_stays_with_the_pension_when_its_person_moves(
        pensioner, start, township_officer, village_assistant, county_officer, city_admin, heyuan):
    """The pension is paid where it is: its village certifies it, and after a suspension its certification resumes
    it (a certification moved away would be certified by a village that may not resume the pension)."""
    pension = pensioner("搬走")
    campaign = start()
    row = certification_of(campaign, pension)
    services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY)
    residents_services.move_person(actor=city_admin, person=pension.person,
                                   to_village=Region.objects.get(code=NEIGHBOUR_COUNTY_VILLAGE))
    row = Certification.objects.get(pk=row.pk)
    assert (row.region_code, row.state) == (VILLAGE, CertificationState.SUSPENDED)
    services.certify(actor=village_assistant, certification=row, method="relative", relative_name="搬走之子",
                     relation="儿子", on=CLOSES + 3 * DAY, today=CLOSES + 3 * DAY)
    assert Certification.objects.get(pk=row.pk).state == CertificationState.RESUMED


def test_a_retiree_moving_to_another_county_is_certified_in_that_county_s_campaign(
        retiree, start, city_admin, heyuan):
    moving = retiree("跨县搬家")
    campaign = start()
    row = certification_of(campaign, moving)
    residents_services.move_person(actor=city_admin, person=moving.person,
                                   to_village=Region.objects.get(code=NEIGHBOUR_COUNTY_VILLAGE))
    assert not Certification.objects.filter(pk=row.pk).exists()  # nothing was done on it: the old list lets go
    moving.refresh_from_db()
    assert moving.region_code == NEIGHBOUR_COUNTY_VILLAGE
    other = services.start_campaign(actor=city_admin, region=Region.objects.get(code=NEIGHBOUR_COUNTY), year=YEAR,
                                    opens_on=OPENS, closes_on=CLOSES, today=OPENS)
    there = certification_of(other, moving)
    assert (there.region_code, there.state) == (NEIGHBOUR_COUNTY_VILLAGE, CertificationState.DUE)
