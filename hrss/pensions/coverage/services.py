"""The coverage part's writes: the employees' scheme (城镇职工基本养老保险) as given, one person at a time or from the
tax office's or the social insurance agency's list. Keyword-only, taking the actor, checking permission and scope
before one transaction (a refusal's audit entry stays), one audit entry per record written. Bad input is a
ValidationError listing every reason in Chinese, and nothing is written."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from hrss.core import audit, scoping
from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.spreadsheets import cell_text
from hrss.core.tabular import Result, RowError, date_or_none, records
from hrss.pensions.coverage import imports
from hrss.pensions.models import EmployeeSchemeRecord
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.residents.models import Person


def _clean(text, limit):
    return " ".join(str(text or "").split())[:limit]


def _overlapping(person, since, until, exclude_pk=None):
    """The person's other records whose period meets [since, until] (until None: open)."""
    rows = EmployeeSchemeRecord.objects.filter(person=person).filter(Q(until__isnull=True) | Q(until__gte=since))
    if until is not None:
        rows = rows.filter(since__lte=until)
    if exclude_pk is not None:
        rows = rows.exclude(pk=exclude_pk)
    return rows.order_by("since")


def _period(record):
    return f"{record.since:%Y-%m-%d}至{record.until:%Y-%m-%d}" if record.until else f"{record.since:%Y-%m-%d}起"


def record_problems_by_column(*, person, since, until, employer_name, source, today, exclude_pk=None):
    """{field: [what keeps this record from being saved on `today`, in Chinese]} (empty when nothing)."""
    problems = {}

    def add(field, message):
        problems.setdefault(field, []).append(message)

    if not isinstance(since, datetime.date):
        add("since", "请填写参保起始日期。")
    else:
        if since > today:
            add("since", f"参保起始日期{since:%Y-%m-%d}晚于今天：请登记已经开始的参保。")
        if since < person.birth_date:
            add("since", f"参保起始日期{since:%Y-%m-%d}早于{person.name}的出生日期{person.birth_date:%Y-%m-%d}。")
    if until is not None:
        if not isinstance(until, datetime.date):
            add("until", "终止日期不是日期。")
        elif isinstance(since, datetime.date) and until < since:
            add("until", f"终止日期{until:%Y-%m-%d}早于参保起始日期{since:%Y-%m-%d}。")
        elif until > today:
            add("until", f"终止日期{until:%Y-%m-%d}晚于今天：尚未终止的参保请不填终止日期。")
    if not _clean(employer_name, 100):
        add("employer_name", "请填写参保单位。")
    if not _clean(source, 100):
        add("source", "请填写信息来源（如：税务部门名单、社保经办机构、本人提供的参保证明）。")
    if not problems:
        for other in _overlapping(person, since, until, exclude_pk):
            add("since", f"{person.name}已有{_period(other)}的职工养老保险记录（{other.employer_name}），"
                         "与本次登记的期间重叠；如已换单位，请先为原记录填写终止日期。")
    return problems


def record_problems(*, person, since, until, employer_name, source, today):
    """What keeps this record from being saved on `today`, in Chinese (empty when nothing)."""
    found = record_problems_by_column(person=person, since=since, until=until, employer_name=employer_name,
                                      source=source, today=today)
    return [message for messages in found.values() for message in messages]


def record_employee_scheme(*, actor, person, since, until=None, employer_name, source, today):
    """登记职工养老保险参保信息: `person` is in the employees' scheme from `since` (until `until`, when it has
    ended), with `employer_name`, as `source` gives it. Such a person counts as insured (KPI 5) and may not enrol
    in the residents' scheme."""
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action="pensions.employee_scheme.record",
                    subject_id_number=person.id_number, message="只能登记本辖区内人员的职工养老保险信息。")
    problems = record_problems(person=person, since=since, until=until, employer_name=employer_name, source=source,
                               today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()  # one writer of a person's periods
        problems = record_problems(person=person, since=since, until=until, employer_name=employer_name,
                                   source=source, today=today)
        if problems:
            raise ValidationError(problems)
        record = EmployeeSchemeRecord.objects.create(
            person=person, region_code=person.region_code, since=since, until=until,
            employer_name=_clean(employer_name, 100), source=_clean(source, 100), created_by=actor)
        audit.record(actor=actor, action="pensions.employee_scheme.recorded", target=record,
                     region_code=record.region_code, subject_id_number=person.id_number,
                     after={"scheme_since": since, "scheme_until": until, "scheme_employer": record.employer_name,
                            "scheme_source": record.source})
    return record


def end_problems(*, record, until, today):
    problems = []
    if record.until is not None:
        problems.append(f"该记录已于{record.until:%Y-%m-%d}终止。")
    if not isinstance(until, datetime.date):
        problems.append("请填写终止日期。")
    else:
        if until < record.since:
            problems.append(f"终止日期{until:%Y-%m-%d}早于参保起始日期{record.since:%Y-%m-%d}。")
        if until > today:
            problems.append(f"终止日期{until:%Y-%m-%d}晚于今天：请在参保终止后登记。")
    return problems


def end_employee_scheme(*, actor, record, until, today, note=""):
    """职工养老保险终止: the record ends on `until` (its last day in the scheme); from the next day the person is no
    longer counted as insured by it."""
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=record.region_code, action="pensions.employee_scheme.end",
                    subject_id_number=record.person.id_number, message="只能办理本辖区内人员的职工养老保险终止。")
    with transaction.atomic():
        record = EmployeeSchemeRecord.objects.select_for_update().select_related("person").get(pk=record.pk)
        problems = end_problems(record=record, until=until, today=today)
        if problems:
            raise ValidationError(problems)
        record.until = until
        record.save(update_fields=["until"])
        audit.record(actor=actor, action="pensions.employee_scheme.ended", target=record,
                     region_code=record.region_code, subject_id_number=record.person.id_number,
                     before={"scheme_until": None}, after={"scheme_until": until},
                     note=_clean(note, 200))
    return record


