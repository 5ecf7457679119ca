"""What the pages say agrees with what the part does (user walk-through #3, #4, #15): the subsidy's share is said as
the fraction it is computed with (三分之二（2/3）, not 67%), no developer marker reaches a page, the income band reads
最低工资标准1至2倍, the pages carry the 就业援助 › breadcrumb, an unverified registration shows its 村(社区)核实 form
before the subsidy, and the subsidy's page links to the recognition and to the person."""

from decimal import Decimal
from fractions import Fraction

from django.urls import reverse

from hrss.assistance.flexible import rules, services
from hrss.assistance.models import IncomeBand
from tests.assistance.flexible.conftest import register
from tests.conftest import TODAY


def test_the_share_said_is_the_share_paid():
    rule = rules.subsidy_rule(TODAY)
    assert rule.share == Fraction(2, 3) and rule.share_label == "三分之二（2/3）"
    # 800 paid for one month: two thirds is 533.33 (67% would be 536.00), under the monthly cap.
    assert rule.subsidy(Decimal("800.00"), 1) == Decimal("533.33")
    assert rule.subsidy(Decimal(900), 3) == Decimal("600.00")
    assert all("[" not in row.source for _day, row in rules.SUBSIDY)


def test_the_subsidy_page_says_two_thirds_hides_markers_and_links_the_recognition_and_the_person(
        client, running_subsidy, county_officer):
    client.force_login(county_officer)
    page = client.get(reverse("assistance:flexible-subsidy-detail", args=[running_subsidy.pk])).content.decode()
    assert "个人实缴社保费的三分之二（2/3）" in page
    assert "67%" not in page and "[believed]" not in page and "believed" not in page
    assert reverse("assistance:recognition-detail", args=[running_subsidy.recognition_id]) in page
    assert reverse("residents:person-detail", args=[running_subsidy.person_id]) in page
    assert f'<a href="{reverse("assistance:home")}">就业援助</a> ›' in page


def test_income_band_label_and_breadcrumbs(client, worker, village_assistant):
    assert IncomeBand.UP_TO_DOUBLE.label == "最低工资标准1至2倍"
    client.force_login(village_assistant)
    home = f'<a href="{reverse("assistance:home")}">就业援助</a> ›'
    for url in (reverse("assistance:flexible-ledger"), reverse("assistance:flexible-subsidies"),
                reverse("assistance:flexible-roll"), reverse("assistance:flexible-register", args=[worker.pk])):
        assert home in client.get(url).content.decode(), url


def test_an_unverified_registration_shows_the_verification_before_the_subsidy(client, worker, recognised,
                                                                               village_assistant):
    registration = register(village_assistant, worker)
    client.force_login(village_assistant)
    url = reverse("assistance:flexible-detail", args=[registration.pk])
    page = client.get(url).content.decode()
    assert "最低工资标准1至2倍" in page
    assert page.index('data-testid="verify"') < page.index('data-testid="subsidies"')
    services.verify_flexible(actor=village_assistant, registration=registration, verified_on=TODAY, note="核实")
    assert 'data-testid="verify"' not in client.get(url).content.decode()
