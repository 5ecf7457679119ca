"""Write services of the guidance part (职业指导 and 招聘会): keyword-only, taking the actor, checking permission and
scope before one transaction (a refusal is audited), leaving an audit entry. Bad input is a ValidationError listing
every reason in Chinese."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.models import Level
from hrss.core.permissions import check_acting_in, check_permission
from hrss.jobservices.models import (
    FairAttendance,
    FairVacancy,
    GuidanceRecord,
    GuidanceTopic,
    JobFair,
    NextStep,
    VacancyStatus,
)
from hrss.jobservices.permissions import JOBSERVICES_HANDLE

# The offices that hold job fairs: a township's 人社服务所, a county's 公共就业服务机构, the city's bureau.
FAIR_HOST_LEVELS = (Level.TOWNSHIP, Level.COUNTY, Level.CITY)
# How far ahead a fair may be planned [believed: fairs are announced in the year's plan, a year at most].
FAIR_PLANNED_AHEAD = datetime.timedelta(days=366)

# What a correction of a guidance record may change (the audit's before/after of it).
GUIDANCE_FIELDS = ("given_on", "topic", "advice", "next_step", "next_step_note", "next_on")


def _advisor_name(actor):
    return (actor.full_name or actor.get_username())[:50]


def guidance_problems(*, given_on, topic, advice, next_step, next_step_note, next_on, today):
    """What is wrong with a guidance record's fields, in Chinese; empty when nothing is."""
    problems = []
    if not given_on:
        problems.append("请填写指导日期。")
    elif given_on > today:
        problems.append(f"指导日期 {given_on:%Y-%m-%d} 晚于今天：只能记录已经进行的指导。")
    if topic not in GuidanceTopic.values:
        problems.append("请选择指导内容。")
    if not (advice or "").strip():
        problems.append("请填写指导意见（给了什么建议）。")
    if next_step not in NextStep.values:
        problems.append("请选择下一步。")
    elif next_step == NextStep.OTHER and not (next_step_note or "").strip():
        problems.append("下一步选“其他”时，请写明下一步做什么。")
    if next_on and given_on and next_on < given_on:
        problems.append(f"下一步日期 {next_on:%Y-%m-%d} 早于指导日期，请改正。")
    if next_on and next_step == NextStep.NONE:
        problems.append("下一步为“无需跟进”时不填下一步日期。")
    return problems


def record_guidance(*, actor, person, given_on, topic, advice, next_step, next_step_note="", next_on=None,
                    today=None):
    """记录职业指导: a session with `person` (within the actor's scope) on `given_on` (not in the future), given by
    the actor."""
    today = today or timezone.localdate()
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action="jobservices.guidance.record",
                    subject_id_number=person.id_number, message="只能为本辖区的人员记录职业指导。")
    problems = guidance_problems(given_on=given_on, topic=topic, advice=advice, next_step=next_step,
                                 next_step_note=next_step_note, next_on=next_on, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        record = GuidanceRecord.objects.create(
            person=person, region_code=person.region_code, office=actor.region, given_on=given_on,
            advisor=actor, advisor_name=_advisor_name(actor), topic=topic, advice=advice.strip()[:500],
            next_step=next_step, next_step_note=(next_step_note or "").strip()[:200], next_on=next_on)
        audit.record(actor=actor, action="jobservices.guidance.recorded", target=record,
                     subject_id_number=person.id_number,
                     after={"given_on": given_on, "topic": topic, "next_step": next_step, "next_on": next_on})
    return record


def is_recording_office(user, record):
    """Whether `user` works in the office that recorded `record` (or in the village it was merged into)."""
    office = record.office
    return user.region_id is not None and user.region_id in {office.pk, office.merged_into_id}


def correct_guidance(*, actor, record, given_on, topic, advice, next_step, next_step_note="", next_on=None,
                     today=None):
    """更正职业指导记录: by the office that recorded it (a user of the same region), the person still in scope.
    Audited with the fields before and after."""
    today = today or timezone.localdate()
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=record.region_code, action="jobservices.guidance.correct",
                    subject_id_number=record.person.id_number, message="只能更正本辖区人员的职业指导记录。")
    if not is_recording_office(actor, record):
        # The record is the advising office's statement: only that office changes it.
        audit.record_denied(actor=actor, action="jobservices.guidance.correct", target=record,
                            subject_id_number=record.person.id_number)
        raise PermissionDenied("职业指导记录只能由记录它的机构更正。")
    problems = guidance_problems(given_on=given_on, topic=topic, advice=advice, next_step=next_step,
                                 next_step_note=next_step_note, next_on=next_on, today=today)
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(record, GUIDANCE_FIELDS)
    with transaction.atomic():
        record.given_on, record.topic, record.advice = given_on, topic, advice.strip()[:500]
        record.next_step, record.next_step_note = next_step, (next_step_note or "").strip()[:200]
        record.next_on = next_on
        record.save(update_fields=[*GUIDANCE_FIELDS, "updated_at"])
        after = audit.snapshot(record, GUIDANCE_FIELDS)
        changed = [key for key in GUIDANCE_FIELDS if before[key] != after[key]]
        audit.record(actor=actor, action="jobservices.guidance.corrected", target=record,
                     subject_id_number=record.person.id_number,
                     before={key: before[key] for key in changed}, after={key: after[key] for key in changed})
    return record


