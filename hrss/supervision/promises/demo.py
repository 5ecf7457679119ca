"""Demo data of the promises part for `hrss demo --people`: two 一次性告知书 given at 下城社区's window (a 失业登记
lacking the termination certificate, a 参保登记 lacking the 户口簿), so the ledger and a printed slip have something
to show. The promise and overdue pages read the review cases the other areas' demos make."""

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core import catalogue
from hrss.core.models import Region
from hrss.supervision.models import NoticeSlip
from hrss.supervision.promises import services

DEMO_VILLAGE = "441602001003"  # 下城社区

# (service code, citizen, the checklist's items missing: by their position in the list in force today)
SLIPS = (
    ("employment/unemployment_registration", "李伟", (1,)),
    ("pensions/enrolment", "王秀兰", (1,)),
)


def generate():
    """The demo's slips, once (nothing when 下城社区 has slips already, or a service is not installed)."""
    if NoticeSlip.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    if assistant is None:
        return 0
    today = timezone.localdate()
    village = Region.objects.get(code=DEMO_VILLAGE)
    made = 0
    with transaction.atomic():
        for code, name, positions in SLIPS:
            service = catalogue.service(code)
            if service is None:
                continue
            documents = service.documents_on(today)
            missing = [documents[index].name for index in positions if index < len(documents)]
            services.give_notice_slip(actor=assistant, region=village, service_code=code, citizen_name=name,
                                      missing=missing, today=today)
            made += 1
    return made


def demo(stdout, options):
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成一次性告知书演示数据（下城社区，{made}份）。")
    return None
