"""Writes of employment and unemployment registration. Each takes the actor, goes through the review chain
(core.review) and leaves an audit entry; refusals are checked before the transaction so their audit entry stays."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q
from django.utils import timezone

from hrss.core import audit, review, scoping
from hrss.core.dates import add_months
from hrss.core.models import Region, ReviewCase, ReviewDecision
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.core.working_age import MINIMUM_WORKING_AGE, age_on, is_past_retirement, retirement_age_label
from hrss.employment import certificates, selectors
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.employment.models import (
    CancelReason,
    Document,
    EmploymentKind,
    EmploymentRegistration,
    Standing,
    UnemployedContact,
    UnemploymentCategory,
    UnemploymentRegistration,
)
from hrss.employment.permissions import EMPLOYMENT_HANDLE
from hrss.residents import services as residents_services
from hrss.residents.labour_status import IN_WORK_OFF_THE_FARM
from hrss.residents.models import FlexibleForm, LabourStatus, WorkCapacity

Action = ReviewDecision.Action

# Documents to see at the intake, by category (domain-rules §2: ID for all; whoever had an employer also the
# termination certificate) [believed].
REQUIRED_DOCUMENTS = {
    UnemploymentCategory.LOST_JOB: {Document.ID_CARD, Document.TERMINATION_PROOF},
}
DEFAULT_DOCUMENTS = {Document.ID_CARD}

# The categories whose application says when the work ended (失业日期: the last day of the labour relation, or
# the day the business stopped) and, for whoever had an employer, which one (原工作单位): the termination
# certificate of domain-rules §2 carries both [believed].
DATED_CATEGORIES = {UnemploymentCategory.LOST_JOB, UnemploymentCategory.BUSINESS_CLOSED}
EMPLOYER_CATEGORIES = {UnemploymentCategory.LOST_JOB}

# Ledger statuses of people who are not unemployed although they have no job: art. 63 registers those "处于无业
#状态" who want work, and these are out of the labour force (在校, 服兵役) or drawing a pension (退休), which art. 67
# lists as reasons to end a registration [sourced: S-28 art. 63; S-local 宜宾 for the cancellation list].
NOT_AVAILABLE = {
    LabourStatus.STUDENT: "台账中现为“在校”：在校学生不能登记失业。已毕业或离校的，请先在人员页面把就业状态改为"
                          "离校后的实际情况（如“失业”），再受理失业登记。",
    LabourStatus.MILITARY: "台账中现为“服兵役”：服役期间不能登记失业。已退役的，请先在人员页面记录退役后的就业状态，"
                           "再按“退役军人未纳入国家统一安置”类别受理。",
    LabourStatus.RETIRED: "台账中现为“退休”：已领取基本养老金的人员不能登记失业。如台账记录有误，请先在人员页面"
                          "更正就业状态。",
}


def unemployment_eligibility_problems(person, *, today=None):
    """Why `person` cannot register as unemployed now (就业服务与就业管理规定 art. 63): empty when they can."""
    today = today or timezone.localdate()
    problems = []
    age = age_on(person.birth_date, today)
    if age < MINIMUM_WORKING_AGE:
        problems.append(f"未满{MINIMUM_WORKING_AGE}周岁（现{age}岁），不在法定劳动年龄内，不能登记失业。")
    elif is_past_retirement(person.birth_date, person.sex, today, person.retirement_category):
        label = retirement_age_label(person.birth_date, person.sex, person.retirement_category)
        problems.append(f"已达到法定退休年龄（{label}），不能登记失业。")
    if person.work_capacity == WorkCapacity.NONE:
        problems.append("完全丧失劳动能力的人员不能登记失业。")
    if person.labour_status in IN_WORK_OFF_THE_FARM:
        problems.append(f"台账中现为“{person.status_label}”：处于就业状态的人员不能登记失业；如已离职，"
                        "请先在人员页面记录就业状态变化。")
    if person.labour_status in NOT_AVAILABLE:
        problems.append(NOT_AVAILABLE[person.labour_status])
    open_registration = person.unemployment_registrations.filter(UnemploymentRegistration.status_q(
        UnemploymentRegistration.Status.PENDING, UnemploymentRegistration.Status.REGISTERED)).first()
    if open_registration is not None:
        state = "已登记失业" if open_registration.status == UnemploymentRegistration.Status.REGISTERED \
            else "已有一份审核中的失业登记申请"
        problems.append(f"该人员{state}，不能重复登记。")
    return problems


def apply_for_unemployment_registration(*, actor, person, category, wants_work, able_to_work, documents,
                                        last_employer="", left_job_on=None, phone="", note="", today=None):
    """The village's intake and first review of a 失业登记: eligibility checked, documents seen, the case sent to
    the township. Raises ValidationError with every reason in Chinese."""
    today = today or timezone.localdate()
    check_permission(actor, EMPLOYMENT_HANDLE)
    review.check_intake(chain=UNEMPLOYMENT_REGISTRATION, region_code=person.region_code, actor=actor,
                        subject_id_number=person.id_number)
    problems = unemployment_eligibility_problems(person, today=today)
    if not wants_work:
        problems.append("本人须有就业要求才能登记失业。")
    if not able_to_work:
        problems.append("本人须有劳动能力才能登记失业。")
    problems += application_problems(category=category, documents=documents, last_employer=last_employer,
                                     left_job_on=left_job_on, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        # Two intakes for one person at the same moment: whether an application is under review is its case's
        # state, so the check is repeated here with the person's row locked (PostgreSQL; on SQLite the writers
        # take turns from BEGIN IMMEDIATE), and only one gets through.
        list(type(person).objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        if person.unemployment_registrations.filter(UnemploymentRegistration.status_q(
                UnemploymentRegistration.Status.PENDING, UnemploymentRegistration.Status.REGISTERED)).exists():
            raise ValidationError(["该人员已有一份审核中的失业登记申请，不能重复登记。"])
        case = review.open_case(chain=UNEMPLOYMENT_REGISTRATION, region_code=person.region_code,
                                subject_id_number=person.id_number, title=f"{person.name} 失业登记",
                                actor=actor, note=note, today=today)
        registration = UnemploymentRegistration.objects.create(
            person=person, region_code=person.region_code, case=case, category=category,
            last_employer=last_employer[:100], left_job_on=left_job_on, documents=sorted(set(documents)),
            phone=phone[:20] or person.phone, applied_by=actor)
    return registration


def application_problems(*, category, documents, last_employer, left_job_on, today):
    """What the application itself lacks (category, documents, 失业日期, 原工作单位), in Chinese; empty when
    complete. Checked at the intake, at a correction and before a corrected case is resubmitted."""
    problems = []
    if category not in UnemploymentCategory.values:
        return ["请选择失业人员类别。"]
    label = UnemploymentCategory(category).label
    missing = REQUIRED_DOCUMENTS.get(category, DEFAULT_DOCUMENTS) - set(documents)
    if missing:
        problems.append("缺少材料：" + "、".join(str(Document(key).label) for key in sorted(missing)) + "。")
    if category in DATED_CATEGORIES and not left_job_on:
        problems.append(f"“{label}”须填写失业日期（终止/解除劳动关系或停业之日）。")
    if category in EMPLOYER_CATEGORIES and not (last_employer or "").strip():
        problems.append(f"“{label}”须填写原工作单位（与终止/解除劳动关系证明一致）。")
    if left_job_on and left_job_on > today:
        problems.append("失业日期不能晚于今天。")
    return problems


# What a correction may change, and the audit's before/after of it.
CORRECTABLE_FIELDS = ("category", "last_employer", "left_job_on", "phone", "documents")


def correct_unemployment_application(*, actor, registration, version, category, documents, last_employer="",
                                     left_job_on=None, phone="", today=None):
    """补正: while the case is sent back (退回补正), the village assistant who may take in the application changes
    its fields; the case stays with the village until they resubmit it. `version` is the case's as the assistant
    loaded it (CaseChanged when someone moved it since). Audited with the fields before and after."""
    today = today or timezone.localdate()
    case = registration.case
    check_permission(actor, EMPLOYMENT_HANDLE)
    check_acting_in(actor, region_code=case.region_code, action="employment.unemployment.correct",
                    roles=UNEMPLOYMENT_REGISTRATION.intake.roles, subject_id_number=case.subject_id_number,
                    message="退回补正的申请由受理的村(社区)协理员更正。")
    if version != case.version:
        raise review.CaseChanged
    if case.status != ReviewCase.Status.RETURNED:
        raise ValidationError(["只有退回补正的申请可以更正；该申请现在不在村(社区)补正环节。"])
    problems = application_problems(category=category, documents=documents, last_employer=last_employer,
                                    left_job_on=left_job_on, today=today)
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(registration, CORRECTABLE_FIELDS)
    with transaction.atomic():
        # The correction is a change of the case as others see it: a page loaded before it cannot act on it.
        if not ReviewCase.objects.filter(pk=case.pk, version=version).update(version=F("version") + 1):
            raise review.CaseChanged
        registration.category = category
        registration.last_employer = last_employer.strip()[:100]
        registration.left_job_on = left_job_on
        registration.phone = phone.strip()[:20]
        registration.documents = sorted(set(documents))
        registration.save(update_fields=list(CORRECTABLE_FIELDS))
        after = audit.snapshot(registration, CORRECTABLE_FIELDS)
        audit.record(actor=actor, action="employment.unemployment.corrected", target=registration,
                     region_code=registration.region_code, subject_id_number=case.subject_id_number,
                     before={key: value for key, value in before.items() if value != after[key]},
                     after={key: value for key, value in after.items() if value != before[key]})
    case.refresh_from_db()
    return registration


def decide_unemployment_registration(*, actor, registration, action, version, reason="", today=None):
    """One move on the registration's review: forward, approve, send back, resubmit, refuse or withdraw. On
    approval the person is 登记失业 from today and the ledger shows them unemployed."""
    today = today or timezone.localdate()
    case = registration.case
    check_permission(actor, EMPLOYMENT_HANDLE)
    review.check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    if action == Action.RESUBMIT:
        problems = application_problems(
            category=registration.category, documents=registration.documents,
            last_employer=registration.last_employer, left_job_on=registration.left_job_on, today=today)
        if problems:
            raise ValidationError(["请先更正申请再重新提交：", *problems])
    if action == Action.APPROVE:
        problems = unemployment_eligibility_problems(registration.person, today=today)
        problems = [problem for problem in problems if "不能重复登记" not in problem]  # this very application
        if problems:
            raise ValidationError(problems)
    with transaction.atomic():
        case = review.apply_move(case=case, actor=actor, action=action, version=version, reason=reason, today=today)
        if action == Action.APPROVE:
            registration.standing = Standing.REGISTERED
            registration.registered_on = today
            registration.save(update_fields=["standing", "registered_on"])
            residents_services.apply_status_change(actor=actor, person=registration.person,
                                                   status=LabourStatus.UNEMPLOYED, effective_date=today,
                                                   note="失业登记", today=today)
            certificates.issue_certificate(actor=actor, person=registration.person, today=today, note="失业登记")
            audit.record(actor=actor, action="employment.unemployment.registered", target=registration,
                         region_code=registration.region_code, subject_id_number=registration.person.id_number)
    registration.case = case
    return registration


# --- managing the registered unemployed ------------------------------------------------------------------------

# Roles that confirm a cancellation: the township's and the county's officers (the village proposes by contact).
CANCELLING_ROLES = {Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICER, Role.COUNTY_APPROVER}
NO_CONTACT_MONTHS = 6
REFUSALS_BEFORE_CANCELLATION = 3

# What the ledger shows from the cancellation date, for the reasons that say it (the others leave it as it is:
# 入学/服兵役/移居境外 is three statuses in one reason, 被判刑收监 and the last two reasons say nothing of work).
STATUS_AFTER_CANCELLATION = {
    CancelReason.HIRED: (LabourStatus.EMPLOYED, ""),
    CancelReason.SELF_EMPLOYED: (LabourStatus.FLEXIBLE, FlexibleForm.SELF_EMPLOYED),
    CancelReason.STABLE_INCOME: (LabourStatus.FLEXIBLE, ""),  # 灵活就业, its form unknown here
    CancelReason.PENSION_OR_RETIREMENT: (LabourStatus.RETIRED, ""),
    CancelReason.LOST_CAPACITY: (LabourStatus.INCAPACITATED, ""),
}


def _check_in_scope(actor, person, action, roles=None):
    check_permission(actor, EMPLOYMENT_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action=action, roles=roles,
                    subject_id_number=person.id_number, message="您无权为该人员办理此业务。")


def record_contact(*, actor, registration, contacted_on, kind, note="", job="", refused_without_reason=False,
                   today=None):
    """A contact with a registered unemployed person (visit, call, referral...)."""
    today = today or timezone.localdate()
    _check_in_scope(actor, registration.person, "employment.contact.record")
    if registration.status != UnemploymentRegistration.Status.REGISTERED:
        raise ValidationError("只有登记失业人员需要记录联系情况。")
    if refused_without_reason and kind != UnemployedContact.Kind.REFERRAL:
        raise ValidationError("“无正当理由拒绝”只用于推荐岗位：请把方式选为“推荐岗位”，并填写所推荐的岗位。")
    if contacted_on > today:
        raise ValidationError("联系日期不能晚于今天。")
    if registration.registered_on and contacted_on < registration.registered_on:
        raise ValidationError("联系日期不能早于失业登记日期。")
    with transaction.atomic():
        contact = UnemployedContact.objects.create(
            registration=registration, contacted_on=contacted_on, kind=kind, note=note[:200], job=job[:100],
            refused_without_reason=refused_without_reason, recorded_by=actor)
        audit.record(actor=actor, action="employment.contact.recorded", target=registration,
                     region_code=registration.region_code, subject_id_number=registration.person.id_number,
                     after={"kind": kind, "contacted_on": contacted_on, "refused_without_reason": refused_without_reason})
    return contact


def cancel_unemployment_registration(*, actor, registration, reason, effective_date=None, note="", today=None):
    """注销: the registration ends for one of the reasons of CancelReason; the ledger follows where the reason
    says what the person does now."""
    today = today or timezone.localdate()
    effective_date = effective_date or today
    _check_in_scope(actor, registration.person, "employment.unemployment.cancel", CANCELLING_ROLES)
    if registration.status != UnemploymentRegistration.Status.REGISTERED:
        raise ValidationError("该人员不是登记失业状态，无需注销。")
    if reason not in CancelReason.values:
        raise ValidationError("请选择注销原因。")
    if effective_date > today or (registration.registered_on and effective_date < registration.registered_on):
        raise ValidationError("注销日期应在失业登记日期和今天之间。")
    with transaction.atomic():
        registration.standing = Standing.CANCELLED
        registration.cancelled_on = effective_date
        registration.cancel_reason = reason
        registration.cancel_note = note[:200]
        registration.save(update_fields=["standing", "cancelled_on", "cancel_reason", "cancel_note"])
        after = STATUS_AFTER_CANCELLATION.get(reason)
        if after is not None and registration.person.labour_status == LabourStatus.UNEMPLOYED:
            residents_services.apply_status_change(actor=actor, person=registration.person, status=after[0],
                                                   detail=after[1], effective_date=effective_date,
                                                   note=f"注销失业登记：{CancelReason(reason).label}", today=today)
        audit.record(actor=actor, action="employment.unemployment.cancelled", target=registration,
                     region_code=registration.region_code, subject_id_number=registration.person.id_number,
                     after={"reason": reason, "effective_date": effective_date}, note=note[:255])
    return registration


def refusals_in_a_row(registration):
    """How many of the latest job referrals were refused without a good reason, counting back from the latest to
    the first one that was not (art. 67's "连续3次"): a referral accepted, or refused with a reason, starts the count
    again. Contacts other than referrals neither count nor break the run."""
    referrals = registration.contacts.filter(
        Q(kind=UnemployedContact.Kind.REFERRAL) | Q(refused_without_reason=True)).order_by(
        "-contacted_on", "-id").values_list("refused_without_reason", flat=True)
    count = 0
    for refused in referrals:
        if not refused:
            break
        count += 1
    return count


@dataclass(frozen=True)
class Proposal:
    registration: UnemploymentRegistration
    reason: str
    detail: str
    effective_date: datetime.date | None = None  # the cancellation's date when the rule gives one (a hire's)

    @property
    def reason_label(self):
        return CancelReason(self.reason).label


def cancellation_proposals(user, *, today=None):
    """Registrations the rules say should end, for an officer to confirm: no contact for 6 months (from the latest
    contact, or the registration), 3 jobs refused without reason, retirement age reached, hired before the
    registration date (登记时已就业: selectors.hires_before_registration)."""
    today = today or timezone.localdate()
    registrations = scoping.visible_to(user, UnemploymentRegistration.objects.filter(
        standing=Standing.REGISTERED)).select_related("person").annotate(
        last_contact=Max("contacts__contacted_on"),
        refusals=Count("contacts", filter=Q(contacts__refused_without_reason=True)))
    registrations = list(registrations.order_by("registered_on"))
    hires = _hires_elsewhere(registrations)
    held_a_job = selectors.hires_before_registration(registrations)
    proposals = []
    for registration in registrations:
        person = registration.person
        since = registration.last_contact or registration.registered_on
        # Only a registration with enough refusals in all is read further (most have none).
        in_a_row = refusals_in_a_row(registration) if registration.refusals >= REFUSALS_BEFORE_CANCELLATION else 0
        hire = hires.get(registration.pk)
        if hire is not None:
            proposals.append(Proposal(registration, CancelReason.HIRED, _hire_detail(hire), hire.event_date))
        elif (held := held_a_job.get(registration.pk)) is not None:
            # Ends on its own registration date: never counted as standing registered unemployed.
            proposals.append(Proposal(registration, CancelReason.HIRED, _held_job_detail(held, registration),
                                      registration.registered_on))
        elif since and add_months(since, NO_CONTACT_MONTHS) <= today:
            proposals.append(Proposal(registration, CancelReason.NO_CONTACT, f"最近一次联系：{since:%Y-%m-%d}"))
        elif in_a_row >= REFUSALS_BEFORE_CANCELLATION:
            proposals.append(Proposal(registration, CancelReason.NOT_SEEKING,
                                      f"无正当理由连续拒绝推荐工作 {in_a_row} 次"))
        elif is_past_retirement(person.birth_date, person.sex, today, person.retirement_category):
            label = retirement_age_label(person.birth_date, person.sex, person.retirement_category)
            proposals.append(Proposal(registration, CancelReason.PENSION_OR_RETIREMENT, f"法定退休年龄：{label}"))
    return proposals


def hired_elsewhere_count(user):
    """How many standing registrations of the user's scope have a hire registered since by another office (the
    proposals' "被用人单位录用" from a hire, without the 登记时已就业 ones): one COUNT with EXISTS, so the home
    page's pending item does not build every proposal of a city."""
    hired_since = EmploymentRegistration.objects.filter(
        person_id=OuterRef("person_id"), kind=EmploymentKind.HIRED, was_registered_unemployed=True,
        event_date__gte=OuterRef("registered_on"))
    return scoping.visible_to(user, UnemploymentRegistration.objects.filter(
        standing=Standing.REGISTERED)).filter(Exists(hired_since)).count()


def _hires_elsewhere(registrations):
    """{registration pk: the earliest hire registered since} for standing registrations whose person was hired
    while registered unemployed by an office whose scope does not hold them (a hire registered where the employer
    is): that office cannot end the 失业登记, the home officers confirm it (employment_registration._register)."""
    registered_on = {registration.person_id: registration for registration in registrations}
    found = {}
    hires = EmploymentRegistration.objects.filter(
        person_id__in=list(registered_on), kind=EmploymentKind.HIRED, was_registered_unemployed=True,
    ).select_related("recorded_by__region").order_by("event_date", "pk")
    for hire in hires:
        registration = registered_on[hire.person_id]
        if registration.registered_on is None or hire.event_date >= registration.registered_on:
            found.setdefault(registration.pk, hire)
    return found


def _place(code):
    """A region's name with its county and township (源城区上城街道下城社区)."""
    codes = [*scoping.ancestor_codes(code)[2:], code]
    return "".join(Region.objects.filter(code__in=codes).order_by("code").values_list("name", flat=True))


def _hire_detail(hire):
    return (f"{hire.event_date:%Y-%m-%d}被“{hire.employer_name}”录用（用人单位在{_place(hire.region_code)}），"
            f"由{_place(hire.recorded_by.region.code)}登记")


def _held_job_detail(hire, registration):
    when = f"早于失业登记日期{registration.registered_on:%Y-%m-%d}" if registration.registered_on else "失业登记审核期间"
    return f"登记时已就业：{hire.event_date:%Y-%m-%d}被“{hire.employer_name}”录用（{when}），请核实"
