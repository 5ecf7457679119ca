"""OfficeActivity from the audit log: the months the log has grown in since the last refresh are counted again in
one grouped query (office = the region of the acting account, month in Heyuan's time), so a page reads a table of
one row an office and month instead of the log. A page asks for a refresh (django-tasks) when the log has grown,
at most once a minute; `hrss` runs it as a task, the tests immediately."""

import datetime

from django.db import transaction
from django.db.models import Case, CharField, Count, DateField, Max, Min, Q, Value, When
from django.db.models.functions import Concat, TruncMonth
from django.utils import timezone
from django_tasks import task

from hrss.core.models import AuditEntry
from hrss.network.models import ActivityWatermark, OfficeActivity

# What is not an office's own case work: signing in and out, accounts, downloads and the platform's settings. It
# still counts as use (entries, last activity), not as a case handled.
NOT_CASES = ("accounts.", "core.")
REQUEST_EXPIRES = datetime.timedelta(minutes=1)


def _case_key():
    business = Q(outcome=AuditEntry.Outcome.OK) & ~Q(target_id="")
    for prefix in NOT_CASES:
        business &= ~Q(action__startswith=prefix)
    return Case(When(business, then=Concat("target_type", Value(":"), "target_id", output_field=CharField())),
                default=None, output_field=CharField())


def _watermark():
    mark, _ = ActivityWatermark.objects.select_for_update().get_or_create(pk=1)
    return mark


def refresh():
    """Count again every month from the first one holding an audit entry not yet counted; returns the number of
    office-months written (0 when nothing was new)."""
    with transaction.atomic():
        mark = _watermark()
        head = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        if head <= mark.last_entry_id:
            return 0
        first_at = AuditEntry.objects.filter(id__gt=mark.last_entry_id, id__lte=head).aggregate(first=Min("at"))["first"]
        start = timezone.localtime(first_at).date().replace(day=1)
        start_at = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
        grouped = (AuditEntry.objects
                   .filter(at__gte=start_at, id__lte=head, outcome=AuditEntry.Outcome.OK, actor__region__isnull=False)
                   .annotate(month=TruncMonth("at", output_field=DateField()))
                   .values_list("actor__region__code", "month")
                   .annotate(entries=Count("id"), cases=Count(_case_key(), distinct=True), last_at=Max("at"))
                   .order_by())
        rows = [OfficeActivity(region_code=code, month=month, entries=entries, cases=cases, last_at=last_at)
                for code, month, entries, cases, last_at in grouped]
        OfficeActivity.objects.filter(month__gte=start).delete()
        OfficeActivity.objects.bulk_create(rows, batch_size=500)
        mark.last_entry_id, mark.refreshed_at = head, timezone.now()
        mark.save(update_fields=["last_entry_id", "refreshed_at"])
    return len(rows)


@task()
def refresh_activity():
    return refresh()


def state():
    """(the time of the figures or None, whether the audit log has grown since)."""
    mark = ActivityWatermark.objects.filter(pk=1).values("last_entry_id", "refreshed_at").first()
    head = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    if mark is None:
        return None, head > 0
    return mark["refreshed_at"], head > mark["last_entry_id"]


def request_refresh():
    """Ask for a refresh if the audit log has grown, once a minute at most whoever asks. Returns whether asked."""
    _, stale = state()
    if not stale:
        return False
    now = timezone.now()
    ActivityWatermark.objects.get_or_create(pk=1)
    asked = ActivityWatermark.objects.filter(
        Q(requested_at__isnull=True) | Q(requested_at__lt=now - REQUEST_EXPIRES), pk=1).update(requested_at=now)
    if asked:
        # Enqueued in the request's transaction (the task backend's row commits with it); a worker, or at once
        # with HRSS_TASKS_IMMEDIATE, counts what is committed.
        refresh_activity.enqueue()
    return bool(asked)
