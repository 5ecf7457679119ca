"""Reads of the households part, each starting from core.scoping: the cases a user sees in a region, filtered by
state, the figures of the statistics page, the ledger's rural households without anyone in work, the .xlsx rows."""

from django.db.models import Count, Max, Min, OuterRef, Subquery

from hrss.assistance.households import rules
from hrss.assistance.models import HouseholdAssistance, HouseholdCaseStatus, ZeroEmploymentHousehold
from hrss.assistance.models.households import OPEN_STATUSES
from hrss.core import scoping
from hrss.core.dates import month_bounds
from hrss.core.id_numbers import mask
from hrss.core.selectors import place_names
from hrss.residents import selectors as ledger
from hrss.residents.models import Household, Person

# ?state= of the list (and of the figures' drill-down): label and the filter it applies on a day.
STATES = {
    "open": "尚未清零",
    "found": "待核实",
    "verified": "已核实，援助中",
    "overdue": "超过目标天数未清零",
    "found_this_month": "本月发现",
    "cleared_this_month": "本月清零",
    "cleared": "已清零",
    "late": "超期清零",
    "dismissed": "经核实不属于",
    "all": "全部",
}


def cases(user, region=None):
    found = scoping.visible_to(user, ZeroEmploymentHousehold.objects.all())
    return scoping.within_region(found, region) if region is not None else found


def in_state(queryset, state, today):
    month = month_bounds(today.year, today.month)
    if state == "open":
        return queryset.filter(status__in=OPEN_STATUSES)
    if state in ("found", "verified", "cleared", "dismissed"):
        return queryset.filter(status=state)
    if state == "overdue":
        return queryset.filter(rules.found_before_target_q(today), status__in=OPEN_STATUSES)
    if state == "found_this_month":
        return queryset.exclude(status=HouseholdCaseStatus.DISMISSED).filter(found_on__range=month)
    if state == "cleared_this_month":
        return queryset.filter(status=HouseholdCaseStatus.CLEARED, cleared_on__range=month)
    if state == "late":
        return queryset.filter(rules.cleared_late_q(), status=HouseholdCaseStatus.CLEARED)
    return queryset


def listed(user, region, state, today):
    # The head's name, as the ledger has it (the household is known by its head's ID number).
    head_name = Person.objects.filter(id_number=OuterRef("household__head_id_number")).values("name")[:1]
    return (in_state(cases(user, region), state, today)
            .select_related("household", "cleared_member")
            .annotate(records_count=Count("records"), first_assisted_on=Min("records__done_on"),
                      last_assisted_on=Max("records__done_on"), head_name=Subquery(head_name))
            .order_by("status", "found_on", "pk"))


def count(state):
    """A Figure's count: the cases in `state` the user sees inside the region, on a day."""

    def figure(user, region, today):
        return in_state(cases(user, region), state, today).count()

    return figure


def open_case_of(household):
    return ZeroEmploymentHousehold.objects.filter(household=household, status__in=OPEN_STATUSES).first()


def members(user, case):
    """The household's members the user sees (through core.scoping), the head first, then by age."""
    people = list(ledger.people_visible_to(user).filter(household_id=case.household_id).order_by("birth_date", "pk"))
    return sorted(people, key=lambda person: person.relation_to_head != "head")


def not_yet_open(user, region, today):
    """The ledger's 零就业家庭 in `region` (as `user` sees it) without an open case: what a scan would open."""
    found = ledger.zero_employment_households(user, region, today)
    opened = set(ZeroEmploymentHousehold.objects.filter(household_id__in=found, status__in=OPEN_STATUSES)
                 .values_list("household_id", flat=True))
    return {household_id: people for household_id, people in found.items() if household_id not in opened}


def rural_households(user, region, today):
    """农村家庭无人就业: the ledger's rural households whose members of working age able to work are all unemployed,
    [(household, members)], by village (a separate list, not 零就业家庭: URBAN_DEFINITION)."""
    found = ledger.zero_employment_households(user, region, today, urban=False)
    households = {household.pk: household for household in Household.objects.filter(pk__in=found)}
    return sorted(((households[pk], sorted(people, key=lambda person: (person.relation_to_head != "head",
                                                                        person.birth_date, person.pk)))
                   for pk, people in found.items()), key=lambda row: (row[0].region_code, row[0].pk))


def _date(value):
    return value.isoformat() if value else ""


def ledger_rows(user, region, state, today):
    """零就业家庭台账 as (header, rows): found, assisted and cleared dates. ID numbers are masked: the file leaves the
    system."""
    header = ["村(社区)", "村(社区)代码", "户主", "户主公民身份号码", "来源", "发现日期", "状态", "核实日期", "核实情况",
              "援助次数", "首次援助日期", "最近援助日期", "清零日期", "实现就业成员", "清零用时（天）", "是否超期",
              "已持续天数"]
    found = list(listed(user, region, state, today))
    places = place_names([case.region_code for case in found], region)
    rows = []
    for case in found:
        cleared = case.status == HouseholdCaseStatus.CLEARED
        rows.append([
            places.get(case.region_code, ""), case.region_code, case.head_name or "", mask(case.household.head_id_number),
            case.get_source_display(), _date(case.found_on), case.get_status_display(), _date(case.verified_on),
            case.verification_note, case.records_count, _date(case.first_assisted_on), _date(case.last_assisted_on),
            _date(case.cleared_on), case.cleared_member.name if case.cleared_member else "",
            case.days_to_clear if cleared else "",
            ("是" if rules.is_late(case.found_on, case.cleared_on) else "否") if cleared else "",
            case.days_open(today) if case.is_open else ""])
    return header, rows


def rural_rows(user, region, today):
    header = ["村(社区)", "村(社区)代码", "户主公民身份号码", "劳动年龄成员数", "成员（均失业）"]
    found = rural_households(user, region, today)
    places = place_names([household.region_code for household, _people in found], region)
    return header, [[places.get(household.region_code, ""), household.region_code, mask(household.head_id_number),
                     len(people), "、".join(person.name for person in people)] for household, people in found]


def records(case):
    return HouseholdAssistance.objects.filter(case=case).select_related("recorded_by").order_by("done_on", "pk")
