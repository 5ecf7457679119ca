"""Labour-force figures for every region, computed together from the people table and kept as snapshots.

Counting 2,000,000 people for the city took 10 s per page view (bench/ledger_pages.py); one grouped query for
all regions at once takes a few seconds in the background, after which any region's page reads one row. Every
change to the ledger bumps LedgerVersion; a page that finds its snapshot older than the ledger shows the time of
its figures and asks for a refresh (django-tasks), once per change. The lists behind a number stay live queries.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from hrss.core import scoping
from hrss.core.dates import years_before
from hrss.core.models import Level
from hrss.core.signals import regions_changed
from hrss.residents.models import LabourStatus, LedgerVersion, Person, StatisticsSnapshot
from hrss.residents.selectors import AGE_BANDS


def mark_ledger_changed():
    """Call in the transaction of any write that changes who lives where or their labour status."""
    now = timezone.now()
    if not LedgerVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        LedgerVersion.objects.create(pk=1, version=1, changed_at=now)


@receiver(regions_changed)
def on_regions_changed(sender, **kwargs):
    mark_ledger_changed()  # a moved or merged village changes which region's figures its people count in


def current_version():
    return LedgerVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def _band_expression(as_of):
    whens = []
    for key, _label, youngest, _oldest in reversed(AGE_BANDS):
        if youngest is None:
            continue
        # Aged `youngest` or more on `as_of`: born on or before the date `youngest` years earlier.
        whens.append(When(birth_date__lte=years_before(as_of, youngest), then=Value(key)))
    return Case(*whens, default=Value(AGE_BANDS[0][0]), output_field=CharField())


def compute_snapshots(as_of=None):
    """Recompute the figures of every region. Returns the number of regions written."""
    as_of = as_of or timezone.localdate()
    version = current_version()
    grouped = (Person.objects.annotate(band=_band_expression(as_of))
               .values_list("region_code", "labour_status", "sex", "band").annotate(n=Count("id")).order_by())
    figures = defaultdict(lambda: {"total": 0, "statuses": defaultdict(int), "age_sex": defaultdict(int),
                                   "children": defaultdict(lambda: [0, 0])})
    for code, status, sex, band, count in grouped.iterator(chunk_size=5000):
        level = scoping.level_of_code(code)
        if level is None:
            continue
        for upper in Level:
            if upper > level:
                break
            region = scoping.ancestor_code(code, upper)
            entry = figures[region]
            entry["total"] += count
            entry["statuses"][status] += count
            entry["age_sex"][f"{band}|{sex}"] += count
            if upper < Level.VILLAGE:
                child = entry["children"][scoping.code_prefix(code, Level(upper + 1))]
                child[0] += count
                if status == LabourStatus.UNEMPLOYED:
                    child[1] += count
    now = timezone.now()
    snapshots = [
        StatisticsSnapshot(region_code=region, as_of=as_of, computed_at=now, ledger_version=version, data={
            "total": entry["total"], "statuses": dict(entry["statuses"]), "age_sex": dict(entry["age_sex"]),
            "children": {prefix: values for prefix, values in entry["children"].items()},
        })
        for region, entry in figures.items()
    ]
    if not snapshots:  # an empty ledger still records that its (empty) figures are current
        snapshots = [StatisticsSnapshot(region_code=settings.HRSS_ROOT_REGION_CODE, as_of=as_of, computed_at=now,
                                        ledger_version=version,
                                        data={"total": 0, "statuses": {}, "age_sex": {}, "children": {}})]
    with transaction.atomic():
        StatisticsSnapshot.objects.all().delete()
        StatisticsSnapshot.objects.bulk_create(snapshots, batch_size=500)
    return len(snapshots)


@task()
def refresh_statistics():
    snapshot = StatisticsSnapshot.objects.order_by("-computed_at").first()
    if snapshot is not None and snapshot.ledger_version >= current_version() and \
            snapshot.as_of == timezone.localdate():
        return 0  # already current: several requests for one change end here
    return compute_snapshots()


REQUEST_EXPIRES = datetime.timedelta(minutes=1)


def request_refresh():
    """Ask for fresh figures once per ledger version (a page viewed many times asks once, in any process). A
    request still unanswered after a minute (a worker restarted, a lost task) may be made again."""
    version, now = current_version(), timezone.now()
    asked = LedgerVersion.objects.filter(
        Q(refresh_requested__lt=version) | Q(refresh_requested_at__isnull=True)
        | Q(refresh_requested_at__lt=now - REQUEST_EXPIRES), pk=1,
    ).update(refresh_requested=version, refresh_requested_at=now)
    if asked:
        transaction.on_commit(refresh_statistics.enqueue)


def _latest():
    return StatisticsSnapshot.objects.order_by("-computed_at").values("ledger_version", "as_of", "computed_at").first()


def figures_for(user, region):
    """The region's figures for the statistics pages, and whether they are older than the ledger."""
    latest = _latest()
    if latest is None:
        compute_snapshots()  # first use on this database
        latest = _latest()
    stale = latest["ledger_version"] < current_version() or latest["as_of"] != timezone.localdate()
    if stale:
        request_refresh()
        latest = _latest()  # with an immediate task backend the figures are already fresh
        stale = latest["ledger_version"] < current_version() or latest["as_of"] != timezone.localdate()
    snapshot = scoping.visible_to(user, StatisticsSnapshot.objects.filter(region_code=region.code)).first()
    # A region without a snapshot has nobody living in it.
    data = snapshot.data if snapshot else {"total": 0, "statuses": {}, "age_sex": {}, "children": {}}
    return {
        "computed_at": latest["computed_at"],
        "stale": stale,
        "total": data["total"],
        "status_counts": [(status, data["statuses"].get(status.value, 0)) for status in LabourStatus],
        "age_sex": [{"band": key, "label": label, "M": data["age_sex"].get(f"{key}|M", 0),
                     "F": data["age_sex"].get(f"{key}|F", 0)} for key, label, _y, _o in AGE_BANDS],
        "children": [
            {"region": child, "total": data["children"].get(child.prefix, [0, 0])[0],
             "unemployed": data["children"].get(child.prefix, [0, 0])[1]}
            for child in scoping.regions_visible_to(user).filter(parent=region).order_by("code")
        ] if region.level < Level.VILLAGE else [],
    }

