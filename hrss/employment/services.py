"""Writes of employment and unemployment registration. Each takes the actor, goes through the review chain
(core.review) and leaves an audit entry; refusals are checked before the transaction so their audit entry stays."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, review
from hrss.core.models import ReviewDecision
from hrss.core.working_age import MINIMUM_WORKING_AGE, age_on, is_past_retirement, retirement_age_label
from hrss.employment import certificates
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.employment.models import Document, UnemploymentCategory, UnemploymentRegistration
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus, WorkCapacity

Action = ReviewDecision.Action

# Statuses in which a person has work: they register employment changes, not unemployment.
EMPLOYED_STATUSES = {LabourStatus.EMPLOYED, LabourStatus.FLEXIBLE, LabourStatus.MIGRANT}

# Documents to see at the intake, by category (domain-rules §2: ID for all; whoever had an employer also the
# termination certificate) [believed].
REQUIRED_DOCUMENTS = {
    UnemploymentCategory.LOST_JOB: {Document.ID_CARD, Document.TERMINATION_PROOF},
}
DEFAULT_DOCUMENTS = {Document.ID_CARD}


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
    if person.labour_status in EMPLOYED_STATUSES:
        problems.append(f"台账中现为“{person.status_label}”：处于就业状态的人员不能登记失业；如已离职，"
                        "请先在人员页面记录就业状态变化。")
    open_registration = person.unemployment_registrations.filter(
        status__in=[UnemploymentRegistration.Status.PENDING, UnemploymentRegistration.Status.REGISTERED]).first()
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
    review.check_intake(chain=UNEMPLOYMENT_REGISTRATION, region_code=person.region_code, actor=actor,
                        subject_id_number=person.id_number)
    problems = unemployment_eligibility_problems(person, today=today)
    if not wants_work:
        problems.append("本人须有就业要求才能登记失业。")
    if not able_to_work:
        problems.append("本人须有劳动能力才能登记失业。")
    if category not in UnemploymentCategory.values:
        problems.append("请选择失业人员类别。")
    missing = REQUIRED_DOCUMENTS.get(category, DEFAULT_DOCUMENTS) - set(documents)
    if missing:
        problems.append("缺少材料：" + "、".join(str(Document(key).label) for key in sorted(missing)) + "。")
    if left_job_on and left_job_on > today:
        problems.append("失业日期不能晚于今天。")
    if problems:
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            case = review.open_case(chain=UNEMPLOYMENT_REGISTRATION, region_code=person.region_code,
                                    subject_id_number=person.id_number, title=f"{person.name} 失业登记",
                                    actor=actor, note=note, today=today)
            registration = UnemploymentRegistration.objects.create(
                person=person, region_code=person.region_code, case=case, category=category,
                last_employer=last_employer[:100], left_job_on=left_job_on, documents=sorted(set(documents)),
                phone=phone[:20] or person.phone, applied_by=actor)
    except IntegrityError:
        # Two intakes for one person at the same moment: the unique constraint let only one through.
        raise ValidationError(["该人员已有一份审核中的失业登记申请，不能重复登记。"]) from None
    return registration


def decide_unemployment_registration(*, actor, registration, action, version, reason="", today=None):
    """One move on the registration's review: forward, approve, send back, resubmit, refuse or withdraw. On
    approval the person is 登记失业 from today and the ledger shows them unemployed."""
    today = today or timezone.localdate()
    case = registration.case
    review.check_move(case=case, actor=actor, action=action, version=version, reason=reason)
    if action == Action.APPROVE:
        problems = unemployment_eligibility_problems(registration.person, today=today)
        problems = [problem for problem in problems if "不能重复登记" not in problem]  # this very application
        if problems:
            raise ValidationError(problems)
    with transaction.atomic():
        case = review.apply_move(case=case, actor=actor, action=action, version=version, reason=reason, today=today)
        if action == Action.APPROVE:
            registration.status = UnemploymentRegistration.Status.REGISTERED
            registration.registered_on = today
            registration.save(update_fields=["status", "registered_on"])
            residents_services.record_status_change(actor=actor, person=registration.person,
                                                    status=LabourStatus.UNEMPLOYED, effective_date=today,
                                                    note="失业登记", today=today)
            certificates.issue_certificate(actor=actor, person=registration.person, today=today, note="失业登记")
            audit.record(actor=actor, action="employment.unemployment.registered", target=registration,
                         region_code=registration.region_code, subject_id_number=registration.person.id_number)
        elif action in (Action.REJECT, Action.WITHDRAW):
            registration.status = UnemploymentRegistration.Status.NOT_REGISTERED
            registration.save(update_fields=["status"])
    registration.case = case
    return registration
