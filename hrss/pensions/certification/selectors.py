"""Reads of the certification part, through core.scoping: the campaigns a user sees, the campaigns that cover a
region (a village works in its county's campaign), a region's certifications of a year (the village's list, the
认证台账) and their figures per state, for the region and for each region below it.

A campaign's subjects are every pension paying and every retiree managed in its region (read live, not fixed at
the start), plus whoever already has a certification row in it. Starting a campaign writes no row: a row is made
when a village's or township's list is opened (services.ensure_rows), at a death, or by the suspension run. Until
then a subject without a row of the campaign's year counts as 待认证 in every figure (subjects_without_rows); once
the uncertified have been suspended, the rows are the campaign's whole list."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.http import Http404

from hrss.core import scoping
from hrss.core.id_numbers import mask
from hrss.core.models import PREFIX_LENGTH, Region
from hrss.pensions.models import (
    Certification,
    CertificationCampaign,
    CertificationState,
    Pension,
    PensionState,
    Retiree,
    RetireeState,
)

STATES = {"open": "认证中", "planned": "未开始", "to_suspend": "认证期已过，待暂停未认证人员待遇", "done": "已结束"}

DONE = (CertificationState.CERTIFIED, CertificationState.RESUMED)


def state_of(campaign, today):
    if campaign.opens_on > today:
        return "planned"
    if campaign.closes_on >= today:
        return "open"
    return "done" if campaign.suspensions_done_on else "to_suspend"


def days_left(campaign, today):
    """Days of the window left on `today`, today included (1 on the last day)."""
    return (campaign.closes_on - today).days + 1


def code_range(code):
    """The first and last 12-digit code of the region `code` names and everything below it."""
    return scoping.code_range(scoping.code_prefix(code, scoping.level_of_code(code)))


def without_rows(year, pensions=None, retirees=None):
    """[pensions, retirees] with no certification row in a campaign of `year` (an int, or an OuterRef to a
    campaign's year): of those paying and those managed, wherever they live, unless other querysets are given."""
    pensions = Pension.objects.filter(state=PensionState.PAYING) if pensions is None else pensions
    retirees = Retiree.objects.filter(state=RetireeState.MANAGED) if retirees is None else retirees
    return [pensions.filter(~Exists(Certification.objects.filter(campaign__year=year, pension=OuterRef("pk")))),
            retirees.filter(~Exists(Certification.objects.filter(campaign__year=year, retiree=OuterRef("pk"))))]


def subjects_without_rows(user, region, campaigns):
    """[pensions, retirees]: the subjects of `campaigns` (of one year) in `region` that the user sees and that have
    no row yet; each counts as 待认证. A campaign whose uncertified were suspended has none (the suspension run gave
    every subject a row), so [] when no campaign is left."""
    campaigns = [campaign for campaign in campaigns if campaign.suspensions_done_on is None]
    if not campaigns:
        return []
    (year,) = {campaign.year for campaign in campaigns}
    inside = Q()
    for campaign in campaigns:
        inside |= Q(region_code__range=code_range(campaign.region_code))
    return [scoping.within_region(scoping.visible_to(user, rows.filter(inside)), region) for rows in without_rows(year)]


def places_of_subjects_named(user, region, campaigns, q, *, most=20):
    """The villages (region codes) holding subjects without a row whose name contains `q` or whose ID number is
    `q`, in `region` and the user's scope: a county's or the city's search by name, whose rows are made there
    first (at most `most` villages, the search being a person's, not a list's)."""
    q = (q or "").strip()
    if not q:
        return []
    codes = set()
    for rows in subjects_without_rows(user, region, campaigns):
        codes |= set(rows.filter(Q(person__name__contains=q) | Q(person__id_number=q.upper()))
                     .order_by("region_code").values_list("region_code", flat=True).distinct()[:most])
    return sorted(codes)[:most]


def _holding(user, region):
    """Campaigns of a region above `region` holding subjects of `region` that the user sees (a certification row,
    or a subject without one while the campaign has not suspended the uncertified): a village works in its county's
    campaign, whose region it does not see as a whole. A campaign holding none of the user's subjects is not theirs
    to see (404, as for any record out of scope)."""
    held = scoping.within_region(scoping.visible_to(user, Certification.objects.filter(campaign=OuterRef("pk"))),
                                 region)
    living = [Exists(scoping.within_region(scoping.visible_to(user, rows), region))
              for rows in without_rows(OuterRef(OuterRef("year")))]
    return CertificationCampaign.objects.filter(region_code__in=scoping.ancestor_codes(region.code)).filter(
        Q(Exists(held)) | Q(suspensions_done_on__isnull=True) & (Q(living[0]) | Q(living[1])))


def covering(user, region):
    """The campaigns holding subjects of `region` for the user: those of the region and below it in the user's
    scope (a city user sees each county's campaign), and those of a region above it holding subjects of the region
    the user sees (_holding)."""
    below = scoping.within_region(scoping.visible_to(user, CertificationCampaign.objects.all()), region)
    return (below | _holding(user, region)).order_by("-year", "region_code", "pk")


def campaigns_visible_to(user, region=None, *, state="", today=None):
    """The campaigns of `region` (the user's own by default) as covering() finds them, filtered by state."""
    if region is None:
        scope = scoping.scope_of(user)
        if scope.is_empty:
            return CertificationCampaign.objects.none()
        region = scope.region
    rows = covering(user, region).select_related("created_by")
    if state == "open":
        rows = rows.filter(opens_on__lte=today, closes_on__gte=today)
    elif state == "planned":
        rows = rows.filter(opens_on__gt=today)
    elif state == "to_suspend":
        rows = rows.filter(closes_on__lt=today, suspensions_done_on__isnull=True)
    elif state == "done":
        rows = rows.filter(suspensions_done_on__isnull=False)
    return rows


def campaign_or_404(user, pk, queryset=None):
    """A campaign the user sees (covering() of the user's own region), or 404."""
    scope = scoping.scope_of(user)
    if scope.is_empty:
        raise Http404
    found = covering(user, scope.region).filter(pk=pk)
    if queryset is not None:
        found = queryset.filter(pk__in=found.values("pk"))
    campaign = found.first()
    if campaign is None:
        raise Http404
    return campaign


def overlapping(region, year):
    """Campaigns of `year` whose region is `region`, one above it or one below it: a subject is in one campaign a
    year."""
    rows = CertificationCampaign.objects.filter(year=year)
    return (scoping.within_region(rows, region)
            | rows.filter(region_code__in=scoping.ancestor_codes(region.code)))


def years(user, region):
    """The years of the campaigns covering `region`, the latest first."""
    return sorted(set(covering(user, region).values_list("year", flat=True)), reverse=True)


def default_year(user, region):
    found = years(user, region)
    return found[0] if found else None


def certifications(user, region, year, *, state="", kind="", method="", q=""):
    """The certification rows of `year` in `region` (within the user's scope), filtered: a state ("done" for
    certified or resumed), a kind ("pension", "retiree"), a method, a name or an ID number (the whole number). The
    subjects without a row are not in it: a list of people calls services.ensure_rows for the region first."""
    campaign_ids = list(covering(user, region).filter(year=year).values_list("pk", flat=True))
    rows = scoping.within_region(scoping.visible_to(user, Certification.objects.filter(campaign_id__in=campaign_ids)),
                                 region)
    if state == "done":
        rows = rows.filter(state__in=DONE)
    elif state in CertificationState.values:
        rows = rows.filter(state=state)
    if kind == "pension":
        rows = rows.filter(pension__isnull=False)
    elif kind == "retiree":
        rows = rows.filter(retiree__isnull=False)
    if method:
        rows = rows.filter(method=method)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(person__name__contains=q) | Q(person__id_number=q.upper()))
    return rows.select_related("person", "campaign", "certified_by").order_by("region_code", "pk")


