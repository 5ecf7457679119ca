"""Reads of the retirees part, through core.scoping: the 退休人员台账 of a region with its filters, the retirees due
a visit (rules.py), the 社会化管理率 of a region and of each region below it, the activities and visits."""

from django.db.models import Count, Max, Q

from hrss.core import scoping
from hrss.core.dates import age_on, years_before
from hrss.core.id_numbers import mask
from hrss.core.models import Region
from hrss.pensions.models import Retiree, RetireeActivity, RetireeState, RetireeVisit
from hrss.pensions.models.retirees import STANDING_STATES
from hrss.pensions.retirees import rules

# Age bands of the ledger's filter: (value, label, youngest age, oldest age or None).
AGE_BANDS = (("under_70", "70岁以下", 0, 69), ("70_79", "70–79岁", 70, 79), ("80_up", "80岁及以上", 80, None))


def _scoped(user, queryset, region):
    rows = scoping.visible_to(user, queryset)
    return scoping.within_region(rows, region) if region is not None else rows


def retirees(user, region=None):
    """Every retiree record of the scope (of `region` inside it), with `last_visit_on`."""
    return _scoped(user, Retiree.objects.select_related("person"), region).annotate(
        last_visit_on=Max("visits__visited_on"))


def age_band_q(band, day):
    """The retirees whose age on `day` is in the band (ages from birth dates, core.dates)."""
    for value, _label, youngest, oldest in AGE_BANDS:
        if value == band:
            q = Q(person__birth_date__lte=years_before(day, youngest))
            if oldest is not None:
                q &= Q(person__birth_date__gt=years_before(day, oldest + 1))
            return q
    return Q()


def ledger(user, region, day, *, state="", age_band="", due_only=False, q=""):
    """The 退休人员台账's records, filtered: a state (standing: managed or not), an age band on `day`, only those
    due a visit, a name or ID number."""
    rows = retirees(user, region)
    if state == "standing":
        rows = rows.filter(state__in=STANDING_STATES)
    elif state in RetireeState.values:
        rows = rows.filter(state=state)
    if age_band:
        rows = rows.filter(age_band_q(age_band, day))
    if due_only:
        rows = rows.filter(due_q(day))
    if q.strip():
        rows = rows.filter(Q(person__name__contains=q.strip()) | Q(person__id_number=q.strip().upper()))
    return rows.order_by("region_code", "person__name", "pk")


# --- visits due -----------------------------------------------------------------------------------------------

def aged_q(day):
    return Q(person__birth_date__lte=rules.aged_born_by(day))


def _not_visited_since(cutoff):
    return Q(last_visit_on__isnull=True) | Q(last_visit_on__lt=cutoff)


def due_q(day):
    """On a queryset annotated with last_visit_on: standing retirees aged 80+ not visited within the aged interval,
    or marked sick not visited within the sick interval (the shorter interval wins for the sick aged)."""
    aged = aged_q(day) & _not_visited_since(rules.due_cutoff(day, "aged"))
    sick = Q(needs_care=True) & _not_visited_since(rules.due_cutoff(day, "sick"))
    return Q(state__in=STANDING_STATES) & (aged | sick)


def due_visits(user, region, day):
    """The retirees of the scope (of `region`) due a visit on `day`, the longest unvisited first."""
    return retirees(user, region).filter(due_q(day)).order_by("last_visit_on", "region_code", "pk")


def reasons(retiree, day):
    """Why `retiree` is visited regularly: 高龄 and/or 患病, in Chinese (empty when neither)."""
    found = []
    if age_on(retiree.person.birth_date, day) >= rules.aged_from(day):
        found.append(f"{rules.aged_from(day)}周岁以上")
    if retiree.needs_care:
        found.append("患病需关照")
    return found


def is_due(retiree, last_visit_on, day):
    if retiree.state not in STANDING_STATES:
        return False
    aged = age_on(retiree.person.birth_date, day) >= rules.aged_from(day)
    if aged and (last_visit_on is None or last_visit_on < rules.due_cutoff(day, "aged")):
        return True
    return retiree.needs_care and (last_visit_on is None or last_visit_on < rules.due_cutoff(day, "sick"))


# --- 社会化管理率 ----------------------------------------------------------------------------------------------

def management_counts(user, region):
    """(managed, not managed) among the standing retirees of `region` in the user's scope."""
    rows = _scoped(user, Retiree.objects.filter(state__in=STANDING_STATES), region)
    counts = dict(rows.order_by().values_list("state").annotate(n=Count("pk")))
    return counts.get(RetireeState.MANAGED, 0), counts.get(RetireeState.NOT_MANAGED, 0)


def rate(managed, not_managed):
    """社会化管理率 in percent with one decimal (None when there is nobody to manage)."""
    total = managed + not_managed
    return None if total == 0 else round(managed * 100 / total, 1)


def management_by_child(user, region):
    """[(child region, managed, not managed, rate)] for each active region directly below `region`."""
    children = list(scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))
    standing = scoping.within_region(scoping.visible_to(user, Retiree.objects.filter(state__in=STANDING_STATES)),
                                     region)
    managed = scoping.counts_by_child(standing.filter(state=RetireeState.MANAGED), children)
    waiting = scoping.counts_by_child(standing.filter(state=RetireeState.NOT_MANAGED), children)
    return [(child, managed[child.code], waiting[child.code], rate(managed[child.code], waiting[child.code]))
            for child in children]


# --- activities and visits --------------------------------------------------------------------------------------

def activities(user, region=None):
    return _scoped(user, RetireeActivity.objects.annotate(listed=Count("participants")), region).order_by(
        "-held_on", "-pk")


def visits(user, region=None):
    return _scoped(user, RetireeVisit.objects.select_related("retiree__person", "by"), region).order_by(
        "-visited_on", "-pk")


def retirees_for_activity(user, region):
    """The standing retirees an activity of `region` may list as participants."""
    return _scoped(user, Retiree.objects.filter(state__in=STANDING_STATES).select_related("person"),
                   region).order_by("person__name", "pk")


LEDGER_HEADER = ["村(社区)", "姓名", "公民身份号码", "年龄", "原工作单位", "退休日期", "月养老金（元）", "状态",
                 "纳入社会化管理日期", "档案移交日期", "最近走访", "患病需关照"]


def ledger_rows(retirees, day, places):
    """What a ledger line shows for each retiree (in order): a dict for the page, `cells` for the .xlsx (the ID
    number masked)."""
    out = []
    for retiree in retirees:
        person = retiree.person
        last = getattr(retiree, "last_visit_on", None)
        row = {"retiree": retiree, "person": person, "place": places.get(retiree.region_code, ""),
               "age": age_on(person.birth_date, day), "due": is_due(retiree, last, day), "last_visit_on": last}
        row["cells"] = [
            row["place"], person.name, mask(person.id_number), row["age"], retiree.employer_name,
            retiree.retired_on.isoformat(), f"{retiree.pension_amount:.2f}", retiree.get_state_display(),
            retiree.managed_since.isoformat() if retiree.managed_since else "",
            retiree.files_received_on.isoformat() if retiree.files_received_on else "",
            last.isoformat() if last else "未走访", "是" if retiree.needs_care else ""]
        out.append(row)
    return out
