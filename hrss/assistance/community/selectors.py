"""Reads of the community part: the assessments a user sees, the urban communities (居委会) of a region, and the
criteria computed from the data for one community and year."""

import datetime

from django.apps import apps
from django.db.models import Q

from hrss.assistance.community import rules
from hrss.assistance.models import AssessmentResult, CommunityAssessment, Recognition, RecognitionStatus
from hrss.core import scoping
from hrss.core.dates import add_months
from hrss.core.models import Level, Region
from hrss.employment import selectors as employment_selectors
from hrss.residents.labour_status import LATEST_FIRST
from hrss.residents.models import LabourStatus, LabourStatusEvent, Person
from hrss.residents.selectors import URBAN_COMMITTEE, with_status_on

NOT_COMPUTED = "尚未计算（相关模块暂无数据来源），请人工核实并填写说明"


def assessments_visible_to(user, region=None, *, year=None, result=""):
    rows = scoping.visible_to(user, CommunityAssessment.objects.select_related("assessed_by", "decided_by"))
    if region is not None:
        rows = scoping.within_region(rows, region)
    if year:
        rows = rows.filter(year=year)
    if result:
        rows = rows.filter(result=result)
    return rows.order_by("-year", "region_code")


def met_count(user, region, year):
    return assessments_visible_to(user, region, year=year, result=AssessmentResult.MET).count()


def urban_communities(user, region):
    """The urban communities (居委会) of `region` in the user's scope."""
    return scoping.within_region(scoping.regions_visible_to(user).filter(level=Level.VILLAGE, kind=URBAN_COMMITTEE),
                                 region).order_by("code")


def is_urban_community(region):
    return region.level == Level.VILLAGE and region.kind == URBAN_COMMITTEE


def unassessed(user, region, year):
    """The urban communities of `region` without an assessment of `year`."""
    done = CommunityAssessment.objects.filter(year=year).values("region_code")
    return urban_communities(user, region).exclude(code__in=done)


def _model(name):
    try:
        return apps.get_model("assistance", name)
    except LookupError:
        return None


def as_of(year, today):
    """The (year, month) whose end the figures are read at: December of a past year; this month for this year."""
    return (year, 12) if year < today.year else (today.year, today.month)


def figures_day(year, today):
    """The day an assessment of `year` reads the ledger and the area's records at: 31 December of the year, or
    `today` for the current year (an assessment of a past year is held to that year's figures, not today's)."""
    return min(datetime.date(year, 12, 31), today)


# 辖区内无失业半年以上人员: unemployed (the ledger's status) for at least this many months at the figures' day.
LONG_UNEMPLOYED_MONTHS = 6


def long_unemployed(village, year, today):
    """[(person, unemployed since)] of the community: people living there whose ledger status on the figures' day
    is 失业, without a break since a day at least six months before it; by name."""
    day = figures_day(year, today)
    limit = add_months(day, -LONG_UNEMPLOYED_MONTHS)
    people = {person.pk: person for person in with_status_on(
        scoping.within_region(Person.objects.all(), village), day).filter(status_on_day=LabourStatus.UNEMPLOYED)}
    since = {}
    for event in LabourStatusEvent.objects.filter(person_id__in=people, effective_date__lte=day).order_by(
            "person_id", *LATEST_FIRST):
        if since.get(event.person_id, (None, True))[1]:
            unemployed = event.status == LabourStatus.UNEMPLOYED
            since[event.person_id] = (event.effective_date if unemployed else since[event.person_id][0], unemployed)
    found = [(people[pk], start) for pk, (start, _) in since.items() if start is not None and start <= limit]
    return sorted(found, key=lambda row: (row[0].name, row[0].pk))


def long_unemployed_problem(village, year, today):
    """The contradiction between a 达到 tick of 辖区内无失业半年以上人员 and the ledger, as a sentence; "" if none."""
    found = long_unemployed(village, year, today)
    if not found:
        return ""
    day = figures_day(year, today)
    names = "、".join(f"{person.name}（{start:%Y-%m-%d}起）" for person, start in found[:10])
    more = f"等{len(found)}人" if len(found) > 10 else f"共{len(found)}人"
    return (f"人员台账中{day:%Y年%m月%d日}仍失业半年以上的有{names}{more}，与“辖区内无失业半年以上人员”达到不符："
            f"请先在台账中更新他们的就业状态，或核实为未达到。")


def unemployment_rate(user, village, year, today):
    """城镇登记失业率 of the community at the month's end (employment's monthly figures), in percent; None without a
    base."""
    rate_year, month = as_of(year, today)
    figures = employment_selectors.monthly_figures(user, village, rate_year, month)
    return figures.unemployment_rate, figures, (rate_year, month)


