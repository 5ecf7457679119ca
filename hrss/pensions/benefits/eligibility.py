"""Who may draw the residents' pension (国发〔2009〕32号第十条、国发〔2014〕8号第十条, as schemes.rules.ELIGIBILITY
dates them): 60 reached; 15 years paid; or, for those near or over 60 when the scheme started in their county, the
rules for them (the basic pension without paying for those over 60, with the family-binding rule while it was in
force; every year since the start for those within 15 years of 60). A read: nothing here writes."""

import datetime
from dataclasses import dataclass, field

from hrss.core import scoping
from hrss.core.dated import in_force
from hrss.core.dates import add_months, age_on, years_before
from hrss.pensions.benefits import calc
from hrss.pensions.benefits import rules as own_rules
from hrss.pensions.contributions import account
from hrss.pensions.models import Enrolment, EnrolmentState, Pension, PensionState
from hrss.pensions.schemes.rules import ELIGIBILITY, scheme_start
from hrss.residents.models import HukouType, Person


@dataclass(frozen=True)
class Eligible:
    """What eligibility found: `route` says by which rule (in Chinese), `problems` each failing reason (empty when
    eligible)."""

    route: str
    problems: list = field(default_factory=list)
    scheme_started_on: datetime.date | None = None
    paid_years: int = 0
    required_years: int = 0

    @property
    def eligible(self):
        return not self.problems


def standing_enrolment(person):
    return Enrolment.objects.filter(person=person, state__in=[EnrolmentState.ACTIVE, EnrolmentState.DRAWING]).first()


def children_of(person, on):
    """The person's children of the ledger aged CHILD_AGE or over on `on`, in the same household (by relation to the
    head, own_rules.CHILDREN_BY_RELATION)."""
    relations = own_rules.CHILDREN_BY_RELATION.get(person.relation_to_head, ())
    if person.household_id is None or not relations:
        return []
    least = in_force(own_rules.CHILD_AGE, on)
    members = Person.objects.filter(household_id=person.household_id, relation_to_head__in=relations) \
        .exclude(pk=person.pk).order_by("birth_date")
    return [child for child in members if age_on(child.birth_date, on) >= least]


def scheme_started_on(person):
    """The first day of the scheme in the person's county (城居保 for a non-agricultural hukou, else 新农保)."""
    code = "urps" if person.hukou_type == HukouType.NON_AGRICULTURAL else "nrps"
    return scheme_start(scoping.county_code_of(person.region_code), code)


def eligibility(person, on):
    """Whether `person` may draw the pension on `on`, and every reason not, in Chinese: 60 reached; then by the
    person's age on the day the scheme started in the county (schemes.rules.ELIGIBILITY in force then): 60 or over,
    the basic pension without paying (while the family-binding rule is in force on `on`, only if every child of
    theirs aged 16+ in the household is enrolled); within `within_years` of 60, paid every year since the start
    (arrears count); everyone else, `required_years` paid."""
    problems = []
    first = calc.first_month_of(person.birth_date)
    pension_age = calc.pension_age_on(on)[0]
    if age_on(person.birth_date, on) < pension_age:
        problems.append(f"未满{pension_age}周岁：{first:%Y}年{first:%m}月起方可领取养老金。")
    start = scheme_started_on(person)
    age_then = calc.pension_age_on(start)[0]
    rule = in_force(ELIGIBILITY, start) or ELIGIBILITY[0][1]
    today_rule = in_force(ELIGIBILITY, on) or rule
    at_start = age_on(person.birth_date, start)
    paid = account.paid_years(person, on)
    if at_start >= age_then:
        route = f"本县(区){start:%Y年%m月%d日}开始实施时已满{age_then}周岁，不用缴费，按月领取基础养老金"
        required = 0
        if today_rule.family_binding:
            for child in children_of(person, on):
                if standing_enrolment(child) is None:
                    problems.append(f"家庭捆绑：符合参保条件的子女{child.name}（{age_on(child.birth_date, on)}岁）"
                                    "未参保；2014年2月21日前，其子女应当参保缴费，请先为其办理参保登记。")
    elif age_then - at_start <= rule.within_years:
        required = min(rule.required_years, age_then - at_start)
        route = (f"本县(区){start:%Y年%m月%d日}开始实施时{at_start}岁（距{age_then}周岁不足{rule.within_years}年），"
                 f"应按年缴费{required}年（可补缴）")
        if paid < required:
            problems.append(f"本县(区){start:%Y年%m月%d日}开始实施时{at_start}岁，应自实施起逐年缴费（可补缴）共"
                            f"{required}年，现已缴费{paid}年，还差{required - paid}年；请先补缴。")
    else:
        required = rule.required_years
        route = f"累计缴费满{required}年"
        if paid < required:
            problems.append(f"累计缴费须满{required}年：现已缴费{paid}年，还差{required - paid}年（可补缴）。")
    return Eligible(route=route, problems=problems, scheme_started_on=start, paid_years=paid,
                    required_years=required)


def first_month_for(person, today):
    """The first month paid for an application on `today`: the month after the 60th birthday, not before the
    scheme started in the county [believed: no months before that]."""
    first = calc.first_month_of(person.birth_date)
    return max(first, scheme_started_on(person).replace(day=1))


def turning_sixty_without_application(user, today):
    """The people of the user's scope with a standing enrolment (参保缴费) who turn 60 next month (their first month
    paid is the month after) and have no pension in review, paying or suspended: the village's reminder to take their
    application."""
    next_month = add_months(today.replace(day=1), 1)
    # Born in next_month's month pension-age years earlier: the birthday falls next month.
    age = calc.pension_age_on(next_month)[0]
    first = years_before(next_month, age)
    last = years_before(add_months(next_month, 1), age)
    standing = Pension.objects.filter(state__in=[PensionState.IN_REVIEW, PensionState.PAYING,
                                                 PensionState.SUSPENDED]).values("person_id")
    enrolled = Enrolment.objects.filter(state=EnrolmentState.ACTIVE).values("person_id")
    people = scoping.visible_to(user, Person.objects.filter(birth_date__gte=first, birth_date__lt=last,
                                                            pk__in=enrolled))
    return people.exclude(pk__in=standing).order_by("birth_date", "name")
