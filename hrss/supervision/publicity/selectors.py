"""Reads of the publicity part, through core.scoping: the 宣传活动台账 of a region with its filters and its figures
by month, the notices issued in a region with their read counts, an office's received notices."""

from django.db.models import Count, Q, Sum

from hrss.core import scoping
from hrss.supervision.models import Notice, NoticeReceipt, PublicityEvent, PublicityTopic


def _scoped(user, queryset, region):
    rows = scoping.visible_to(user, queryset)
    return scoping.within_region(rows, region) if region is not None else rows


def events(user, region=None, *, topic="", year=None, month=None, q=""):
    """The 宣传活动台账's events of the scope (of `region`), filtered: a topic, a year (and a month of it), words of
    the content, place or organiser. The latest first."""
    rows = _scoped(user, PublicityEvent.objects.select_related("created_by"), region)
    if topic in PublicityTopic.values:
        rows = rows.filter(topic=topic)
    if year:
        rows = rows.filter(held_on__year=year)
        if month:
            rows = rows.filter(held_on__month=month)
    if q.strip():
        words = q.strip()
        rows = rows.filter(Q(topic_detail__contains=words) | Q(place__contains=words) | Q(organiser__contains=words))
    return rows.order_by("-held_on", "-pk")


def totals(rows):
    """(events, people reached, materials handed out) of a queryset of events."""
    got = rows.order_by().aggregate(n=Count("pk"), people=Sum("people_reached"), materials=Sum("materials_count"))
    return got["n"], got["people"] or 0, got["materials"] or 0


def by_month(user, region, year):
    """[(month, events, people reached, materials)] for the twelve months of `year`, and the year's totals."""
    rows = events(user, region, year=year)
    found = {row["held_on__month"]: row for row in rows.order_by().values("held_on__month").annotate(
        n=Count("pk"), people=Sum("people_reached"), materials=Sum("materials_count"))}
    months = [(month, found.get(month, {}).get("n", 0), found.get(month, {}).get("people") or 0,
               found.get(month, {}).get("materials") or 0) for month in range(1, 13)]
    return months, totals(rows)


def issued(user, region=None):
    """The notices issued by offices of the scope (of `region`), with their receipts counted."""
    return _scoped(user, Notice.objects.select_related("issued_by"), region).annotate(
        receivers=Count("receipts"), read=Count("receipts", filter=Q(receipts__read_on__isnull=False))).order_by(
        "-issued_on", "-pk")


def received(user, office):
    """The receipts of the office `office` itself (what was sent to it), the unread first, the latest first."""
    return scoping.visible_to(user, NoticeReceipt.objects.filter(region_code=office.code)
                              .select_related("notice", "notice__issued_by", "read_by")).order_by(
        "read_on", "-notice__issued_on", "-pk")


def unread_in(user, region=None):
    """The unread receipts of the offices of the scope (of `region`)."""
    return _scoped(user, NoticeReceipt.objects.filter(read_on__isnull=True), region)


def without_readers(user, offices):
    """The codes of `offices` (regions of the user's scope) with no active staff account that can mark a notice
    read there (an account of that office itself holding SUPERVISION_HANDLE): a notice sent there waits unread."""
    from django.contrib.auth import get_user_model

    from hrss.core.permissions import role_permissions
    from hrss.supervision.permissions import SUPERVISION_HANDLE

    codes = {office.code for office in offices}
    if not codes:
        return set()
    roles = [role for role, granted in role_permissions().items() if SUPERVISION_HANDLE in granted]
    staffed = set(scoping.visible_to(user, get_user_model().objects.filter(
        is_active=True, region__code__in=codes, region__is_active=True, role_grants__role__in=roles))
        .values_list("region__code", flat=True))
    return codes - staffed


def overdue(rows, today):
    return rows.filter(notice__read_by__lt=today)


EVENTS_HEADER = ["举办单位", "活动日期", "宣传主题", "宣传内容", "地点", "受众人数", "发放资料（份）", "资料说明",
                 "组织者", "备注"]


def event_cells(event, places):
    return [places.get(event.region_code, ""), event.held_on, event.get_topic_display(),
            event.topic_detail, event.place, event.people_reached, event.materials_count,
            event.materials_description, event.organiser, event.note]


def month_of(value):
    """A month number 1..12 from the query, or None."""
    return int(value) if str(value).isdigit() and 1 <= int(value) <= 12 else None
