"""The pages and the API translate: the list per county and year (with its .xlsx), the form, the detail with the
county's decision, and the API's list, record (422 with a Chinese reason) and decision."""

import io

import openpyxl

from hrss.assistance.community import rules, services
from hrss.assistance.models import CommunityAssessment
from hrss.core.permissions import Role
from tests.assistance.community.conftest import LAST_YEAR, manual_checks
from tests.conftest import COUNTY, VILLAGE


def form_data(year, met="yes"):
    data = {"village": VILLAGE, "year": str(year), "note": "自评"}
    for criterion in rules.criteria_for(year):
        if criterion.kind == rules.MANUAL:
            data[f"met_{criterion.code}"] = met
        data[f"note_{criterion.code}"] = "已核实"
    return data


def test_a_village_records_and_the_county_decides_on_the_pages(heyuan, client, village_assistant, county_officer):
    client.force_login(village_assistant)
    assert "社区（居委会）" in client.get(f"/assistance/communities/assessments/new/?year={LAST_YEAR}").content.decode()
    response = client.post(f"/assistance/communities/assessments/new/?year={LAST_YEAR}", form_data(LAST_YEAR))
    assessment = CommunityAssessment.objects.get(region_code=VILLAGE, year=LAST_YEAR)
    assert response.status_code == 302
    page = client.get(f"/assistance/communities/assessments/{assessment.pk}/").content.decode()
    assert "城镇登记失业率" in page and 'data-testid="decision-form"' not in page
    client.force_login(county_officer)
    listed = client.get("/assistance/communities/assessments/", {"region": COUNTY, "year": LAST_YEAR})
    assert "下城社区" in listed.content.decode()
    refused = client.post(f"/assistance/communities/assessments/{assessment.pk}/decide/",
                          {"result": "met", "note": "", "version": assessment.version})
    assert refused.status_code == 200 and "认定意见" in refused.content.decode()
    client.post(f"/assistance/communities/assessments/{assessment.pk}/decide/",
                {"result": "met", "note": "达标", "version": assessment.version})
    assessment.refresh_from_db()
    assert assessment.result == "met"
    export = client.get("/assistance/communities/assessments/export/", {"region": COUNTY, "year": LAST_YEAR})
    cells = [c.value for row in openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows() for c in row]
    assert "下城社区" in " ".join(str(c) for c in cells) and "达标" in cells
    statistics = client.get("/assistance/statistics/", {"region": COUNTY}).content.decode()
    assert "充分就业社区达标数（上年度）" in statistics


def test_a_missing_check_keeps_the_form_with_its_reason(heyuan, client, village_assistant):
    client.force_login(village_assistant)
    data = form_data(LAST_YEAR)
    data = {key: value for key, value in data.items() if not key.startswith("met_")}
    response = client.post(f"/assistance/communities/assessments/new/?year={LAST_YEAR}", data)
    assert response.status_code == 200 and "是否达到" in response.content.decode()
    assert not CommunityAssessment.objects.exists()


def test_the_unassessed_communities_are_listed(heyuan, client, county_officer):
    client.force_login(county_officer)
    page = client.get("/assistance/communities/assessments/", {"year": LAST_YEAR, "missing": "1"}).content.decode()
    assert "下城社区" in page and "公园社区" in page


def token(user):
    from hrss.accounts import services as account_services

    return {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}


def test_the_api_lists_records_and_decides(heyuan, client, make_user, village_assistant, county_officer):
    body = {"village_code": VILLAGE, "year": LAST_YEAR, "checks": manual_checks(LAST_YEAR), "note": "自评"}
    missing = {**body, "checks": {}}
    refused = client.post("/api/v1/assistance/communities/assessments", missing, content_type="application/json",
                          headers=token(village_assistant))
    assert refused.status_code == 422 and "请核实" in refused.json()["detail"]
    made = client.post("/api/v1/assistance/communities/assessments", body, content_type="application/json",
                       headers=token(village_assistant))
    assert made.status_code == 201 and made.json()["result"] == "pending"
    listed = client.get(f"/api/v1/assistance/communities/assessments?year={LAST_YEAR}&region={COUNTY}",
                        headers=token(county_officer)).json()
    assert [row["region_code"] for row in listed] == [VILLAGE]
    decided = client.post(f"/api/v1/assistance/communities/assessments/{made.json()['id']}/decision",
                          {"result": "not_met", "note": "台账不全", "version": made.json()["version"]},
                          content_type="application/json", headers=token(make_user("cap", COUNTY, Role.COUNTY_APPROVER)))
    assert decided.status_code == 200 and decided.json()["result"] == "not_met"
    assert services.DECIDING_ROLES
