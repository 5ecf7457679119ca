"""Demo data of the coverage part for `hrss demo --people`: two people of 下城社区 in the employees' scheme as the tax
office gives it, one still in it and one who left it last month, so the coverage page, the 未参保人员名单 and the
employees' scheme list have something to show."""

from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.core.dates import add_months, years_before
from hrss.pensions.coverage import selectors, services
from hrss.pensions.models import EmployeeSchemeRecord
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区


def generate():
    """The demo's employees' scheme records in 下城社区, once (nothing when there are some already)."""
    if EmployeeSchemeRecord.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    assistant = User.objects.filter(username="xiacheng").first()
    if assistant is None:
        return 0
    today = timezone.localdate()
    candidates = (selectors.people_in_scope(Person.objects.filter(region_code=DEMO_VILLAGE), today)
                  .filter(coverage=selectors.UNINSURED, labour_status=LabourStatus.EMPLOYED,
                          birth_date__lte=years_before(today, 25), birth_date__gt=years_before(today, 55))
                  .order_by("pk")[:2])
    people = list(candidates)
    with transaction.atomic():
        for number, person in enumerate(people):
            since = add_months(today, -36 - 12 * number)
            until = add_months(today, -1) if number else None
            services.record_employee_scheme(actor=assistant, person=person, since=since, until=until,
                                            employer_name="河源市东源建材有限公司" if number else "河源市源城区人民医院",
                                            source="市税务局职工养老保险参保名单（演示）", today=today)
    return len(people)


def demo(stdout, options):
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成职工养老保险参保信息演示数据（下城社区，{made}人）。")
    return None
