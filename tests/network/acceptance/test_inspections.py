"""An inspection: the checklist is the rules in force on the day, a finding that does not meet its rule becomes a
rectification item due after the days in force; bad input is refused whole, in Chinese."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.network.acceptance import rules, services
from hrss.network.models import Finding, Inspection, Rectification
from hrss.network.standards import compliance
from tests.conftest import TODAY, login
from tests.network.acceptance.conftest import findings_as_recorded

DAY = datetime.timedelta(days=1)


def test_an_inspection_lists_every_rule_in_force_and_the_missing_window_becomes_a_rectification(
        office, county_officer):
    inspection = services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY,
                                            findings=findings_as_recorded(office), inspectors="王检查", today=TODAY)
    rules_in_force = [result.rule for result in compliance.check(office, TODAY).results]
    assert [f.rule for f in inspection.findings.order_by("position")] == rules_in_force
    failing = inspection.findings.get(result="fails")
    assert failing.rule == "windows" and "缺新农保经办" in failing.recorded
    item = Rectification.objects.get(finding=failing)
    assert (item.state, item.opened_on, item.due_on) == ("open", TODAY, TODAY + 30 * DAY)
    assert AuditEntry.objects.filter(action="network.acceptance.inspection_recorded").count() == 1


def test_the_default_deadline_is_the_dated_rule_of_the_inspection_day(monkeypatch, office, county_officer):
    monkeypatch.setattr(rules, "RECTIFICATION_DAYS", ((rules.PLAN_DAY, 30), (TODAY, 15)))
    today_item = services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY,
                                            findings=findings_as_recorded(office), today=TODAY)
    earlier = services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY - DAY,
                                         findings=findings_as_recorded(office, TODAY - DAY), today=TODAY)
    assert Rectification.objects.get(finding__inspection=today_item).due_on == TODAY + 15 * DAY
    assert Rectification.objects.get(finding__inspection=earlier).due_on == TODAY - DAY + 30 * DAY


def test_a_failing_finding_without_a_note_and_a_future_day_are_refused_and_nothing_is_written(office, county_officer):
    findings = findings_as_recorded(office, note="")
    with pytest.raises(ValidationError) as refused:
        services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY, findings=findings,
                                   today=TODAY)
    assert "“六个基本服务窗口”不符合：请在说明中写明缺少什么" in refused.value.messages[0]
    with pytest.raises(ValidationError) as later:
        services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY + DAY,
                                   findings=findings_as_recorded(office), today=TODAY)
    assert "晚于今天" in later.value.messages[0]
    missing = findings_as_recorded(office)
    missing.pop("sign")
    with pytest.raises(ValidationError) as unanswered:
        services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY, findings=missing,
                                   today=TODAY)
    assert "请选择“统一标识和机构牌匾”的检查结果。" in unanswered.value.messages
    assert not Inspection.objects.exists() and not Finding.objects.exists()


def test_the_township_itself_and_a_neighbouring_county_cannot_record_an_inspection(
        office, tina, neighbour_county_officer):
    for outsider in (tina, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            services.record_inspection(actor=outsider, office=office, inspected_on=TODAY,
                                       findings=findings_as_recorded(office), today=TODAY)
    assert not Inspection.objects.exists()


def test_the_checklist_page_prefills_the_record_and_saving_it_opens_the_item(client, office, county_officer):
    login(client, county_officer)
    page = client.get("/network/inspections/new/", {"region": office.region_code})
    body = page.content.decode()
    assert page.status_code == 200 and 'data-rule="windows"' in body and "缺新农保经办" in body
    data = {"region": office.region_code, "inspected_on": TODAY.isoformat(), "inspectors": "王检查"}
    for rule, finding in findings_as_recorded(office).items():
        data[f"result_{rule}"] = finding["result"]
        data[f"note_{rule}"] = finding["note"]
    saved = client.post("/network/inspections/new/", data, follow=True)
    assert "已登记检查，1项不符合，已列入整改。" in saved.content.decode()
    inspection = Inspection.objects.get()
    assert saved.redirect_chain[-1][0] == f"/network/inspections/{inspection.pk}/"
    assert 'data-result="fails"' in saved.content.decode()
    listed = client.get("/network/inspections/", {"region": office.region_code}).content.decode()
    assert f"/network/inspections/{inspection.pk}/" in listed


def test_a_name_typed_in_the_picker_opens_the_office_checklist(client, office, county_officer):
    login(client, county_officer)
    response = client.get("/network/inspections/new/", {"region": "上城街道"})
    assert response.status_code == 302 and f"region={office.region_code}" in response["Location"]
