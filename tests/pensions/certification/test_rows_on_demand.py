"""The rows of a campaign are made on demand, not at the start: the village's 认证名单 lists every subject as 待认证
and certifies from there; the county's figures count the subjects without a row as 待认证; a county's list asks for
a township or a village and writes nothing; making a region's rows twice, or at once from two requests, makes each
row once; the suspension run suspends those never listed; a death gives the dead their 已死亡 row; the person page
offers 办理认证; a neighbouring village with no subject still gets 404 on the county's campaign."""

import re
import threading

from django.db import connection

from hrss.accounts import services as account_services
from hrss.pensions.benefits import services as benefits_services
from hrss.pensions.certification import selectors, services
from hrss.pensions.models import Certification, CertificationState, Pension, PensionState
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE

from .conftest import DAY, YEAR

WINDOW = {"opens_on": TODAY - 5 * DAY, "closes_on": TODAY + 30 * DAY, "today": TODAY - 5 * DAY}


def test_the_village_lists_everyone_as_due_and_certifies_from_the_list(pensioner, retiree, start, client,
                                                                       village_assistant):
    pensioner("王大爷")
    pensioner("李大娘")
    retiree("陈国强")
    start(**WINDOW)
    assert not Certification.objects.exists()
    client.force_login(village_assistant)
    page = client.get("/pensions/certification/people/").content.decode()
    assert all(name in page for name in ("王大爷", "李大娘", "陈国强"))
    assert page.count("待认证</span>") == 3
    again = client.get("/pensions/certification/people/").content.decode()  # idempotent: the same list
    assert again.count("待认证</span>") == 3 and Certification.objects.count() == 3
    first = re.search(r'data-testid="certify-(\d+)"', page).group(1)
    done = client.post(f"/pensions/certification/certifications/{first}/certify/",
                       {"method": "visit", "on": TODAY.isoformat()})
    assert done.status_code == 302
    page = client.get("/pensions/certification/people/", {"state": "done"}).content.decode()
    assert "上门认证" in page and page.count("已认证</span>") == 1


def test_the_county_figures_count_those_without_a_row_as_due(pensioner, retiree, start, client, county_officer,
                                                              village_assistant, heyuan):
    certified = pensioner("王大爷")
    pensioner("李大娘")
    pensioner("公园老人", village=NEIGHBOUR_VILLAGE)
    retiree("陈国强")
    campaign = start(**WINDOW)
    client.force_login(county_officer)
    detail = client.get(f"/api/v1/pensions/certification-campaigns/{campaign.pk}",
                        headers={"Authorization": "Bearer " + _token(county_officer)}).json()
    assert (detail["subjects"], detail["figures"]["due"], detail["figures"]["waiting"]) == (4, 4, 4)
    township = next(child for child in detail["children"] if child["region_code"] == TOWNSHIP)
    assert township["waiting"] == 4
    # The village certifies one from its list (which gives the village's three their rows): still four due.
    assert services.ensure_rows(campaign, heyuan[VILLAGE]) == 3
    row = Certification.objects.get(pension=certified)
    services.certify(actor=village_assistant, certification=row, method="window", on=TODAY, today=TODAY)
    figures = selectors.campaign_figures(county_officer, campaign, heyuan[COUNTY])[2]
    assert (figures.due, figures.done, figures.waiting) == (4, 1, 3)
    page = client.get(f"/pensions/certification/{campaign.pk}/", {"region": TOWNSHIP}).content.decode()
    assert "公园社区" in page and "下城社区" in page
    statistics = selectors.figure_count(county_officer, heyuan[COUNTY], TODAY, "")
    assert statistics == 4 and selectors.figure_count(county_officer, heyuan[COUNTY], TODAY, "done") == 1


