"""A post's changes are audited; its headcount may not fall below the people it holds, nor its opening move past a
placement's start."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.posts import services
from hrss.core.models import AuditEntry
from tests.assistance.posts.conftest import recognise, register
from tests.conftest import TODAY, login


def _edit(post, **changes):
    data = {"unit_name": post.unit_name, "unit_kind": post.unit_kind, "title": post.title, "headcount": post.headcount,
            "open_from": post.open_from, "status": post.status, "post_subsidy": post.post_subsidy,
            "insurance_subsidy": post.insurance_subsidy}
    return {**data, **changes}


def test_the_amounts_change_and_the_audit_says_what(post, village_assistant):
    services.update_post(actor=village_assistant, post=post, **_edit(post, post_subsidy=Decimal("1800")))
    post.refresh_from_db()
    assert post.post_subsidy == Decimal("1800.00")
    entry = AuditEntry.objects.filter(action="assistance.post.updated").get()
    assert entry.after == {"post_post_subsidy": "1800.00"}


def test_the_headcount_stays_at_least_the_people_in_the_post(post, person, village_assistant):
    other = register(village_assistant, "冯第二", serial=27)
    recognise(other, village_assistant)
    for someone in (person, other):
        services.place_person(actor=village_assistant, post=post, person=someone, started_on=TODAY)
    with pytest.raises(ValidationError, match="现有2人在岗，岗位人数不能少于2人"):
        services.update_post(actor=village_assistant, post=post, **_edit(post, headcount=1))
    services.update_post(actor=village_assistant, post=post, **_edit(post, headcount=3))


def test_the_opening_may_not_pass_a_start(post, person, village_assistant):
    services.place_person(actor=village_assistant, post=post, person=person,
                          started_on=TODAY - datetime.timedelta(days=3))
    with pytest.raises(ValidationError, match="开发日期不能晚于该日"):
        services.update_post(actor=village_assistant, post=post, **_edit(post, open_from=TODAY))


def test_the_edit_page_saves(client, post, village_assistant):
    login(client, village_assistant)
    assert client.get(f"/assistance/posts/{post.pk}/edit/").status_code == 200
    response = client.post(f"/assistance/posts/{post.pk}/edit/", {
        **_edit(post, title="公共设施维护员"), "open_from": f"{post.open_from:%Y-%m-%d}"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "公共设施维护员"
