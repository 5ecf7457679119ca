"""Days a security test sent to the grid (finding 7): staff since 0001-01-01, a visit or a lead of 0001-01-01 are
refused in Chinese (before the first day the platform records, 2011-01-01), and nothing is written."""

from hrss.core.models import AuditEntry
from hrss.supervision.models import EmployerVisit, GridStaff, Lead
from tests.conftest import VILLAGE
from tests.supervision.grid.test_pages_and_api import call

TOO_EARLY = "早于本平台可登记的最早日期（2011年1月1日）"


def test_days_before_the_platform_records_are_refused(heyuan, township_officer, village_assistant):
    for day in ("0001-01-01", "2010-12-31"):
        staff = call(township_officer, "post", f"/grid-cells/{VILLAGE}/staff",
                     {"name": "黄楼长", "phone": "13800000004", "post": "part_time", "since": day})
        assert staff.status_code == 422 and "任职日期" + day + TOO_EARLY in str(staff.json()), day
        visit = call(village_assistant, "post", "/employer-visits", {
            "region_code": VILLAGE, "employer_name": "河源市某制衣厂", "visited_on": day, "findings": "正常"})
        assert visit.status_code == 422 and "走访日期" + day + TOO_EARLY in str(visit.json()), day
        lead = call(village_assistant, "post", "/leads", {
            "region_code": VILLAGE, "employer_name": "河源市某制衣厂", "kind": "wages", "description": "拖欠工资",
            "reported_on": day})
        assert lead.status_code == 422 and "报告日期" + day + TOO_EARLY in str(lead.json()), day
    assert not GridStaff.objects.exists() and not EmployerVisit.objects.exists() and not Lead.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="supervision.").exists()
    staff = call(township_officer, "post", f"/grid-cells/{VILLAGE}/staff",
                 {"name": "黄楼长", "phone": "13800000004", "post": "part_time", "since": "2011-01-01"})
    assert staff.status_code == 201