def test_the_county_s_list_asks_for_a_township_or_a_village_and_writes_nothing(pensioner, start, client,
                                                                                county_officer):
    pensioner("王大爷")
    start(**WINDOW)
    client.force_login(county_officer)
    page = client.get("/pensions/certification/people/").content.decode()
    assert "请点上表中的乡镇(街道)或村(社区)" in page and "王大爷" not in page
    assert "上城街道" in page  # the township's figures, a link to its list
    reminders = client.get("/pensions/certification/people/reminders/").content.decode()
    assert "请选择" in reminders and "上城街道" in reminders
    assert not Certification.objects.exists()
    township = client.get("/pensions/certification/people/", {"region": TOWNSHIP}).content.decode()
    assert "王大爷" in township and Certification.objects.count() == 1


def test_the_county_finds_one_person_by_name_or_id_number(pensioner, start, client, county_officer):
    """At the county's window, with the pensioner in front of them: the name or the ID number finds the person
    (their village's rows made), not the notice to pick a township."""
    wang = pensioner("王大爷")
    pensioner("公园老人", village=NEIGHBOUR_VILLAGE)
    start(**WINDOW)
    client.force_login(county_officer)
    for q in ("王大", wang.person.id_number):
        page = client.get("/pensions/certification/people/", {"q": q}).content.decode()
        assert "王大爷" in page and "公园老人" not in page and 'data-testid="choose-region"' not in page
    row = Certification.objects.get(pension=wang)
    assert row.state == CertificationState.DUE and f"/certifications/{row.pk}/certify/" in page
    assert not Certification.objects.filter(region_code=NEIGHBOUR_VILLAGE).exists()  # only where the person is


def test_the_api_lists_a_county_but_not_the_city_s_due(pensioner, start, client, county_officer, city_admin):
    pensioner("王大爷")
    start(**WINDOW)
    listed = client.get("/api/v1/pensions/certifications", headers={"Authorization": "Bearer " + _token(county_officer)})
    assert [row["name"] for row in listed.json()] == ["王大爷"]
    city = {"Authorization": "Bearer " + _token(city_admin)}
    refused = client.get("/api/v1/pensions/certifications", headers=city)
    assert refused.status_code == 422 and "请按县(区)、乡镇(街道)或村(社区)查询" in refused.json()["detail"]
    assert client.get("/api/v1/pensions/certifications", {"state": "done"}, headers=city).json() == []


def test_making_the_rows_twice_makes_each_once(pensioner, retiree, start, heyuan):
    pensioner("王大爷")
    retiree("陈国强")
    campaign = start()
    assert services.ensure_rows(campaign, heyuan[VILLAGE]) == 2
    assert services.ensure_rows(campaign, heyuan[VILLAGE]) == 0
    assert services.ensure_rows(campaign, heyuan[TOWNSHIP]) == 0
    assert services.ensure_rows(campaign, heyuan[NEIGHBOUR_VILLAGE]) == 0
    assert Certification.objects.count() == 2


def test_two_requests_making_the_rows_at_once(transactional_db, pensioner, retiree, start, heyuan):
    """The first request's rows are not committed when the second one looks for the missing: its INSERT waits on
    the unique index and then skips them (ON CONFLICT DO NOTHING) instead of failing. On SQLite the race cannot
    arise: one writer at a time holds the database (BEGIN IMMEDIATE, a 20 s busy wait: hrss.settings, and
    tests/core/test_sqlite_concurrency.py with processes on a file), so the second INSERT ... SELECT runs after the
    first has committed and finds its rows; the suite's in-memory SQLite cannot hold two writers, so there the
    test checks that setting and the rows made once."""
    from django.db import connections, transaction

    for index in range(5):
        pensioner(f"老人{index}")
    retiree("陈国强")
    campaign = start()
    if connection.vendor == "sqlite":
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert [services.ensure_rows(campaign, heyuan[VILLAGE]) for _ in range(2)] == [6, 0]
        assert Certification.objects.count() == 6
        return
    inserted, errors, first_done = {}, [], threading.Event()

    def first():
        try:
            with transaction.atomic():
                inserted["first"] = services.ensure_rows(campaign, heyuan[VILLAGE])
                first_done.set()
                threading.Event().wait(0.5)  # the second one starts while these rows are uncommitted
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
            first_done.set()
        finally:
            connections.close_all()

    def second():
        try:
            first_done.wait(5)
            inserted["second"] = services.ensure_rows(campaign, heyuan[VILLAGE])
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    assert inserted == {"first": 6, "second": 0}
    assert Certification.objects.count() == 6


