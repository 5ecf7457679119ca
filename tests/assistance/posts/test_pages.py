"""The posts' pages for a village assistant: a post registered with the defaults in force, placing from the post's
page and from the person's, the end of a placement, the lists with their filters, the person panel, the pending
work and the statistics' figures."""

import datetime

import pytest
from django.urls import reverse

from hrss.assistance.models import Placement, WelfarePost
from hrss.assistance.posts import rules, services
from hrss.core.dates import add_months
from hrss.core.pending import pending_work_for
from tests.conftest import TODAY, VILLAGE, login


def test_a_post_gets_the_amounts_in_force_when_none_are_typed(client, village_assistant, heyuan):
    login(client, village_assistant)
    response = client.post("/assistance/posts/new/", {
        "region": VILLAGE, "unit_name": "下城社区居民委员会", "unit_kind": "village_committee", "title": "社区保洁员",
        "headcount": "2", "open_from": f"{TODAY:%Y-%m-%d}"})
    post = WelfarePost.objects.get()
    assert response.status_code == 302
    assert (post.post_subsidy, post.insurance_subsidy) == rules.default_amounts(TODAY)


def test_a_bad_post_is_refused_with_reasons(client, village_assistant, heyuan):
    login(client, village_assistant)
    page = client.post("/assistance/posts/new/", {
        "region": VILLAGE, "unit_name": "某单位", "unit_kind": "other", "unit_code": "ABC", "title": "岗位",
        "headcount": "1", "open_from": f"{TODAY:%Y-%m-%d}", "occupation_code": "9-99-99-99"}).content.decode()
    assert "统一社会信用代码应为18位" in page and "不在职业分类大典中" in page
    assert not WelfarePost.objects.exists()


def test_placing_from_the_post_page(client, village_assistant, post, person):
    login(client, village_assistant)
    page = client.get(f"/assistance/posts/{post.pk}/").content.decode()
    assert "李援助" in page  # offered in the form
    response = client.post(f"/assistance/posts/{post.pk}/place/", {"person": person.pk,
                                                                  "started_on": f"{TODAY:%Y-%m-%d}"})
    placement = Placement.objects.get()
    assert response.status_code == 302 and response.url == f"/assistance/posts/placements/{placement.pk}/"


def test_placing_from_the_person_page(client, village_assistant, post, person):
    login(client, village_assistant)
    panel = client.get(reverse("residents:person-detail", args=[person.pk])).content.decode()
    assert f"/assistance/posts/place/{person.pk}/" in panel
    response = client.post(f"/assistance/posts/place/{person.pk}/", {"post": post.pk,
                                                                    "started_on": f"{TODAY:%Y-%m-%d}"})
    assert response.status_code == 302
    assert "社区保洁员" in client.get(reverse("residents:person-detail", args=[person.pk])).content.decode()


def test_a_refused_placement_says_why_on_the_page(client, village_assistant, post, person):
    login(client, village_assistant)
    page = client.post(f"/assistance/posts/place/{person.pk}/", {
        "post": post.pk, "started_on": f"{TODAY + datetime.timedelta(days=1):%Y-%m-%d}"}).content.decode()
    assert "上岗日期不能晚于今天" in page


def test_ending_a_placement_on_its_page(client, village_assistant, post, person):
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    login(client, village_assistant)
    response = client.post(f"/assistance/posts/placements/{placement.pk}/end/", {
        "ended_on": f"{TODAY:%Y-%m-%d}", "reason": "resigned"})
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.end_reason == "resigned"


def test_lists_filter_and_export(client, village_assistant, post, person):
    services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    login(client, village_assistant)
    assert "李援助" in client.get("/assistance/posts/placements/", {"state": "active"}).content.decode()
    assert "李援助" not in client.get("/assistance/posts/placements/", {"state": "ended"}).content.decode()
    assert "社区保洁员" in client.get("/assistance/posts/", {"state": "vacant"}).content.decode()
    assert client.get("/assistance/posts.xlsx").status_code == 200
    assert client.get("/assistance/posts/placements.xlsx").status_code == 200


def test_a_subsidy_ending_within_30_days_is_pending_work(village_assistant, post, person):
    start = add_months(TODAY, -35).replace(day=1)
    from hrss.assistance.models import Recognition

    Recognition.objects.filter(person=person).update(recognised_on=start)
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=start)
    assert (placement.subsidy_until - TODAY).days <= rules.ENDING_SOON_DAYS
    titles = {item.title: item.count for item in pending_work_for(village_assistant)}
    assert titles["公益性岗位补贴30天内到期的人员"] == 1


@pytest.mark.parametrize("label", ["公益性岗位在岗人数", "公益性岗位空余岗位", "本月公益性岗位补贴人数"])
def test_the_statistics_page_shows_the_figures(client, county_officer, village_assistant, post, person, label):
    services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    login(client, county_officer)
    page = client.get("/assistance/statistics/").content.decode()
    assert label in page


def test_the_figures_count_in_the_region(village_assistant, county_officer, post, person, heyuan):
    from hrss.assistance.posts import selectors
    from hrss.core.models import Region

    services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    village = Region.objects.get(code=VILLAGE)
    assert selectors.holding_count(county_officer, village, TODAY) == 1
    assert selectors.vacancy_count(county_officer, village, TODAY) == 1
    assert selectors.subsidised_count(county_officer, village, TODAY) == 1


def test_the_pages_show_a_placement_to_the_county(client, county_officer, village_assistant, post, person):
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    login(client, county_officer)
    for path in (f"/assistance/posts/{post.pk}/", f"/assistance/posts/placements/{placement.pk}/",
                 "/assistance/posts/placements/", "/assistance/posts/roll/"):
        page = client.get(path).content.decode()
        assert "李援助" in page, path
    assert "登记离岗" in client.get(f"/assistance/posts/placements/{placement.pk}/").content.decode()


def test_the_placement_page_links_to_the_recognition_and_the_person(client, village_assistant, post, person):
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    login(client, village_assistant)
    page = client.get(reverse("assistance:posts-placement-detail", args=[placement.pk])).content.decode()
    assert reverse("assistance:recognition-detail", args=[placement.recognition_id]) in page
    assert placement.recognition.number in page
    assert reverse("residents:person-detail", args=[person.pk]) in page


def test_no_developer_marker_in_the_place_form(client, village_assistant, post, person):
    login(client, village_assistant)
    page = client.get(f"/assistance/posts/place/{person.pk}/").content.decode()
    assert "[believed]" not in page and "believed" not in page
    assert "财社〔2017〕164号，依据待核实" in page
