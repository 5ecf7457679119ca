"""Reads of the cards part, through core.scoping: the 社保卡台账 (applications of a region, filtered), the county's
batches, a person's cards, the figures of the statistics page. The photo column is left out of every list (it is
read only by the photo page)."""

from django.db.models import Count, Q

from hrss.core import scoping
from hrss.core.id_numbers import mask
from hrss.core.models import Level
from hrss.pensions.models import CardApplication, CardBatch, CardState

# The ledger's state filter: a state, or a group the statistics page counts together.
GROUPS = {
    "waiting": ("申领待制卡", (CardState.APPLIED,)),
    "producing": ("制卡中（含已制卡未到达）", (CardState.IN_BATCH, CardState.MADE)),
    "arrived": ("待领取", (CardState.ARRIVED,)),
    "handed_over": ("已领取未激活", (CardState.HANDED_OVER,)),
    "active": ("已激活", (CardState.ACTIVE,)),
    "lost": ("已挂失", (CardState.LOST,)),
    "cancelled": ("已注销", (CardState.CANCELLED,)),
}


def _scoped(user, queryset, region):
    rows = scoping.visible_to(user, queryset)
    return scoping.within_region(rows, region) if region is not None else rows


def applications(user, region=None):
    return _scoped(user, CardApplication.objects.defer("photo").select_related("person", "batch"), region)


def in_group(user, region, group):
    return applications(user, region).filter(state__in=GROUPS[group][1])


def ledger(user, region, *, state="", batch=None, q=""):
    """The 社保卡台账's applications, newest first: `state` a group of GROUPS; `batch` a CardBatch; `q` a name or
    an ID number or a card number."""
    rows = applications(user, region)
    if state in GROUPS:
        rows = rows.filter(state__in=GROUPS[state][1])
    if batch is not None:
        rows = rows.filter(batch=batch)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(person__name__contains=q) | Q(person__id_number=q.upper()) | Q(card_number=q.upper()))
    return rows.order_by("-applied_on", "-pk")


def batches(user, region=None):
    """The batches of the scope (of `region`), newest first, with their card counts."""
    return _scoped(user, CardBatch.objects.annotate(card_count=Count("applications")), region).order_by(
        "-created_on", "-pk")


def county_of(region):
    """The county a batch page is about: the region's own county when it is a county or lies in one (a township's
    or village's user sees their county's batches read-only); None above the county (a city chooses one)."""
    if region.level < Level.COUNTY:
        return None
    return scoping.ancestor_code(region.code, Level.COUNTY)


def waiting_count(user, county_code):
    """How many applications of the county the user sees wait for a batch."""
    rows = scoping.visible_to(user, CardApplication.objects.filter(state=CardState.APPLIED))
    return rows.filter(region_code__range=scoping.code_range(scoping.county_code_of(county_code))).count()


def history_of(user, person):
    """The person's applications the user may see, newest first."""
    return scoping.visible_to(user, CardApplication.objects.defer("photo").filter(person=person)
                              .select_related("batch", "replaces")).order_by("-applied_on", "-pk")


LEDGER_HEADER = ["村(社区)", "姓名", "公民身份号码", "申领类型", "申领日期", "状态", "制卡批次", "社保卡号", "领取日期",
                 "领取人", "激活日期", "挂失日期", "注销日期"]


def ledger_cells(application, place):
    """A line of the .xlsx (ID numbers masked)."""
    def day(value):
        return value.isoformat() if value else ""

    received = application.received_by + (f"（{application.received_relation}）" if application.received_relation
                                           else "")
    return [place, application.person.name, mask(application.person.id_number), application.get_reason_display(),
            day(application.applied_on), application.get_state_display(),
            application.batch.number if application.batch_id else "", application.card_number,
            day(application.handed_over_on), received, day(application.activated_on), day(application.lost_on),
            day(application.cancelled_on)]
