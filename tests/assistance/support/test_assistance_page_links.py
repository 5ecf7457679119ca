"""The person's assistance page links onward (user #8): to the person, to the recognition (认定编号 as a link), to a
running public-welfare placement; a recognised person without a plan gets a "制定援助计划" call to action (also on the
person page's panel). The ledger's 就业 column says how the person is in work (user #15)."""

import datetime

from django.test import Client

from hrss.assistance.models import Placement, WelfarePost
from hrss.assistance.support import services
from hrss.residents.models import Person
from tests.conftest import TODAY, VILLAGE

DAY = datetime.timedelta(days=1)


def page(user, path):
    client = Client()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def place(recognition, actor):
    post = WelfarePost.objects.create(region_code=VILLAGE, unit_name="下城社区居委会", unit_kind="village_committee",
                                      title="社区保洁员", headcount=1, post_subsidy=1000, insurance_subsidy=500,
                                      open_from=TODAY - 30 * DAY, created_by=actor)
    return Placement.objects.create(post=post, recognition=recognition, person=recognition.person,
                                    region_code=VILLAGE, started_on=TODAY - 5 * DAY,
                                    subsidy_until=TODAY + 365 * DAY, placed_by=actor)


def test_the_page_links_to_the_person_the_recognition_and_the_placement(recognition, village_assistant):
    text = page(village_assistant, f"/assistance/support/{recognition.pk}/")
    assert f'href="/residents/{recognition.person_id}/"' in text
    assert f'href="/assistance/recognition/{recognition.pk}/" data-testid="support-recognition-link">{recognition.number}' \
        in text
    assert 'data-testid="support-placement"' not in text
    placement = place(recognition, village_assistant)
    text = page(village_assistant, f"/assistance/support/{recognition.pk}/")
    assert f'href="/assistance/posts/placements/{placement.pk}/"' in text and "社区保洁员" in text
    assert "公益性岗位" in page(village_assistant, "/assistance/support/ledger/")


def test_a_recognised_person_without_a_plan_is_offered_one(recognition, village_assistant, province_viewer):
    cta = f'href="/assistance/support/{recognition.pk}/plan/">制定援助计划</a>'
    assert cta in page(village_assistant, f"/assistance/support/{recognition.pk}/")
    assert cta in page(village_assistant, f"/residents/{recognition.person_id}/")
    assert cta not in page(province_viewer, f"/assistance/support/{recognition.pk}/")  # reads only
    services.save_plan(actor=village_assistant, recognition=recognition, items=["guidance"],
                       responsible=village_assistant, target_on=TODAY + 30 * DAY)
    assert cta not in page(village_assistant, f"/assistance/support/{recognition.pk}/")
    assert cta not in page(village_assistant, f"/residents/{recognition.person_id}/")


def test_the_ledger_says_how_the_person_works(recognition, village_assistant):
    Person.objects.filter(pk=recognition.person_id).update(labour_status="employed")
    assert "<td class=\"small\">单位就业</td>" in page(village_assistant, "/assistance/support/ledger/")
