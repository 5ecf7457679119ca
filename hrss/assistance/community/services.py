"""The community part's writes: keyword-only, taking the actor, checking permission and scope, one transaction, one
audit entry each. An assessment is recorded (and recorded again) by the community's, the township's or the county's
staff; the county decides its result (达标/未达标) with a note."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.assistance.community import rules, selectors
from hrss.assistance.models import AssessmentResult, CommunityAssessment
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.core import audit
from hrss.core.models import Region
from hrss.core.permissions import Role, check_acting_in, check_permission

# Who decides the result: the county's 人社 officers [believed].
DECIDING_ROLES = frozenset({Role.COUNTY_OFFICER, Role.COUNTY_APPROVER})


def record_assessment(*, actor, region_code, year, checks, note="", today=None):
    """Record the assessment of the community `region_code` for `year`: the computed criteria from the data, the
    manual ones from `checks` ({code: {"met": bool, "note": str}}). A pending assessment of the same year is
    recorded again; a decided one is not changed."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=region_code, action="assistance.community_assessment.record",
                    message="只能评估本辖区内的社区。")
    village = Region.objects.filter(code=region_code, is_active=True).first()
    problems = []
    if village is None or not selectors.is_urban_community(village):
        problems.append("充分就业社区按城镇社区（居委会）评估：请选择一个社区。")
    if not isinstance(year, int) or year < rules.FIRST_YEAR or year > today.year:
        problems.append(f"评估年度应在{rules.FIRST_YEAR}年和今年之间。")
    existing = CommunityAssessment.objects.filter(region_code=region_code, year=year).first() \
        if isinstance(year, int) else None
    if existing is not None and existing.result != AssessmentResult.PENDING:
        problems.append(f"{year}年度的评估已由县(区)认定为“{existing.get_result_display()}”，不能再修改。")
    checks = checks or {}
    criteria = {}
    if not problems:
        computed = selectors.computed_criteria(actor, village, year, today)
        for criterion in rules.criteria_for(year):
            given = checks.get(criterion.code) or {}
            hand_note = str(given.get("note") or "").strip()[:200]
            if criterion.kind == rules.COMPUTED:
                found = computed[criterion.code]
                if found["met"] is None and not hand_note:
                    problems.append(f"“{criterion.name}”无法从数据计算：请填写人工核实说明。")
                criteria[criterion.code] = {"name": criterion.name, "kind": criterion.kind, **found,
                                            "note": hand_note}
            else:
                met = given.get("met")
                if not isinstance(met, bool):
                    problems.append(f"请核实“{criterion.name}”是否达到。")
                elif not hand_note:
                    problems.append(f"请填写“{criterion.name}”的核实说明。")
                elif met and criterion.code == rules.NO_LONG_UNEMPLOYED:
                    conflict = selectors.long_unemployed_problem(village, year, today)
                    if conflict:
                        problems.append(conflict)
                criteria[criterion.code] = {"name": criterion.name, "kind": criterion.kind,
                                            "value": "人工核实", "met": met, "note": hand_note}
        unknown = set(checks) - {criterion.code for criterion in rules.criteria_for(year)}
        if unknown:
            problems.append(f"{year}年度的评估标准中没有这些指标：{'、'.join(sorted(unknown))}。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        if existing is None:
            assessment = CommunityAssessment.objects.create(
                region_code=region_code, year=year, assessed_on=today, criteria=criteria, note=note.strip()[:300],
                assessed_by=actor)
        else:
            updated = CommunityAssessment.objects.filter(pk=existing.pk, result=AssessmentResult.PENDING).update(
                assessed_on=today, criteria=criteria, note=note.strip()[:300], assessed_by=actor,
                version=existing.version + 1)
            if not updated:
                raise ValidationError(["该评估刚刚已由县(区)认定，不能再修改。"])
            assessment = CommunityAssessment.objects.get(pk=existing.pk)
        audit.record(actor=actor, action="assistance.community_assessment.recorded", target=assessment,
                     region_code=region_code,
                     after={"assessment_year": year, "criteria_met": sum(1 for c in criteria.values() if c["met"]),
                            "criteria_total": len(criteria)}, note=note[:255])
    return assessment


def decide_assessment(*, actor, assessment, result, note, version, today=None):
    """The county's result of a pending assessment: met (达标) only when no criterion is found not met. The computed
    criteria are recomputed for the decision (the year's figures as they stand on `today`) and stored with it, so a
    decided assessment keeps the figures it was decided on."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=assessment.region_code, action="assistance.community_assessment.decide",
                    roles=DECIDING_ROLES, message="充分就业社区的评定结果由县(区)人社部门认定。")
    problems = []
    if assessment.result != AssessmentResult.PENDING:
        problems.append(f"该评估已认定为“{assessment.get_result_display()}”。")
    if result not in (AssessmentResult.MET, AssessmentResult.NOT_MET):
        problems.append("请选择认定结果：达标或未达标。")
    if not (note or "").strip():
        problems.append("请填写认定意见。")
    if version != assessment.version:
        problems.append("该评估刚刚被重新评估过，请刷新页面后再认定。")
    # Decided on the figures as they stand now (recomputed: records entered since the assessment count); these are
    # the ones stored with the result.
    criteria = selectors.findings(actor, assessment, today)
    failed = [c["name"] for c in criteria.values() if c.get("met") is False]
    if result == AssessmentResult.MET and failed:
        problems.append(f"以下指标未达到，不能认定为达标：{'、'.join(failed)}。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        updated = CommunityAssessment.objects.filter(
            pk=assessment.pk, result=AssessmentResult.PENDING, version=version).update(
            result=result, decided_on=today, decided_by=actor, decision_note=note.strip()[:300],
            criteria=criteria, version=version + 1)
        if not updated:
            raise ValidationError(["该评估刚刚已被认定或重新评估，请刷新页面。"])
        audit.record(actor=actor, action="assistance.community_assessment.decided", target=assessment,
                     region_code=assessment.region_code, after={"assessment_result": result}, note=note[:255])
    assessment.refresh_from_db()
    return assessment
