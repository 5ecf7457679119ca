"""Write services of the training part: keyword-only, taking the actor, checking permission and scope before the
transaction (a refusal is audited), one transaction, an audit entry. Bad input raises ValidationError with what to
fix, in Chinese, and writes nothing."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from hrss.core import audit, review
from hrss.core.dates import add_months
from hrss.core.models import Region, ReviewCase, ReviewDecision
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.jobservices.models import (
    CertificateKind,
    Course,
    CourseKind,
    Enrolment,
    EnrolmentStatus,
    SubsidyClaim,
    SubsidyClaimLine,
    TrainingWish,
    WishStatus,
)
from hrss.jobservices.permissions import JOBSERVICES_HANDLE
from hrss.jobservices.training.chains import TRAINING_SUBSIDY, subsidy_for
from hrss.residents import services as residents_services

try:  # the 职业分类大典 table (core.classifications, written by the employers part)
    from hrss.core.classifications import occupation_exists, occupation_name
except ImportError:  # pragma: no cover - until it lands: the code's form only
    occupation_exists = occupation_name = None

try:  # our own USCC check (GB 32100-2015), written by the employers part
    from hrss.jobservices.codes import check_uscc
except ImportError:  # pragma: no cover
    check_uscc = None

Action = ReviewDecision.Action

# Who runs courses and keeps their enrolments: the offices' officers (a village assistant records wishes).
COURSE_ROLES = frozenset({Role.TOWNSHIP_OFFICER, Role.COUNTY_OFFICER, Role.CITY_ADMIN})
OCCUPATION_FORM = re.compile(r"^[1-8](-\d{2}(-\d{2}(-\d{2})?)?)?$")
# Claims open or approved hold their trainees: a trainee is claimed once.
HOLDING_CLAIM = Q(claim__case__status__in=[ReviewCase.Status.OPEN, ReviewCase.Status.RETURNED,
                                           ReviewCase.Status.APPROVED])


def occupation_problem(code):
    """Why `code` is not a 职业分类大典 code we know (any level), or None."""
    code = (code or "").strip()
    if not code:
        return "请填写职业代码（职业分类大典，如 4-03-02-01）。"
    if not OCCUPATION_FORM.match(code):
        return f"职业代码“{code}”格式不对：应写成 4、4-03、4-03-02 或 4-03-02-01 的形式（职业分类大典）。"
    if occupation_exists is not None and not occupation_exists(code):
        return f"职业分类大典中没有代码“{code}”：请核对，或请管理员导入完整的职业分类表。"
    return None


def occupation_label(code):
    name = occupation_name(code) if occupation_name is not None else ""
    return f"{code} {name}".strip()


def occupations_match(a, b):
    """The same occupation at the level both name: one code is the other or lies under it (4-03 and 4-03-02-01)."""
    return a == b or a.startswith(f"{b}-") or b.startswith(f"{a}-")


def _check(actor, region_code, action, *, roles=None, subject_id_number="", message="您无权在此办理该培训业务。"):
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=region_code, action=action, roles=roles, subject_id_number=subject_id_number,
                    message=message)


# --- wishes -----------------------------------------------------------------------------------------------------


def record_training_wish(*, actor, person, occupation_code, kind, note="", today=None):
    """A coded training wish of a person of the actor's scope (the ledger's 培训意愿, made precise: which occupation,
    which kind of course). The ledger's flag is set too, so the ledger and the wishes agree."""
    today = today or timezone.localdate()
    _check(actor, person.region_code, "jobservices.training.wish.record", subject_id_number=person.id_number,
           message="您无权为该人员登记培训意愿。")
    occupation_code = (occupation_code or "").strip()
    problems = [problem for problem in [occupation_problem(occupation_code)] if problem]
    if kind not in CourseKind.values:
        problems.append("请选择培训类型。")
    if not problems and TrainingWish.objects.filter(person=person, occupation_code=occupation_code, kind=kind,
                                                    status=WishStatus.OPEN).exists():
        problems.append("该人员已有相同职业和类型的培训意愿，无需重复登记。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        wish = TrainingWish.objects.create(person=person, region_code=person.region_code,
                                           occupation_code=occupation_code, kind=kind, recorded_on=today,
                                           note=(note or "")[:200], created_by=actor)
        if not person.wants_training:
            # The ledger's 培训意愿 follows, through the ledger's own service (its version and audit entry).
            fresh = type(person).objects.select_for_update().get(pk=person.pk)
            fresh = residents_services.update_person(actor=actor, person=fresh, version=fresh.version,
                                                     wants_training=True)
            person.wants_training, person.version = True, fresh.version
        audit.record(actor=actor, action="jobservices.training.wish.recorded", target=wish,
                     region_code=wish.region_code, subject_id_number=person.id_number,
                     after={"occupation_code": occupation_code, "kind": kind})
    return wish


