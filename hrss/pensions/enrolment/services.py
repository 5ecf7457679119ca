"""The enrolment part's writes (参保登记): keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), an audit entry for each write. A refusal is a ValidationError listing
every reason in Chinese, and nothing is written. Missing documents are not a refusal: the intake is kept as
待补齐材料 with every missing document named at once (一次性告知), and completed by complete_documents.

Two steps are for other parts, inside their own transactions (not audited here, their service is): mark_drawing
(benefits, when a pension starts) and end_for_death (benefits, when a death stops the pension)."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.dates import add_months, age_on
from hrss.core.permissions import check_acting_in, check_permission
from hrss.pensions.enrolment import rules as enrolment_rules
from hrss.pensions.models import (
    EmployeeSchemeRecord,
    Enrolment,
    EnrolmentEndReason,
    EnrolmentState,
    Pension,
)
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.pensions.schemes import rules
from hrss.residents.models import HukouType, LabourStatus, Person

STANDING = (EnrolmentState.PENDING, EnrolmentState.ACTIVE, EnrolmentState.DRAWING)
# Reasons a user gives when ending an enrolment by hand (a move out of the city is transfer_out's).
TERMINATION_REASONS = [reason for reason in EnrolmentEndReason if reason != EnrolmentEndReason.TRANSFERRED]


def _day(value):
    return f"{value:%Y-%m-%d}"


def _yuan(amount):
    return f"{amount.normalize():f}"


def is_urban(person):
    """Enrols in 城居保 (before the 2014 merger): a non-agricultural 户籍 (residents.HukouType)."""
    return person.hukou_type == HukouType.NON_AGRICULTURAL


def parse_tier(value):
    """The tier as a Decimal (yuan a year), or None when it is not a number."""
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() else None


def sixteenth_birthday(birth_date, age):
    """The first day on which someone born on `birth_date` is `age` years old (as core.dates.age_on counts)."""
    day = add_months(birth_date, 12 * age)
    return day if age_on(birth_date, day) >= age else day + datetime.timedelta(days=1)


def missing_documents(documents, day):
    """[(code, name)] of the checklist in force on `day` not among `documents`."""
    have = set(documents or ())
    return [(code, name) for code, name in rules.documents_on(day) if code not in have]


def document_names(codes, day):
    names = dict(rules.documents_on(day))
    return [names.get(code, code) for code in codes]


def employee_scheme_on(person, day):
    """The person's 城镇职工基本养老保险 record in force on `day`, or None."""
    return (EmployeeSchemeRecord.objects.filter(person=person, since__lte=day)
            .exclude(until__lt=day).order_by("-since").first())


def death_of(person):
    """The day the person died as recorded by benefits (a pension's died_on), or None."""
    return (Pension.objects.filter(person=person, died_on__isnull=False).order_by("died_on")
            .values_list("died_on", flat=True).first())


def eligibility_problems(*, person, day, standing=None):
    """Why `person` may not be enrolled on `day`, in Chinese (empty when nothing): age, student, a standing
    enrolment (other than `standing`), the employees' scheme, a recorded death, no scheme yet in the county."""
    problems = []
    died_on = death_of(person)
    if died_on is not None:
        problems.append(f"台账记录{person.name}已于{_day(died_on)}死亡，不能办理参保登记。")
    least = rules.minimum_age_on(day)
    if age_on(person.birth_date, day) < least:
        problems.append(f"{person.name}（{_day(person.birth_date)}出生）在{_day(day)}未满{least}周岁，"
                        f"{_day(sixteenth_birthday(person.birth_date, least))}起方可参保。")
    if person.labour_status == LabourStatus.STUDENT:
        problems.append(f"台账显示{person.name}为在校学生，在校学生不参加城乡居民养老保险；如已离校，请先在人员台账中"
                        "更新其就业状态。")
    other = (Enrolment.objects.filter(person=person, state__in=STANDING)
             .exclude(pk=getattr(standing, "pk", None)).first())
    if other is not None:
        since = f"{_day(other.enrolled_on)}参保" if other.enrolled_on else f"{_day(other.received_on)}受理"
        problems.append(f"{person.name}已参加{other.get_scheme_display()}（{other.get_state_display()}，{since}），"
                        "不能重复参保。")
    employee = employee_scheme_on(person, day)
    if employee is not None:
        where = f"，{employee.employer_name}" if employee.employer_name else ""
        problems.append(f"{person.name}已参加城镇职工基本养老保险（{_day(employee.since)}起{where}），不能同时参加"
                        "城乡居民养老保险。")
    county = scoping.county_code_of(person.region_code)
    if rules.scheme_on(county, day, urban=is_urban(person)) is None:
        problems.append(_not_started(person, county, day))
    return problems


