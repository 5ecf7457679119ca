"""The person page's 就业援助 panel (plan and last visits), the visits page by month, and the hub links."""

import datetime

from django.test import Client
from django.urls import reverse

from hrss.assistance.support import services
from tests.conftest import TODAY


def test_the_person_page_shows_the_plan_and_the_last_visits(recognition, village_assistant,
                                                             neighbour_village_assistant):
    services.save_plan(actor=village_assistant, recognition=recognition, items=["placement"],
                       responsible=village_assistant, target_on=TODAY + datetime.timedelta(days=30))
    services.record_visit(actor=village_assistant, recognition=recognition, visited_on=TODAY, way="home",
                          outcome="本人愿意去超市上班")
    client = Client()
    client.force_login(village_assistant)
    page = client.get(reverse("residents:person-detail", args=[recognition.person_id])).content.decode()
    assert 'data-testid="support-panel"' in page
    assert "职业介绍/岗位推荐" in page and "本人愿意去超市上班" in page


def test_no_panel_for_a_person_never_recognised(heyuan, village_assistant, person):
    client = Client()
    client.force_login(village_assistant)
    page = client.get(reverse("residents:person-detail", args=[person.pk])).content.decode()
    assert 'data-testid="support-panel"' not in page


def test_the_visits_page_shows_a_month(recognition, village_assistant):
    services.record_visit(actor=village_assistant, recognition=recognition, visited_on=TODAY, way="home",
                          outcome="本月的走访")
    client = Client()
    client.force_login(village_assistant)
    page = client.get("/assistance/support/visits/").content.decode()
    assert "本月的走访" in page and "<td>alice</td>" in page  # who went: the staff member's name
    earlier = recognition.recognised_on
    other_month = f"{earlier.year}-{earlier.month:02d}" if (earlier.year, earlier.month) != (TODAY.year, TODAY.month) \
        else "2000-01"
    assert "本月的走访" not in client.get("/assistance/support/visits/", {"month": other_month}).content.decode()
    assert "本月的走访" in client.get("/assistance/support/visits/", {"month": "all"}).content.decode()
    home = client.get("/assistance/").content.decode()
    assert "就业援助台账" in home and "/assistance/support/ledger/" in home


def test_the_detail_page_links_to_referring(recognition, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    page = client.get(f"/assistance/support/{recognition.pk}/").content.decode()
    assert f"/jobservices/seekers/new/{recognition.person_id}/" in page and "办理求职登记后推荐" in page