@dataclass(frozen=True)
class Figures:
    due: int  # 应认证: everyone in the campaign but those who died before being certified
    done: int  # 已认证 (certified, or certified after a suspension and resumed)
    waiting: int  # 待认证
    suspended: int  # 未认证，已暂停
    resumed: int  # 已认证，已恢复
    died: int = 0  # 已死亡 before being certified (no longer due)

    @property
    def percent(self):
        return round(100 * self.done / self.due) if self.due else None


def figures_of(rows, unrowed=()):
    """Figures of a queryset of certifications, in one grouped query, with the subjects without a row
    (subjects_without_rows, one count each) as 待认证."""
    by_state = dict(rows.order_by().values_list("state").annotate(n=Count("pk")))
    waiting = sum(subjects.count() for subjects in unrowed)
    if waiting:
        by_state[CertificationState.DUE] = by_state.get(CertificationState.DUE, 0) + waiting
    return _figures(by_state)


def _figures(by_state):
    done = sum(by_state.get(state, 0) for state in DONE)
    died = by_state.get(CertificationState.DIED, 0)
    return Figures(due=sum(by_state.values()) - died, done=done, died=died, waiting=by_state.get(CertificationState.DUE, 0),
                   suspended=by_state.get(CertificationState.SUSPENDED, 0),
                   resumed=by_state.get(CertificationState.RESUMED, 0))