def _not_started(person, county, day):
    urban = is_urban(person)
    name = "城镇居民社会养老保险" if urban else "新型农村社会养老保险"
    code = "urps" if urban else "nrps"
    start = rules.scheme_start(county, code)
    return (f"{person.name}（{'非农业' if urban else '农业'}户籍）所在县(区)在{_day(day)}尚未开办{name}，"
            f"{_day(start)}起方可参保。")


def tier_problems(*, region_code, tier, day):
    amount = parse_tier(tier)
    offered = rules.tier_amounts(region_code, day)
    if amount is not None and amount in offered:
        return []
    choices = "、".join(_yuan(value) for value in offered)
    if amount is None:
        return [f"请选择缴费档次（{_day(day)}执行的档次：{choices}元）。"]
    return [f"缴费档次{_yuan(amount)}元不在{_day(day)}执行的档次内，请从以下档次中选择：{choices}元。"]


def intake_problems(*, person, tier, documents, received_on, today):
    """Everything that refuses this intake on `today`, in Chinese (empty when nothing). Missing documents are not
    here (the intake is kept pending); documents not on the checklist are."""
    problems = []
    if not isinstance(received_on, datetime.date) or received_on > today \
            or (today - received_on).days > enrolment_rules.backdate_days(today):
        problems.append(f"材料受理日期须在今天及之前{enrolment_rules.backdate_days(today)}天内。")
        received_on = today
    problems += eligibility_problems(person=person, day=today)
    problems += tier_problems(region_code=person.region_code, tier=tier, day=today)
    known = {code for code, _name in rules.documents_on(today)}
    unknown = [str(code) for code in documents or () if code not in known]
    if unknown:
        problems.append("材料“" + "、".join(unknown) + "”不在参保登记材料清单内，请从清单中勾选。")
    return problems


def _ordered(documents, day):
    have = set(documents or ())
    return [code for code, _name in rules.documents_on(day) if code in have]


def _snapshot(enrolment):
    return {"enrolment_scheme": enrolment.scheme, "enrolment_tier": enrolment.tier,
            "enrolment_state": enrolment.state, "enrolment_enrolled_on": enrolment.enrolled_on}


def enrol(*, actor, person, tier, documents, today=None, note="", received_on=None):
    """参保登记 at the village: the person of the ledger (in the actor's scope) enrolled in the scheme in force in
    their county for their 户籍 on `today`, paying `tier` a year. Documents complete (received on `received_on`,
    today by default): enrolled today (state active); incomplete: kept as 待补齐材料, the missing ones named."""
    today = today or timezone.localdate()
    received_on = received_on or today
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action="pensions.enrolment.enrol",
                    subject_id_number=person.id_number, message="只能为本辖区台账内的人员办理参保登记。")
    documents = list(documents or ())
    problems = intake_problems(person=person, tier=tier, documents=documents, received_on=received_on,
                               today=today)
    if problems:
        raise ValidationError(problems)
    documents = _ordered(documents, today)
    complete = not missing_documents(documents, today)
    scheme = rules.scheme_on(scoping.county_code_of(person.region_code), today, urban=is_urban(person))
    try:
        with transaction.atomic():
            list(Person.objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
            if Enrolment.objects.filter(person=person, state__in=STANDING).exists():
                raise ValidationError([f"{person.name}已有参保登记，不能重复参保。"])
            enrolment = Enrolment.objects.create(
                person=person, region_code=person.region_code, scheme=scheme.code, tier=parse_tier(tier),
                state=EnrolmentState.ACTIVE if complete else EnrolmentState.PENDING, received_on=received_on,
                enrolled_on=today if complete else None, documents=documents,
                documents_complete_on=received_on if complete else None, note=(note or "").strip()[:200],
                created_by=actor)
            after = _snapshot(enrolment)
            if not complete:
                after["missing_documents"] = [name for _code, name in missing_documents(documents, today)]
            audit.record(actor=actor, action="pensions.enrolment.enrolled" if complete
                         else "pensions.enrolment.received", target=enrolment, region_code=enrolment.region_code,
                         subject_id_number=person.id_number, after=after)
    except IntegrityError:  # another window enrolled the person at the same moment
        raise ValidationError([f"{person.name}已有参保登记，不能重复参保。"]) from None
    return enrolment


def _check_in_scope(actor, enrolment, action, message):
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=enrolment.region_code, action=action,
                    subject_id_number=enrolment.person.id_number, message=message)