def test_the_suspension_suspends_those_never_listed(pensioner, retiree, start, county_officer):
    late = pensioner("王大爷")
    retiree("陈国强")
    pensioner("公园老人", village=NEIGHBOUR_VILLAGE)
    campaign = start()
    assert not Certification.objects.exists()
    closes = campaign.closes_on
    assert services.suspend_uncertified(actor=county_officer, campaign=campaign, today=closes + DAY) == (2, 1, 0)
    assert Pension.objects.get(pk=late.pk).state == PensionState.SUSPENDED
    assert set(campaign.certifications.values_list("state", flat=True)) == {CertificationState.SUSPENDED}
    assert campaign.certifications.count() == 3
    # A pension paying from later on is not a subject of a campaign whose list was closed by the suspension.
    pensioner("新领取")
    campaign.refresh_from_db()
    assert selectors.subjects_seen(county_officer, campaign) == 3


def test_a_death_gives_the_dead_their_row(pensioner, start, village_assistant, county_officer, heyuan):
    dead = pensioner("去世")
    pensioner("健在")
    campaign = start(**WINDOW)
    benefits_services.report_death(actor=village_assistant, person=dead.person, died_on=TODAY - DAY, today=TODAY)
    (row,) = Certification.objects.all()
    assert (row.pension_id, row.state) == (dead.pk, CertificationState.DIED)
    figures = selectors.campaign_figures(county_officer, campaign, heyuan[COUNTY])[2]
    assert (figures.due, figures.waiting, figures.died) == (1, 1, 1)


def test_the_person_page_offers_to_certify(pensioner, start, client, village_assistant):
    pension = pensioner("王大爷")
    start(**WINDOW)
    client.force_login(village_assistant)
    page = client.get(f"/residents/{pension.person.pk}/").content.decode()
    row = Certification.objects.get(pension=pension)
    assert f"{YEAR}年度" in page and "待认证" in page
    link = f"/pensions/certification/certifications/{row.pk}/certify/?next=/residents/{pension.person.pk}/"
    assert link in page
    # Certified from there, the assistant is back on the person's page.
    form = client.get(link).content.decode()
    assert f'name="next" value="/residents/{pension.person.pk}/"' in form
    done = client.post(f"/pensions/certification/certifications/{row.pk}/certify/",
                       {"method": "visit", "on": TODAY.isoformat(), "next": f"/residents/{pension.person.pk}/"})
    assert done.status_code == 302 and done["Location"] == f"/residents/{pension.person.pk}/"


def test_a_neighbouring_village_sees_the_county_s_campaign_only_with_a_subject(pensioner, start, client,
                                                                              neighbour_village_assistant):
    pensioner("王大爷")
    campaign = start(**WINDOW)
    client.force_login(neighbour_village_assistant)
    assert client.get(f"/pensions/certification/{campaign.pk}/").status_code == 404
    assert "本区域还没有领取待遇资格认证活动" in client.get("/pensions/certification/people/").content.decode()
    pensioner("公园老人", village=NEIGHBOUR_VILLAGE)
    assert client.get(f"/pensions/certification/{campaign.pk}/").status_code == 200
    page = client.get("/pensions/certification/people/").content.decode()
    assert "公园老人" in page and "王大爷" not in page


def _token(user):
    return account_services.create_token(actor=None, user=user)
