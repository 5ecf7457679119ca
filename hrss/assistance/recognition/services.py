"""The recognition part's writes: keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), an audit entry for each write. Bad input is a ValidationError listing
every reason in Chinese, and nothing is written."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hrss.assistance.models import EligibilityReview, ExitReason, Objection, Recognition, RecognitionStatus
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.assistance.recognition import categories, rules, unemployment
from hrss.assistance.recognition.chains import (
    COUNTY_ROLES,
    NOTICE_STEP,
    RECOGNITION,
    TOWNSHIP_ROLES,
    VILLAGE_ROLES,
)
from hrss.core import audit, review, workdays
from hrss.core.dates import add_months, age_on
from hrss.core.models import ReviewCase, ReviewDecision
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.working_age import (
    MINIMUM_WORKING_AGE,
    is_past_retirement,
    retirement_age_label,
    retirement_month,
)
from hrss.residents.labour_status import IN_WORK

Action = ReviewDecision.Action
STANDING = (RecognitionStatus.IN_REVIEW, RecognitionStatus.RECOGNISED)
# Who records an objection during the notice (the village where it is posted, the township that posts it), who
# reviews continuing eligibility and records an exit (the village that follows the person up, the township and the
# county) [believed].
OBJECTION_ROLES = VILLAGE_ROLES | TOWNSHIP_ROLES
FOLLOW_UP_ROLES = VILLAGE_ROLES | TOWNSHIP_ROLES | COUNTY_ROLES
# Exits a user records by hand (a failed review records NOT_ELIGIBLE, an intake after the end records EXPIRED).
MANUAL_EXITS = [reason for reason in ExitReason if reason not in (ExitReason.NOT_ELIGIBLE, ExitReason.EXPIRED)]


def _day(value):
    return f"{value:%Y-%m-%d}"


def intake_problems(*, person, category, documents, applied_on):
    """What keeps this application from being taken in on `applied_on`, in Chinese (empty when nothing): working age
    (the statutory retirement age of core.working_age), not in work, no standing recognition, the category in force
    on the application date with its documents, and what the ledger can check of the category (大龄: age by sex)."""
    problems = []
    age = age_on(person.birth_date, applied_on)
    if age < MINIMUM_WORKING_AGE or is_past_retirement(person.birth_date, person.sex, applied_on,
                                                        person.retirement_category):
        now = f"未满{MINIMUM_WORKING_AGE}周岁" if age < MINIMUM_WORKING_AGE else f"为{age}岁，已达到法定退休年龄"
        problems.append(f"申请人在{_day(applied_on)}{now}，不在法定劳动年龄内，不能认定为就业困难人员。")
    if person.labour_status in IN_WORK:
        problems.append(f"台账显示申请人现为“{person.get_labour_status_display()}”（已就业），处于无业状态的人员方可"
                        "申请认定；如已失业，请先更新其就业状态。")
    standing = Recognition.objects.filter(person=person, status__in=STANDING).first()
    if standing is not None and (standing.status == RecognitionStatus.IN_REVIEW
                                 or standing.valid_until is None or standing.valid_until >= applied_on):
        what = "审核中的认定申请" if standing.status == RecognitionStatus.IN_REVIEW else \
            f"有效期至{_day(standing.valid_until)}的就业困难人员认定"
        problems.append(f"申请人已有{what}（{standing.number}），不能重复申请。")
    row = categories.category(category)
    if row is None:
        problems.append("请选择援助对象类别。")
        return problems
    if not row.in_force(applied_on):
        span = f"{_day(row.valid_from)}至{_day(row.valid_to)}" if row.valid_to else f"{_day(row.valid_from)}起"
        problems.append(f"类别“{row.name}”的有效期为{span}，申请日期{_day(applied_on)}不在其内；请选择当日有效的类别。")
        return problems
    if row.minimum_age:
        least = row.minimum_age.get(person.sex)
        if least is not None and age < least:
            problems.append(f"“{row.name}”要求{'女' if person.sex == 'F' else '男'}性年满{least}周岁，申请人在申请日"
                            f"{_day(applied_on)}为{age}岁，不符合该类别。")
    problems += unemployment.unemployment_problems(person=person, name=row.name, months=row.unemployed_months,
                                                   day=applied_on)
    missing = [document for document in row.documents if document not in set(documents or ())]
    if missing:
        problems.append("缺少材料：" + "、".join(missing) + "。")
    return problems


def _number(case, today):
    return f"KN{today:%Y%m%d}{case.pk:06d}"


def apply_for_recognition(*, actor, person, category, documents, circumstances="", phone="", note="", today=None):
    """The village's intake of an application for recognition as a 就业困难人员 (checked as intake_problems says),
    the case sent to the township. A recognition of the person whose validity has ended is closed as expired."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    review.check_intake(chain=RECOGNITION, region_code=person.region_code, actor=actor,
                        subject_id_number=person.id_number)
    documents = sorted(set(documents or ()))
    problems = intake_problems(person=person, category=category, documents=documents, applied_on=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        list(type(person).objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        for old in Recognition.objects.filter(person=person, status=RecognitionStatus.RECOGNISED,
                                              valid_until__lt=today):
            _exit(actor=actor, recognition=old, reason=ExitReason.EXPIRED, exited_on=old.valid_until,
                  note="有效期届满")
        if Recognition.objects.filter(person=person, status__in=STANDING).exists():
            raise ValidationError(["申请人已有审核中或有效的就业困难人员认定，不能重复申请。"])
        case = review.open_case(chain=RECOGNITION, region_code=person.region_code, subject_id_number=person.id_number,
                                title=f"{person.name} 就业困难人员认定", actor=actor, note=note, today=today)
        recognition = Recognition.objects.create(
            person=person, region_code=person.region_code, case=case, number=_number(case, today), applied_on=today,
            category=category, documents=documents, circumstances=(circumstances or "").strip()[:300],
            phone=(phone or person.phone or "").strip()[:20], applied_by=actor)
        audit.record(actor=actor, action="assistance.recognition.applied", target=recognition,
                     region_code=recognition.region_code, subject_id_number=person.id_number,
                     after={"recognition_category": category, "recognition_applied_on": today})
    return recognition


CORRECTABLE_FIELDS = ("category", "documents", "circumstances", "phone")


def correct_recognition(*, actor, recognition, version, category, documents, circumstances="", phone="",
                        today=None):
    """补正: while the case is sent back, the village's assistant changes the category, the documents seen and the
    circumstances (checked against the categories of the application date); the case stays with the village until
    resubmitted. `version` is the case's as loaded (CaseChanged when someone moved it since)."""
    case = recognition.case
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=case.region_code, action="assistance.recognition.correct",
                    roles=RECOGNITION.intake.roles, subject_id_number=case.subject_id_number,
                    message="退回补正的申请由受理的村(社区)协理员更正。")
    if version != case.version:
        raise review.CaseChanged
    if case.status != ReviewCase.Status.RETURNED:
        raise ValidationError(["只有退回补正的申请可以更正；该申请现在不在村(社区)补正环节。"])
    documents = sorted(set(documents or ()))
    problems = [problem for problem in intake_problems(person=recognition.person, category=category,
                                                       documents=documents, applied_on=recognition.applied_on)
                if "已有" not in problem]
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(recognition, CORRECTABLE_FIELDS)
    with transaction.atomic():
        if not ReviewCase.objects.filter(pk=case.pk, version=version).update(version=F("version") + 1):
            raise review.CaseChanged
        recognition.category, recognition.documents = category, documents
        recognition.circumstances = (circumstances or "").strip()[:300]
        recognition.phone = (phone or "").strip()[:20]
        recognition.version += 1
        recognition.save(update_fields=[*CORRECTABLE_FIELDS, "version"])
        after = audit.snapshot(recognition, CORRECTABLE_FIELDS)
        audit.record(actor=actor, action="assistance.recognition.corrected", target=recognition,
                     region_code=recognition.region_code, subject_id_number=case.subject_id_number,
                     before={key: value for key, value in before.items() if value != after[key]},
                     after={key: value for key, value in after.items() if value != before[key]})
    case.refresh_from_db()
    recognition.case = case
    return recognition


def notice_period(day, calendar=None):
    """(notice_from, notice_until) of a notice started by a township passing the case on `day`: from the next
    working day to the N-th (rules.NOTICE_WORKING_DAYS in force on `day`). UnknownArrangement when the period reaches
    a year whose holidays are not loaded."""
    calendar = calendar or workdays.Calendar.load()
    return calendar.add(day, 1), calendar.add(day, rules.notice_days(day))


def open_objections(recognition):
    return recognition.objections.filter(resolved_on__isnull=True)


# Once the application is posted (公示) or with the county, the village alone no longer withdraws it; the township
# refuses it (不予认定) if it must end [believed].
NO_WITHDRAW_STEPS = {NOTICE_STEP: "公示", "county_approval": "县(区)审批"}


def withdraw_refusal(case):
    """Why the village may not withdraw the case now (a Chinese sentence), or ""."""
    if case.status == ReviewCase.Status.OPEN and case.step in NO_WITHDRAW_STEPS:
        return (f"申请已进入{NO_WITHDRAW_STEPS[case.step]}环节，村(社区)不能撤回；如申请人放弃或不再符合条件，"
                "请报乡镇(街道)作“不予认定”处理。")
    return ""


def move_problems(*, recognition, action, today):
    """What keeps a move the chain allows from being made today (the notice and its objections, a withdraw once
    posted), in Chinese."""
    case = recognition.case
    problems = []
    if action == Action.WITHDRAW and withdraw_refusal(case):
        problems.append(withdraw_refusal(case))
    if action == Action.FORWARD and case.step == NOTICE_STEP:
        if recognition.notice_until is None or today <= recognition.notice_until:
            until = _day(recognition.notice_until) if recognition.notice_until else "—"
            problems.append(f"公示期至{until}，公示期满（{until}之后）方可报县审批。")
        if open_objections(recognition).exists():
            problems.append("公示期间收到的异议尚未处理：请先核实处理异议（异议成立的不予认定），再报县审批。")
    if action == Action.RESUBMIT:
        problems += [problem for problem in intake_problems(
            person=recognition.person, category=recognition.category, documents=recognition.documents,
            applied_on=recognition.applied_on) if "已有" not in problem]
    return problems


def decide_recognition(*, actor, recognition, action, version, reason="", notice_place="", today=None):
    """One move on the recognition's review: forward (at the township: the notice starts; at the notice: to the
    county once it has run out without an open objection), send back, refuse, resubmit, withdraw; the county's
    approval makes the recognition (recognised_on, valid_until, next_review_on by the rules in force that day)."""
    today = today or timezone.localdate()
    case = recognition.case
    check_permission(actor, ASSISTANCE_HANDLE)
    review.check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    problems = move_problems(recognition=recognition, action=action, today=today)
    notice = None
    if action == Action.FORWARD and case.step == "township_review":
        try:
            notice = notice_period(today)
        except workdays.UnknownArrangement as error:
            problems.append(str(error))
    if problems:
        raise ValidationError(problems)
    step = case.step
    with transaction.atomic():
        case = review.apply_move(case=case, actor=actor, action=action, version=version, reason=reason, today=today)
        changes = {}
        if notice is not None:
            changes = {"notice_from": notice[0], "notice_until": notice[1],
                       "notice_place": (notice_place or "").strip()[:100] or "村(社区)、乡镇(街道)公开栏"}
        elif action == Action.RETURN:
            changes = {"notice_from": None, "notice_until": None}
        elif action == Action.APPROVE:
            valid_until = add_months(today, 12 * rules.validity_years(today)) - datetime.timedelta(days=1)
            changes = {"status": RecognitionStatus.RECOGNISED, "recognised_on": today, "valid_until": valid_until,
                       "next_review_on": min(add_months(today, rules.review_months(today)), valid_until)}
        elif action in (Action.REJECT, Action.WITHDRAW):
            changes = {"status": RecognitionStatus.REFUSED}
        if changes:
            for field, value in changes.items():
                setattr(recognition, field, value)
            recognition.version += 1
            recognition.save(update_fields=[*changes, "version"])
        if notice is not None or action == Action.APPROVE:
            audit.record(actor=actor, action="assistance.recognition.notice_started" if notice is not None
                         else "assistance.recognition.recognised", target=recognition,
                         region_code=recognition.region_code, subject_id_number=recognition.person.id_number,
                         before={"step": step}, after={key: value for key, value in changes.items()
                                                       if key not in ("notice_place", "status")})
    recognition.case = case
    return recognition


def objection_window(recognition):
    """(first, last) day an objection may be raised: from the township's pass (the notice step's start, the list
    is known from then) to the notice's last day."""
    case = recognition.case
    first = case.step_started_on if case.step == NOTICE_STEP and case.step_started_on else recognition.notice_from
    return min(first, recognition.notice_from), recognition.notice_until


def record_objection(*, actor, recognition, content, raised_by="", raised_on=None, today=None):
    """An objection to a case in its public notice (who raised it — it may be anonymous —, what, on which day from
    the township's pass to the notice's last day): the case stops at the notice until the township resolves it."""
    today = today or timezone.localdate()
    raised_on = raised_on or today
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=recognition.region_code, action="assistance.objection.record",
                    roles=OBJECTION_ROLES, subject_id_number=recognition.person.id_number,
                    message="公示异议由公示所在的村(社区)或乡镇(街道)登记。")
    case = recognition.case
    problems = []
    if not (case.is_open and case.status == ReviewCase.Status.OPEN and case.step == NOTICE_STEP):
        problems.append("该申请不在公示期，不能登记公示异议。")
    elif not isinstance(raised_on, datetime.date) or raised_on > today \
            or not objection_window(recognition)[0] <= raised_on <= objection_window(recognition)[1]:
        first, last = objection_window(recognition)
        problems.append(f"异议日期须在乡镇(街道)审核通过之日至公示期最后一天之间（{_day(first)}至{_day(last)}），"
                        "且不晚于今天。")
    if not (content or "").strip():
        problems.append("请填写异议内容。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        objection = Objection.objects.create(
            recognition=recognition, region_code=recognition.region_code, raised_on=raised_on,
            raised_by=(raised_by or "").strip()[:50], content=content.strip()[:500], recorded_by=actor)
        audit.record(actor=actor, action="assistance.objection.recorded", target=recognition,
                     region_code=recognition.region_code, subject_id_number=recognition.person.id_number,
                     after={"objection_raised_on": raised_on}, note=content.strip()[:255])
    return objection


