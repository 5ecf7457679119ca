"""改期或更正招聘会: the host's office changes name, day, place; a day already come stays for a fair with visitors,
and a new day must suit every vacancy offered there."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.guidance import services
from tests.conftest import TODAY, TOWNSHIP, login

DAY = datetime.timedelta(days=1)


@pytest.fixture
def fair(township_officer):
    return services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="春季招聘会", held_on=TODAY + 5 * DAY,
                              place="广场", today=TODAY)


def update(actor, fair, **overrides):
    values = {"name": fair.name, "held_on": fair.held_on, "place": fair.place, "today": TODAY, **overrides}
    return services.update_fair(actor=actor, fair=fair, **values)


def test_the_host_postpones_it_and_the_audit_says_from_when_to_when(township_officer, fair):
    update(township_officer, fair, held_on=TODAY + 12 * DAY)
    fair.refresh_from_db()
    assert fair.held_on == TODAY + 12 * DAY
    entry = AuditEntry.objects.get(action="jobservices.fair.updated")
    assert entry.before == {"held_on": (TODAY + 5 * DAY).isoformat()}
    assert entry.after == {"held_on": (TODAY + 12 * DAY).isoformat()}


def test_a_new_day_outside_an_offered_vacancys_dates_is_refused(township_officer, fair, make_vacancy):
    services.add_fair_vacancy(actor=township_officer, fair=fair, vacancy=make_vacancy(closes_on=TODAY + 10 * DAY))
    update(township_officer, fair, held_on=TODAY + 10 * DAY)
    with pytest.raises(ValidationError, match="不在招聘期内"):
        update(township_officer, fair, held_on=TODAY + 11 * DAY)


def test_a_fair_with_visitors_is_not_moved_to_a_day_to_come(township_officer, person):
    held = services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="已举办", held_on=TODAY,
                              today=TODAY)
    services.record_attendance(actor=township_officer, fair=held, person=person, today=TODAY)
    with pytest.raises(ValidationError, match="不能改到今天以后"):
        update(township_officer, held, held_on=TODAY + DAY)
    update(township_officer, held, held_on=TODAY - DAY)  # a wrong day corrected to the past: allowed


def test_another_township_cannot_and_a_cancelled_fair_is_not_changed(make_user, township_officer, fair):
    from hrss.core.permissions import Role
    from tests.conftest import NEIGHBOUR_TOWNSHIP

    other = make_user("olga", NEIGHBOUR_TOWNSHIP, Role.TOWNSHIP_OFFICER)
    with pytest.raises(PermissionDenied):
        update(other, fair, name="改名")
    services.cancel_fair(actor=township_officer, fair=fair, reason="暴雨", today=TODAY)
    with pytest.raises(ValidationError, match="已取消"):
        update(township_officer, fair, name="改名")


def test_the_page_changes_the_place(client, township_officer, fair):
    login(client, township_officer)
    response = client.post(f"/jobservices/fairs/{fair.pk}/edit/", {
        "name": fair.name, "held_on": fair.held_on.isoformat(), "place": "街道体育馆"})
    assert response.status_code == 302
    assert "街道体育馆" in client.get(f"/jobservices/fairs/{fair.pk}/").content.decode()
