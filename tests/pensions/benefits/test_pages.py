"""The benefits pages: the application page shows the calculation, the pension page the calculation and the decide
card, the roll per county with its .xlsx (IDs masked, 签名 column), the ledger and its .xlsx, the person panel,
the death report; neighbours get 404."""

import io

import openpyxl
import pytest
from django.urls import reverse

from hrss.pensions.benefits import services
from hrss.pensions.models import PensionState
from tests.conftest import TODAY, login
from tests.pensions.benefits.conftest import THIS_MONTH


def _sheet(response):
    return list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_application_page_shows_the_calculation_and_takes_it_in(client, pensioner, village_assistant):
    login(client, village_assistant)
    url = reverse("pensions:benefits-apply", args=[pensioner.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "÷ 139" in page.content.decode() and "符合领取条件" in page.content.decode()
    taken = client.post(url)
    assert taken.status_code == 302
    assert pensioner.pensions.get().state == PensionState.IN_REVIEW


def test_the_pension_page_shows_the_calculation_on_the_decide_card(client, pensioner, village_assistant,
                                                                  township_officer):
    pension = services.apply(actor=village_assistant, person=pensioner, today=TODAY)
    login(client, township_officer)
    page = client.get(reverse("pensions:benefits-detail", args=[pension.pk])).content.decode()
    assert 'data-testid="calc-card"' in page and "÷ 139" in page and "审核通过，报县审批" in page
    moved = client.post(reverse("pensions:benefits-act", args=[pension.pk]),
                        {"action": "forward", "version": pension.case.version})
    assert moved.status_code == 302
    pension.case.refresh_from_db()
    assert pension.case.step == "county_approval"


def test_the_roll_page_makes_and_exports_the_roll(client, paying, county_officer):
    login(client, county_officer)
    made = client.post(reverse("pensions:benefits-roll-make"), {"region": "441602000000",
                                                                 "month": f"{THIS_MONTH:%Y-%m}"})
    assert made.status_code == 302
    page = client.get(reverse("pensions:benefits-roll"), {"month": f"{THIS_MONTH:%Y-%m}"}).content.decode()
    assert paying.person.name in page and paying.person.masked_id_number in page
    rows = _sheet(client.get(reverse("pensions:benefits-roll-export"), {"month": f"{THIS_MONTH:%Y-%m}"}))
    assert "社保卡号" in rows[0][0]
    assert rows[1][-1] == "签名" and rows[1][4] == "社保卡号"
    assert rows[2][3] == paying.person.masked_id_number
    assert rows[2][4] in (None, "")  # no card yet
    assert rows[-1][0] == "合计"


def test_the_roll_export_gives_the_standing_cards_number(client, paying, county_officer):
    from hrss.pensions.models import CardApplication
    CardApplication.objects.create(person=paying.person, region_code=paying.region_code, state="made",
                                   applied_on=TODAY, photo_type="image/jpeg", id_seen=True,
                                   card_number="A12345678", created_by=county_officer)
    services.make_roll(actor=county_officer, county_code="441602", month=TODAY, today=TODAY)
    login(client, county_officer)
    rows = _sheet(client.get(reverse("pensions:benefits-roll-export"), {"month": f"{THIS_MONTH:%Y-%m}"}))
    assert rows[2][4] == "A12345678" and rows[2][3] == paying.person.masked_id_number


def test_a_bad_month_is_said_in_chinese(client, county_officer, heyuan):
    login(client, county_officer)
    page = client.get(reverse("pensions:benefits-roll"), {"month": "2026-13"})
    assert page.status_code == 400 and "不是有效的月份" in page.content.decode()


def test_the_ledger_lists_and_exports_with_masked_ids(client, paying, county_officer):
    login(client, county_officer)
    page = client.get(reverse("pensions:benefits-list"), {"state": "paying"}).content.decode()
    assert paying.person.name in page
    rows = _sheet(client.get(reverse("pensions:benefits-export"), {"state": "paying"}))
    assert rows[1][1] == paying.person.name and rows[1][2] == paying.person.masked_id_number


def test_the_person_page_shows_the_pension(client, paying, village_assistant):
    login(client, village_assistant)
    page = client.get(reverse("residents:person-detail", args=[paying.person.pk])).content.decode()
    assert 'data-testid="pension-panel"' in page and "÷ 139" in page and "正常发放" in page


def test_the_death_report_page(client, paying, village_assistant):
    login(client, village_assistant)
    url = reverse("pensions:benefits-death-report", args=[paying.person.pk])
    assert "将终止发放" in client.get(url).content.decode()
    assert client.post(url, {"died_on": TODAY.isoformat()}).status_code == 302
    paying.refresh_from_db()
    assert paying.state == PensionState.STOPPED


@pytest.mark.parametrize("outsider", ["neighbour_village_assistant", "neighbour_county_officer"])
def test_neighbours_get_404(client, paying, outsider, request):
    login(client, request.getfixturevalue(outsider))
    for name, args in [("pensions:benefits-detail", [paying.pk]), ("pensions:benefits-apply", [paying.person.pk]),
                       ("pensions:benefits-death-report", [paying.person.pk])]:
        assert client.get(reverse(name, args=args)).status_code == 404
    assert client.post(reverse("pensions:benefits-act", args=[paying.pk]),
                       {"action": "forward", "version": 1}).status_code == 404
    assert client.get(reverse("pensions:benefits-roll"), {"region": "441602000000"}).status_code == 404
    assert paying.person.name not in client.get(reverse("pensions:benefits-list")).content.decode()
