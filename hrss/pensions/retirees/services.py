"""The retirees part's writes (退休人员社会化管理): keyword-only, taking the actor, checking permission and scope before
one transaction (a refusal's audit entry stays), one audit entry each. Bad input is a ValidationError listing every
reason in Chinese, and nothing is written.

Contracts for the other parts: the certification part reads Retiree.state ("managed") and region_code; a death
reported in the benefits part closes the record through deaths.close_on_death (benefits.services.after_death), and
record_death reports it there."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.dates import age_on, years_before
from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.models import Level
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.text import amount_of
from hrss.core.working_age import MINIMUM_WORKING_AGE
from hrss.pensions.benefits import services as benefits_services
from hrss.pensions.models import (
    ActivityKind,
    DeathReport,
    Pension,
    Retiree,
    RetireeActivity,
    RetireeState,
    RetireeVisit,
    RetireeVisitKind,
)
from hrss.pensions.models.retirees import STANDING_STATES
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.pensions.retirees import rules
from hrss.pensions.schemes.rules import shown_source
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus, Person

USCC = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")  # GB 32100-2015's characters (no I, O, S, V, Z)
MAX_PENSION = Decimal("99999999.99")


def _check(actor, retiree, action, message):
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=retiree.region_code, action=action,
                    subject_id_number=retiree.person.id_number, message=message)


def _date_problem(day, label, today, *, not_before=None, not_before_label=""):
    if not isinstance(day, datetime.date):
        return f"请填写{label}。"
    if day > today:
        return f"{label}{day:%Y-%m-%d}晚于今天，请填写已经发生的日期。"
    if not_before is not None and day < not_before:
        return f"{label}{day:%Y-%m-%d}早于{not_before_label}{not_before:%Y-%m-%d}。"
    return None


def _standing_problem(retiree, what):
    if retiree.state == RetireeState.DIED:
        return f"{retiree.person.name}已于{retiree.died_on:%Y-%m-%d}死亡，不能再{what}。"
    if retiree.state == RetireeState.MOVED_OUT:
        return f"{retiree.person.name}已于{retiree.moved_out_on:%Y-%m-%d}迁出，不能再{what}。"
    return None



def register_problems(*, person, employer_name, employer_code, retired_on, pension_amount, phone, today):
    """What keeps `person` from being registered as a retiree on `today`: [(field, reason in Chinese)], empty when
    nothing (the field names the import's column)."""
    problems = []
    if not (employer_name or "").strip():
        problems.append(("employer_name", "请填写原工作单位。"))
    elif len(employer_name.strip()) > 100:
        problems.append(("employer_name", "原工作单位不超过100字。"))
    code = (employer_code or "").strip().upper()
    if code and not USCC.match(code):
        problems.append(("employer_code", f"原单位统一社会信用代码“{code}”应为18位数字或大写字母（不含I、O、S、V、Z）。"))
    earliest = years_before(person.birth_date, -MINIMUM_WORKING_AGE)
    problem = _date_problem(retired_on, "退休日期", today, not_before=earliest,
                            not_before_label=f"{person.name}年满{MINIMUM_WORKING_AGE}周岁之日")
    if problem:
        problems.append(("retired_on", problem))
    elif person.sex in ("M", "F"):
        youngest = rules.earliest_retirement_age(retired_on, person.sex)
        age = age_on(person.birth_date, retired_on)
        if age < youngest:
            problems.append(("retired_on", f"退休日期{retired_on:%Y-%m-%d}时{person.name}{age}岁：企业职工最早"
                             f"{youngest}周岁退休（{'男' if person.sex == 'M' else '女'}职工因病或特殊工种提前退休），"
                             f"请核对退休日期和出生日期（依据：{shown_source(rules.EARLIEST_RETIREMENT_SOURCE)}）。"))
    amount = amount_of(pension_amount)
    if amount is None:
        problems.append(("pension_amount", "请填写月养老金（元），如 3250.00。"))
    elif amount < 0 or amount > MAX_PENSION:
        problems.append(("pension_amount", f"月养老金{amount}元不在0至{MAX_PENSION}元之间。"))
    if len((phone or "").strip()) > 20:
        problems.append(("phone", "联系电话不超过20位。"))
    standing = Retiree.objects.filter(person=person, state__in=STANDING_STATES).first()
    if standing is not None:
        problems.append(("id_number", f"{person.name}已登记为企业退休人员（{standing.get_state_display()}），不能重复登记。"))
    died = (Retiree.objects.filter(person=person, state=RetireeState.DIED).values_list("died_on", flat=True).first()
            or DeathReport.objects.filter(person=person).values_list("died_on", flat=True).first()
            or Pension.objects.filter(person=person, died_on__isnull=False).values_list("died_on", flat=True).first())
    if died is not None:
        problems.append(("id_number", f"{person.name}已于{died:%Y-%m-%d}死亡，不能登记为退休人员。"))
    return problems


def _create(*, actor, person, employer_name, employer_code, retired_on, pension_amount, phone, today):
    """Inside the caller's transaction: the record, and the ledger's labour status made 退休 if it is not."""
    retiree = Retiree.objects.create(
        person=person, region_code=person.region_code, employer_name=employer_name.strip(),
        employer_code=(employer_code or "").strip().upper(), retired_on=retired_on,
        pension_amount=amount_of(pension_amount), phone=(phone or "").strip(), created_by=actor)
    if person.labour_status != LabourStatus.RETIRED:
        # From the retirement day, or from the latest status's day when that is later (a back-dated change would
        # not become the current status).
        since = max(retired_on, person.status_since or retired_on)
        residents_services.apply_status_change(actor=actor, person=person, status=LabourStatus.RETIRED,
                                               effective_date=since, note="企业退休人员登记", today=today)
    audit.record(actor=actor, action="pensions.retiree.registered", target=retiree, region_code=retiree.region_code,
                 subject_id_number=person.id_number,
                 after={"employer_name": retiree.employer_name, "employer_code": retiree.employer_code,
                        "retired_on": retired_on, "pension_amount": retiree.pension_amount,
                        "retiree_state": retiree.state})
    return retiree


ALREADY = "该人员刚刚已被登记为企业退休人员，请刷新页面查看。"


def register(*, actor, person, employer_name, employer_code, retired_on, pension_amount, phone="", today=None):
    """登记企业退休人员: a person of the ledger in the actor's scope, not yet managed by the community (the files
    come later, receive_files). The ledger's labour status becomes 退休 if it is not."""
    today = today or timezone.localdate()
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action="pensions.retiree.register",
                    subject_id_number=person.id_number, message="只能登记本辖区内的退休人员。")
    problems = register_problems(person=person, employer_name=employer_name, employer_code=employer_code,
                                 retired_on=retired_on, pension_amount=pension_amount, phone=phone, today=today)
    if problems:
        raise ValidationError([reason for _field, reason in problems])
    try:
        with transaction.atomic():
            Person.objects.select_for_update().filter(pk=person.pk).first()
            return _create(actor=actor, person=person, employer_name=employer_name, employer_code=employer_code,
                           retired_on=retired_on, pension_amount=pension_amount, phone=phone, today=today)
    except IntegrityError:  # registered by someone else in between (one standing record a person)
        raise ValidationError(ALREADY) from None