def resolve_objection(*, actor, objection, upheld, resolution, today=None):
    """The township's finding on an objection: dismissed, the notice goes on; upheld, the application is refused
    with the finding as the reason."""
    today = today or timezone.localdate()
    recognition = objection.recognition
    case = recognition.case
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=objection.region_code, action="assistance.objection.resolve",
                    roles=TOWNSHIP_ROLES, subject_id_number=recognition.person.id_number,
                    message="公示异议由乡镇(街道)核实处理。")
    problems = []
    if objection.resolved_on is not None:
        problems.append("该异议已处理。")
    if not (resolution or "").strip():
        problems.append("请填写核实处理情况。")
    if upheld not in (True, False):
        problems.append("请选择异议是否成立。")
    if problems:
        raise ValidationError(problems)
    reason = f"公示异议成立：{resolution.strip()}"
    if upheld:
        review.check_move(case=case, actor=actor, action=Action.REJECT, version=case.version, reason=reason)
    with transaction.atomic():
        if not Objection.objects.filter(pk=objection.pk, resolved_on__isnull=True).update(
                resolved_on=today, upheld=upheld, resolution=resolution.strip()[:500], resolved_by=actor):
            raise ValidationError(["该异议已处理。"])
        audit.record(actor=actor, action="assistance.objection.resolved", target=recognition,
                     region_code=recognition.region_code, subject_id_number=recognition.person.id_number,
                     after={"objection_upheld": upheld}, note=resolution.strip()[:255])
        if upheld:
            review.apply_move(case=case, actor=actor, action=Action.REJECT, version=case.version, reason=reason,
                              today=today)
            Recognition.objects.filter(pk=recognition.pk).update(status=RecognitionStatus.REFUSED,
                                                                 version=recognition.version + 1)
    objection.refresh_from_db()
    return objection