def complete_documents(*, actor, enrolment, documents, today=None, received_on=None):
    """补齐材料 of an enrolment 待补齐材料: the documents handed in now (on `received_on`, today by default) are
    added; once the checklist is complete the person is enrolled today (checked again as on the intake day), else it
    stays pending with what is still missing."""
    today = today or timezone.localdate()
    received_on = received_on or today
    _check_in_scope(actor, enrolment, "pensions.enrolment.complete", "只能为本辖区内的参保登记补齐材料。")
    person = enrolment.person
    problems = []
    if enrolment.state != EnrolmentState.PENDING:
        problems.append(f"该参保登记为“{enrolment.get_state_display()}”，不是待补齐材料，无需补齐。")
    if not isinstance(received_on, datetime.date) or received_on > today or received_on < enrolment.received_on:
        problems.append(f"补齐材料的日期须在受理日期{_day(enrolment.received_on)}与今天之间。")
    known = {code for code, _name in rules.documents_on(today)}
    unknown = [str(code) for code in documents or () if code not in known]
    if unknown:
        problems.append("材料“" + "、".join(unknown) + "”不在参保登记材料清单内，请从清单中勾选。")
    if not problems:
        combined = _ordered([*enrolment.documents, *(documents or ())], today)
        if not missing_documents(combined, today):
            problems += eligibility_problems(person=person, day=today, standing=enrolment)
            problems += tier_problems(region_code=enrolment.region_code, tier=enrolment.tier, day=today)
    if problems:
        raise ValidationError(problems)
    before = {"enrolment_documents": document_names(enrolment.documents, today), **_snapshot(enrolment)}
    with transaction.atomic():
        locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if locked.state != EnrolmentState.PENDING:
            raise ValidationError(["该参保登记已被他人办理，请刷新后查看。"])
        enrolment.documents = combined
        fields = ["documents"]
        complete = not missing_documents(combined, today)
        if complete:
            scheme = rules.scheme_on(scoping.county_code_of(enrolment.region_code), today, urban=is_urban(person))
            enrolment.state, enrolment.enrolled_on = EnrolmentState.ACTIVE, today
            enrolment.documents_complete_on, enrolment.scheme = received_on, scheme.code
            fields += ["state", "enrolled_on", "documents_complete_on", "scheme"]
        enrolment.save(update_fields=fields)
        after = {"enrolment_documents": document_names(enrolment.documents, today), **_snapshot(enrolment)}
        if not complete:
            after["missing_documents"] = [name for _code, name in missing_documents(combined, today)]
        audit.record(actor=actor, action="pensions.enrolment.enrolled" if complete
                     else "pensions.enrolment.documents_added", target=enrolment, region_code=enrolment.region_code,
                     subject_id_number=person.id_number,
                     before={key: value for key, value in before.items() if value != after.get(key)},
                     after={key: value for key, value in after.items() if value != before.get(key)})
    return enrolment


def change_tier(*, actor, enrolment, tier, today=None):
    """变更缴费档次: a tier of those in force today, for an enrolment that pays (pending or active)."""
    today = today or timezone.localdate()
    _check_in_scope(actor, enrolment, "pensions.enrolment.change_tier", "只能变更本辖区内参保人员的缴费档次。")
    problems = []
    if enrolment.state not in (EnrolmentState.PENDING, EnrolmentState.ACTIVE):
        problems.append(f"该参保登记为“{enrolment.get_state_display()}”，不能变更缴费档次。")
    problems += tier_problems(region_code=enrolment.region_code, tier=tier, day=today)
    amount = parse_tier(tier)
    if not problems and amount == enrolment.tier:
        problems.append(f"缴费档次已是{_yuan(amount)}元，无需变更。")
    if problems:
        raise ValidationError(problems)
    before = enrolment.tier
    with transaction.atomic():
        enrolment.tier = amount
        enrolment.save(update_fields=["tier"])
        audit.record(actor=actor, action="pensions.enrolment.tier_changed", target=enrolment,
                     region_code=enrolment.region_code, subject_id_number=enrolment.person.id_number,
                     before={"enrolment_tier": before}, after={"enrolment_tier": amount})
    return enrolment


