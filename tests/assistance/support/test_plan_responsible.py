"""The plan form's 责任人 (user #15): the current user by default; only handling staff of the person's village, its
township and its county; the city's only when none of those has one."""

from django.test import Client

from hrss.assistance.support import selectors


def plan_form(user, recognition):
    client = Client()
    client.force_login(user)
    response = client.get(f"/assistance/support/{recognition.pk}/plan/")
    assert response.status_code == 200
    return response.context["form"], response.content.decode()


def test_the_current_user_is_the_default_and_only_local_staff_are_listed(
        recognition, village_assistant, township_officer, county_officer, city_admin, neighbour_village_assistant):
    form, page = plan_form(village_assistant, recognition)
    choices = {pk for pk, _label in form.fields["responsible"].choices if pk}
    assert village_assistant.pk in choices and township_officer.pk in choices and county_officer.pk in choices
    assert city_admin.pk not in choices and neighbour_village_assistant.pk not in choices
    assert f'<option value="{village_assistant.pk}" selected>' in page
    form, page = plan_form(county_officer, recognition)
    assert f'<option value="{county_officer.pk}" selected>' in page


def test_the_city_is_offered_when_nothing_nearer_handles(recognition, village_assistant, city_admin):
    village_assistant.is_active = False  # the only handling account of the village, township and county here
    village_assistant.save(update_fields=["is_active"])
    assert selectors.responsible_choices(recognition) == [city_admin]
