"""A lead is reported from a cell by anyone of its scope; the township or the county forwards it to labour inspection
(which opens a case for it) or dismisses it with a reason; a lead resolved on the spot is recorded with how. Each
refusal says what to fix."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.supervision.grid import services
from hrss.supervision.models import GridCell, InspectionCase, Lead, LeadState
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.grid.conftest import USCC, report


def test_a_reported_lead_waits_and_makes_its_cell(heyuan, village_assistant):
    lead = report(village_assistant)
    assert lead.state == LeadState.REPORTED and lead.reported_on == TODAY and lead.employer_uscc == USCC
    assert lead.reported_by == village_assistant and lead.decided_on is None
    assert GridCell.objects.filter(region_code=VILLAGE).exists()


def test_a_township_reports_from_its_own_cell(heyuan, township_officer):
    assert report(township_officer, TOWNSHIP).region_code == TOWNSHIP


def test_report_refusals_say_what_to_fix(heyuan, village_assistant, county_officer):
    with pytest.raises(ValidationError) as refused:
        report(village_assistant, employer_name=" ", employer_uscc="91441602MA4X000010", kind="riot",
               description="", workers_affected=-1, reported_on=TODAY + datetime.timedelta(days=1))
    text = " ".join(refused.value.messages)
    for reason in ("请填写用人单位名称", "统一社会信用代码", "请选择线索类别", "请填写情况描述", "涉及劳动者人数应为0至",
                   "晚于今天"):
        assert reason in text, reason
    with pytest.raises(ValidationError, match="欠薪线索请填写涉及的劳动者人数"):
        report(village_assistant, workers_affected=0)
    with pytest.raises(ValidationError, match="不是网格"):
        report(county_officer, COUNTY)
    assert not Lead.objects.exists()


def test_the_township_forwards_a_lead_and_inspection_opens_a_case(lead, township_officer):
    forwarded = services.forward_lead(actor=township_officer, lead=lead, note="涉及人数多，请监察大队处理")
    assert forwarded.state == LeadState.FORWARDED and forwarded.decided_by == township_officer
    assert forwarded.decided_on == TODAY and forwarded.decision_note == "涉及人数多，请监察大队处理"
    case = InspectionCase.objects.get(lead=lead)
    assert case.region_code == VILLAGE and case.employer_name == lead.employer_name
    with pytest.raises(ValidationError, match="已于.*处理（已移交劳动保障监察）"):
        services.forward_lead(actor=township_officer, lead=forwarded)


def test_the_county_forwards_too(lead, county_officer):
    assert services.forward_lead(actor=county_officer, lead=lead).state == LeadState.FORWARDED


def test_the_village_reports_but_does_not_decide(lead, village_assistant):
    for decide in (lambda: services.forward_lead(actor=village_assistant, lead=lead),
                   lambda: services.dismiss_lead(actor=village_assistant, lead=lead, reason="不是问题")):
        with pytest.raises(PermissionDenied, match="村\\(社区\\)负责报告"):
            decide()
    lead.refresh_from_db()
    assert lead.state == LeadState.REPORTED and not InspectionCase.objects.exists()


def test_a_dismissal_without_a_reason_is_refused(lead, township_officer):
    with pytest.raises(ValidationError, match="请填写不予移交的理由"):
        services.dismiss_lead(actor=township_officer, lead=lead, reason="  ")
    lead.refresh_from_db()
    assert lead.state == LeadState.REPORTED
    dismissed = services.dismiss_lead(actor=township_officer, lead=lead, reason="经核实为家庭帮工")
    assert dismissed.state == LeadState.DISMISSED and dismissed.decision_note == "经核实为家庭帮工"
    with pytest.raises(ValidationError, match="不予移交"):
        services.resolve_lead(actor=township_officer, lead=dismissed, note="已解决")


def test_the_village_records_a_lead_resolved_on_the_spot(lead, village_assistant):
    with pytest.raises(ValidationError, match="请填写解决情况"):
        services.resolve_lead(actor=village_assistant, lead=lead, note="")
    resolved = services.resolve_lead(actor=village_assistant, lead=lead, note="老板当场补发工资")
    assert resolved.state == LeadState.RESOLVED and resolved.decided_by == village_assistant


def test_outsiders_cannot_report_or_decide(lead, neighbour_village_assistant, neighbour_county_officer):
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            report(outsider)
        with pytest.raises(PermissionDenied):
            services.dismiss_lead(actor=outsider, lead=lead, reason="越权")
        with pytest.raises(PermissionDenied):
            services.resolve_lead(actor=outsider, lead=lead, note="越权")
    assert Lead.objects.count() == 1 and Lead.objects.get().state == LeadState.REPORTED


def test_a_forwarding_refused_by_inspection_leaves_the_lead_open(lead, township_officer):
    from hrss.supervision.inspection import services as inspection_services

    inspection_services.open_from_lead(actor=township_officer, lead=lead)  # a case for it exists already
    with pytest.raises(ValidationError, match="不能重复移交"):
        services.forward_lead(actor=township_officer, lead=lead)
    lead.refresh_from_db()
    assert lead.state == LeadState.REPORTED


def test_the_boundaries_of_a_report(heyuan, village_assistant):
    assert report(village_assistant, reported_on=TODAY).reported_on == TODAY
    with pytest.raises(ValidationError, match="晚于今天"):
        report(village_assistant, reported_on=TODAY + datetime.timedelta(days=1))
    assert report(village_assistant, workers_affected=services.MAX_WORKERS).workers_affected == services.MAX_WORKERS
    with pytest.raises(ValidationError, match="涉及劳动者人数应为0至100000"):
        report(village_assistant, workers_affected=services.MAX_WORKERS + 1)
    assert report(village_assistant, kind="other", workers_affected=0).workers_affected == 0
