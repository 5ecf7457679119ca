"""The community part's rows of the scope sweep (merged by hrss/assistance/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's assessment of the last year, recorded by alice and
waiting for the county."""

from django.utils import timezone

from hrss.assistance.community import rules, services
from hrss.assistance.models import CommunityAssessment
from hrss.core.areas import SweepRows, SweepWrite

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]


def _year():
    return timezone.localdate().year - 1


def _checks(year):
    # 无失业半年以上人员 ticked not met: the personas' ledger has people out of work for years.
    return {criterion.code: {"met": criterion.code != rules.NO_LONG_UNEMPLOYED, "note": "已核实"}
            if criterion.kind == rules.MANUAL else {"note": "已核实"} for criterion in rules.criteria_for(year)}


def objects(personas):
    assessment = services.record_assessment(actor=personas["village_assistant"], region_code=VILLAGE, year=_year(),
                                            checks=_checks(_year()), note="下城社区自评")
    return {"community_assessment": assessment}


def state():
    return [CommunityAssessment]


def _assessment(personas):
    return CommunityAssessment.objects.get(pk=personas["community_assessment"].pk)


def _form(year):
    data = {"village": VILLAGE, "year": str(year), "note": "越权"}
    for criterion in rules.criteria_for(year):
        if criterion.kind == rules.MANUAL:
            data[f"met_{criterion.code}"] = "no"
        data[f"note_{criterion.code}"] = "越权"
    return data


ROWS = SweepRows(
    list_routes={
        "assistance:community-assessments": {"outsiders": BOTH, "query": {}},
        "assistance:community-assessments-export": {"outsiders": BOTH, "query": {}},
        "assistance:community-assessment-new": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "assistance:community-assessments": {"outsiders": BOTH, "lists_people": False},
        "assistance:community-assessments-export": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "assistance:community-assessment-detail": ({"pk": "community_assessment"}, BOTH, {}),
        "assistance:community-assessment-decide": ({"pk": "community_assessment"}, BOTH, {
            "result": "not_met", "note": "越权", "version": "1"}),
    },
    create_routes={
        "assistance:community-assessment-new": (BOTH, _form(2025)),
    },
    api_reads={
        "/api/v1/assistance/communities/assessments": {},
    },
    api_writes={
        "/api/v1/assistance/communities/assessments": ({}, {"village_code": VILLAGE, "year": 2025,
                                                            "checks": {}, "note": "越权"}),
        "/api/v1/assistance/communities/assessments/{assessment_id}/decision": (
            {"assessment_id": "community_assessment"}, {"result": "not_met", "note": "越权", "version": 1}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.record_assessment, lambda p: {"region_code": VILLAGE, "year": _year(),
                                                          "checks": _checks(_year()), "note": "越权"}),
        SweepWrite(services.decide_assessment, lambda p: {"assessment": _assessment(p), "result": "not_met",
                                                          "note": "越权", "version": _assessment(p).version}),
    ],
    services=[services],
)
