"""Reads of the community part: the assessments a user sees, the urban communities (居委会) of a region, and the
criteria computed from the data for one community and year."""

from django.apps import apps
from django.db.models import Q

from hrss.assistance.community import rules
from hrss.assistance.models import AssessmentResult, CommunityAssessment, Recognition, RecognitionStatus
from hrss.core import scoping
from hrss.core.models import Level, Region
from hrss.employment import selectors as employment_selectors
from hrss.residents.selectors import URBAN_COMMITTEE

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
    """(recognised 就业困难人员 of the community valid on `day`, of whom with a current 援助计划), or None while the
    support part has no model."""
    model = _model("AssistancePlan")
    if model is None:
        return None
    recognised = scoping.within_region(Recognition.objects.all(), village).filter(
        status=RecognitionStatus.RECOGNISED, recognised_on__lte=day, valid_until__gte=day)
    with_plan = recognised.filter(pk__in=model.objects.filter(is_current=True).values("recognition_id"))
    return recognised.count(), with_plan.count()


def computed_criteria(user, village, year, today):
    """{criterion code: {"value", "met"}} for the computed criteria of `year`: what the data says on `today` (for a
    past year, the rate at its December's end; the households and plans as they stand on the assessment day)."""
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
            count = open_zero_employment_households(village, today)
            out[criterion.code] = ({"value": NOT_COMPUTED, "met": None} if count is None
                                   else {"value": f"未清零的零就业家庭{count}户", "met": count == 0})
        elif criterion.code == rules.ASSISTED:
            found = difficulty_assistance(village, today)
            if found is None:
                out[criterion.code] = {"value": NOT_COMPUTED, "met": None}
            else:
                total, planned = found
                out[criterion.code] = {"value": f"有效认定{total}人，其中有现行援助计划{planned}人",
                                       "met": planned == total}
    return out


def region_named(code):
    return Region.objects.filter(code=code).first()
