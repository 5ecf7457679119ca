"""A locked month cannot change: regenerating, editing the remarks and returning it are refused with the reason
(who locked it and when); the county approver's unlock is recorded, after which the township regenerates and the
locked version is kept."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hrss.core.models import AuditEntry
from hrss.network.models import MonthlyReport, ReportEvent, ReportVersion
from hrss.network.reports import services
from tests.conftest import TODAY, login
from tests.network.reports.conftest import LAST_MONTH, bearer

pytestmark = pytest.mark.django_db


def reason_of(report):
    at = timezone.localtime(report.approved_at)
    return (f"{LAST_MONTH.year}年{LAST_MONTH.month}月月报已由alan于{at.year}年{at.month}月{at.day}日审核锁定，"
            "如需更正请县(区)审批员解锁。")


def test_a_locked_month_refuses_regeneration_with_the_reason(locked, township, township_officer):
    with pytest.raises(ValidationError) as refused:
        services.generate_report(actor=township_officer, township=township, month=LAST_MONTH)
    assert refused.value.messages == [reason_of(locked)]
    assert ReportVersion.objects.filter(report=locked).count() == 1
    report = MonthlyReport.objects.get(pk=locked.pk)
    assert (report.state, report.version) == (MonthlyReport.State.APPROVED, 1)
    denied = AuditEntry.objects.filter(actor=township_officer, outcome=AuditEntry.Outcome.DENIED).last()
    assert denied.action == "network.reports.generate" and denied.note == reason_of(locked)


def test_a_locked_month_refuses_a_remarks_edit_and_a_return(locked, township_officer, approver):
    with pytest.raises(ValidationError) as refused:
        services.edit_remarks(actor=township_officer, report=locked, remarks="补充说明")
    assert refused.value.messages == [reason_of(locked)]
    with pytest.raises(ValidationError) as refused:
        services.return_report(actor=approver, report=locked, reason="数字有误")
    assert refused.value.messages == [reason_of(locked)]
    report = MonthlyReport.objects.get(pk=locked.pk)
    assert report.remarks == "" and report.state == MonthlyReport.State.APPROVED


def test_the_page_shows_the_refusal_of_a_late_remarks_edit(client, locked, township_officer):
    login(client, township_officer)
    response = client.post(f"/network/reports/{locked.pk}/act/", {"act": "remarks", "remarks": "迟到的更正"})
    assert response.status_code == 400
    assert reason_of(locked) in response.content.decode()
    assert MonthlyReport.objects.get(pk=locked.pk).remarks == ""
    page = client.get(f"/network/reports/{locked.pk}/").content.decode()
    assert 'data-testid="report-remarks-form"' not in page  # a locked report offers no edit
    assert reason_of(locked) in page


def test_the_api_refuses_a_late_regeneration_with_the_reason(client, locked, township_officer):
    response = client.post("/api/v1/network/reports/generate",
                           {"region_code": locked.region_code, "month": f"{LAST_MONTH:%Y-%m}"},
                           content_type="application/json", headers=bearer(township_officer))
    assert response.status_code == 422
    assert response.json()["detail"] == reason_of(locked)


def test_unlocking_is_recorded_and_then_regeneration_keeps_the_old_version(locked, township, township_officer,
                                                                            reviewer, approver):
    first = ReportVersion.objects.get(report=locked, number=1)
    with pytest.raises(ValidationError, match="请填写解锁理由"):
        services.unlock_report(actor=approver, report=locked, reason="  ")
    services.unlock_report(actor=approver, report=locked, reason="上城街道更正了3月的就业登记")
    event = ReportEvent.objects.get(report=locked, action=ReportEvent.Action.UNLOCKED)
    assert (event.actor, event.reason, event.version) == (approver, "上城街道更正了3月的就业登记", 1)
    entry = AuditEntry.objects.get(action="network.reports.unlocked", target_id=str(locked.pk))
    assert entry.actor == approver and entry.note == "上城街道更正了3月的就业登记"

    report = services.generate_report(actor=township_officer, township=township, month=LAST_MONTH, today=TODAY)
    assert (report.version, report.state) == (2, MonthlyReport.State.GENERATED)
    assert report.approved_by is None and report.approved_at is None
    assert sorted(ReportVersion.objects.filter(report=report).values_list("number", flat=True)) == [1, 2]
    kept = ReportVersion.objects.get(report=report, number=1)
    assert (kept.figures, kept.generated_at) == (first.figures, first.generated_at)

    services.check_report(actor=reviewer, report=report)
    services.submit_report(actor=township_officer, report=report, today=TODAY)
    services.approve_report(actor=approver, report=report)
    actions = list(ReportEvent.objects.filter(report=report).order_by("at", "pk").values_list("action", "version"))
    assert actions == [("generated", 1), ("checked", 1), ("submitted", 1), ("approved", 1), ("unlocked", 1),
                       ("regenerated", 2), ("checked", 2), ("submitted", 2), ("approved", 2)]


def test_only_the_county_approver_unlocks(locked, township_officer, county_officer):
    from django.core.exceptions import PermissionDenied

    for user in (township_officer, county_officer):
        with pytest.raises(PermissionDenied):
            services.unlock_report(actor=user, report=locked, reason="想改")
    assert MonthlyReport.objects.get(pk=locked.pk).state == MonthlyReport.State.APPROVED


def test_the_page_lists_every_version_and_opens_the_old_one(client, locked, township, township_officer, approver):
    services.unlock_report(actor=approver, report=locked, reason="更正")
    services.generate_report(actor=township_officer, township=township, month=LAST_MONTH, today=TODAY)
    login(client, township_officer)
    page = client.get(f"/network/reports/{locked.pk}/").content.decode()
    assert "第2版" in page and 'href="?version=1"' in page
    old = client.get(f"/network/reports/{locked.pk}/", {"version": 1}).content.decode()
    assert "历史版本" in old
