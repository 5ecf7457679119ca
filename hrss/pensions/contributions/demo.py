"""The contributions part's demo (hrss demo): a payment file of this year imported for 下城社区's enrolled people
(one row with a name that differs, kept as unmatched), so the demo logins see the 缴费台账, an import's result and
the account statement. `enrol_directly` writes an enrolment as the enrolment part leaves one (for the sweep, the
tests and the demo when that part has made none)."""

import csv
import datetime
import tempfile
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from hrss.pensions.models import Enrolment, EnrolmentState, Scheme

VILLAGE = "441602001003"  # 下城社区


def enrol_directly(*, person, actor, enrolled_on, tier=Decimal("600"), region_code=None):
    return Enrolment.objects.create(person=person, region_code=region_code or person.region_code,
                                    scheme=Scheme.MERGED, tier=tier, state=EnrolmentState.ACTIVE,
                                    received_on=enrolled_on, enrolled_on=enrolled_on, documents=[],
                                    created_by=actor)


def payment_csv(rows, folder=None, name=None):
    """A payment file (.csv) of `rows`: (id_number, name, year, amount, paid_on, receipt[, kind])."""
    if name:
        handle = open(Path(folder or tempfile.mkdtemp()) / name, "w", encoding="utf-8", newline="")
    else:
        handle = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="",
                                             dir=folder)
    with handle:
        writer = csv.writer(handle)
        writer.writerow(["公民身份号码", "姓名", "缴费年度", "缴费金额", "到账日期", "票据号/流水号", "缴费类别"])
        for row in rows:
            writer.writerow([*row, *([""] if len(row) == 6 else [])])
    return Path(handle.name)


def demo(stdout, options):
    from hrss.pensions.contributions import services
    from hrss.residents.models import Person

    actor = get_user_model().objects.filter(region__code=VILLAGE, is_active=True).order_by("pk").first()
    if actor is None:
        return None
    today = timezone.localdate()
    enrolled = {e.person_id for e in Enrolment.objects.filter(region_code=VILLAGE, state=EnrolmentState.ACTIVE)}
    people = list(Person.objects.filter(region_code=VILLAGE).order_by("pk")[:40])
    if not enrolled:
        for person in people[:25]:
            if person.age_on(today) >= 16 and person.age_on(today) < 60 and not Enrolment.objects.filter(
                    person=person, state__in=["pending", "active", "drawing"]).exists():
                enrol_directly(person=person, actor=actor, enrolled_on=today - datetime.timedelta(days=400))
                enrolled.add(person.pk)
    paying = [person for person in people if person.pk in enrolled][:20]
    if not paying:
        return None
    paid_on = today - datetime.timedelta(days=3)
    rows = [(p.id_number, p.name, today.year, "600", paid_on.isoformat(), f"DEMO{today.year}{p.pk:06d}")
            for p in paying[:-1]]
    last = paying[-1]
    rows.append((last.id_number, last.name + "某", today.year, "600", paid_on.isoformat(), f"DEMO{today.year}X"))
    path = payment_csv(rows, name=f"银行代扣缴费-下城社区-{today:%Y%m%d}.csv")
    try:
        services.import_file(path, actor=actor, source="bank")
    finally:
        path.unlink(missing_ok=True)
    stdout.write(f"  缴费：下城社区导入了一份银行代扣文件（{len(rows)} 行，其中 1 行姓名不符未匹配）\n")
    return None