@dataclass
class ImportResult:
    created: list = field(default_factory=list)  # the retirees registered
    rejected: list = field(default_factory=list)  # core.tabular.RowError: row, column, reason


def import_retirees(*, actor, region, path, today=None):
    """导入社保经办机构提供的退休人员名单 (.xlsx/.csv, imports.SPEC) for `region` (a village or a township in the
    actor's scope): each row names a person of the ledger living there by ID number and name (both must match);
    each is checked as register checks it; the good rows are registered together (one audit entry for the list),
    each bad row reported with its row, column and reason. A file that cannot be read raises ImportRefused."""
    from hrss.core.tabular import RowError, records
    from hrss.pensions.retirees import imports

    today = today or timezone.localdate()
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=region.code, action="pensions.retirees.import",
                    message="只能为本辖区导入退休人员名单。")
    headers = imports.HEADERS
    people = scoping.within_region(scoping.visible_to(actor, Person.objects.all()), region)
    good, rejected, seen = [], [], {}
    for row, cells in records(path, imports.SPEC):
        values, errors = imports.row_values(row, cells)
        person = None
        try:
            number = parse(values["id_number"], today=today).number
        except InvalidIdNumber as error:
            errors.append(RowError(row, headers["id_number"], str(error)))
            number = None
        if number is not None:
            if number in seen:
                errors.append(RowError(row, headers["id_number"], f"与第{seen[number]}行的公民身份号码重复。"))
            seen.setdefault(number, row)
            person = people.filter(id_number=number).first()
            if person is None:
                errors.append(RowError(row, headers["id_number"],
                                       f"{region.name}的人员台账中没有该公民身份号码：请先在人员台账登记该人员，"
                                       "或在其居住地导入。"))
            elif values["name"] != person.name:
                errors.append(RowError(row, headers["name"],
                                       f"姓名“{values['name']}”与人员台账中该公民身份号码的姓名“{person.name}”不符，"
                                       "请核对后重新导入该行。"))
                person = None
        if person is not None:
            read = {error.column for error in errors}
            for name, problem in register_problems(person=person, employer_name=values["employer_name"],
                                             employer_code=values["employer_code"], retired_on=values["retired_on"],
                                             pension_amount=values["pension_amount"], phone=values["phone"],
                                             today=today):
                column = headers[name]
                if column not in read:
                    errors.append(RowError(row, column, problem))
        if errors:
            rejected.extend(errors)
        else:
            good.append((person, values))
    created = []
    if good:
        try:
            with transaction.atomic():
                for person, values in good:
                    created.append(_create(actor=actor, person=person, employer_name=values["employer_name"],
                                           employer_code=values["employer_code"], retired_on=values["retired_on"],
                                           pension_amount=values["pension_amount"], phone=values["phone"],
                                           today=today))
                audit.record(actor=actor, action="pensions.retirees.imported", target=region,
                             region_code=region.code,
                             after={"created": len(created), "rejected": len({error.row for error in rejected})})
        except IntegrityError:
            raise ValidationError(ALREADY) from None
    return ImportResult(created=created, rejected=rejected)


