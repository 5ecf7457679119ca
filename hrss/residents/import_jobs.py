"""Ledger imports from the web page: the upload is checked at once (so a refused file is refused while the user
waits), stored, and imported in the background by a django-tasks worker, with progress the page polls. A job
interrupted by a crash keeps every saved batch and can be resumed from where it stopped."""


import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from hrss.core import audit
from hrss.core.models import Region
from hrss.core.permissions import check_acting_in
from hrss.core.spreadsheets import SpreadsheetRefused, check_file, estimate_rows
from hrss.core.tabular import ImportRefused, Result, RowError
from hrss.residents.imports import check_importer, file_sha256, import_ledger, record_import
from hrss.residents.models import ImportJob


def _store(uploaded_file, job_id):
    folder = Path(settings.HRSS_IMPORT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{job_id}.upload"
    with open(path, "wb") as handle:
        for chunk in uploaded_file.chunks():
            handle.write(chunk)
    return path


def start_import(*, actor, uploaded_file, village=None, dry_run=False):
    """Check and store an uploaded file, create its job and queue it. Raises ImportRefused for a refused file
    (nothing is kept of it)."""
    check_importer(actor, village)
    job_id = uuid.uuid4()
    path = _store(uploaded_file, job_id)
    try:
        kind = check_file(path)
        rows_total = estimate_rows(path, kind)  # reading every row here would hold the upload for seconds
    except SpreadsheetRefused as error:
        path.unlink(missing_ok=True)
        raise ImportRefused(str(error)) from None
    job = ImportJob.objects.create(
        id=job_id, created_by=actor, region_code=village.code if village else actor.region.code,
        village_code=village.code if village else "", file_name=Path(uploaded_file.name).name[:200],
        stored_path=str(path), sha256=file_sha256(path), size=path.stat().st_size, dry_run=dry_run,
        rows_total=max(rows_total - 1, 0) if rows_total else None,
    )
    origin = audit.current_origin()
    transaction.on_commit(lambda: run_import_job.enqueue(str(job.id), origin.ip_address, origin.request_id))
    return job


@task()
def run_import_job(job_id, ip_address="cli", request_id=""):
    # The worker process has no request: the audit entries it writes carry the address and request id of the
    # upload (or of the resume) that queued it, as the entries written in the request do.
    token = audit.set_origin(audit.Origin(ip_address=ip_address, request_id=request_id))
    try:
        _run_import_job(job_id)
    finally:
        audit.reset_origin(token)


def _run_import_job(job_id):
    job = ImportJob.objects.select_related("created_by", "created_by__region").get(pk=job_id)
    if job.is_finished:
        return
    village = Region.objects.get(code=job.village_code) if job.village_code else None
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, started_at=job.started_at or timezone.now(),
                                               heartbeat_at=timezone.now())
    initial = Result(created=job.created, updated=job.updated, unchanged=job.unchanged,
                           rejected=[RowError(**error) for error in job.rejected], rows_processed=job.rows_processed)

    def save_progress(result):
        ImportJob.objects.filter(pk=job.pk).update(
            rows_processed=result.rows_processed, created=result.created, updated=result.updated,
            unchanged=result.unchanged, rejected=[error.as_dict() for error in result.rejected],
            notes=result.notes, heartbeat_at=timezone.now(),
        )

    try:
        result = import_ledger(job.stored_path, actor=job.created_by, village=village, dry_run=job.dry_run,
                               progress=None if job.dry_run else save_progress, start_after_row=job.rows_processed,
                               initial=initial)
    except (ImportRefused, PermissionDenied) as error:
        _finish(job, ImportJob.Status.FAILED, message=str(error) or "不在您的管辖范围内。")
        return
    save_progress(result)
    record_import(actor=job.created_by, result=result, village=village, file_name=job.file_name, sha256=job.sha256,
                  dry_run=job.dry_run)
    # The upload's estimate counted every row of the sheet, a title above the table included; now it is known.
    _finish(job, ImportJob.Status.DONE, rows_total=result.rows_read)


def _finish(job, status, message="", **counts):
    ImportJob.objects.filter(pk=job.pk).update(status=status, message=message[:500], finished_at=timezone.now(),
                                               stored_path="", **counts)
    if job.stored_path:
        Path(job.stored_path).unlink(missing_ok=True)


def resume_import(*, actor, job):
    """Queue an interrupted job again; it continues after its last saved batch."""
    check_importer(actor, None)
    check_acting_in(actor, region_code=job.region_code, action="residents.ledger.imported",
                    message="该导入不在您的管辖范围内。")
    if job.is_finished or not job.stored_path or not Path(job.stored_path).exists():
        raise ImportRefused("该导入已结束或文件已清理，不能继续；请重新上传。")
    origin = audit.current_origin()
    run_import_job.enqueue(str(job.id), origin.ip_address, origin.request_id)
    return job