def withdraw_training_wish(*, actor, wish, reason="", today=None):
    """The person no longer wants this training (本人放弃)."""
    today = today or timezone.localdate()
    _check(actor, wish.region_code, "jobservices.training.wish.withdraw", subject_id_number=wish.person.id_number,
           message="您无权撤销该人员的培训意愿。")
    if wish.status != WishStatus.OPEN:
        raise ValidationError("只有待培训的意愿可以撤销。")
    with transaction.atomic():
        wish.status, wish.closed_on = WishStatus.WITHDRAWN, today
        wish.note = (reason or wish.note)[:200]
        wish.save(update_fields=["status", "closed_on", "note"])
        audit.record(actor=actor, action="jobservices.training.wish.withdrawn", target=wish,
                     region_code=wish.region_code, subject_id_number=wish.person.id_number, note=(reason or "")[:255])
    return wish


# --- courses ----------------------------------------------------------------------------------------------------

# How far ahead a course may end: a later date is a typing error (2099-12-31) [believed: courses are planned within
# the year's 培训计划; the longest run under two years; no rule found].
COURSE_END_MAX_MONTHS_AHEAD = (
    (datetime.date(2011, 1, 1), 24),
)


def latest_course_end(today):
    """The latest ends_on a course created on `today` may have."""
    months = None
    for effective_from, value in COURSE_END_MAX_MONTHS_AHEAD:
        if effective_from <= today:
            months = value
    return add_months(today, months)



def course_problems(*, name, provider_name, provider_code, kind, occupation_code, region_code, starts_on, ends_on,
                    hours, places, free, fee, today=None):
    """What is wrong with a course's fields, in Chinese; empty when it can be created."""
    today = today or timezone.localdate()
    problems = []
    if not (name or "").strip():
        problems.append("请填写培训班名称。")
    if not (provider_name or "").strip():
        problems.append("请填写培训机构名称。")
    if provider_code:
        if check_uscc is not None:
            checked = check_uscc(provider_code)
            if not checked.valid:
                problems.append(f"培训机构统一社会信用代码有误：{checked.error}")
        elif len(provider_code) != 18:
            problems.append("培训机构统一社会信用代码应为18位。")
    if kind not in CourseKind.values:
        problems.append("请选择培训类型。")
    problem = occupation_problem(occupation_code)
    if problem:
        problems.append(problem)
    if not Region.objects.filter(code=region_code).exists():
        problems.append("请选择举办地（区划）。")
    if starts_on is None or ends_on is None:
        problems.append("请填写开班日期和结业日期。")
    elif ends_on < starts_on:
        problems.append("结业日期不能早于开班日期。")
    elif ends_on > latest_course_end(today):
        problems.append(f"结业日期（{ends_on:%Y-%m-%d}）最晚为两年内的 {latest_course_end(today):%Y-%m-%d}，请核对年份。")
    if not hours or hours < 1:
        problems.append("课时应为正整数。")
    if not places or places < 1:
        problems.append("名额应为正整数。")
    if free and fee:
        problems.append("免费培训不能收费：请把收费改为 0，或取消“免费培训”。")
    if not free and not fee:
        problems.append("收费培训请填写每人收费金额（元）。")
    return problems