# --- job fairs ------------------------------------------------------------------------------------------------


def _check_fair(actor, fair, action):
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=fair.region_code, action=action,
                    message="只能办理本辖区举办的招聘会。")


def plan_fair(*, actor, region_code, name, held_on, place="", note="", today=None):
    """举办招聘会: a fair of the office of `region_code` (a township, county or the city, in the actor's scope) on
    `held_on` (a day already past records a fair held; at most a year ahead)."""
    today = today or timezone.localdate()
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=region_code, action="jobservices.fair.plan",
                    message="只能在本辖区举办招聘会。")
    problems = []
    level = scoping.level_of_code(region_code)
    if level not in FAIR_HOST_LEVELS:
        problems.append("招聘会由乡镇(街道)、县(区)或市举办：请选择举办机构所在的乡镇(街道)、县(区)或市。")
    if not (name or "").strip():
        problems.append("请填写招聘会名称。")
    if not held_on:
        problems.append("请填写举办日期。")
    elif held_on > today + FAIR_PLANNED_AHEAD:
        problems.append(f"举办日期 {held_on:%Y-%m-%d} 超过一年以后，请核对。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        fair = JobFair.objects.create(name=name.strip()[:100], region_code=region_code, held_on=held_on,
                                      place=(place or "").strip()[:200], note=(note or "").strip()[:200],
                                      created_by=actor)
        audit.record(actor=actor, action="jobservices.fair.planned", target=fair,
                     after={"name": fair.name, "held_on": held_on, "place": fair.place})
    return fair


FAIR_FIELDS = ("name", "held_on", "place", "note")


def update_fair(*, actor, fair, name, held_on, place="", note="", today=None):
    """改期或更正招聘会: its name, day, place and note (the host stays). A fair with visitors recorded keeps a day
    already come; on a new day every vacancy offered there must still be open."""
    today = today or timezone.localdate()
    _check_fair(actor, fair, "jobservices.fair.update")
    problems = []
    if fair.is_cancelled:
        problems.append("招聘会已取消，不能修改。")
    if not (name or "").strip():
        problems.append("请填写招聘会名称。")
    if not held_on:
        problems.append("请填写举办日期。")
    elif held_on > today + FAIR_PLANNED_AHEAD:
        problems.append(f"举办日期 {held_on:%Y-%m-%d} 超过一年以后，请核对。")
    elif held_on != fair.held_on:
        if held_on > today and (fair.attendances.exists() or fair.walk_in_count):
            problems.append("招聘会已有参会记录，不能改到今天以后的日期。")
        for offer in FairVacancy.objects.filter(fair=fair).select_related("vacancy"):
            vacancy = offer.vacancy
            if (vacancy.closes_on and vacancy.closes_on < held_on) or vacancy.opens_on > held_on:
                problems.append(f"岗位“{vacancy.title}”在 {held_on:%Y-%m-%d} 不在招聘期内。")
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(fair, FAIR_FIELDS)
    with transaction.atomic():
        fair.name, fair.held_on = name.strip()[:100], held_on
        fair.place, fair.note = (place or "").strip()[:200], (note or "").strip()[:200]
        fair.save(update_fields=list(FAIR_FIELDS))
        after = audit.snapshot(fair, FAIR_FIELDS)
        changed = [key for key in FAIR_FIELDS if before[key] != after[key]]
        audit.record(actor=actor, action="jobservices.fair.updated", target=fair,
                     before={key: before[key] for key in changed}, after={key: after[key] for key in changed})
    return fair


