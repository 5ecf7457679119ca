"""The contributions part's writes: keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), one audit entry each. Bad input is a ValidationError (or, for a file,
ImportRefused) saying in Chinese what to fix, and nothing is written.

- a payment file (银行代扣 or 税务征收) imported from the page or the API in the background (`start_import`, a
  django-tasks job) or from the command line (`import_file`), through core's tabular pipeline (imports.py);
- 补缴 at the window for those within 15 years of 60 when the scheme started in their county (`record_arrears`);
- an unmatched payment row marked as dealt with (`resolve_unmatched`).
"""

import datetime
import hashlib
import types
import uuid
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from hrss.core import audit, scoping, tabular
from hrss.core.dates import age_on
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.scoping import county_code_of
from hrss.core.spreadsheets import SpreadsheetRefused, check_file, estimate_rows
from hrss.core.tabular import ImportRefused
from hrss.pensions.contributions import imports
from hrss.pensions.contributions.account import paid_year_set
from hrss.pensions.contributions.rules import arrears_subsidy
from hrss.pensions.models import (
    Contribution,
    ContributionImport,
    ContributionKind,
    Enrolment,
    EnrolmentState,
    ImportStatus,
    PaymentSource,
    UnmatchedPayment,
)
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.pensions.schemes.rules import ELIGIBILITY, PENSION_AGE, in_force, scheme_start
from hrss.residents.models import Person

FILE_SOURCES = (PaymentSource.BANK, PaymentSource.TAX)


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_importer(actor, region, source):
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=region.code, action="pensions.contributions.import",
                    message="只能导入本辖区的缴费文件。")
    if source not in FILE_SOURCES:
        raise ImportRefused("请选择缴费文件的来源：银行代扣或税务征收。")


def same_file(sha256, source, region_code):
    """The finished import of the same file (same content, same source) for the same importing region, or None.
    Another region's import of the same bytes is none of this importer's business: it is neither shown to them nor
    a reason to skip their own rows (which match only their own people)."""
    return (ContributionImport.objects.filter(sha256=sha256, source=source, region_code=region_code,
                                              status=ImportStatus.DONE, dry_run=False)
            .order_by("pk").first())


def same_file_message(earlier):
    return (f"该文件与 {earlier.created_at:%Y-%m-%d} 导入的“{earlier.file_name}”内容完全相同，已导入过，"
            "本次未做任何改动。")