def create_course(*, actor, name, provider_name, kind, occupation_code, region_code, starts_on, ends_on, hours,
                  places, free=True, fee=0, provider_code="", today=None):
    """A course run by an office of the actor's scope (`region_code`)."""
    _check(actor, region_code, "jobservices.training.course.create", roles=COURSE_ROLES,
           message="培训班由举办地的乡镇(街道)或县(区)经办员登记。")
    provider_code = (provider_code or "").strip().upper()
    occupation_code = (occupation_code or "").strip()
    fee = fee or 0
    problems = course_problems(name=name, provider_name=provider_name, provider_code=provider_code, kind=kind,
                               occupation_code=occupation_code, region_code=region_code, starts_on=starts_on,
                               ends_on=ends_on, hours=hours, places=places, free=free, fee=fee, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        course = Course.objects.create(
            name=name.strip()[:100], provider_name=provider_name.strip()[:100], provider_code=provider_code,
            kind=kind, occupation_code=occupation_code, region_code=region_code, starts_on=starts_on,
            ends_on=ends_on, hours=hours, places=places, free=bool(free), fee=0 if free else fee, created_by=actor)
        audit.record(actor=actor, action="jobservices.training.course.created", target=course,
                     region_code=region_code, after={"kind": kind, "occupation_code": occupation_code,
                                                     "places": places, "free": bool(free)})
    return course


def places_taken(course):
    return course.enrolments.exclude(status=EnrolmentStatus.DROPPED).count()


def matching_open_wishes(person, course):
    """The person's open wishes this course answers: the same kind, and the same occupation at the level both name."""
    return [wish for wish in TrainingWish.objects.filter(person=person, kind=course.kind, status=WishStatus.OPEN)
            .order_by("recorded_on", "pk") if occupations_match(wish.occupation_code, course.occupation_code)]


def enrol(*, actor, course, person, today=None):
    """A person of the actor's scope takes a place on a course of the actor's office: places not exceeded, not
    enrolled twice, the course not ended. The enrolment names the open wish it answers, if any."""
    today = today or timezone.localdate()
    _check(actor, course.region_code, "jobservices.training.enrol", roles=COURSE_ROLES,
           subject_id_number=person.id_number, message="只有举办地的经办员可以为培训班报名。")
    check_acting_in(actor, region_code=person.region_code, action="jobservices.training.enrol",
                    subject_id_number=person.id_number, message="该人员不在您的管辖范围内。")
    if course.ends_on < today:
        raise ValidationError(f"培训班已于 {course.ends_on:%Y-%m-%d} 结业，不能再报名。")
    with transaction.atomic():
        # Two officers filling the last place at once: the course row is locked while places are counted.
        list(Course.objects.select_for_update().filter(pk=course.pk).values_list("pk", flat=True))
        if Enrolment.objects.filter(course=course, person=person).exists():
            raise ValidationError(f"{person.name} 已报名该培训班，不能重复报名。")
        if places_taken(course) >= course.places:
            raise ValidationError(f"培训班名额（{course.places}人）已满。")
        wishes = matching_open_wishes(person, course)
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(course=course, person=person, region_code=person.region_code,
                                                     enrolled_on=today, wish=wishes[0] if wishes else None,
                                                     created_by=actor)
        except IntegrityError:
            raise ValidationError(f"{person.name} 已报名该培训班，不能重复报名。") from None
        audit.record(actor=actor, action="jobservices.training.enrolled", target=enrolment,
                     region_code=enrolment.region_code, subject_id_number=person.id_number,
                     after={"course": course.name, "enrolled_on": today})
    return enrolment


def _check_enrolment(actor, enrolment, action):
    _check(actor, enrolment.course.region_code, action, roles=COURSE_ROLES,
           subject_id_number=enrolment.person.id_number, message="只有举办地的经办员可以办理该培训班的学员。")
    check_acting_in(actor, region_code=enrolment.region_code, action=action,
                    subject_id_number=enrolment.person.id_number, message="该学员不在您的管辖范围内。")


def record_attendance(*, actor, enrolment, attended_hours, today=None):
    """The hours the trainee has attended so far (the total, from the sign-in sheets)."""
    _check_enrolment(actor, enrolment, "jobservices.training.attendance.record")
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError("只有在训学员可以登记出勤。")
    if attended_hours is None or attended_hours < 0 or attended_hours > enrolment.course.hours:
        raise ValidationError(f"已参训课时应在 0 到 {enrolment.course.hours}（培训班课时）之间。")
    before = enrolment.attended_hours
    with transaction.atomic():
        enrolment.attended_hours = attended_hours
        enrolment.save(update_fields=["attended_hours"])
        audit.record(actor=actor, action="jobservices.training.attendance.recorded", target=enrolment,
                     region_code=enrolment.region_code, subject_id_number=enrolment.person.id_number,
                     before={"attended_hours": before}, after={"attended_hours": attended_hours})
    return enrolment


def complete(*, actor, enrolment, certificate_kind="", certificate_number="", completed_on=None, today=None):
    """结业: the trainee completed the course, with the certificate gained (kind and number) if any. The person's
    open wishes this course answers are met by it."""
    today = today or timezone.localdate()
    completed_on = completed_on or today
    _check_enrolment(actor, enrolment, "jobservices.training.complete")
    course = enrolment.course
    certificate_number = (certificate_number or "").strip()
    problems = []
    if enrolment.status != EnrolmentStatus.ENROLLED:
        problems.append("只有在训学员可以办理结业。")
    if completed_on > today:
        problems.append("结业日期不能晚于今天。")
    if completed_on < course.starts_on:
        problems.append(f"结业日期不能早于开班日期 {course.starts_on:%Y-%m-%d}。")
    if certificate_kind and certificate_kind not in CertificateKind.values:
        problems.append("请选择证书类别。")
    if bool(certificate_kind) != bool(certificate_number):
        problems.append("证书类别和证书编号须同时填写（未取得证书的两项都不填）。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        enrolment.status, enrolment.completed_on = EnrolmentStatus.COMPLETED, completed_on
        enrolment.certificate_kind, enrolment.certificate_number = certificate_kind, certificate_number[:40]
        if not enrolment.attended_hours:
            enrolment.attended_hours = course.hours
        enrolment.save(update_fields=["status", "completed_on", "certificate_kind", "certificate_number",
                                      "attended_hours"])
        met = matching_open_wishes(enrolment.person, course)
        TrainingWish.objects.filter(pk__in=[wish.pk for wish in met]).update(
            status=WishStatus.MET, closed_on=completed_on, met_by=enrolment)
        audit.record(actor=actor, action="jobservices.training.completed", target=enrolment,
                     region_code=enrolment.region_code, subject_id_number=enrolment.person.id_number,
                     after={"completed_on": completed_on, "certificate_kind": certificate_kind,
                            "certificate_number": certificate_number, "met_wishes": len(met)})
    return enrolment


def drop(*, actor, enrolment, reason="", today=None):
    """退学: the trainee left the course; the place is free again and their wish stays open."""
    today = today or timezone.localdate()
    _check_enrolment(actor, enrolment, "jobservices.training.drop")
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError("只有在训学员可以办理退学。")
    with transaction.atomic():
        enrolment.status, enrolment.dropped_on = EnrolmentStatus.DROPPED, today
        enrolment.save(update_fields=["status", "dropped_on"])
        audit.record(actor=actor, action="jobservices.training.dropped", target=enrolment,
                     region_code=enrolment.region_code, subject_id_number=enrolment.person.id_number,
                     note=(reason or "")[:255])
    return enrolment


# --- subsidy claims ---------------------------------------------------------------------------------------------


def claimable_enrolments(course):
    """(enrolment, amount) for the course's completed trainees with a certificate earning a subsidy, not held by
    another claim that is under way or approved."""
    enrolments = course.enrolments.filter(status=EnrolmentStatus.COMPLETED).exclude(
        pk__in=SubsidyClaimLine.objects.filter(HOLDING_CLAIM).values("enrolment_id")).select_related("person")
    rows = []
    for enrolment in enrolments.order_by("person__name", "pk"):
        amount = subsidy_for(course.kind, enrolment.certificate_kind, enrolment.completed_on)
        if amount:
            rows.append((enrolment, amount))
    return rows


def prepare_subsidy_claim(*, actor, course, note="", today=None):
    """申报: a claim for the course's completed trainees not yet claimed, each at the amount in force on the day they
    completed; the case goes to the county's 经办员. The course must have ended."""
    today = today or timezone.localdate()
    check_permission(actor, JOBSERVICES_HANDLE)
    review.check_intake(chain=TRAINING_SUBSIDY, region_code=course.region_code, actor=actor)
    if course.ends_on > today:
        raise ValidationError(f"培训班 {course.ends_on:%Y-%m-%d} 结业后才能申领培训补贴。")
    rows = claimable_enrolments(course)
    if not rows:
        raise ValidationError("该培训班没有可申领补贴的结业学员（须已结业、取得相应证书，且未被其他申领包含）。")
    with transaction.atomic():
        list(Course.objects.select_for_update().filter(pk=course.pk).values_list("pk", flat=True))
        if len(claimable_enrolments(course)) != len(rows):
            raise ValidationError("该培训班的学员刚被另一份申领包含，请刷新页面后再试。")
        total = sum(amount for _enrolment, amount in rows)
        case = review.open_case(chain=TRAINING_SUBSIDY, region_code=course.region_code, subject_id_number="",
                                title=f"{course.name} 培训补贴（{len(rows)}人，{total}元）", actor=actor, note=note,
                                today=today)
        claim = SubsidyClaim.objects.create(course=course, region_code=course.region_code, case=case, total=total,
                                            prepared_on=today, prepared_by=actor, note=(note or "")[:200])
        SubsidyClaimLine.objects.bulk_create([SubsidyClaimLine(claim=claim, enrolment=enrolment, amount=amount)
                                              for enrolment, amount in rows])
        audit.record(actor=actor, action="jobservices.training.claim.prepared", target=claim,
                     region_code=claim.region_code, after={"trainees": len(rows), "total": total})
    return claim


# Moves of the office that prepared the claim (the chain's intake roles include the county's 经办员, who also checks
# claims: a county officer may not withdraw or resubmit a township's claim).
OFFICE_MOVES = {Action.WITHDRAW, Action.RESUBMIT}


def is_preparing_office(actor, claim):
    return actor.region_id is not None and actor.region_id == claim.prepared_by.region_id


def decide_subsidy_claim(*, actor, claim, action, version, reason="", today=None):
    """One move on the claim's review: forward, approve, send back, resubmit, refuse or withdraw. The officer who
    prepared the claim does not check it at the county's handling step."""
    today = today or timezone.localdate()
    case = claim.case
    check_permission(actor, JOBSERVICES_HANDLE)
    review.check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    if case.step == "county_handling" and action == Action.FORWARD and claim.prepared_by_id == actor.pk:
        raise review.MoveRefused("申报人不能复核自己申报的培训补贴，请由县(区)的另一位经办员复核。")
    if action in OFFICE_MOVES and not is_preparing_office(actor, claim):
        raise review.MoveRefused("培训补贴申领由申报单位撤回或补正后重新申报。")
    with transaction.atomic():
        case = review.apply_move(case=case, actor=actor, action=action, version=version, reason=reason, today=today)
    claim.case = case
    return claim