def open_zero_employment_households(village, day):
    """零就业家庭 of the community found by `day` and not cleared by then (dismissed ones are not counted); None while
    the households part has no model."""
    model = _model("ZeroEmploymentHousehold")
    if model is None:
        return None
    rows = scoping.within_region(model.objects.all(), village).filter(found_on__lte=day).exclude(status="dismissed")
    return rows.filter(Q(cleared_on__isnull=True) | Q(cleared_on__gt=day)).count()


def difficulty_assistance(village, day):
    """(recognised 就业困难人员 of the community valid on `day`, of whom with a 援助计划 made by then), or None while
    the support part has no model."""
    model = _model("AssistancePlan")
    if model is None:
        return None
    # Valid on `day`: recognised by then, still valid, and not exited by then (an exit after `day` does not undo it).
    recognised = scoping.within_region(Recognition.objects.all(), village).filter(
        status__in=(RecognitionStatus.RECOGNISED, RecognitionStatus.EXITED), recognised_on__lte=day,
        valid_until__gte=day).filter(Q(exited_on__isnull=True) | Q(exited_on__gt=day))
    # A plan made by `day` (a later revision replaces it, it does not undo it).
    with_plan = recognised.filter(pk__in=model.objects.filter(made_on__lte=day).values("recognition_id"))
    return recognised.count(), with_plan.count()


def computed_criteria(user, village, year, today):
    """{criterion code: {"value", "met"}} for the computed criteria of `year`, at the year's figures: for a past
    year the rate at its December's end and the households and plans as they stood on 31 December (records entered
    later about that time count); for the current year, as of `today`."""
    day = figures_day(year, today)
    out = {}
    for criterion in rules.criteria_for(year):
        if criterion.kind != rules.COMPUTED:
            continue
        if criterion.code == rules.UNEMPLOYMENT_RATE:
            rate, figures, (rate_year, month) = unemployment_rate(user, village, year, today)
            if rate is None:
                out[criterion.code] = {"value": f"{rate_year}年{month}月末无城镇从业人员和登记失业人员，无法计算",
                                       "met": None}
            else:
                out[criterion.code] = {
                    "value": f"{rate}%（{rate_year}年{month}月末：城镇登记失业{figures.urban_registered_unemployed}人，"
                             f"城镇从业人员{figures.employed}人）",
                    "met": rate <= criterion.threshold}
        elif criterion.code == rules.ZERO_EMPLOYMENT_HOUSEHOLDS:
            count = open_zero_employment_households(village, day)
            out[criterion.code] = ({"value": NOT_COMPUTED, "met": None} if count is None
                                   else {"value": f"{day:%Y-%m-%d}未清零的零就业家庭{count}户", "met": count == 0})
        elif criterion.code == rules.ASSISTED:
            found = difficulty_assistance(village, day)
            if found is None:
                out[criterion.code] = {"value": NOT_COMPUTED, "met": None}
            else:
                total, planned = found
                out[criterion.code] = {"value": f"{day:%Y-%m-%d}有效认定{total}人，其中有现行援助计划{planned}人",
                                       "met": planned == total}
    return out


def region_named(code):
    return Region.objects.filter(code=code).first()


def findings(user, assessment, today):
    """The criteria of `assessment` as the page shows them: once decided, what was stored at the decision; while
    pending, the computed criteria recomputed now (records entered since about the year count) and the manual ones
    as recorded, a 达到 tick the ledger now contradicts marked with the contradiction ("conflict")."""
    if assessment.result != AssessmentResult.PENDING:
        return assessment.criteria
    village = Region.objects.filter(code=assessment.region_code).first()
    if village is None:
        return assessment.criteria
    computed = computed_criteria(user, village, assessment.year, today)
    out = {}
    for code, stored in assessment.criteria.items():
        row = dict(stored)
        if code in computed:
            row.update(computed[code])
        elif code == rules.NO_LONG_UNEMPLOYED and row.get("met") is True:
            conflict = long_unemployed_problem(village, assessment.year, today)
            if conflict:
                row.update(met=False, conflict=conflict)
        out[code] = row
    return out


def summary(criteria):
    """The list's 指标达到 column: "5/7 达到，未达到：登记失业率、零就业家庭；未计算：援助率"."""
    rows = list(criteria.items())
    met = sum(1 for _, row in rows if row.get("met") is True)
    text = f"{met}/{len(rows)} 达到"
    for label, value in (("未达到", False), ("未计算", None)):
        names = [rules.SHORT_NAMES.get(code, row.get("name", code)) for code, row in rows if row.get("met") is value]
        if names:
            text += f"，{label}：{'、'.join(names)}"
    return text