def receive_files(*, actor, retiree, on, today=None):
    """档案移交社区: the retiree's files are with the community from `on`, who is managed by it from that day."""
    today = today or timezone.localdate()
    _check(actor, retiree, "pensions.retiree.receive_files", "只能接收本辖区退休人员的档案。")
    problems = []
    if retiree.state == RetireeState.MANAGED:
        problems.append(f"{retiree.person.name}的档案已于{retiree.files_received_on:%Y-%m-%d}移交社区，已纳入社会化管理。")
    elif (problem := _standing_problem(retiree, "接收档案")) is not None:
        problems.append(problem)
    problem = _date_problem(on, "档案移交日期", today, not_before=retiree.retired_on, not_before_label="退休日期")
    if problem:
        problems.append(problem)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        if not Retiree.objects.filter(pk=retiree.pk, state=RetireeState.NOT_MANAGED).update(
                state=RetireeState.MANAGED, managed_since=on, files_received_on=on):
            raise ValidationError("该退休人员的状态刚刚已被他人修改，请刷新页面后重试。")
        retiree.refresh_from_db()
        audit.record(actor=actor, action="pensions.retiree.files_received", target=retiree,
                     region_code=retiree.region_code, subject_id_number=retiree.person.id_number,
                     before={"retiree_state": RetireeState.NOT_MANAGED},
                     after={"retiree_state": retiree.state, "files_received_on": on})
    return retiree


