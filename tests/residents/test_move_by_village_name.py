"""迁往其他村(社区): the village is picked by its name from the villages of the user's scope, not typed as a code."""

import datetime

from django.test import Client

from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE
from tests.residents.test_ledger_views import zhang  # noqa: F401  (the person fixture, 张三 of 下城社区)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def move_form(html, pk):
    form = html[html.index(f'action="/residents/{pk}/move/"'):]
    return form[:form.index("</form>")]


def test_the_move_form_offers_the_villages_by_name(zhang, township_officer):  # noqa: F811
    form = move_form(client_for(township_officer).get(f"/residents/{zhang.pk}/").content.decode(), zhang.pk)
    assert f'<option value="公园社区（上城街道） {NEIGHBOUR_VILLAGE}">' in form
    assert "data-region-picker" in form


def test_a_township_officer_moves_a_person_by_the_villages_name(zhang, township_officer):  # noqa: F811
    page = client_for(township_officer).post(f"/residents/{zhang.pk}/move/", {
        "to_village": "公园社区", "effective_date": TODAY.isoformat()}, follow=True).content.decode()
    assert "已迁入公园社区" in page
    zhang.refresh_from_db()
    assert zhang.region_code == NEIGHBOUR_VILLAGE


def test_an_unknown_name_is_explained_and_what_was_typed_stays(zhang, township_officer):  # noqa: F811
    day = TODAY - datetime.timedelta(days=3)
    response = client_for(township_officer).post(f"/residents/{zhang.pk}/move/", {
        "to_village": "不存在村", "effective_date": day.isoformat()})
    page = response.content.decode()
    assert "未迁移：" in page and "没有名称为“不存在村”的村(社区)" in page
    form = move_form(page, zhang.pk)
    assert 'value="不存在村"' in form and f'value="{day.isoformat()}"' in form
    zhang.refresh_from_db()
    assert zhang.region_code == VILLAGE