def _check_recognised(recognition, today):
    if recognition.status != RecognitionStatus.RECOGNISED:
        raise ValidationError(["只有已认定的就业困难人员可以复核或退出。"])


def review_eligibility(*, actor, recognition, still_eligible, note="", today=None):
    """A review of continuing eligibility (资格复核): still eligible, the next review is set (not past the validity);
    not, the recognition ends (exit NOT_ELIGIBLE, today)."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=recognition.region_code, action="assistance.recognition.review",
                    roles=FOLLOW_UP_ROLES, subject_id_number=recognition.person.id_number,
                    message="资格复核由村(社区)、乡镇(街道)或县(区)经办人员办理。")
    _check_recognised(recognition, today)
    problems = []
    if recognition.valid_until < today:
        problems.append(f"该认定已于{_day(recognition.valid_until)}到期，不再复核；如仍有困难请重新申请认定。")
    if still_eligible not in (True, False):
        problems.append("请选择复核结论。")
    if not still_eligible and not (note or "").strip():
        problems.append("不再符合条件的，请填写复核情况（原因）。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        made = EligibilityReview.objects.create(recognition=recognition, region_code=recognition.region_code,
                                                reviewed_on=today, still_eligible=still_eligible,
                                                note=(note or "").strip()[:300], reviewed_by=actor)
        before = {"next_review_on": recognition.next_review_on}
        if still_eligible:
            recognition.next_review_on = min(add_months(today, rules.review_months(today)), recognition.valid_until)
            recognition.version += 1
            recognition.save(update_fields=["next_review_on", "version"])
            audit.record(actor=actor, action="assistance.recognition.reviewed", target=recognition,
                         region_code=recognition.region_code, subject_id_number=recognition.person.id_number,
                         before=before, after={"next_review_on": recognition.next_review_on, "still_eligible": True},
                         note=(note or "")[:255])
        else:
            _exit(actor=actor, recognition=recognition, reason=ExitReason.NOT_ELIGIBLE, exited_on=today,
                  note=note)
    return made


def exit_recognition(*, actor, recognition, reason, exited_on, note="", today=None):
    """退出: a recognised person leaves the list, with the reason and the day (on or after the recognition, not
    after today)."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=recognition.region_code, action="assistance.recognition.exit",
                    roles=FOLLOW_UP_ROLES, subject_id_number=recognition.person.id_number,
                    message="退出由村(社区)、乡镇(街道)或县(区)经办人员办理。")
    _check_recognised(recognition, today)
    problems = []
    if reason not in MANUAL_EXITS:
        problems.append("请选择退出原因。")
    if not isinstance(exited_on, datetime.date) or exited_on > today or exited_on < recognition.recognised_on:
        problems.append(f"退出日期须在认定日期{_day(recognition.recognised_on)}和今天之间。")
    if reason == ExitReason.OTHER and not (note or "").strip():
        problems.append("退出原因为“其他”的，请填写退出说明。")
    person = recognition.person
    if reason == ExitReason.RETIREMENT and isinstance(exited_on, datetime.date) and not is_past_retirement(
            person.birth_date, person.sex, exited_on, person.retirement_category):
        year, month = retirement_month(person.birth_date, person.sex, person.retirement_category)
        problems.append(f"{person.name}的法定退休年龄为{retirement_age_label(person.birth_date, person.sex, person.retirement_category)}，"
                        f"{year}年{month}月方达到；退出日期{_day(exited_on)}尚未达到法定退休年龄，请选择其他退出原因。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        _exit(actor=actor, recognition=recognition, reason=reason, exited_on=exited_on, note=note)
    return recognition


_after_exit = []


def after_exit(hook):
    """Register `hook(actor, recognition)` to run in the exit's transaction, after the recognition has exited (its
    exited_on and exit_reason set): a part whose records stand on the recognition (a public-welfare placement, a
    flexible workers' subsidy) ends or stops them there. Returns `hook`."""
    if hook not in _after_exit:
        _after_exit.append(hook)
    return hook


def _exit(*, actor, recognition, reason, exited_on, note=""):
    recognition.status, recognition.exit_reason, recognition.exited_on = RecognitionStatus.EXITED, reason, exited_on
    recognition.exit_note = (note or "").strip()[:200]
    recognition.version += 1
    recognition.save(update_fields=["status", "exit_reason", "exited_on", "exit_note", "version"])
    audit.record(actor=actor, action="assistance.recognition.exited", target=recognition,
                 region_code=recognition.region_code, subject_id_number=recognition.person.id_number,
                 after={"exit_reason": reason, "exited_on": exited_on}, note=(note or "")[:255])
    for hook in _after_exit:
        hook(actor, recognition)