def visit_problems(*, retiree, visited_on, kind, note, today):
    problems = []
    problem = _date_problem(visited_on, "走访日期", today, not_before=retiree.retired_on, not_before_label="退休日期")
    if problem:
        problems.append(problem)
    elif retiree.died_on and visited_on > retiree.died_on:
        problems.append(f"{retiree.person.name}已于{retiree.died_on:%Y-%m-%d}死亡，之后的走访不能登记。")
    elif retiree.moved_out_on and visited_on > retiree.moved_out_on:
        problems.append(f"{retiree.person.name}已于{retiree.moved_out_on:%Y-%m-%d}迁出，之后的走访不能登记。")
    if kind not in RetireeVisitKind.values:
        problems.append("请选择走访方式（上门或电话）。")
    if not (note or "").strip():
        problems.append("请填写走访情况。")
    return problems


def record_visit(*, actor, retiree, visited_on, kind, note, today=None):
    """登记走访: a visit of the retiree (上门 or 电话) by the actor."""
    today = today or timezone.localdate()
    _check(actor, retiree, "pensions.retiree_visit.record", "只能登记本辖区退休人员的走访。")
    problems = visit_problems(retiree=retiree, visited_on=visited_on, kind=kind, note=note, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        visit = RetireeVisit.objects.create(retiree=retiree, region_code=retiree.region_code, visited_on=visited_on,
                                            kind=kind, note=note.strip()[:500], by=actor)
        audit.record(actor=actor, action="pensions.retiree_visit.recorded", target=visit,
                     region_code=visit.region_code, subject_id_number=retiree.person.id_number,
                     after={"visited_on": visited_on, "retiree_visit_kind": kind, "visit_note": visit.note})
    return visit


def set_care(*, actor, retiree, needs_care, health_note="", today=None):
    """标记患病需关照 (or clear it): a retiree marked so is visited at the sick's interval (rules.py)."""
    _check(actor, retiree, "pensions.retiree.set_care", "只能修改本辖区退休人员的健康状况。")
    problem = _standing_problem(retiree, "修改健康状况")
    health_note = (health_note or "").strip()
    problems = [problem] if problem else []
    if len(health_note) > 100:
        problems.append("健康状况不超过100字。")
    if needs_care and not health_note:
        problems.append("标记为患病需关照时，请填写健康状况（如：脑梗后行动不便）。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        before = {"needs_care": retiree.needs_care, "health_note": retiree.health_note}
        Retiree.objects.filter(pk=retiree.pk).update(needs_care=bool(needs_care), health_note=health_note)
        retiree.refresh_from_db()
        audit.record(actor=actor, action="pensions.retiree.care_set", target=retiree, region_code=retiree.region_code,
                     subject_id_number=retiree.person.id_number, before=before,
                     after={"needs_care": retiree.needs_care, "health_note": retiree.health_note})
    return retiree


def activity_problems(*, region, held_on, title, kind, participants, participant_count, today):
    problems = []
    if region.level not in (Level.VILLAGE, Level.TOWNSHIP):
        problems.append("活动由村(社区)或乡镇(街道)举办，请选择举办的村(社区)或乡镇(街道)。")
    problem = _date_problem(held_on, "活动日期", today)
    if problem:
        problems.append(problem)
    if not (title or "").strip():
        problems.append("请填写活动名称。")
    elif len(title.strip()) > 100:
        problems.append("活动名称不超过100字。")
    if kind not in ActivityKind.values:
        problems.append("请选择活动类别（文体活动、健康讲座、慰问或其他）。")
    outside = [retiree.person.name for retiree in participants
               if not scoping.code_is_within(retiree.region_code, region.code)]
    if outside:
        problems.append(f"{'、'.join(outside)}不住在{region.name}，不能列为本次活动的参加人员。")
    gone = [retiree.person.name for retiree in participants if retiree.state not in STANDING_STATES]
    if gone:
        problems.append(f"{'、'.join(gone)}已死亡或迁出，不能列为参加人员。")
    if participant_count is not None and (not isinstance(participant_count, int) or participant_count < 0):
        problems.append("参加人数应为0或正整数。")
    elif participant_count is not None and participant_count < len(participants):
        problems.append(f"参加人数{participant_count}少于列出的参加人员（{len(participants)}人）。")
    elif not participants and not participant_count:
        problems.append("请选择参加的退休人员，或填写参加人数。")
    return problems


def record_activity(*, actor, region, held_on, title, kind, participants=(), participant_count=None, note="",
                    today=None):
    """登记退休人员活动 held by `region` (a village, or a township for its villages): the registered retirees who
    took part, and/or how many took part (at least as many as listed)."""
    today = today or timezone.localdate()
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=region.code, action="pensions.retiree_activity.record",
                    message="只能登记本辖区的退休人员活动。")
    participants = list({retiree.pk: retiree for retiree in participants}.values())
    problems = activity_problems(region=region, held_on=held_on, title=title, kind=kind, participants=participants,
                                 participant_count=participant_count, today=today)
    if (note or "").strip() and len(note.strip()) > 500:
        problems.append("活动情况不超过500字。")
    if problems:
        raise ValidationError(problems)
    count = participant_count if participant_count is not None else len(participants)
    with transaction.atomic():
        activity = RetireeActivity.objects.create(region_code=region.code, held_on=held_on, title=title.strip(),
                                                  kind=kind, participant_count=count, note=(note or "").strip(),
                                                  created_by=actor)
        activity.participants.set(participants)
        audit.record(actor=actor, action="pensions.retiree_activity.recorded", target=activity,
                     region_code=region.code,
                     after={"activity_title": activity.title, "activity_kind": kind, "held_on": held_on,
                            "participant_count": count, "participants": len(participants)})
    return activity


def _close(retiree, *, state, day_field, day, actor, action, note=""):
    """Inside the caller's transaction: the standing record closed (died or moved out) on `day`, audited."""
    before = retiree.state
    Retiree.objects.filter(pk=retiree.pk).update(state=state, **{day_field: day})
    retiree.refresh_from_db()
    audit.record(actor=actor, action=action, target=retiree, region_code=retiree.region_code,
                 subject_id_number=retiree.person.id_number, before={"retiree_state": before},
                 after={"retiree_state": state, day_field: day}, note=note)
    return retiree


def record_death(*, actor, retiree, died_on, today=None):
    """登记死亡: the death is reported once for the whole area, through the benefits part's report_death (which stops
    a residents' pension, ends an enrolment and runs every after_death hook); its hook closes this record (state
    died, deaths.close_on_death). A death reported there before the record was registered is refused at
    registration, so a standing record's person has no report yet."""
    today = today or timezone.localdate()
    _check(actor, retiree, "pensions.retiree.record_death", "只能登记本辖区退休人员的死亡。")
    problems = []
    if (problem := _standing_problem(retiree, "登记死亡")) is not None:
        problems.append(problem)
    problem = _date_problem(died_on, "死亡日期", today, not_before=retiree.retired_on, not_before_label="退休日期")
    if problem:
        problems.append(problem)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        if DeathReport.objects.filter(person=retiree.person).exists():  # reported before this record (an old one)
            _close(retiree, state=RetireeState.DIED, day_field="died_on", day=died_on, actor=actor,
                   action="pensions.retiree.died")
        else:
            benefits_services.report_death(actor=actor, person=retiree.person, died_on=died_on, today=today)
    retiree.refresh_from_db()
    return retiree


def move_out(*, actor, retiree, on, moved_to="", today=None):
    """迁出: the retiree leaves the community (out of the city, or anywhere the ledger does not follow); the record
    is closed (state moved_out). A move within the city made in the ledger moves the record instead (moves.py)."""
    today = today or timezone.localdate()
    _check(actor, retiree, "pensions.retiree.move_out", "只能为本辖区的退休人员办理迁出。")
    problems = []
    if (problem := _standing_problem(retiree, "办理迁出")) is not None:
        problems.append(problem)
    problem = _date_problem(on, "迁出日期", today, not_before=retiree.retired_on, not_before_label="退休日期")
    if problem:
        problems.append(problem)
    moved_to = (moved_to or "").strip()
    if len(moved_to) > 100:
        problems.append("迁往地址不超过100字。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        Retiree.objects.filter(pk=retiree.pk).update(moved_to=moved_to)
        return _close(retiree, state=RetireeState.MOVED_OUT, day_field="moved_out_on", day=on, actor=actor,
                      action="pensions.retiree.moved_out", note=moved_to)