def fair_vacancy_problems(fair, vacancy):
    """Why `vacancy` cannot be offered at `fair`: empty when it can. Only an open vacancy with places left, open
    on the fair's day."""
    title = vacancy.title
    if fair.is_cancelled:
        return ["招聘会已取消，不能再添加岗位。"]
    if vacancy.status == VacancyStatus.FILLED or vacancy.hired >= vacancy.headcount:
        return [f"岗位“{title}”已招满，不能参加招聘会。"]
    if vacancy.status == VacancyStatus.CLOSED:
        return [f"岗位“{title}”已关闭，不能参加招聘会。"]
    problems = []
    if vacancy.closes_on and vacancy.closes_on < fair.held_on:
        problems.append(f"岗位“{title}”{vacancy.closes_on:%Y-%m-%d}截止招聘，早于招聘会日期"
                        f" {fair.held_on:%Y-%m-%d}。")
    if vacancy.opens_on > fair.held_on:
        problems.append(f"岗位“{title}”{vacancy.opens_on:%Y-%m-%d}才开始招聘，晚于招聘会日期"
                        f" {fair.held_on:%Y-%m-%d}。")
    if FairVacancy.objects.filter(fair=fair, vacancy=vacancy).exists():
        problems.append(f"岗位“{title}”已在本场招聘会中。")
    return problems


def fair_referral_problems(fair, vacancy, *, today):
    """Why a referral to `vacancy` cannot be recorded as made at `fair` (for the referrals part, before its
    transaction): the fair was cancelled, has not been held yet, or did not offer the vacancy. Empty when it can."""
    if fair.is_cancelled:
        return [f"招聘会“{fair.name}”已取消。"]
    problems = []
    if fair.held_on > today:
        problems.append(f"招聘会“{fair.name}”{fair.held_on:%Y-%m-%d}才举办，届时或之后再记录在该招聘会上的推荐。")
    if not FairVacancy.objects.filter(fair=fair, vacancy=vacancy).exists():
        problems.append(f"岗位“{vacancy.title}”不在招聘会“{fair.name}”的岗位中：请先把岗位添加到招聘会。")
    return problems


def add_fair_vacancy(*, actor, fair, vacancy):
    """An employer's vacancy offered at the fair (the employer takes part through it): the actor acts in the fair's
    region and sees the vacancy; the vacancy must be open on the fair's day."""
    _check_fair(actor, fair, "jobservices.fair.add_vacancy")
    check_acting_in(actor, region_code=vacancy.region_code, action="jobservices.fair.add_vacancy",
                    message="只能添加本辖区的岗位。")
    problems = fair_vacancy_problems(fair, vacancy)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        try:
            with transaction.atomic():
                offer = FairVacancy.objects.create(fair=fair, vacancy=vacancy, added_by=actor)
        except IntegrityError:  # added by someone else since the check above
            raise ValidationError(f"岗位“{vacancy.title}”已在本场招聘会中。") from None
        audit.record(actor=actor, action="jobservices.fair.vacancy_added", target=fair,
                     after={"vacancy": vacancy.pk, "title": vacancy.title, "employer": vacancy.employer.name})
    return offer


