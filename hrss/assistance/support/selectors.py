"""Reads of the support part, through core.scoping: the recognised people of a region (the 就业援助台账), their
plans and visits, who is overdue for a visit and who has no plan, and their referrals from 就业服务."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, Max, OuterRef, Q
from django.db.models.functions import Coalesce

from hrss.assistance.models import AssistancePlan, HomeVisit, Placement, Recognition, RecognitionStatus
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.assistance.recognition import categories
from hrss.assistance.recognition import selectors as recognition_selectors
from hrss.assistance.support import rules
from hrss.core import scoping
from hrss.core.dates import month_bounds
from hrss.core.id_numbers import mask
from hrss.core.permissions import has_permission
from hrss.jobservices.models import Referral, ReferralOutcome
from hrss.residents.labour_status import HOLDS_A_JOB
from hrss.residents.models import LabourStatus


def category_name(code):
    return categories.name_of(code) if code else ""


def valid_on(queryset, day):
    """The recognitions of `queryset` standing on `day` (已认定, valid_until not passed)."""
    return queryset.filter(recognition_selectors.in_force_q(day))


def is_valid(recognition, day):
    return (recognition.status == RecognitionStatus.RECOGNISED and recognition.recognised_on is not None
            and recognition.recognised_on <= day <= recognition.valid_until)


def _scoped(user, queryset, region):
    rows = scoping.visible_to(user, queryset)
    return scoping.within_region(rows, region) if region is not None else rows


def with_visits(queryset):
    """Recognitions with `last_visit_on` (the latest visit's day, or None) and `followed_since` (that day, or the
    recognition's day before the first visit) and `has_plan`."""
    return queryset.annotate(
        last_visit_on=Max("home_visits__visited_on"),
        followed_since=Coalesce(Max("home_visits__visited_on"), F("recognised_on")),
        has_plan=Exists(AssistancePlan.objects.filter(recognition=OuterRef("pk"), is_current=True)))


def recognised(user, region=None, day=None):
    """Everyone of the scope (of `region` inside it) ever recognised: standing or exited, with their visits."""
    rows = Recognition.objects.filter(recognised_on__isnull=False,
                                      status__in=[RecognitionStatus.RECOGNISED, RecognitionStatus.EXITED])
    return with_visits(_scoped(user, rows.select_related("person"), region))


def standing(user, region, day):
    """The recognitions of the scope (of `region`) valid on `day`."""
    return with_visits(valid_on(_scoped(user, Recognition.objects.select_related("person"), region), day))


def overdue(user, region, day):
    """Valid recognitions whose last visit (or the recognition, before any visit) is more than the interval ago."""
    return standing(user, region, day).filter(followed_since__lt=rules.overdue_cutoff(day))


def without_plan(user, region, day):
    return standing(user, region, day).filter(has_plan=False)


def with_plan(user, region, day):
    return standing(user, region, day).filter(has_plan=True)


def ledger(user, region, day, *, state="", plan="", overdue_only=False, q=""):
    """The 就业援助台账's recognitions, filtered: state "standing" (valid on `day`) or "exited"; plan "yes"/"no";
    only the overdue; a name or ID number."""
    rows = recognised(user, region, day)
    if state == "standing" or overdue_only or plan:
        rows = valid_on(rows, day)
    elif state == "exited":
        rows = rows.filter(status=RecognitionStatus.EXITED)
    if plan == "yes":
        rows = rows.filter(has_plan=True)
    elif plan == "no":
        rows = rows.filter(has_plan=False)
    if overdue_only:
        rows = rows.filter(followed_since__lt=rules.overdue_cutoff(day))
    if q.strip():
        rows = rows.filter(Q(person__name__contains=q.strip()) | Q(person__id_number=q.strip().upper()))
    return rows.order_by("region_code", "recognised_on", "pk")


def plans(user, region=None):
    """The current plans of the scope (of `region`)."""
    return _scoped(user, AssistancePlan.objects.filter(is_current=True)
                   .select_related("recognition__person", "responsible"), region).order_by("-made_on", "-pk")


def plan_history(recognition):
    return recognition.assistance_plans.select_related("responsible", "made_by").order_by("-version")


def current_plans(recognition_ids):
    """{recognition id: its current plan} for the ids."""
    return {plan.recognition_id: plan for plan in
            AssistancePlan.objects.filter(recognition_id__in=recognition_ids, is_current=True)}


def visits(user, region=None, *, month=None):
    """The visits of the scope (of `region`), newest first; `month` (year, month) keeps one month's."""
    rows = _scoped(user, HomeVisit.objects.select_related("recognition__person", "visitor"), region)
    if month is not None:
        rows = rows.filter(visited_on__range=month_bounds(*month))
    return rows.order_by("-visited_on", "-pk")


def last_visits(recognition_ids):
    """{recognition id: its latest visit} for the ids."""
    found = {}
    for visit in HomeVisit.objects.filter(recognition_id__in=recognition_ids).order_by("visited_on", "pk"):
        found[visit.recognition_id] = visit
    return found


def referrals_of(user, person, since=None):
    """The person's referrals (就业服务's 推荐就业) the user may see, newest first; from `since` when given."""
    rows = scoping.visible_to(user, Referral.objects.filter(seeker__person=person)
                              .select_related("vacancy__employer"))
    if since is not None:
        rows = rows.filter(referred_on__gte=since)
    return rows.order_by("-referred_on", "-pk")


def referral_figures(user, recognitions):
    """{recognition id: (referrals since the recognition, whether one of them was hired)}."""
    recognitions = list(recognitions)
    if not recognitions:
        return {}
    people = {r.person_id for r in recognitions}
    rows = (scoping.visible_to(user, Referral.objects.filter(seeker__person_id__in=people))
            .values_list("seeker__person_id", "referred_on", "outcome"))
    by_person = {}
    for person_id, referred_on, outcome in rows:
        by_person.setdefault(person_id, []).append((referred_on, outcome))
    out = {}
    for recognition in recognitions:
        found = [(on, outcome) for on, outcome in by_person.get(recognition.person_id, [])
                 if on >= recognition.recognised_on]
        out[recognition.pk] = (len(found), any(outcome == ReferralOutcome.HIRED for _on, outcome in found))
    return out


def open_placements(person_ids, day):
    """{person id: their public-welfare placement (公益性岗位) running on `day`} for the ids (a read of the posts
    part's Placement, for the ledger's 就业 column and the assistance page)."""
    return {placement.person_id: placement for placement in
            Placement.objects.filter(person_id__in=person_ids, started_on__lte=day)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day)).select_related("post").order_by("started_on")}


