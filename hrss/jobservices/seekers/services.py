"""Write services of the seekers part (求职登记): keyword-only, taking the actor, checking permission and scope
before one transaction that leaves an audit entry. Whoever is in the ledger, of working age and able to work may
register as looking for work; a person has at most one open registration."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.core import audit, classifications
from hrss.core.dates import add_months
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.working_age import MINIMUM_WORKING_AGE, age_on, is_past_retirement, retirement_age_label
from hrss.jobservices.models import (
    JobSeeker,
    Mobility,
    SeekerEndReason,
    SeekerStatus,
    WantedOccupation,
    occupation_groups,
)
from hrss.jobservices.permissions import JOBSERVICES_HANDLE
from hrss.residents.models import WorkCapacity

MAX_OCCUPATIONS = 3
MAX_WAGE = 1_000_000  # a monthly wage in yuan above this is a typing error

# How far ahead a seeker may say they can start: a later date is a typing error (2099-01-01) [believed: a
# registration is renewed within the year; no rule found].
AVAILABLE_FROM_MAX_MONTHS_AHEAD = (
    (datetime.date(2011, 1, 1), 12),
)


def latest_available_from(today):
    """The latest available_from a registration made or changed on `today` may give."""
    months = None
    for effective_from, value in AVAILABLE_FROM_MAX_MONTHS_AHEAD:
        if effective_from <= today:
            months = value
    return add_months(today, months)


# What an update may change, and the audit's before/after of it.
EDITABLE_FIELDS = ("wage_min", "mobility", "not_selective", "available_from", "phone", "note")


def _check(actor, region_code, action, subject_id_number):
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=region_code, action=action, subject_id_number=subject_id_number,
                    message="您无权为该人员办理求职登记。")


def person_problems(person, *, today=None):
    """Why `person` cannot register as looking for work now, in Chinese: empty when they can (working age:
    就业服务与就业管理规定 art. 6, 16 full years, and not past the statutory retirement age; able to work; no open
    求职登记 already)."""
    today = today or timezone.localdate()
    problems = []
    age = age_on(person.birth_date, today)
    if age < MINIMUM_WORKING_AGE:
        problems.append(f"未满{MINIMUM_WORKING_AGE}周岁（现{age}岁），不在法定劳动年龄内，不能求职登记。")
    elif is_past_retirement(person.birth_date, person.sex, today, person.retirement_category):
        label = retirement_age_label(person.birth_date, person.sex, person.retirement_category)
        problems.append(f"已达到法定退休年龄（{label}），不能求职登记。")
    if person.work_capacity == WorkCapacity.NONE:
        problems.append("完全丧失劳动能力的人员不能求职登记。")
    open_registration = person.job_seekings.filter(status=SeekerStatus.ACTIVE).first()
    if open_registration is not None:
        problems.append(f"该人员已于 {open_registration.registered_on:%Y-%m-%d} 求职登记，仍在求职中，不能重复登记；"
                        "请修改原登记。")
    return problems


def occupation_problems(occupations):
    """The wanted occupations (职业分类大典 codes, 1 to 3, any level) checked: (normalised codes, problems)."""
    codes, problems = [], []
    for raw in occupations or []:
        code = classifications.normalise_occupation_code(raw)
        if not code:
            continue
        if not classifications.occupation_exists(code):
            problems.append(f"意向职业代码“{code}”不在职业分类大典（2022年版）中，请按大典填写代码，如 4-02-06-01。")
        elif code in codes:
            problems.append(f"意向职业“{classifications.occupation_label(code)}”填了两次。")
        else:
            codes.append(code)
    if not codes and not problems:
        problems.append("请填写至少一个意向职业（职业分类大典代码，可填大类、中类、小类或细类）。")
    if len(codes) > MAX_OCCUPATIONS:
        problems.append(f"意向职业最多填 {MAX_OCCUPATIONS} 个。")
    return codes, problems


def _field_problems(*, wage_min, mobility, phone, note, available_from=None, today=None):
    problems = []
    if available_from is not None and today is not None and available_from > latest_available_from(today):
        problems.append(f"可上岗日期（{available_from:%Y-%m-%d}）最晚为一年内的 "
                        f"{latest_available_from(today):%Y-%m-%d}，请核对年份。")
    if mobility not in Mobility.values:
        problems.append("请选择愿意去的工作地点范围（本村、本乡镇、本县、本市、省内或省外）。")
    if wage_min is not None and not 0 < wage_min <= MAX_WAGE:
        problems.append(f"期望月薪下限应在 1 到 {MAX_WAGE:,} 元之间（不限请留空）。")
    if len(phone or "") > 20:
        problems.append("联系电话不能超过 20 个字符。")
    if len(note or "") > 200:
        problems.append("备注不能超过 200 个字。")
    return problems


def _wanted_rows(seeker, codes):
    rows = []
    for rank, code in enumerate(codes, start=1):
        major, mid, minor = occupation_groups(code)
        rows.append(WantedOccupation(seeker=seeker, occupation_code=code, rank=rank, major=major, mid=mid,
                                     minor=minor, region_code=seeker.region_code,
                                     active=seeker.status == SeekerStatus.ACTIVE))
    return rows


def register_seeker(*, actor, person, occupations, mobility, not_selective, wage_min=None, available_from=None,
                    phone="", note="", today=None):
    """求职登记 of `person` (in the actor's scope) from `today`: the wanted occupations in order of preference,
    the lowest monthly wage, how far they will go, and whether they take any suitable work (不挑不拣: KPI 1).
    Raises ValidationError with every reason in Chinese."""
    today = today or timezone.localdate()
    _check(actor, person.region_code, "jobservices.seeker.register", person.id_number)
    codes, problems = occupation_problems(occupations)
    problems = person_problems(person, today=today) + problems + _field_problems(
        wage_min=wage_min, mobility=mobility, phone=phone, note=note, available_from=available_from, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        # Two registrations of one person at the same moment: the person's row is locked (PostgreSQL; SQLite's
        # writers take turns) and the check repeated, and the unique constraint stands behind it.
        list(type(person).objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        if person.job_seekings.filter(status=SeekerStatus.ACTIVE).exists():
            raise ValidationError(["该人员已有求职中的求职登记，不能重复登记；请修改原登记。"])
        seeker = JobSeeker.objects.create(
            person=person, region_code=person.region_code, registered_on=today, wage_min=wage_min,
            mobility=mobility, not_selective=bool(not_selective), available_from=available_from,
            phone=(phone or person.phone or "").strip()[:20], note=(note or "").strip()[:200], created_by=actor)
        WantedOccupation.objects.bulk_create(_wanted_rows(seeker, codes))
        audit.record(actor=actor, action="jobservices.seeker.registered", target=seeker,
                     region_code=seeker.region_code, subject_id_number=person.id_number,
                     after={"occupations": codes, "mobility": mobility, "not_selective": bool(not_selective),
                            "wage_min": wage_min})
    return seeker


def update_seeker(*, actor, seeker, occupations, mobility, not_selective, wage_min=None, available_from=None,
                  phone="", note="", today=None):
    """Change an open 求职登记 (its registration date, and so KPI 1's 10 working days, stays). Audited with the
    fields before and after."""
    person = seeker.person
    _check(actor, seeker.region_code, "jobservices.seeker.update", person.id_number)
    if seeker.status != SeekerStatus.ACTIVE:
        raise ValidationError(["该求职登记已结束，不能修改；如本人又在求职，请重新求职登记。"])
    codes, problems = occupation_problems(occupations)
    problems += _field_problems(wage_min=wage_min, mobility=mobility, phone=phone, note=note,
                                available_from=available_from, today=today or timezone.localdate())
    if problems:
        raise ValidationError(problems)
    before = {**audit.snapshot(seeker, EDITABLE_FIELDS),
              "occupations": list(seeker.wanted.order_by("rank").values_list("occupation_code", flat=True))}
    with transaction.atomic():
        seeker.wage_min = wage_min
        seeker.mobility = mobility
        seeker.not_selective = bool(not_selective)
        seeker.available_from = available_from
        seeker.phone = (phone or "").strip()[:20]
        seeker.note = (note or "").strip()[:200]
        seeker.save(update_fields=[*EDITABLE_FIELDS, "updated_at"])
        if codes != before["occupations"]:
            seeker.wanted.all().delete()
            WantedOccupation.objects.bulk_create(_wanted_rows(seeker, codes))
        after = {**audit.snapshot(seeker, EDITABLE_FIELDS), "occupations": codes}
        audit.record(actor=actor, action="jobservices.seeker.updated", target=seeker, region_code=seeker.region_code,
                     subject_id_number=person.id_number,
                     before={key: value for key, value in before.items() if value != after[key]},
                     after={key: value for key, value in after.items() if value != before[key]})
    return seeker


def end_seeking(*, actor, seeker, reason, note="", today=None):
    """The 求职登记 ends (已就业, 本人不再求职, 迁出, 其他) on `today`: the seeker leaves every match list."""
    today = today or timezone.localdate()
    _check(actor, seeker.region_code, "jobservices.seeker.end", seeker.person.id_number)
    if seeker.status != SeekerStatus.ACTIVE:
        raise ValidationError(["该求职登记已经结束。"])
    if reason not in SeekerEndReason.values:
        raise ValidationError(["请选择结束原因：已就业、本人不再求职、迁出或其他。"])
    if today < seeker.registered_on:
        raise ValidationError(["结束日期不能早于求职登记日期。"])
    with transaction.atomic():
        seeker.status = SeekerStatus.ENDED
        seeker.ended_on = today
        seeker.end_reason = reason
        if note:
            seeker.note = note.strip()[:200]
        seeker.save(update_fields=["status", "ended_on", "end_reason", "note", "updated_at"])
        seeker.wanted.update(active=False)
        audit.record(actor=actor, action="jobservices.seeker.ended", target=seeker, region_code=seeker.region_code,
                     subject_id_number=seeker.person.id_number, after={"end_reason": reason, "ended_on": today},
                     note=(note or "")[:255])
    return seeker

