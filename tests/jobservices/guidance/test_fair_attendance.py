"""Who came to a fair: registered visitors of the actor's scope and a head count of walk-ins, from the fair's day
on; a fair is cancelled only before anyone came."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.jobservices.guidance import services
from hrss.jobservices.models import FairAttendance
from tests.conftest import TODAY, TOWNSHIP, login
from tests.residents.factories import make_id_number

DAY = datetime.timedelta(days=1)


@pytest.fixture
def make_fair(township_officer):
    def make(held_on=TODAY):
        return services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="上城街道招聘会",
                                  held_on=held_on, today=TODAY)

    return make


def test_a_person_is_registered_on_the_fairs_day_not_the_day_before(township_officer, make_fair, person):
    fair = make_fair(held_on=TODAY + DAY)
    with pytest.raises(ValidationError, match="才举办"):
        services.record_attendance(actor=township_officer, fair=fair, person=person, today=TODAY)
    services.record_attendance(actor=township_officer, fair=fair, person=person, today=TODAY + DAY)
    attendance = FairAttendance.objects.get()
    assert (attendance.person, attendance.region_code) == (person, person.region_code)


def test_a_person_is_registered_once(township_officer, make_fair, person):
    fair = make_fair()
    services.record_attendance(actor=township_officer, fair=fair, person=person, today=TODAY)
    with pytest.raises(ValidationError, match="已登记参加"):
        services.record_attendance(actor=township_officer, fair=fair, person=person, today=TODAY)


def test_only_people_of_the_actors_scope(county_officer, neighbour_county_officer, make_fair, person):
    fair = make_fair()
    with pytest.raises(PermissionDenied):
        services.record_attendance(actor=neighbour_county_officer, fair=fair, person=person, today=TODAY)
    services.record_attendance(actor=county_officer, fair=fair, person=person, today=TODAY)  # the county holds both


def test_the_walk_in_count_is_set_from_the_fairs_day(township_officer, make_fair, api):
    upcoming, held = make_fair(held_on=TODAY + DAY), make_fair(held_on=TODAY)
    with pytest.raises(ValidationError, match="才举办"):
        services.set_visitor_count(actor=township_officer, fair=upcoming, walk_in_count=10, today=TODAY)
    with pytest.raises(ValidationError, match="0或正整数"):
        services.set_visitor_count(actor=township_officer, fair=held, walk_in_count=-1, today=TODAY)
    services.set_visitor_count(actor=township_officer, fair=held, walk_in_count=120, today=TODAY)
    assert api(township_officer).get(f"/api/v1/job-fairs/{held.pk}").json()["visitors"] == 120


def test_the_page_registers_a_visitor_by_id_number(client, township_officer, make_fair, person):
    fair = make_fair()
    login(client, township_officer)
    client.post(f"/jobservices/fairs/{fair.pk}/attendance/", {"id_number": person.id_number})
    client.post(f"/jobservices/fairs/{fair.pk}/visitors/", {"walk_in_count": "30"})
    page = client.get(f"/jobservices/fairs/{fair.pk}/").content.decode()
    assert "张三" in page and "31（1 + 30）" in page
    stranger = make_id_number(birth=datetime.date(1999, 1, 1), sequence=99)
    unknown = client.post(f"/jobservices/fairs/{fair.pk}/attendance/", {"id_number": stranger}, follow=True)
    assert "没有这个公民身份号码的人员" in unknown.content.decode()
    assert FairAttendance.objects.count() == 1


def test_a_fair_is_cancelled_before_anyone_came_not_after(township_officer, make_fair, person, make_vacancy):
    upcoming = make_fair(held_on=TODAY + DAY)
    services.cancel_fair(actor=township_officer, fair=upcoming, reason="场地不能使用", today=TODAY)
    upcoming.refresh_from_db()
    assert upcoming.cancelled_on == TODAY and upcoming.cancel_reason == "场地不能使用"
    with pytest.raises(ValidationError, match="已取消"):
        services.add_fair_vacancy(actor=township_officer, fair=upcoming, vacancy=make_vacancy())
    held = make_fair()
    services.record_attendance(actor=township_officer, fair=held, person=person, today=TODAY)
    with pytest.raises(ValidationError, match="已有参会记录"):
        services.cancel_fair(actor=township_officer, fair=held, reason="改期", today=TODAY)


def test_a_cancellation_says_why(township_officer, make_fair):
    with pytest.raises(ValidationError, match="取消原因"):
        services.cancel_fair(actor=township_officer, fair=make_fair(held_on=TODAY + DAY), reason=" ", today=TODAY)