# --- the list from the tax office or the agency --------------------------------------------------------------


def _match(row, cells, people, headers, errors, today):
    """The person of a row: ID number and name both as the ledger has them, within the import's people."""
    raw = cells.get("id_number")
    if not cell_text(raw) and not isinstance(raw, int | float):
        errors.append(RowError(row, headers["id_number"], "请填写公民身份号码。"))
        return None
    try:
        number = parse(raw, today=today).number
    except InvalidIdNumber as error:
        errors.append(RowError(row, headers["id_number"], str(error)))
        return None
    name = _clean(cell_text(cells.get("name")), 50).replace(" ", "")
    person = people.filter(id_number=number).first()
    if person is None:
        errors.append(RowError(row, headers["id_number"],
                               "未匹配：所选区域的台账中没有该公民身份号码的人员，未导入（请核对号码，或由其所在村(社区)导入）。"))
        return None
    if not name:
        errors.append(RowError(row, headers["name"], "请填写姓名（与身份号码一起核对，防止记到别人名下）。"))
        return None
    if name != person.name.replace(" ", ""):
        errors.append(RowError(row, headers["name"],
                               f"未匹配：姓名“{name}”与台账中该身份号码的人员姓名不一致，未导入，请核对。"))
        return None
    return person


def import_employee_schemes(*, actor, region, path, source, today):
    """导入职工养老保险参保名单 (.xlsx/.csv: 公民身份号码, 姓名, 参保单位, 参保起始日期, 终止日期) for the people of
    `region`: a row is applied only to the person whose ID number and name both match the ledger there; a row
    already recorded (the same person and start) changes nothing, or ends that record when the list gives its end;
    every other row is reported with its row, column and reason. A file that cannot be read at all raises
    core.tabular.ImportRefused. Returns a core.tabular.Result (created, updated: ended, unchanged, rejected)."""
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=region.code, action="pensions.employee_schemes.import",
                    message="只能导入本辖区的职工养老保险参保名单。")
    source = _clean(source, 100)
    if not source:
        raise ValidationError("请填写名单来源（如：市税务局2026年6月名单）。")
    headers = imports.HEADERS
    people = scoping.within_region(scoping.visible_to(actor, Person.objects.all()), region)
    result = Result()
    seen = {}
    for row, cells in records(path, imports.SPEC):
        errors = []
        person = _match(row, cells, people, headers, errors, today)
        since = date_or_none(cells.get("since"), headers["since"], errors, row)
        until = date_or_none(cells.get("until"), headers["until"], errors, row)
        employer_name = _clean(cell_text(cells.get("employer_name")), 100)
        if since is None and not any(error.column == headers["since"] for error in errors):
            errors.append(RowError(row, headers["since"], "请填写参保起始日期。"))
        if errors or person is None:
            result.rejected.extend(errors)
            continue
        key = (person.pk, since)
        if key in seen:
            result.rejected.append(RowError(row, headers["id_number"], f"与第{seen[key]}行重复，未导入。"))
            continue
        seen[key] = row
        with transaction.atomic():
            outcome, problems = _apply_row(actor=actor, person=person, since=since, until=until,
                                           employer_name=employer_name, source=source, today=today)
        if problems:
            result.rejected.extend(RowError(row, headers.get(field, headers["since"]), problem)
                                   for field, problem in problems)
        else:
            setattr(result, outcome, getattr(result, outcome) + 1)
    audit.record(actor=actor, action="pensions.employee_schemes.imported", target=region, region_code=region.code,
                 after={"created": result.created, "updated": result.updated, "unchanged": result.unchanged,
                        "rejected": len({error.row for error in result.rejected}), "scheme_source": source})
    return result


def _apply_row(*, actor, person, since, until, employer_name, source, today):
    """("created" | "updated" | "unchanged", []) or (None, [(field, problem)]) for one matched row, inside its
    transaction."""
    Person.objects.select_for_update().filter(pk=person.pk).first()
    same = EmployeeSchemeRecord.objects.filter(person=person, since=since).first()
    if same is not None:
        if same.until == until or (until is None and same.until is not None):
            return "unchanged", []  # the same list again, or an older list than the end already recorded
        if same.until is None:
            problems = end_problems(record=same, until=until, today=today)
            if problems:
                return None, [("until", problem) for problem in problems]
            same.until = until
            same.save(update_fields=["until"])
            audit.record(actor=actor, action="pensions.employee_scheme.ended", target=same,
                         region_code=same.region_code, subject_id_number=person.id_number,
                         before={"scheme_until": None}, after={"scheme_until": until}, note=source)
            return "updated", []
        return None, [("until", f"该人员{_period(same)}的记录已登记终止日期{same.until:%Y-%m-%d}，与名单的终止"
                                f"日期{until:%Y-%m-%d}不同，请核对后在系统中逐条处理。")]
    found = record_problems_by_column(person=person, since=since, until=until, employer_name=employer_name,
                                      source=source, today=today)
    if found:
        return None, [(field, message) for field, messages in found.items() for message in messages]
    record = EmployeeSchemeRecord.objects.create(
        person=person, region_code=person.region_code, since=since, until=until, employer_name=employer_name,
        source=source, created_by=actor)
    audit.record(actor=actor, action="pensions.employee_scheme.recorded", target=record,
                 region_code=record.region_code, subject_id_number=person.id_number,
                 after={"scheme_since": since, "scheme_until": until, "scheme_employer": employer_name,
                        "scheme_source": source})
    return "created", []
