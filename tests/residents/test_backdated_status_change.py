"""A status change dated before the current status goes into the history and the page says so; the history reads
by date; a refused change keeps what was typed."""

import datetime
import re

from django.test import Client

from hrss.residents import services
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY
from tests.residents.test_ledger_views import zhang  # noqa: F401  (the person fixture)

LATER = TODAY - datetime.timedelta(days=10)
EARLIER = TODAY - datetime.timedelta(days=40)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_change_older_than_the_current_status_says_the_current_one_stays(zhang, village_assistant):  # noqa: F811
    services.record_status_change(actor=village_assistant, person=zhang, status=LabourStatus.OTHER,
                                  effective_date=LATER)
    page = client_for(village_assistant).post(f"/residents/{zhang.pk}/status/", {
        "status": "migrant", "detail": "out_of_province", "effective_date": EARLIER.isoformat()},
        follow=True).content.decode()
    assert (f"已记录 {EARLIER:%Y-%m-%d} 起的转移就业（省外）；当前状态仍为 {LATER:%Y-%m-%d} 起的其他"
            in page)
    badge = re.search(r'data-testid="current-status">([^<]*)<', page).group(1)
    assert badge == "其他"
    # The history reads by date, newest first, whatever order the entries were made in.
    timeline = re.search(r'data-testid="timeline">(.*?)</ol>', page, re.S).group(1)
    dates = re.findall(r"<strong>(\d{4}-\d\d-\d\d)</strong> 起", timeline)
    assert dates == sorted(dates, reverse=True) and dates[:2] == [f"{LATER:%Y-%m-%d}", f"{EARLIER:%Y-%m-%d}"]


def test_a_change_that_becomes_current_says_so_plainly(zhang, village_assistant):  # noqa: F811
    page = client_for(village_assistant).post(f"/residents/{zhang.pk}/status/", {
        "status": "other", "effective_date": LATER.isoformat()}, follow=True).content.decode()
    assert f"已记录 {LATER:%Y-%m-%d} 起的其他。" in page and "当前状态仍为" not in page


def test_a_refused_change_keeps_what_was_typed(zhang, village_assistant):  # noqa: F811
    response = client_for(village_assistant).post(f"/residents/{zhang.pk}/status/", {
        "status": "migrant", "detail": "", "effective_date": EARLIER.isoformat(), "note": "去深圳打工"})
    page = response.content.decode()
    assert "未保存：转移就业须注明去向" in page
    form = page[page.index(f'action="/residents/{zhang.pk}/status/"'):]
    form = form[:form.index("</form>")]
    assert re.search(r'<option value="migrant" selected>', form)
    assert f'value="{EARLIER.isoformat()}"' in form and 'value="去深圳打工"' in form
    assert zhang.status_events.count() == 1