def employment_way(recognition, hired, placement=None):
    """How the person is in work (the ledger's 就业 column), or "" when not: in a public-welfare post (公益性岗位),
    holding a job by the ledger of people (单位就业 / 灵活就业, residents.labour_status.HOLDS_A_JOB), hired through a
    referral since the recognition (经推荐录用), or exited for stable work (稳定就业退出)."""
    if placement is not None:
        return "公益性岗位"
    status = recognition.person.labour_status
    if status in HOLDS_A_JOB:
        return str(LabourStatus(status).label)
    if hired:
        return "经推荐录用"
    if recognition.exit_reason == "stable_work":
        return "稳定就业退出"
    return ""


def is_placed(recognition, hired, placement=None):
    """Placed (已就业): see employment_way."""
    return bool(employment_way(recognition, hired, placement))


def days_since(day, since):
    return (day - since).days if isinstance(since, datetime.date) else None


def responsible_choices(recognition):
    """The staff who may be made responsible for a plan in the recognition's village: active accounts who may handle
    assistance, of that village, its township and its county; the city's (or higher) only when none of those has
    one (a read, for the forms)."""
    codes = scoping.ancestor_codes(recognition.region_code)
    users = [user for user in get_user_model().objects.filter(
                 is_active=True, region__code__in=[*codes, recognition.region_code])
             .select_related("region").order_by("-region__code", "username")
             if has_permission(user, ASSISTANCE_HANDLE)]
    near = [*codes[-2:], recognition.region_code]  # the county and the township above the village
    local = [user for user in users if user.region.code in near]
    return local or users


LEDGER_HEADER = ["村(社区)", "姓名", "公民身份号码", "援助对象类别", "认定日期", "有效期至", "援助计划", "计划责任人",
                 "最近走访", "走访情况", "推荐就业次数", "就业情况", "状态"]


def ledger_rows(user, recognitions, day, places):
    """What a ledger line shows for each recognition (in order): a dict for the page, and `cells` for the .xlsx."""
    recognitions = list(recognitions)
    ids = [r.pk for r in recognitions]
    plans, visits = current_plans(ids), last_visits(ids)
    placements = open_placements({r.person_id for r in recognitions}, day)
    referrals = referral_figures(user, recognitions)
    cutoff = rules.overdue_cutoff(day)
    out = []
    for recognition in recognitions:
        plan, visit = plans.get(recognition.pk), visits.get(recognition.pk)
        count, hired = referrals.get(recognition.pk, (0, False))
        standing = is_valid(recognition, day)
        followed = visit.visited_on if visit else recognition.recognised_on
        exited = recognition.status == RecognitionStatus.EXITED
        state = (f"已退出（{recognition.get_exit_reason_display()}）" if exited
                 else "在册" if standing else "认定已过期")
        row = {
            "recognition": recognition, "person": recognition.person, "place": places.get(recognition.region_code, ""),
            "category": category_name(recognition.category), "plan": plan,
            "plan_items": "、".join(plan.item_labels()) if plan else "", "visit": visit,
            "referrals": count, "employment": employment_way(recognition, hired, placements.get(recognition.person_id)),
            "exited": exited, "state": state,
            "overdue": standing and followed < cutoff,
        }
        row["cells"] = [
            row["place"], recognition.person.name, mask(recognition.person.id_number), row["category"],
            recognition.recognised_on.isoformat(), recognition.valid_until.isoformat() if recognition.valid_until else "",
            row["plan_items"] or "未制定",
            (str(plan.responsible) if plan else ""), visit.visited_on.isoformat() if visit else "未走访",
            visit.outcome if visit else "", count, row["employment"] or "未就业", state]
        out.append(row)
    return out
