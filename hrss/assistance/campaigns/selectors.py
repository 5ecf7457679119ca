"""Reads of the campaigns part: the campaigns a user sees (core.scoping), and a campaign's work counted per measure
for a region and each of its children."""

from dataclasses import dataclass

from django.db.models import Q

from hrss.assistance.campaigns.measures import MEASURES
from hrss.assistance.models import Campaign
from hrss.core import scoping
from hrss.core.models import Region

STATES = {"running": "进行中", "planned": "未开始", "ended": "已结束"}


def campaigns_visible_to(user, region=None, *, state="", today=None):
    rows = scoping.visible_to(user, Campaign.objects.select_related("created_by"))
    if region is not None:
        rows = scoping.within_region(rows, region)
    if state == "running":
        rows = rows.filter(starts_on__lte=today, ends_on__gte=today)
    elif state == "planned":
        rows = rows.filter(starts_on__gt=today)
    elif state == "ended":
        rows = rows.filter(ends_on__lt=today)
    return rows.order_by("-starts_on", "region_code", "pk")


def state_of(campaign, today):
    if campaign.starts_on > today:
        return "planned"
    return "ended" if campaign.ends_on < today else "running"


def running_count(user, region, today):
    return campaigns_visible_to(user, region, state="running", today=today).count()


@dataclass(frozen=True)
class Cell:
    measure: object
    done: int | None  # None: the part keeping these records is not there
    target: int | None

    @property
    def percent(self):
        if self.done is None or not self.target:
            return None
        return round(100 * self.done / self.target)


def progress(user, campaign, region):
    """[(Cell)] of `region` (the campaign's or one below it): each measure's work counted between the campaign's
    first and last day, and the campaign's target when `region` is the campaign's own."""
    own = region.code == campaign.region_code
    return [Cell(measure, measure.count(user, region, campaign.starts_on, campaign.ends_on),
                 campaign.targets.get(measure.code) if own else None) for measure in MEASURES]


def children_progress(user, campaign, region):
    """[(child region, [done or None per measure])] for the regions one level below `region` in the user's scope."""
    children = list(scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))
    if not children:
        return []
    by_measure = [measure.count_by_child(user, region, children, campaign.starts_on, campaign.ends_on)
                  for measure in MEASURES]
    return [(child, [None if counts is None else counts.get(child.code, 0) for counts in by_measure])
            for child in children]


def region_of_campaign(user, campaign, code):
    """The region a campaign page is about: the campaign's, or ?region= below it inside the user's scope; None when
    the code is neither (the page answers 404)."""
    if not code or code == campaign.region_code:
        return Region.objects.filter(code=campaign.region_code).first()
    if not scoping.code_is_within(code, campaign.region_code):
        return None
    return scoping.regions_visible_to(user).filter(code=code).first()


def overlapping(region_code, name, starts_on, ends_on, exclude_pk=None):
    rows = Campaign.objects.filter(region_code=region_code, name=name).filter(
        Q(starts_on__lte=ends_on) & Q(ends_on__gte=starts_on))
    return rows.exclude(pk=exclude_pk) if exclude_pk else rows