def _store(uploaded_file, name):
    folder = Path(settings.HRSS_IMPORT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"contributions-{name}.upload"
    with open(path, "wb") as handle:
        for chunk in uploaded_file.chunks():
            handle.write(chunk)
    return path


def start_import(*, actor, uploaded_file, source, region=None, dry_run=False):
    """Check and store an uploaded payment file, create its import and queue it (run_import_job). Returns the
    import; for a file already imported, the earlier import with `same_file` set, and nothing is stored or queued.
    Raises ImportRefused for a refused file."""
    region = region or actor.region
    _check_importer(actor, region, source)
    path = _store(uploaded_file, uuid.uuid4().hex)
    try:
        kind = check_file(path)
        rows_total = estimate_rows(path, kind)
    except SpreadsheetRefused as error:
        path.unlink(missing_ok=True)
        raise ImportRefused(str(error)) from None
    sha256 = file_sha256(path)
    earlier = same_file(sha256, source, region.code)
    if earlier is not None and not dry_run:
        path.unlink(missing_ok=True)
        earlier.same_file = True
        return earlier
    with transaction.atomic():
        job = ContributionImport.objects.create(
            region_code=region.code, source=source, file_name=Path(uploaded_file.name).name[:200], sha256=sha256,
            dry_run=dry_run, stored_path=str(path), rows_total=max(rows_total - 1, 0) if rows_total else None,
            created_by=actor)
        audit.record(actor=actor, action="pensions.contributions.uploaded", target=job, region_code=job.region_code,
                     after={"payment_file": job.file_name, "payment_source": source, "payment_file_sha256": sha256,
                            "payment_dry_run": dry_run})
        origin = audit.current_origin()
        transaction.on_commit(lambda: run_import_job.enqueue(job.pk, origin.ip_address, origin.request_id))
    job.same_file = False
    return job


@task()
def run_import_job(import_id, ip_address="cli", request_id=""):
    # The worker has no request: its audit entry carries the upload's address and request id.
    token = audit.set_origin(audit.Origin(ip_address=ip_address, request_id=request_id))
    try:
        job = ContributionImport.objects.select_related("created_by").get(pk=import_id)
        if job.status in (ImportStatus.DONE, ImportStatus.FAILED):
            return
        try:
            _run(job, job.stored_path, actor=job.created_by, today=timezone.localdate())
        except ImportRefused:
            pass  # the import says why (its message); nothing was written for a refused file
        except RuntimeError as error:  # the reader process died: say so on the import's page
            _finish(job, ImportStatus.FAILED, message=f"{error}")
    finally:
        audit.reset_origin(token)


def _run(job, path, *, actor, today):
    """Import `path` into the import `job` (its counts saved with each batch); finish it, audited."""
    ContributionImport.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    target = imports.Target(import_id=job.pk, source=job.source, region_code=job.region_code, dry_run=job.dry_run)

    def save_progress(result):
        ContributionImport.objects.filter(pk=job.pk).update(
            rows_processed=result.rows_processed, matched=result.matched, unmatched=result.unmatched,
            duplicates=result.duplicates)

    try:
        result = tabular.run(path, imports.importer(target, today), result=imports.ContributionResult(),
                                     dry_run=job.dry_run, progress=save_progress)
    except ImportRefused as error:
        _finish(job, ImportStatus.FAILED, message=str(error))
        raise
    if job.dry_run:
        # The batches were rolled back (the unmatched rows with them): the counts stay on the import.
        save_progress(result)
    with transaction.atomic():
        _finish(job, ImportStatus.DONE, rows_total=result.rows_read, matched=result.matched,
                unmatched=result.unmatched, duplicates=result.duplicates,
                message="；".join(result.notes)[:500])
        if not job.dry_run:
            audit.record(actor=actor, action="pensions.contributions.imported", target=job,
                         region_code=job.region_code,
                         after={"payment_file": job.file_name, "payment_source": job.source,
                                "payment_file_sha256": job.sha256, "payments_matched": result.matched,
                                "payments_unmatched": result.unmatched, "payments_duplicate": result.duplicates,
                                "payment_subsidies": result.subsidies})
    return result


def _finish(job, status, message="", **counts):
    ContributionImport.objects.filter(pk=job.pk).update(status=status, message=message[:500],
                                                        finished_at=timezone.now(), stored_path="", **counts)
    if job.stored_path and Path(job.stored_path).name.startswith("contributions-"):
        Path(job.stored_path).unlink(missing_ok=True)


def import_file(path, *, actor, source, region=None, dry_run=False, today=None):
    """Import a payment file now (the command line). Returns (the import or None for a dry run, ContributionResult);
    for a file already imported, (the earlier import with `same_file` set, an empty result), nothing changed."""
    today = today or timezone.localdate()
    region = region or actor.region
    _check_importer(actor, region, source)
    sha256 = file_sha256(path)
    earlier = same_file(sha256, source, region.code)
    if earlier is not None and not dry_run:
        earlier.same_file = True
        return earlier, imports.ContributionResult()
    if dry_run:
        target = imports.Target(import_id=None, source=source, region_code=region.code, dry_run=True)
        result = tabular.run(path, imports.importer(target, today), result=imports.ContributionResult(),
                                     dry_run=True)
        return None, result
    with transaction.atomic():
        job = ContributionImport.objects.create(region_code=region.code, source=source,
                                                file_name=Path(path).name[:200], sha256=sha256, created_by=actor)
    job.same_file = False
    result = _run(job, path, actor=actor, today=today)
    job.refresh_from_db()
    job.same_file = False
    return job, result


# --- 补缴 -----------------------------------------------------------------------------------------------------

def standing_enrolment(person):
    return Enrolment.objects.filter(person=person, state=EnrolmentState.ACTIVE).first()


def county_start(enrolment):
    """The first day of the residents' scheme in the enrolment's county (the merged scheme: the earlier of the
    two it merged)."""
    county = county_code_of(enrolment.region_code)
    if enrolment.scheme == "crps":
        return min(scheme_start(county, "nrps"), scheme_start(county, "urps"))
    return scheme_start(county, enrolment.scheme)


def arrears_problems(*, person, enrolment, years, amount_per_year, paid_on, today):
    """What keeps this 补缴 from being recorded on `today`, in Chinese (empty when nothing)."""
    if enrolment is None:
        return [f"{person.name}没有参保缴费中的参保登记，不能补缴：请先办理参保登记。"]
    problems = []
    start = county_start(enrolment)
    rule = in_force(ELIGIBILITY, start)
    pension_age = in_force(PENSION_AGE, start)
    age = age_on(person.birth_date, start)
    if age >= pension_age:
        problems.append(f"{person.name}在本县(区)开始实行城乡居民养老保险时（{start:%Y-%m-%d}）已年满{pension_age}周岁，"
                        "不需缴费，也不能补缴。")
    elif pension_age - age > rule.within_years:
        problems.append(f"{person.name}在本县(区)开始实行城乡居民养老保险时（{start:%Y-%m-%d}）为{age}周岁，距{pension_age}周岁"
                        f"超过{rule.within_years}年，只能按年缴费，不能补缴。")
    try:
        years = sorted({int(year) for year in years})
    except (TypeError, ValueError):
        return [*problems, "补缴年度应为年份，如 2012。"]
    if not years:
        problems.append("请填写要补缴的年度。")
    try:
        amount = Decimal(str(amount_per_year))
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount <= 0 or amount > imports.MAX_AMOUNT:
        problems.append("每年补缴金额应为大于0的金额（元）。")
    if not isinstance(paid_on, datetime.date):
        problems.append("请填写缴费日期。")
    elif paid_on > today:
        problems.append(f"缴费日期{paid_on:%Y-%m-%d}晚于今天。")
    outside = [year for year in years if not start.year <= year <= today.year]
    if outside:
        problems.append(f"补缴年度{'、'.join(map(str, outside))}不在可补缴的范围内：应为{start.year}年（本县(区)开始实行的年份）"
                        f"至{today.year}年。")
    paid = paid_year_set(person, today)
    again = [year for year in years if year in paid]
    if again:
        problems.append(f"{'、'.join(map(str, again))}年度已缴费，不能重复补缴。")
    new_years = [year for year in years if year not in paid]
    if years and len(paid) + len(new_years) > rule.required_years:
        problems.append(f"已缴费{len(paid)}年，补缴{len(new_years)}年后共{len(paid) + len(new_years)}年，"
                        f"超过应缴的{rule.required_years}年：最多还能补缴{max(rule.required_years - len(paid), 0)}年。")
    return problems


def record_arrears(*, actor, person, years, amount_per_year, paid_on, today=None):
    """补缴: amounts paid at the window for past years by a person who was within `within_years` of 60 when the
    scheme started in their county; one 补缴 row a year, no government subsidy [believed, rules.py]."""
    today = today or timezone.localdate()
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action="pensions.arrears.record",
                    subject_id_number=person.id_number, message="只能为本辖区的参保人办理补缴。")
    enrolment = standing_enrolment(person)
    problems = arrears_problems(person=person, enrolment=enrolment, years=years, amount_per_year=amount_per_year,
                                paid_on=paid_on, today=today)
    if problems:
        raise ValidationError(problems)
    years = sorted({int(year) for year in years})
    amount = Decimal(str(amount_per_year)).quantize(imports.FEN)
    subsidy = arrears_subsidy(paid_on)
    with transaction.atomic():
        rows = [Contribution(person=person, enrolment=enrolment, region_code=enrolment.region_code, year=year,
                             kind=ContributionKind.ARREARS, amount=amount, paid_on=paid_on,
                             source=PaymentSource.WINDOW) for year in years]
        if subsidy:
            rows += [Contribution(person=person, enrolment=enrolment, region_code=enrolment.region_code, year=year,
                                  kind=ContributionKind.SUBSIDY, amount=subsidy, paid_on=paid_on,
                                  source=PaymentSource.WINDOW) for year in years]
        Contribution.objects.bulk_create(rows)
        audit.record(actor=actor, action="pensions.arrears.recorded", target=person, region_code=enrolment.region_code,
                     subject_id_number=person.id_number,
                     after={"arrears_years": "、".join(map(str, years)), "arrears_amount": amount,
                            "arrears_paid_on": paid_on})
    return rows


