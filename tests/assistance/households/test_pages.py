"""The pages: the list (open cases with their days, filters, the ledger's count not yet open and the comparison
button), a case with its forms, the report from a member's page, the .xlsx 台账, the rural list, the statistics
figures with their drill-down, the person page's panel; and out of scope, 404."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from hrss.assistance.households import services
from hrss.assistance.models import ZeroEmploymentHousehold
from tests.assistance.households.conftest import RURAL, starts_work
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE, login

LIST = reverse("assistance:households-list")


@pytest.fixture
def overdue_case(family, village_assistant):
    head, _spouse = family(VILLAGE, ("郑家强", "冯玉兰"))
    return services.report_household(actor=village_assistant, person=head, source="application",
                                     found_on=TODAY - datetime.timedelta(days=35))


def test_the_list_shows_days_open_and_marks_a_case_past_its_target(client, overdue_case, village_assistant):
    page = login(client, village_assistant).get(LIST).content.decode()
    assert "郑家强" in page
    assert "已35天" in page and "超期" in page


def test_the_list_filters_by_state(client, overdue_case, village_assistant):
    login(client, village_assistant)
    assert "郑家强" in client.get(LIST, {"state": "overdue"}).content.decode()
    assert "郑家强" not in client.get(LIST, {"state": "cleared"}).content.decode()


def test_the_township_sees_what_the_ledger_has_not_yet_opened_and_scans_it(client, family, township_officer):
    family(VILLAGE, ("未立甲", "未立乙"))
    login(client, township_officer)
    page = client.get(LIST, {"region": TOWNSHIP}).content.decode()
    assert "台账显示为零就业、尚未建档的家庭：<strong>1</strong>" in page
    assert 'data-testid="scan"' in page
    response = client.post(reverse("assistance:households-scan"), {"region": TOWNSHIP})
    assert response.status_code == 302
    assert "未立甲" in client.get(LIST, {"region": TOWNSHIP}).content.decode()


def test_the_village_sees_no_scan_button(client, family, village_assistant):
    family(VILLAGE)
    page = login(client, village_assistant).get(LIST).content.decode()
    assert 'data-testid="scan"' not in page


def test_a_case_is_verified_helped_and_cleared_from_its_page(client, overdue_case, village_assistant, city_admin):
    login(client, village_assistant)
    url = reverse("assistance:households-detail", args=[overdue_case.pk])
    assert 'data-testid="verify-form"' in client.get(url).content.decode()
    client.post(reverse("assistance:households-verify", args=[overdue_case.pk]),
                {"outcome": "verified", "verified_on": TODAY.isoformat(), "version": overdue_case.version})
    client.post(reverse("assistance:households-record", args=[overdue_case.pk]),
                {"done_on": TODAY.isoformat(), "kind": "guidance", "note": "职业指导一次"})
    spouse = overdue_case.household.members.get(name="冯玉兰")
    starts_work(city_admin, spouse, TODAY)
    overdue_case.refresh_from_db()
    response = client.post(reverse("assistance:households-clear", args=[overdue_case.pk]),
                           {"member": spouse.pk, "started_on": TODAY.isoformat(), "version": overdue_case.version})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "职业指导一次" in page and "已清零" in page and "用时" in page
    overdue_case.refresh_from_db()
    assert overdue_case.days_to_clear == 35


def test_a_refused_clear_shows_the_reason(client, overdue_case, village_assistant):
    login(client, village_assistant)
    spouse = overdue_case.household.members.get(name="冯玉兰")
    response = client.post(reverse("assistance:households-clear", args=[overdue_case.pk]),
                           {"member": spouse.pk, "started_on": TODAY.isoformat(), "version": overdue_case.version})
    assert response.status_code == 200
    assert "请先在人员页面" in response.content.decode()


def test_a_member_reports_the_household_from_the_person_page(client, family, village_assistant):
    head, _spouse = family(VILLAGE, ("报甲", "报乙"))
    login(client, village_assistant)
    person_page = client.get(reverse("residents:person-detail", args=[head.pk])).content.decode()
    assert reverse("assistance:households-report", args=[head.pk]) in person_page
    response = client.post(reverse("assistance:households-report", args=[head.pk]),
                           {"source": "application", "found_on": TODAY.isoformat(), "note": "本人申报"})
    case = ZeroEmploymentHousehold.objects.get(household=head.household)
    assert response["Location"] == reverse("assistance:households-detail", args=[case.pk])
    assert 'data-testid="zero-household-panel"' in client.get(
        reverse("residents:person-detail", args=[head.pk])).content.decode()


def test_the_ledger_exports_found_assisted_and_cleared_dates(client, overdue_case, village_assistant):
    services.record_assistance(actor=village_assistant, case=overdue_case, done_on=TODAY, kind="visit", note="走访")
    response = login(client, village_assistant).get(reverse("assistance:households-export"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    row = dict(zip(header, rows[1], strict=True))
    assert row["户主"] == "郑家强"
    assert row["发现日期"] == overdue_case.found_on.isoformat()
    assert row["首次援助日期"] == TODAY.isoformat()
    assert row["已持续天数"] == 35


def test_the_rural_list_comes_from_the_ledger(client, family, county_officer):
    family(RURAL, ("村甲", "村乙"))
    family(VILLAGE, ("城甲", "城乙"))
    login(client, county_officer)
    page = client.get(reverse("assistance:households-rural")).content.decode()
    assert "村甲" in page and "城甲" not in page
    response = client.get(reverse("assistance:households-rural-export"), {"region": COUNTY})
    cells = [cell for row in openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
             for cell in row]
    assert "村甲、村乙" in cells


def test_the_statistics_page_shows_the_figures_with_their_drill_down(client, overdue_case, county_officer):
    page = login(client, county_officer).get(reverse("assistance:statistics"), {"region": TOWNSHIP}).content.decode()
    assert "超过30天未清零" in page and "尚未清零" in page
    assert f"{LIST}?region={VILLAGE}&amp;state=overdue" in page


def test_out_of_scope_is_not_found(client, overdue_case, make_user):
    from hrss.core.permissions import Role

    login(client, make_user("bob", NEIGHBOUR_VILLAGE, Role.VILLAGE_ASSISTANT))
    assert client.get(reverse("assistance:households-detail", args=[overdue_case.pk])).status_code == 404
    assert client.get(LIST, {"region": VILLAGE}).status_code == 404
    assert "郑家强" not in client.get(LIST, {"state": "all"}).content.decode()


def test_the_list_speaks_plainly(client, family, village_assistant):
    """A case found today reads 今天发现 (not 已0天); 城镇 and 农村 are said as 社区/村; the source labels are the
    same in the list and the export."""
    head, _spouse = family(VILLAGE, ("今甲", "今乙"))
    services.report_household(actor=village_assistant, person=head, source="reported", found_on=TODAY)
    page = login(client, village_assistant).get(LIST).content.decode()
    assert "今天发现" in page and "已0天" not in page
    assert "住在社区（居民委员会）的家庭是城镇家庭" in page and "第10–12位" not in page
    assert "他人上报" in page
    response = client.get(reverse("assistance:households-export"))
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert dict(zip(rows[0], rows[1], strict=True))["来源"] == "他人上报"