def remove_fair_vacancy(*, actor, fair, vacancy):
    """A vacancy added to the fair by mistake is taken off it, unless someone was referred to it at the fair."""
    _check_fair(actor, fair, "jobservices.fair.remove_vacancy")
    offer = FairVacancy.objects.filter(fair=fair, vacancy=vacancy).first()
    if offer is None:
        raise ValidationError(f"岗位“{vacancy.title}”不在本场招聘会中。")
    if fair.referrals.filter(vacancy=vacancy).exists():
        raise ValidationError(f"已有人员在本场招聘会上被推荐到岗位“{vacancy.title}”，不能移除。")
    with transaction.atomic():
        offer.delete()
        audit.record(actor=actor, action="jobservices.fair.vacancy_removed", target=fair,
                     before={"vacancy": vacancy.pk, "title": vacancy.title, "employer": vacancy.employer.name})
    return fair


def _fair_has_begun(fair, today, what):
    if fair.is_cancelled:
        return [f"招聘会已取消，不能{what}。"]
    if fair.held_on > today:
        return [f"招聘会 {fair.held_on:%Y-%m-%d} 才举办，届时或之后再{what}。"]
    return []


def record_attendance(*, actor, fair, person, today=None):
    """参会登记: a registered visitor (a person of the actor's scope) at the fair, on or after its day."""
    today = today or timezone.localdate()
    _check_fair(actor, fair, "jobservices.fair.record_attendance")
    check_acting_in(actor, region_code=person.region_code, action="jobservices.fair.record_attendance",
                    subject_id_number=person.id_number, message="只能登记本辖区的人员参会。")
    problems = _fair_has_begun(fair, today, "登记参会人员")
    if not problems and FairAttendance.objects.filter(fair=fair, person=person).exists():
        problems.append(f"{person.name} 已登记参加本场招聘会。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        try:
            with transaction.atomic():
                attendance = FairAttendance.objects.create(fair=fair, person=person, region_code=person.region_code,
                                                           recorded_by=actor)
        except IntegrityError:  # registered by someone else since the check above
            raise ValidationError(f"{person.name} 已登记参加本场招聘会。") from None
        audit.record(actor=actor, action="jobservices.fair.attendance_recorded", target=fair,
                     subject_id_number=person.id_number, after={"person": person.pk})
    return attendance


def set_visitor_count(*, actor, fair, walk_in_count, today=None):
    """现场入场人数: the head count of visitors who did not register, on or after the fair's day."""
    today = today or timezone.localdate()
    _check_fair(actor, fair, "jobservices.fair.set_visitors")
    problems = _fair_has_begun(fair, today, "填写入场人数")
    if walk_in_count is None or walk_in_count < 0:
        problems.append("入场人数应为0或正整数。")
    elif walk_in_count > 1_000_000:
        problems.append("入场人数过大，请核对。")
    if problems:
        raise ValidationError(problems)
    before = fair.walk_in_count
    with transaction.atomic():
        JobFair.objects.filter(pk=fair.pk).update(walk_in_count=walk_in_count)
        fair.walk_in_count = walk_in_count
        audit.record(actor=actor, action="jobservices.fair.visitors_set", target=fair,
                     before={"walk_in_count": before}, after={"walk_in_count": walk_in_count})
    return fair


def cancel_fair(*, actor, fair, reason, today=None):
    """取消招聘会: before anyone's attendance is recorded; the fair stays listed as cancelled, with its reason."""
    today = today or timezone.localdate()
    _check_fair(actor, fair, "jobservices.fair.cancel")
    problems = []
    if fair.is_cancelled:
        problems.append("招聘会已取消。")
    elif fair.attendances.exists() or fair.walk_in_count:
        problems.append("招聘会已有参会记录，不能取消。")
    if not (reason or "").strip():
        problems.append("请填写取消原因。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        fair.cancelled_on, fair.cancel_reason = today, reason.strip()[:200]
        fair.save(update_fields=["cancelled_on", "cancel_reason"])
        audit.record(actor=actor, action="jobservices.fair.cancelled", target=fair,
                     after={"cancelled_on": today, "reason": fair.cancel_reason})
    return fair
