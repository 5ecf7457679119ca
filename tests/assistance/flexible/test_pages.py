"""The flexible pages as each role sees them: the registration form, the registration's page with its verification
and subsidy application, the 灵活就业台账 with its filters and .xlsx, the subsidy's page with its moves and a period,
the quarter's roll and its .xlsx, the person page's panel, the area's statistics figures, the home page's pending
work."""

import datetime
import io

import openpyxl
from django.urls import reverse

from hrss.assistance.models import FlexibleRegistration, FlexibleSubsidy
from hrss.core.pending import pending_work_for
from tests.assistance.flexible.conftest import register
from tests.conftest import TODAY, VILLAGE


def login(client, user):
    client.force_login(user)
    return client


def test_registration_verification_and_the_subsidy_through_the_pages(client, worker, recognised, village_assistant,
                                                                      township_reviewer, county_officer):
    login(client, village_assistant)
    url = reverse("assistance:flexible-register", args=[worker.pk])
    assert "灵活就业人员登记" in client.get(url).content.decode()
    response = client.post(url, {"form": "hourly", "work": "家政服务", "place": "下城社区",
                                 "started_on": (TODAY - datetime.timedelta(days=1)).isoformat(),
                                 "income_band": "below_minimum", "pays_insurance": "on"})
    registration = FlexibleRegistration.objects.get()
    assert response.status_code == 302 and response.url == reverse("assistance:flexible-detail", args=[registration.pk])
    refused = client.post(url, {"form": "hourly", "work": "家政服务", "place": "下城社区",
                                "started_on": TODAY.isoformat(), "income_band": "below_minimum"})
    assert "已有有效的灵活就业登记" in refused.content.decode()
    page = client.get(reverse("assistance:flexible-detail", args=[registration.pk])).content.decode()
    assert "待核实" in page and "尚未经村(社区)核实" in page
    client.post(reverse("assistance:flexible-verify", args=[registration.pk]),
                {"verified_on": TODAY.isoformat(), "note": "入户核实"})
    response = client.post(reverse("assistance:flexible-subsidy-apply", args=[registration.pk]), {"note": "齐全"})
    subsidy = FlexibleSubsidy.objects.get()
    assert response.url == reverse("assistance:flexible-subsidy-detail", args=[subsidy.pk])
    for actor, action in ((township_reviewer, "forward"), (county_officer, "approve")):
        login(client, actor)
        subsidy.case.refresh_from_db()
        assert client.get(reverse("assistance:flexible-subsidies")).content.decode().count("刘灵活") >= 1
        moved = client.post(reverse("assistance:flexible-subsidy-act", args=[subsidy.pk]),
                            {"action": action, "version": subsidy.case.version})
        assert moved.status_code == 302
    year, quarter = TODAY.year, (TODAY.month - 1) // 3 + 1
    response = client.post(reverse("assistance:flexible-subsidy-period", args=[subsidy.pk]),
                           {"year": year, "quarter": quarter, "months": "1", "paid_amount": "450"})
    assert response.status_code == 302
    detail = client.get(reverse("assistance:flexible-subsidy-detail", args=[subsidy.pk])).content.decode()
    assert "300.00" in detail
    roll = client.get(reverse("assistance:flexible-roll"), {"region": VILLAGE, "year": year, "quarter": quarter})
    assert "刘灵活" in roll.content.decode() and "补贴合计 300.00 元" in roll.content.decode()
    export = client.get(reverse("assistance:flexible-roll-export"), {"region": VILLAGE, "year": year,
                                                                      "quarter": quarter})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    assert sheet.cell(2, 1).value == "刘灵活"


def test_the_ledger_filters_and_exports(client, worker, make_person, village_assistant, county_officer):
    register(village_assistant, worker)
    other = make_person("摊主", serial=351)
    register(village_assistant, other, form="vendor", pays_insurance=False)
    login(client, county_officer)
    page = client.get(reverse("assistance:flexible-ledger"), {"form": "vendor"}).content.decode()
    assert "摊主" in page and "刘灵活" not in page
    page = client.get(reverse("assistance:flexible-ledger"), {"insured": "yes", "region": VILLAGE}).content.decode()
    assert "刘灵活" in page and "摊主" not in page
    export = client.get(reverse("assistance:flexible-ledger-export"), {"state": "unverified"})
    rows = list(openpyxl.load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[0][0] == "姓名" and sorted(row[0] for row in rows[1:]) == sorted(["刘灵活", "摊主"])


def test_the_panel_the_figures_and_the_pending_work(client, worker, village_assistant, county_officer):
    login(client, village_assistant)
    person_page = client.get(reverse("residents:person-detail", args=[worker.pk])).content.decode()
    assert 'data-testid="flexible-panel"' in person_page and "灵活就业登记" in person_page
    register(village_assistant, worker)
    labels = [item.title for item in pending_work_for(village_assistant)]
    assert "待核实的灵活就业登记" in labels
    login(client, county_officer)
    statistics = client.get(reverse("assistance:statistics"), {"region": VILLAGE}).content.decode()
    assert "灵活就业登记人数（有效）" in statistics