def figures_with_children(user, region, rows, unrowed=()):
    """(Figures of `region`, [(child region, Figures)] for the regions one level below it in the user's scope),
    reading the rows once, grouped by child and state, and each kind of subject without a row once, grouped by
    child: the region's figures are the sums of its groups (a city's page reads its 300,000 subjects twice, not
    six times)."""
    children = list(scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))
    if not children:
        return figures_of(rows, unrowed), []
    length = PREFIX_LENGTH[children[0].level]
    grouped = defaultdict(Counter)  # child prefix -> state -> count
    for prefix, state, count in (rows.order_by().annotate(child_prefix=Substr("region_code", 1, length))
                                 .values("child_prefix", "state").annotate(n=Count("pk"))
                                 .values_list("child_prefix", "state", "n")):
        grouped[prefix][state] += count
    for subjects in unrowed:
        for prefix, count in (subjects.order_by().annotate(child_prefix=Substr("region_code", 1, length))
                              .values("child_prefix").annotate(n=Count("pk")).values_list("child_prefix", "n")):
            grouped[prefix][CertificationState.DUE] += count
    total = sum(grouped.values(), Counter())
    return _figures(dict(total)), [(child, _figures(dict(grouped[child.prefix]))) for child in children]


def region_of_campaign(user, campaign, code):
    """The region a campaign's page is about: ?region= inside both the campaign's region and the user's scope, or by
    default the campaign's (the user's own, for a user below it); None when the code is neither (404)."""
    scope = scoping.scope_of(user)
    if not code:
        code = campaign.region_code if scope.contains_code(campaign.region_code) else scope.region.code
    if not scoping.code_is_within(code, campaign.region_code):
        return None
    return scoping.regions_visible_to(user).filter(code=code).first()


def campaign_figures(user, campaign, region):
    """(rows, unrowed, Figures) of a campaign in `region` (inside the campaign's region and the user's scope)."""
    rows = scoping.within_region(scoping.visible_to(user, campaign.certifications.all()), region)
    unrowed = subjects_without_rows(user, region, [campaign])
    return rows, unrowed, figures_of(rows, unrowed)


def subjects_seen(user, campaign):
    """How many subjects the campaign has in the part of its region the user sees (those who died while due
    included): the live figure that replaces a count fixed at the start."""
    region = region_of_campaign(user, campaign, "")
    if region is None:
        return 0
    figures = campaign_figures(user, campaign, region)[2]
    return figures.due + figures.died


def runs(user, campaign):
    """Whether the user's scope holds the campaign's whole region (its county's or the city's staff)."""
    return scoping.scope_of(user).contains_code(campaign.region_code)


def figure_count(user, region, today, state):
    """The statistics page's figure: certifications of the latest year covering `region`, of `state` ("" for all
    due, i.e. all but those who died before being certified; "done", or a CertificationState); the subjects without
    a row count in "" and "due"."""
    year = default_year(user, region)
    if year is None:
        return 0
    rows = certifications(user, region, year, state=state)
    count = rows.exclude(state=CertificationState.DIED).count() if not state else rows.count()
    if state in ("", CertificationState.DUE):
        campaigns = covering(user, region).filter(year=year)
        count += sum(subjects.count() for subjects in subjects_without_rows(user, region, campaigns))
    return count


LEDGER_HEADER = ["村(社区)", "姓名", "公民身份号码", "类别", "认证年度", "状态", "认证方式", "认证日期", "证明亲属",
                 "最近提醒", "暂停起始年月", "补发金额（元）", "经办人"]


def ledger_cells(certification, place):
    """One line of the 认证台账's .xlsx (the ID number masked)."""
    relative = (f"{certification.relative_name}（{certification.relation}）" if certification.relative_name else "")
    return [place, certification.person.name, mask(certification.person.id_number), certification.kind_label,
            certification.campaign.year, certification.get_state_display(), certification.get_method_display(),
            _iso(certification.certified_on), relative, _iso(certification.reminded_on),
            f"{certification.suspended_from:%Y-%m}" if certification.suspended_from else "",
            str(certification.back_pay) if certification.back_pay is not None else "",
            str(certification.certified_by or "")]


def _iso(day):
    return day.isoformat() if day else ""
