"""The seekers part's pages as an officer uses them: the ledger and its .xlsx, 求职登记 from a person, the seeker's
page with the best vacancies and a 推荐 link each, a vacancy's seekers, and the registered unemployed without one."""

import io

import openpyxl
from django.urls import reverse

from hrss.employment import services as employment_services
from hrss.employment.models import Standing
from hrss.jobservices.models import JobSeeker
from tests.conftest import TODAY


def test_the_ledger_lists_the_seekers_and_downloads_them(client, make_seeker, village_assistant,
                                                         neighbour_village_assistant):
    make_seeker(name="赵六", not_selective=True)
    client.force_login(village_assistant)
    page = client.get(reverse("jobservices:seekers-list")).content.decode()
    assert "赵六" in page and "4-02-06-01 仓储管理员" in page
    download = client.get(reverse("jobservices:seekers-export"))
    workbook = openpyxl.load_workbook(io.BytesIO(download.content))
    cells = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "赵六" in cells and "是" in cells
    client.force_login(neighbour_village_assistant)
    assert "赵六" not in client.get(reverse("jobservices:seekers-list")).content.decode()


def test_a_seeker_is_registered_from_the_persons_page(client, person_born, village_assistant):
    person = person_born(name="钱七", wanted_occupation="仓储管理员")
    client.force_login(village_assistant)
    person_page = client.get(reverse("residents:person-detail", args=[person.pk])).content.decode()
    assert reverse("jobservices:seekers-new", args=[person.pk]) in person_page
    form = client.get(reverse("jobservices:seekers-new", args=[person.pk])).content.decode()
    assert 'value="4-02-06-01"' in form  # the ledger's wish, named exactly as the 大典 names it
    response = client.post(reverse("jobservices:seekers-new", args=[person.pk]), {
        "occupations": "4-02-06-01, 6-01", "mobility": "city", "not_selective": "on", "wage_min": "3000"})
    seeker = JobSeeker.objects.get(person=person)
    assert response.status_code == 302 and response.url == reverse("jobservices:seekers-detail", args=[seeker.pk])
    assert list(seeker.wanted.values_list("occupation_code", flat=True)) == ["4-02-06-01", "6-01"]
    again = client.post(reverse("jobservices:seekers-new", args=[person.pk]), {
        "occupations": "6", "mobility": "city"}).content.decode()
    assert "不能重复登记" in again


def test_the_seekers_page_shows_the_best_vacancies_with_reasons_and_a_referral_link(client, make_seeker,
                                                                                    make_vacancy, village_assistant):
    seeker = make_seeker()
    vacancy = make_vacancy(title="仓储主管")
    client.force_login(village_assistant)
    page = client.get(reverse("jobservices:seekers-detail", args=[seeker.pk])).content.decode()
    assert "仓储主管" in page and "工作地点在本村(社区)" in page
    assert f"seeker={seeker.pk}&amp;vacancy={vacancy.pk}" in page


def test_a_vacancys_seekers_page(client, make_seeker, make_vacancy, township_officer):
    make_seeker(name="孙八")
    vacancy = make_vacancy()
    client.force_login(township_officer)
    page = client.get(reverse("jobservices:seekers-vacancy-matches", args=[vacancy.pk])).content.decode()
    assert "孙八" in page and "意向职业与岗位同属细类" in page


def test_the_registered_unemployed_without_a_registration_are_listed(client, person_born, village_assistant):
    person = person_born(name="周九")
    registration = employment_services.apply_for_unemployment_registration(
        actor=village_assistant, person=person, category="graduate", wants_work=True, able_to_work=True,
        documents=["id_card"], today=TODAY)
    registration.standing, registration.registered_on = Standing.REGISTERED, TODAY  # the chain is tested elsewhere
    registration.save()
    client.force_login(village_assistant)
    page = client.get(reverse("jobservices:seekers-from-unemployment")).content.decode()
    assert "周九" in page and reverse("jobservices:seekers-new", args=[person.pk]) in page
    assert "登记失业但未求职登记：1 人" in client.get(reverse("jobservices:seekers-list")).content.decode()


def test_places_and_occupations_are_named_not_coded(client, make_seeker, make_vacancy, township_officer):
    """The ledger's place column and a match's place and occupation read as names (源城区 上城街道 下城社区 is
    441602001003)."""
    seeker = make_seeker(name="周九")
    make_vacancy(title="仓储主管")
    client.force_login(township_officer)
    ledger = client.get(reverse("jobservices:seekers-list")).content.decode()
    row = ledger[ledger.index("周九"):]
    assert "下城社区" in row[:600]
    matches = client.get(reverse("jobservices:seekers-detail", args=[seeker.pk])).content.decode()
    listed = matches[matches.index('data-testid="matches"'):]
    assert "下城社区" in listed and ">441602001003<" not in listed and "仓储管理员" in listed
