"""Reads of the enrolment part, through core.scoping: a person's standing enrolment, the enrolments of a region
(the 参保台账), the pending ones overdue, and KPI 2 (对参保资料齐全的群众100%当天办结参保手续): per region and month,
the enrolments whose documents became complete that month and how many were enrolled that same day."""

import datetime

from django.db.models import Count, Exists, F, OuterRef, Q

from hrss.core import scoping, workdays
from hrss.core.dates import month_bounds
from hrss.core.id_numbers import mask
from hrss.core.models import Region
from hrss.core.selectors import place_names
from hrss.pensions.enrolment import rules as enrolment_rules
from hrss.pensions.enrolment.services import STANDING
from hrss.pensions.models import EmployeeSchemeRecord, Enrolment, EnrolmentState, Scheme
from hrss.residents.models import Person

STATES = dict(EnrolmentState.choices)
SCHEMES = dict(Scheme.choices)


def standing_enrolment(person):
    """The person's enrolment that is pending, paying or drawing, or None (at most one: a constraint)."""
    return Enrolment.objects.filter(person=person, state__in=STANDING).first()


def people_named(user, name, limit=50):
    """The people of the user's scope whose name contains `name` (the exact name first), for the intake's search by
    name: each with the masked ID number, the birth date and the village's name."""
    people = list(scoping.visible_to(user, Person.objects.filter(name__contains=name))
                  .order_by("name", "birth_date", "pk")[:limit])
    people.sort(key=lambda person: person.name != name)
    places = place_names(person.region_code for person in people)
    return [(person, places.get(person.region_code, "")) for person in people]


def enrolments_visible(user, region=None, *, state="", scheme="", q=""):
    """The enrolments the user may see (of `region`, when given), newest intake first; `state` and `scheme` are
    values of EnrolmentState and Scheme (others are ignored), `q` a name or an ID number."""
    rows = scoping.visible_to(user, Enrolment.objects.select_related("person"))
    if region is not None:
        rows = scoping.within_region(rows, region)
    if state in STATES:
        rows = rows.filter(state=state)
    if scheme in SCHEMES:
        rows = rows.filter(scheme=scheme)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(person__name__contains=q) | Q(person__id_number=q.upper()))
    return rows.order_by("-received_on", "-pk")


def working_days_waited(received_on, today, calendar=None):
    """Working days after the intake up to today (weekdays when the year's holidays are not loaded)."""
    try:
        return (calendar or workdays.Calendar.load()).working_days_after(received_on, today)
    except workdays.UnknownArrangement:
        return sum(1 for offset in range(1, (today - received_on).days + 1)
                   if (received_on + datetime.timedelta(days=offset)).weekday() < 5)


def pending_overdue(user, region, today):
    """The pending enrolments (待补齐材料) waiting more than rules.pending_working_days working days. Those of people in
    the employees' scheme on `today` are left out: they can never be completed, only terminated (their page says so)."""
    limit = enrolment_rules.pending_working_days(today)
    in_employee_scheme = EmployeeSchemeRecord.objects.filter(person=OuterRef("person"), since__lte=today).exclude(
        until__lt=today)
    rows = list(enrolments_visible(user, region, state=EnrolmentState.PENDING).exclude(Exists(in_employee_scheme)))
    calendar = workdays.Calendar.load()
    return [row for row in rows if working_days_waited(row.received_on, today, calendar) > limit]


# --- KPI 2 ----------------------------------------------------------------------------------------------------

def complete_in_month(user, region, year, month):
    """The enrolments whose documents became complete in the month (the KPI's denominator), in scope."""
    first, last = month_bounds(year, month)
    rows = enrolments_visible(user, region).filter(documents_complete_on__range=(first, last))
    return rows


def same_day_q():
    return Q(enrolled_on=F("documents_complete_on"))


def kpi_rows(user, region, year, month):
    """[(region, complete, same day)] for `region` (its total first) and each of its children in scope."""
    rows = complete_in_month(user, region, year, month)
    total = rows.aggregate(complete=Count("pk"), same=Count("pk", filter=same_day_q()))
    children = list(scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))
    complete = scoping.counts_by_child(rows, children)
    same = scoping.counts_by_child(rows.filter(same_day_q()), children)
    return [(region, total["complete"], total["same"]),
            *[(child, complete[child.code], same[child.code]) for child in children]]


def rate(complete, same):
    """The share done the same day, as a percentage with one decimal ("100.0%"), or "—" when none was complete."""
    return f"{same * 100 / complete:.1f}%" if complete else "—"


LEDGER_HEADER = ["村(社区)", "姓名", "公民身份号码", "险种", "缴费档次（元/年）", "状态", "受理日期", "材料齐全日期",
                 "参保日期", "终止/转出日期", "终止原因", "缺少材料"]


def ledger_rows(enrolments, places, missing_names):
    """The ledger's cells of each enrolment (ID numbers masked), in order."""
    out = []
    for enrolment in enrolments:
        out.append([
            places.get(enrolment.region_code, ""), enrolment.person.name, mask(enrolment.person.id_number),
            enrolment.get_scheme_display(), f"{enrolment.tier.normalize():f}", enrolment.get_state_display(),
            enrolment.received_on.isoformat(),
            enrolment.documents_complete_on.isoformat() if enrolment.documents_complete_on else "",
            enrolment.enrolled_on.isoformat() if enrolment.enrolled_on else "",
            enrolment.ended_on.isoformat() if enrolment.ended_on else "",
            enrolment.get_end_reason_display() if enrolment.end_reason else "",
            "、".join(missing_names(enrolment)) if enrolment.state == EnrolmentState.PENDING else ""])
    return out
