"""The flexible part's writes: keyword-only, taking the actor, checking permission and scope before one transaction
(a refusal's audit entry stays), an audit entry each. Bad input is a ValidationError listing every reason in
Chinese, and nothing is written.

Where the ledger's status comes from. A 灵活就业人员登记 is a 就业登记 of kind 灵活就业 (就业服务与就业管理规定
art. 62; domain-rules §3), which the employment area already keeps (hrss/employment/employment_registration.py:
the 就业登记台账, the ledger's status 灵活就业 with its form, the 失业登记 ended by rule when a registered unemployed
person starts work, the 城镇新增就业 count). So register_flexible calls that area's named service
register_employment (kind 灵活就业) inside its own transaction and keeps a pointer to the registration it made; this
part adds what the employment registration does not hold (the work and where, the income band, the social
insurance, the village's verification, the end) and the subsidy. Import allowed by the `ignore_imports` line
"hrss.assistance.** -> hrss.employment.employment_registration" in pyproject.toml. The end of flexible work has no
kind in the employment area (its 终止 is of a labour relation), so end_flexible records the ledger's status itself
through residents' apply_status_change: 停止从业 makes the person 失业, 达到退休年龄 退休; a move or a hire changes
the status through their own services.

The 30 days after starting (domain-rules §3, S-local) are a mark, not a refusal: a registration made later is taken
and marked late (rules.DAYS_ALLOWED), as the employment area marks its late 就业登记."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.assistance.flexible import rules, selectors
from hrss.assistance.flexible.chains import FLEXIBLE_SUBSIDY
from hrss.assistance.models import (
    FlexibleEndReason,
    FlexibleRegistration,
    FlexibleSubsidy,
    FlexibleSubsidyPeriod,
    IncomeBand,
)
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.core import audit, review
from hrss.core.models import ReviewCase, ReviewDecision
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.core.working_age import MINIMUM_WORKING_AGE, age_on, is_past_retirement
from hrss.employment import employment_registration
from hrss.employment.models import EmploymentKind
from hrss.residents import services as residents_services
from hrss.residents.models import FlexibleForm, LabourStatus

Action = ReviewDecision.Action
OPEN = (ReviewCase.Status.OPEN, ReviewCase.Status.RETURNED)

# Who registers, verifies and ends flexible work: the village's assistant, and the township's officers who take
# registrations at the 街道/乡镇 agency (domain-rules §3: "in person at the 街道/乡镇 agency").
REGISTRATION_ROLES = frozenset({Role.VILLAGE_ASSISTANT, Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER})
VERIFY_ROLES = frozenset({Role.VILLAGE_ASSISTANT})
# Who records a period's proof of payment and its subsidy: the county's officers who pay it, and the township's
# [believed].
PERIOD_ROLES = frozenset({Role.TOWNSHIP_OFFICER, Role.COUNTY_OFFICER, Role.COUNTY_APPROVER})
# The ledger's status a flexible registration's end leaves, by reason (none: another service sets it).
STATUS_ON_END = {FlexibleEndReason.STOPPED: LabourStatus.UNEMPLOYED, FlexibleEndReason.RETIRED: LabourStatus.RETIRED}


def _decimal(value):
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except (InvalidOperation, ValueError):
        return None


def _yuan(value):
    return f"{value:,.2f}"


def registration_problems(*, person, form, work, place, started_on, income_band, today):
    """What keeps this flexible registration from being made on `today`, in Chinese (empty when nothing)."""
    problems = []
    if form not in FlexibleForm.values:
        problems.append("请选择灵活就业形式。")
    if not (work or "").strip():
        problems.append("请填写从事的工作（如：外卖配送、家政服务）。")
    if not (place or "").strip():
        problems.append("请填写从业地点。")
    if income_band not in IncomeBand.values:
        problems.append("请选择月收入档次。")
    if not isinstance(started_on, datetime.date):
        problems.append("请填写开始从业日期。")
        return problems
    if started_on > today:
        problems.append("开始从业日期不能晚于今天：开始从业后再登记。")
    age = age_on(person.birth_date, started_on)
    if age < MINIMUM_WORKING_AGE or is_past_retirement(person.birth_date, person.sex, started_on,
                                                        person.retirement_category):
        problems.append(f"该人员{started_on:%Y-%m-%d}时{age}岁，不在法定劳动年龄内，不能办理灵活就业登记。")
    if person.labour_status == LabourStatus.EMPLOYED:
        since = f"（{person.status_since:%Y-%m-%d}起）" if person.status_since else ""
        problems.append(f"台账中该人员现为单位就业{since}，有尚未终止的单位就业登记：请先办理终止劳动关系登记，"
                        "再登记灵活就业。")
    current = selectors.active_registration(person)
    if current is not None:
        problems.append(f"该人员已有有效的灵活就业登记（{current.started_on:%Y-%m-%d}起，"
                        f"{current.get_form_display()}），不能重复登记；如工作有变化，请先终止原登记。")
    return problems


def register_flexible(*, actor, person, form, work, place, started_on, income_band, pays_insurance=False,
                      phone="", note="", today=None):
    """灵活就业人员登记: the person's flexible work from `started_on`, with the employment area's 就业登记 of kind
    灵活就业 made in the same transaction (the ledger's status becomes 灵活就业). Marked late past the days allowed."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action="assistance.flexible.register",
                    roles=REGISTRATION_ROLES, subject_id_number=person.id_number,
                    message="灵活就业登记由该人员所在村(社区)或乡镇(街道)办理。")
    problems = registration_problems(person=person, form=form, work=work, place=place, started_on=started_on,
                                     income_band=income_band, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        # One active registration a person: checked again with the person's row locked.
        list(type(person).objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        if selectors.active_registration(person) is not None:
            raise ValidationError(["该人员已有有效的灵活就业登记，不能重复登记。"])
        employment = employment_registration.register_employment(
            actor=actor, person=person, kind=EmploymentKind.FLEXIBLE, event_date=started_on, flexible_form=form,
            note=f"灵活就业：{work.strip()}"[:200], today=today)
        registration = FlexibleRegistration.objects.create(
            person=person, region_code=person.region_code, employment_registration=employment, form=form,
            work=work.strip()[:100], place=place.strip()[:100], started_on=started_on, income_band=income_band,
            pays_insurance=bool(pays_insurance), registered_on=today,
            is_late=(today - started_on).days > rules.days_allowed(today),
            phone=(phone or person.phone or "").strip()[:20], recorded_by=actor)
        audit.record(actor=actor, action="assistance.flexible.registered", target=registration,
                     region_code=registration.region_code, subject_id_number=person.id_number,
                     after={"flexible_form": form, "flexible_started_on": started_on, "income_band": income_band,
                            "pays_insurance": bool(pays_insurance), "flexible_late": registration.is_late},
                     note=note[:255])
    return registration


def verify_flexible(*, actor, registration, verified_on, note="", today=None):
    """The village's verification (核实) of a registration: the date, who, and what was found."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=registration.region_code, action="assistance.flexible.verify",
                    roles=VERIFY_ROLES, subject_id_number=registration.person.id_number,
                    message="灵活就业登记由所在村(社区)协理员核实。")
    problems = []
    if registration.ended_on is not None:
        problems.append("该灵活就业登记已终止，无需核实。")
    elif registration.verified_on is not None:
        problems.append(f"该登记已于{registration.verified_on:%Y-%m-%d}核实。")
    if not isinstance(verified_on, datetime.date):
        problems.append("请填写核实日期。")
    elif verified_on > today or verified_on < registration.registered_on:
        problems.append(f"核实日期应在登记日期{registration.registered_on:%Y-%m-%d}和今天之间。")
    if not (note or "").strip():
        problems.append("请填写核实情况（如：入户走访，确在从事所登记的工作）。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        updated = FlexibleRegistration.objects.filter(pk=registration.pk, verified_on__isnull=True,
                                                      ended_on__isnull=True).update(
            verified_on=verified_on, verified_by=actor, verification_note=note.strip()[:200])
        if not updated:
            raise ValidationError(["该登记刚被他人核实或终止，请刷新页面。"])
        audit.record(actor=actor, action="assistance.flexible.verified", target=registration,
                     region_code=registration.region_code, subject_id_number=registration.person.id_number,
                     after={"flexible_verified_on": verified_on}, note=note[:255])
    registration.refresh_from_db()
    return registration


def end_flexible(*, actor, registration, ended_on, reason, note="", today=None):
    """The end of the flexible work: the date and the reason. The ledger's status follows for 停止从业 (失业) and
    达到退休年龄 (退休), if it is still 灵活就业; a running subsidy stops on that day."""
    today = today or timezone.localdate()
    person = registration.person
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=registration.region_code, action="assistance.flexible.end",
                    roles=REGISTRATION_ROLES, subject_id_number=person.id_number,
                    message="灵活就业登记由所在村(社区)或乡镇(街道)终止。")
    problems = []
    if registration.ended_on is not None:
        problems.append(f"该灵活就业登记已于{registration.ended_on:%Y-%m-%d}终止。")
    if reason not in FlexibleEndReason.values:
        problems.append("请选择终止原因。")
    elif reason == FlexibleEndReason.OTHER and not (note or "").strip():
        problems.append("终止原因为“其他”时请填写说明。")
    if not isinstance(ended_on, datetime.date):
        problems.append("请填写终止日期。")
    elif ended_on > today or ended_on < registration.started_on:
        problems.append(f"终止日期应在开始从业日期{registration.started_on:%Y-%m-%d}和今天之间。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        updated = FlexibleRegistration.objects.filter(pk=registration.pk, ended_on__isnull=True).update(
            ended_on=ended_on, end_reason=reason, end_note=(note or "").strip()[:200])
        if not updated:
            raise ValidationError(["该灵活就业登记刚被他人终止，请刷新页面。"])
        status = STATUS_ON_END.get(reason)
        person.refresh_from_db()
        if status and person.labour_status == LabourStatus.FLEXIBLE:
            residents_services.apply_status_change(
                actor=actor, person=person, status=status, effective_date=ended_on,
                note=f"灵活就业终止：{FlexibleEndReason(reason).label}", today=today)
        stopped = FlexibleSubsidy.objects.filter(registration=registration, stopped_on__isnull=True).update(
            stopped_on=ended_on, stop_note=f"灵活就业登记终止（{FlexibleEndReason(reason).label}）")
        audit.record(actor=actor, action="assistance.flexible.ended", target=registration,
                     region_code=registration.region_code, subject_id_number=person.id_number,
                     after={"flexible_ended_on": ended_on, "flexible_end_reason": reason,
                            **({"subsidies_stopped": stopped} if stopped else {})}, note=(note or "")[:255])
    registration.refresh_from_db()
    return registration


# --- the social-insurance subsidy ------------------------------------------------------------------------------------


def subsidy_problems(*, registration, today):
    """What keeps an application for the subsidy from being taken in on `today` (empty when nothing)."""
    problems = []
    person = registration.person
    if registration.ended_on is not None:
        problems.append("该灵活就业登记已终止，不能申请灵活就业社保补贴。")
    else:
        if registration.verified_on is None:
            problems.append("该灵活就业登记尚未经村(社区)核实：请先核实。")
        if not registration.pays_insurance:
            problems.append("该人员未以灵活就业人员身份参加社会保险：参保缴费后方可申请。")
    if selectors.valid_recognition(person, today) is None:
        problems.append("该人员没有有效的就业困难人员认定（已认定且在有效期内），不能申请。")
    standing = FlexibleSubsidy.objects.filter(person=person).exclude(
        case__status__in=[ReviewCase.Status.REJECTED, ReviewCase.Status.WITHDRAWN]).order_by("-applied_on").first()
    if standing is not None:
        if standing.case.status in OPEN:
            problems.append("该人员已有一份审核中的灵活就业社保补贴申请，不能重复申请。")
        elif standing.stopped_on is None and standing.limit_until >= today:
            problems.append(f"该人员正在享受灵活就业社保补贴（至{standing.limit_until:%Y-%m-%d}），不能重复申请。")
    return problems


def apply_for_subsidy(*, actor, registration, note="", today=None):
    """The village's intake of an application for the 灵活就业社保补贴: the person's valid recognition and verified,
    insured flexible registration checked; the case goes to the township. The subsidy runs from the first day of the
    month of application for the maximum duration in force that day (rules.SUBSIDY)."""
    today = today or timezone.localdate()
    person = registration.person
    check_permission(actor, ASSISTANCE_HANDLE)
    review.check_intake(chain=FLEXIBLE_SUBSIDY, region_code=registration.region_code, actor=actor,
                        subject_id_number=person.id_number)
    problems = subsidy_problems(registration=registration, today=today)
    if problems:
        raise ValidationError(problems)
    subsidy_from, limit_until = rules.subsidy_window(today)
    with transaction.atomic():
        list(type(person).objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        if FlexibleSubsidy.objects.filter(person=person, case__status__in=OPEN).exists():
            raise ValidationError(["该人员已有一份审核中的灵活就业社保补贴申请，不能重复申请。"])
        case = review.open_case(chain=FLEXIBLE_SUBSIDY, region_code=registration.region_code,
                                subject_id_number=person.id_number, title=f"{person.name} 灵活就业社保补贴申请",
                                actor=actor, note=note, today=today)
        subsidy = FlexibleSubsidy.objects.create(
            person=person, region_code=registration.region_code, registration=registration,
            recognition=selectors.valid_recognition(person, today), case=case, applied_on=today,
            subsidy_from=subsidy_from, limit_until=limit_until, note=(note or "").strip()[:200], applied_by=actor)
    return subsidy


def decide_subsidy(*, actor, subsidy, action, version, reason="", today=None):
    """One move on the application's review: forward, send back, refuse, resubmit, withdraw; the county's approval
    (checked again: the registration still active, the recognition still valid) starts the subsidy."""
    today = today or timezone.localdate()
    case = subsidy.case
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=case.region_code, action="assistance.flexible_subsidy.decide",
                    subject_id_number=case.subject_id_number, message="该申请不在您的管辖范围内。")
    review.check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    if action in (Action.APPROVE, Action.RESUBMIT, Action.FORWARD):
        problems = []
        registration = FlexibleRegistration.objects.get(pk=subsidy.registration_id)
        if registration.ended_on is not None:
            problems.append(f"该人员的灵活就业登记已于{registration.ended_on:%Y-%m-%d}终止，不能批准。")
        if selectors.valid_recognition(subsidy.person, today) is None:
            problems.append("该人员的就业困难人员认定已不在有效期内（或已退出），不能批准；请退回或不予批准。")
        if problems:
            raise ValidationError(problems)
    with transaction.atomic():
        case = review.apply_move(case=case, actor=actor, action=action, version=version, reason=reason, today=today)
        if action == Action.APPROVE:
            FlexibleSubsidy.objects.filter(pk=subsidy.pk).update(approved_on=today)
            audit.record(actor=actor, action="assistance.flexible_subsidy.approved", target=subsidy,
                         region_code=subsidy.region_code, subject_id_number=subsidy.person.id_number,
                         after={"subsidy_from": subsidy.subsidy_from, "subsidy_limit_until": subsidy.limit_until})
    subsidy.refresh_from_db()
    subsidy.case = case
    return subsidy


def entitlement_end(subsidy):
    """The last day the subsidy may cover: its maximum duration, cut by its stop, the registration's end and the
    recognition's end."""
    ends = [subsidy.limit_until]
    if subsidy.stopped_on is not None:
        ends.append(subsidy.stopped_on)
    if subsidy.registration.ended_on is not None:
        ends.append(subsidy.registration.ended_on)
    recognition_end = selectors.recognition_end(subsidy.recognition)
    if recognition_end is not None:
        ends.append(recognition_end)
    return min(ends)


def months_allowed(subsidy, year, quarter):
    """How many months of the quarter the subsidy may cover (0 when none): those within its start and its
    entitlement's end. The period form offers this number."""
    first, last = rules.quarter_bounds(year, quarter)
    start, end = max(first, subsidy.subsidy_from), min(last, entitlement_end(subsidy))
    return rules.months_within(start, end, year, quarter) if start <= end else 0


def period_problems(*, subsidy, year, quarter, months, paid_amount, today):
    """What keeps this period from being recorded (empty when nothing)."""
    problems = []
    if subsidy.case.status != ReviewCase.Status.APPROVED:
        return ["该补贴申请尚未审批通过，不能录入补贴期次。"]
    if quarter not in (1, 2, 3, 4) or not year or year < 2000:
        return ["请填写年度和季度（1至4）。"]
    first, last = rules.quarter_bounds(year, quarter)
    label = rules.quarter_label(year, quarter)
    if first > today:
        problems.append(f"{label}尚未开始，不能录入。")
    end = entitlement_end(subsidy)
    if last < subsidy.subsidy_from:
        problems.append(f"{label}早于补贴起始日期{subsidy.subsidy_from:%Y-%m-%d}。")
    elif first > end:
        why = ("超过补贴最长期限" if end == subsidy.limit_until
               else "补贴已停止（灵活就业登记终止或就业困难人员认定到期、退出）")
        problems.append(f"{label}在补贴可享受期（至{end:%Y-%m-%d}）之后：{why}，不能录入。")
    else:
        allowed = months_allowed(subsidy, year, quarter)
        if not months or months < 1 or months > allowed:
            should = "1个月" if allowed == 1 else f"1至{allowed}个月"
            problems.append(f"缴费月数应为{should}（{label}在补贴可享受期内的月数）。")
    amount = _decimal(paid_amount)
    if amount is None or amount <= 0:
        problems.append("请填写个人实缴社保费（大于0，单位元）。")
    if FlexibleSubsidyPeriod.objects.filter(subsidy=subsidy, year=year, quarter=quarter).exists():
        problems.append(f"{label}的补贴已录入，不能重复录入。")
    return problems


def record_period(*, actor, subsidy, year, quarter, months, paid_amount, proof="", today=None):
    """One quarter's proof of payment and its subsidy (the rule of the application date: a share of what was paid,
    capped by the month). Refused past the maximum duration and after the registration or the recognition ended."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=subsidy.region_code, action="assistance.flexible_subsidy.period",
                    roles=PERIOD_ROLES, subject_id_number=subsidy.person.id_number,
                    message="补贴期次由乡镇(街道)或县(区)经办员录入。")
    problems = period_problems(subsidy=subsidy, year=year, quarter=quarter, months=months, paid_amount=paid_amount,
                               today=today)
    if problems:
        raise ValidationError(problems)
    paid = _decimal(paid_amount)
    amount = rules.subsidy_rule(subsidy.applied_on).subsidy(paid, months)
    with transaction.atomic():
        if FlexibleSubsidyPeriod.objects.filter(subsidy=subsidy, year=year, quarter=quarter).exists():
            raise ValidationError([f"{rules.quarter_label(year, quarter)}的补贴已录入，不能重复录入。"])
        period = FlexibleSubsidyPeriod.objects.create(
            subsidy=subsidy, region_code=subsidy.region_code, year=year, quarter=quarter, months=months,
            paid_amount=paid, subsidy_amount=amount, proof=(proof or "").strip()[:100], recorded_on=today,
            recorded_by=actor)
        audit.record(actor=actor, action="assistance.flexible_subsidy.period_recorded", target=subsidy,
                     region_code=subsidy.region_code, subject_id_number=subsidy.person.id_number,
                     after={"subsidy_period": rules.quarter_label(year, quarter), "subsidy_months": months,
                            "subsidy_paid_amount": paid, "subsidy_amount": amount})
    return period


# --- steps of other services: a recognition's exit, a person's move --------------------------------------------------


def stop_on_exit(actor, recognition):
    """A step of the recognition part's exit (hrss.assistance.recognition.services.after_exit), inside its
    transaction, after that service checked its actor: a running subsidy standing on the recognition stops on the
    day of the exit (the subsidy counts no day after the person stopped being recognised), audited."""
    exited_on = recognition.exited_on
    reason = recognition.get_exit_reason_display() if recognition.exit_reason else ""
    running = FlexibleSubsidy.objects.select_related("person").filter(
        recognition=recognition, stopped_on__isnull=True, case__status=ReviewCase.Status.APPROVED)
    for subsidy in running:
        FlexibleSubsidy.objects.filter(pk=subsidy.pk).update(
            stopped_on=exited_on, stop_note=f"就业困难人员认定退出（{reason}）"[:200])
        audit.record(actor=actor, action="assistance.flexible_subsidy.stopped", target=subsidy,
                     region_code=subsidy.region_code, subject_id_number=subsidy.person.id_number,
                     after={"subsidy_stopped_on": exited_on}, note=f"认定{recognition.number}退出：{reason}"[:255])


def follow_person(person, from_code, to_code):
    """A step of residents.move_person (hrss.residents.services.after_person_moved), inside its transaction, after
    that service checked the mover: the person's active flexible registration, its subsidies still standing (under
    review, or approved and not stopped) and their review cases move to the village that now serves the person, so
    it verifies, reviews and pays them and the old village no longer reads them. Ended registrations, stopped or
    refused subsidies and the periods already recorded stay where they were made, like every ledger entry of the
    past."""
    moving = FlexibleRegistration.objects.filter(person=person, ended_on__isnull=True, region_code=from_code)
    standing = FlexibleSubsidy.objects.filter(registration__in=moving, stopped_on__isnull=True, region_code=from_code,
                                              case__status__in=(*OPEN, ReviewCase.Status.APPROVED))
    cases = list(standing.values_list("case_id", flat=True))
    ReviewCase.objects.filter(pk__in=cases).update(region_code=to_code)
    FlexibleSubsidy.objects.filter(case_id__in=cases).update(region_code=to_code)
    moving.update(region_code=to_code)