# --- unmatched rows ----------------------------------------------------------------------------------------

def resolve_unmatched(*, actor, row, resolution, today=None):
    """Mark an unmatched payment row as dealt with (the person registered or enrolled and the row imported again,
    the money returned ...), saying how."""
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=row.region_code, action="pensions.unmatched.resolve",
                    message="只能处理本辖区的未匹配缴费。")
    resolution = (resolution or "").strip()
    if not resolution:
        raise ValidationError("请填写处理说明（例如：已登记参保后重新导入、已退款）。")
    if row.resolved_at is not None:
        raise ValidationError(f"该行已于{timezone.localtime(row.resolved_at):%Y-%m-%d}处理，不能重复处理。")
    with transaction.atomic():
        UnmatchedPayment.objects.filter(pk=row.pk).update(resolved_at=timezone.now(), resolved_by=actor,
                                                          resolution=resolution[:200])
        row.refresh_from_db()
        audit.record(actor=actor, action="pensions.unmatched.resolved", target=row.import_file,
                     region_code=row.region_code, after={"unmatched_row": row.row, "unmatched_resolution": row.resolution})
    return row


def credit_unmatched(*, actor, row, today):
    """确认为本人（姓名有误），入账: an unmatched row whose ID number is of a person enrolled in the actor's scope (the
    name in the file differs from the ledger's) credited as the import would (the payment and its subsidy, by the
    import's own subsidy function), the row marked resolved. Refused for an ID out of scope, not enrolled, or a
    receipt already credited."""
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=row.region_code, action="pensions.unmatched.credit",
                    message="只能处理本辖区的未匹配缴费。")
    if row.resolved_at is not None:
        raise ValidationError(f"该行已于{timezone.localtime(row.resolved_at):%Y-%m-%d}处理，不能重复处理。")
    person = scoping.visible_to(actor, Person.objects.filter(id_number=row.id_number.strip().upper())).first()
    if person is None:
        raise ValidationError("本辖区人员台账中没有这个公民身份号码的人员，不能入账。")
    enrolment = standing_enrolment(person)
    if enrolment is None or enrolment.state not in (EnrolmentState.ACTIVE, EnrolmentState.DRAWING):
        raise ValidationError(f"{person.name}未参加城乡居民养老保险（或尚未办结），不能入账：请先办理参保登记。")
    try:
        year, amount = int(row.year), Decimal(row.amount)
        paid_on = datetime.date.fromisoformat(row.paid_on)
    except (TypeError, ValueError, ArithmeticError):
        raise ValidationError("该行的缴费年度、金额或到账日期不对，不能入账；请核对后重新导入。") from None
    source = row.import_file.source
    if row.receipt and Contribution.objects.filter(source=source, source_ref=row.receipt,
                                                   kind=ContributionKind.PERSONAL).exists():
        raise ValidationError(f"票据号/流水号{row.receipt}已入账，不能重复入账。")
    with transaction.atomic():
        common = {"person": person, "enrolment": enrolment, "region_code": enrolment.region_code, "year": year,
                  "paid_on": paid_on, "source": source, "source_ref": row.receipt, "import_file": row.import_file}
        payment = Contribution.objects.create(kind=ContributionKind.PERSONAL, amount=amount, **common)
        subsidy = imports._subsidy(types.SimpleNamespace(provinces={}, subsidies={}), enrolment.region_code,
                           paid_on.isoformat(), str(amount))
        if subsidy:
            Contribution.objects.create(kind=ContributionKind.SUBSIDY, amount=Decimal(subsidy), **common)
        UnmatchedPayment.objects.filter(pk=row.pk).update(
            resolved_at=timezone.now(), resolved_by=actor,
            resolution=f"确认为本人（姓名有误，台账姓名{person.name}），已入账"[:200])
        row.refresh_from_db()
        audit.record(actor=actor, action="pensions.unmatched.credited", target=row.import_file,
                     region_code=row.region_code, subject_id_number=person.id_number,
                     after={"unmatched_row": row.row, "credited_contribution": payment.pk,
                            "credited_amount": str(amount), "credited_subsidy": subsidy or "0"})
    return payment
