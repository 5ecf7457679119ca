"""Courses and enrolment: the course's rules, places not exceeded, nobody enrolled twice, no enrolment after the
course ended, people only of the officer's scope; an enrolment names the open wish it answers."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.jobservices.codes import complete_uscc
from hrss.jobservices.models import Course, Enrolment
from hrss.jobservices.training import services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP
from tests.jobservices.training.conftest import RURAL_VILLAGE


def test_a_course_is_created_by_an_office_of_its_region(make_course, county_officer):
    course = make_course()
    assert (course.region_code, course.kind, course.free, course.fee) == (TOWNSHIP, "skills", True, 0)


@pytest.mark.parametrize(("fields", "message"), [
    ({"ends_on": TODAY - datetime.timedelta(days=1)}, "结业日期不能早于开班日期"),
    ({"free": True, "fee": 300}, "免费培训不能收费"),
    ({"free": False, "fee": 0}, "请填写每人收费金额"),
    ({"kind": "cooking"}, "请选择培训类型"),
    ({"occupation_code": "4-98"}, "职业分类大典中没有代码"),
    ({"provider_code": "91441602MA4UXXXX0Y"}, "培训机构统一社会信用代码有误：第"),
])
def test_a_course_with_bad_fields_is_refused(make_course, fields, message):
    with pytest.raises(ValidationError) as error:
        make_course(**fields)
    assert message in " ".join(error.value.messages)
    assert not Course.objects.exists()


def test_a_valid_provider_code_is_kept(make_course):
    code = complete_uscc("91441602MA4U00000")
    assert make_course(provider_code=code.lower()).provider_code == code


def test_a_village_assistant_does_not_create_courses(make_course, village_assistant):
    with pytest.raises(PermissionDenied):
        make_course(actor=village_assistant, region_code=village_assistant.region.code)


def test_an_officer_of_another_county_cannot_create_a_course_here(make_course, neighbour_county_officer):
    with pytest.raises(PermissionDenied):
        make_course(actor=neighbour_county_officer)


def test_enrolment_names_the_wish_it_answers(make_course, person, county_officer, village_assistant):
    services.record_training_wish(actor=village_assistant, person=person, occupation_code="4-03", kind="syb")
    wish = services.record_training_wish(actor=village_assistant, person=person, occupation_code="4-03",
                                         kind="skills")
    enrolment = services.enrol(actor=county_officer, course=make_course(), person=person)
    assert (enrolment.wish, enrolment.region_code, enrolment.enrolled_on) == (wish, person.region_code, TODAY)


def test_places_are_not_exceeded(make_course, resident, county_officer):
    course = make_course(places=2)
    first, second, third = resident(name="甲"), resident(name="乙"), resident(name="丙")
    services.enrol(actor=county_officer, course=course, person=first)
    services.enrol(actor=county_officer, course=course, person=second)
    with pytest.raises(ValidationError, match="名额（2人）已满"):
        services.enrol(actor=county_officer, course=course, person=third)
    # A trainee who drops out frees the place.
    services.drop(actor=county_officer, enrolment=Enrolment.objects.get(person=first), reason="外出务工")
    services.enrol(actor=county_officer, course=course, person=third)


def test_nobody_is_enrolled_twice(make_course, person, county_officer):
    course = make_course()
    services.enrol(actor=county_officer, course=course, person=person)
    with pytest.raises(ValidationError, match="已报名该培训班"):
        services.enrol(actor=county_officer, course=course, person=person)


def test_an_ended_course_takes_no_enrolment(ended_course, person, county_officer):
    with pytest.raises(ValidationError, match="已于 .* 结业，不能再报名"):
        services.enrol(actor=county_officer, course=ended_course, person=person)
    # On its last day it still does.
    services.enrol(actor=county_officer, course=ended_course, person=person, today=ended_course.ends_on)


def test_the_person_must_be_in_the_officers_scope(make_course, resident, township_officer, county_officer,
                                                  neighbour_village_assistant):
    course = make_course(actor=township_officer)
    neighbour = resident(name="公园社区人", village=NEIGHBOUR_VILLAGE, actor=neighbour_village_assistant)
    services.enrol(actor=township_officer, course=course, person=neighbour)  # the same township: in scope
    far = resident(name="东埔人", village=RURAL_VILLAGE, actor=county_officer)  # another township of the county
    with pytest.raises(PermissionDenied):
        services.enrol(actor=township_officer, course=course, person=far)
    assert list(Enrolment.objects.values_list("person__name", flat=True)) == ["公园社区人"]


def test_an_officer_of_another_county_cannot_enrol_into_this_course(make_course, person, neighbour_county_officer):
    course = make_course()
    with pytest.raises(PermissionDenied):
        services.enrol(actor=neighbour_county_officer, course=course, person=person)
    assert not Enrolment.objects.exists()


def test_a_village_assistant_does_not_enrol(make_course, person, village_assistant):
    with pytest.raises(PermissionDenied):
        services.enrol(actor=village_assistant, course=make_course(), person=person)


def test_the_enrol_page_finds_the_person_by_id_number(make_course, person, county_officer, client):
    course = make_course()
    client.force_login(county_officer)
    response = client.post(f"/jobservices/training/courses/{course.pk}/enrol/", {"id_number": person.id_number},
                           follow=True)
    assert "已报名" in response.content.decode()
    assert Enrolment.objects.get().person == person
    page = client.get(f"/jobservices/training/courses/{course.pk}/").content.decode()
    assert "已报名 1 / 20" in page and person.name in page