def _end_day_problems(enrolment, on, today):
    first = enrolment.enrolled_on or enrolment.received_on
    if not isinstance(on, datetime.date) or on > today or on < first:
        return [f"终止日期须在{'参保' if enrolment.enrolled_on else '受理'}日期{_day(first)}与今天之间。"]
    return []


def terminate(*, actor, enrolment, reason, on, today=None, note=""):
    """终止参保: an enrolment that pays (or waits for documents) ends on `on` for `reason` (death, the employees'
    scheme, settling abroad, other with a note). A pension being drawn ends with the pension (benefits)."""
    today = today or timezone.localdate()
    _check_in_scope(actor, enrolment, "pensions.enrolment.terminate", "只能终止本辖区内的参保登记。")
    problems = []
    if enrolment.state == EnrolmentState.DRAWING:
        problems.append("该人员正在领取养老金，参保关系随待遇终止（死亡等）一并终止，请在待遇页面办理。")
    elif enrolment.state not in (EnrolmentState.PENDING, EnrolmentState.ACTIVE):
        problems.append(f"该参保登记已是“{enrolment.get_state_display()}”。")
    if reason not in TERMINATION_REASONS:
        problems.append("请选择终止原因（转往市外的请办理“转出”）。")
    if reason == EnrolmentEndReason.OTHER and not (note or "").strip():
        problems.append("终止原因为“其他”的，请填写说明。")
    problems += _end_day_problems(enrolment, on, today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        enrolment.state, enrolment.ended_on, enrolment.end_reason = EnrolmentState.TERMINATED, on, reason
        enrolment.end_note = (note or "").strip()[:200]
        enrolment.save(update_fields=["state", "ended_on", "end_reason", "end_note"])
        audit.record(actor=actor, action="pensions.enrolment.terminated", target=enrolment,
                     region_code=enrolment.region_code, subject_id_number=enrolment.person.id_number,
                     after={"enrolment_ended_on": on, "enrolment_end_reason": reason}, note=enrolment.end_note)
    return enrolment


def transfer_out(*, actor, enrolment, on, destination_note, today=None):
    """转出: the person leaves the city (户籍迁出); the enrolment ends here on `on` as transferred, with where to. A
    move within the city needs nothing: the enrolment follows the person (moves.py)."""
    today = today or timezone.localdate()
    _check_in_scope(actor, enrolment, "pensions.enrolment.transfer_out", "只能为本辖区内的参保人员办理转出。")
    problems = []
    if enrolment.state != EnrolmentState.ACTIVE:
        problems.append(f"只有参保缴费中的参保登记可以转出；该登记为“{enrolment.get_state_display()}”。")
    if not (destination_note or "").strip():
        problems.append("请填写转往何地（迁入地县(区)及经办机构）。")
    problems += _end_day_problems(enrolment, on, today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        enrolment.state, enrolment.ended_on = EnrolmentState.TRANSFERRED, on
        enrolment.end_reason, enrolment.end_note = EnrolmentEndReason.TRANSFERRED, destination_note.strip()[:200]
        enrolment.save(update_fields=["state", "ended_on", "end_reason", "end_note"])
        audit.record(actor=actor, action="pensions.enrolment.transferred_out", target=enrolment,
                     region_code=enrolment.region_code, subject_id_number=enrolment.person.id_number,
                     after={"enrolment_ended_on": on, "transfer_destination": enrolment.end_note})
    return enrolment


def mark_drawing(*, enrolment, on):
    """A step of benefits' service, inside its transaction: the pension has started on `on`, so the enrolment no
    longer pays but draws. Only an active enrolment starts drawing."""
    if enrolment.state == EnrolmentState.DRAWING:
        return enrolment
    if enrolment.state != EnrolmentState.ACTIVE:
        raise ValidationError([f"参保登记为“{enrolment.get_state_display()}”，不能开始领取待遇（须为参保缴费中）。"])
    enrolment.state = EnrolmentState.DRAWING
    enrolment.save(update_fields=["state"])
    return enrolment


def end_for_death(*, enrolment, died_on):
    """A step of benefits' service (a death recorded), inside its transaction: a standing enrolment ends on the day
    of death; an enrolment already ended stays as it is."""
    if enrolment.state not in STANDING:
        return enrolment
    enrolment.state, enrolment.ended_on, enrolment.end_reason = (EnrolmentState.TERMINATED, died_on,
                                                                 EnrolmentEndReason.DEATH)
    enrolment.save(update_fields=["state", "ended_on", "end_reason"])
    return enrolment
