"""Demo data of the acceptance part for `hrss demo --people`: 源城区's officer inspects 上城街道's 服务所 (its record
made by the offices part's demo): every rule checked against the record, the missing 新农保经办 window and anything
else failing listed for rectification; the township records the window and the fix with a photo, so the county
has a fix to confirm and the other items stay open. Made once: nothing when 上城街道 has an inspection already, or
the offices part made no office there."""

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.network.acceptance import services
from hrss.network.models import FindingResult, Inspection, Office, Rectification
from hrss.network.offices import services as office_services
from hrss.network.offices.demo import sign_photo
from hrss.network.standards import compliance

TOWNSHIP = "441602001000"  # 上城街道


def _findings(results):
    findings = {}
    for result in results:
        if result.ok is False:
            findings[result.rule] = {"result": FindingResult.FAILS,
                                     "note": f"实地核查未达到：要求{result.required}，现为{result.actual or '未登记'}"}
        else:
            findings[result.rule] = {"result": FindingResult.MEETS if result.ok else FindingResult.NOT_CHECKED,
                                     "note": ""}
    return findings


def generate():
    users = {user.username: user for user in User.objects.filter(username__in=["yuancheng", "shangcheng"])}
    office = Office.objects.filter(region_code=TOWNSHIP).first()
    if len(users) < 2 or office is None or Inspection.objects.filter(office=office).exists():
        return 0
    today = timezone.localdate()
    with transaction.atomic():
        results = compliance.check(office, today).results
        inspection = services.record_inspection(
            actor=users["yuancheng"], office=office, inspected_on=today, findings=_findings(results),
            inspectors="源城区人社局 王检查、李检查", note="窗口设置不全，限期整改后申请验收。", today=today)
        window = Rectification.objects.filter(finding__inspection=inspection, finding__rule="windows").first()
        if window is not None:
            office_services.add_window(actor=users["shangcheng"], office=office, kind="rural_pension", today=today)
            services.fix_rectification(actor=users["shangcheng"], item=window, upload=sign_photo(),
                                       note="已增设新农保经办窗口并挂牌", today=today)
    return 1


def demo(stdout, options):
    if options.get("people") and generate():
        stdout.write("已生成检查整改演示数据（上城街道服务所检查发现缺新农保经办窗口，已整改待源城区确认）。")
    return None
