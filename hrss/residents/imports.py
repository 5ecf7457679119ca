"""Importing a village's labour-force spreadsheet (劳动力资源台账), through core's tabular pipeline: what is the
ledger's own is here, its columns (LEDGER), the validation of a row (RowParser) and the writing of a batch
(apply_batch).

Each row is mapped to the ledger's fields and validated on its own; valid rows are saved and invalid rows are not,
and every rejected row comes back with its row number, column and reason in Chinese. Rows are applied in batches,
each batch in one transaction together with the job's progress, so a crash or kill half-way loses nothing already
reported as saved and leaves no half-written row; running the job again resumes after the last saved batch, and
importing the same file twice changes nothing (rows equal to the ledger count as unchanged).
"""

import hashlib
import operator
from functools import lru_cache

from django.conf import settings
from django.utils import timezone

from hrss.core import audit, scoping, tabular
from hrss.core.bulk import reserve_ids, select_by_keys, stored_datetime
from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.models import Level, Region
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.spreadsheets import cell_text
from hrss.core.tabular import Column, ImportRefused, RowError, coded, date_or_none, yes_no
from hrss.core.working_age import Category
from hrss.residents import lookups, statistics
from hrss.residents.bulk_ledger import PERSON_LAYOUT, ensure_households, insert_people, insert_status_events
from hrss.residents.labour_status import LATEST_FIRST, set_current_status
from hrss.residents.models import (
    Education,
    FlexibleForm,
    Household,
    HukouType,
    LabourStatus,
    LabourStatusEvent,
    MigrantDestination,
    Person,
    Relation,
    WorkCapacity,
)
from hrss.residents.permissions import RESIDENT_EDIT
from hrss.residents.rules import check_status

# Rows per transaction: each commit fsyncs (synchronous=FULL); 1,000-row batches spent ~30% of an import committing,
# 10,000-row batches ~8% (measured at 1,000,000 rows). A crash loses at most one uncommitted batch, which a resumed
# job redoes.
BATCH_SIZE = 10000
# Above this size a second process reads and validates while this one writes: on 2 cores the two halves of an
# import (reading+validating ~25 us/row, writing ~30 us/row at 1,000,000 rows) then overlap.
SECOND_PROCESS_MIN_BYTES = 1024 * 1024

ImportResult = tabular.Result

def labels_text(choices):
    return "、".join(str(label) for label in choices.labels)


def _labels(choices):
    return {str(label): value for value, label in choices}


STATUS_BY_LABEL = _labels(LabourStatus.choices) | {"就业": LabourStatus.EMPLOYED, "个体": LabourStatus.FLEXIBLE,
                                                  "个体经营": LabourStatus.FLEXIBLE, "外出务工": LabourStatus.MIGRANT,
                                                  "退休/领取养老金": LabourStatus.RETIRED, "学生": LabourStatus.STUDENT}
DESTINATION_BY_LABEL = _labels(MigrantDestination.choices) | {"县外": MigrantDestination.IN_PROVINCE,
                                                            "市外省内": MigrantDestination.IN_PROVINCE}
FORM_BY_LABEL = _labels(FlexibleForm.choices)
RELATION_BY_LABEL = _labels(Relation.choices) | {
    "本人": Relation.HEAD, "妻": Relation.SPOUSE, "夫": Relation.SPOUSE, "妻子": Relation.SPOUSE, "丈夫": Relation.SPOUSE,
    "子": Relation.CHILD, "女": Relation.CHILD, "儿子": Relation.CHILD, "女儿": Relation.CHILD, "长子": Relation.CHILD,
    "长女": Relation.CHILD, "次子": Relation.CHILD, "次女": Relation.CHILD, "父亲": Relation.PARENT,
    "母亲": Relation.PARENT, "孙子": Relation.GRANDCHILD, "孙女": Relation.GRANDCHILD, "儿媳": Relation.CHILD_IN_LAW,
    "女婿": Relation.CHILD_IN_LAW,
}
HUKOU_BY_LABEL = _labels(HukouType.choices) | {"农业户口": HukouType.AGRICULTURAL, "非农业户口": HukouType.NON_AGRICULTURAL,
                                              "城镇": HukouType.NON_AGRICULTURAL, "农村": HukouType.AGRICULTURAL,
                                              "居民户口": HukouType.RESIDENT}
EDUCATION_BY_LABEL = _labels(Education.choices) | {code: code for code in Education.values} | {
    "本科": Education.UNIVERSITY, "大专": Education.COLLEGE, "专科": Education.COLLEGE, "中专": Education.TECHNICAL,
    "技校": Education.VOCATIONAL, "职高": Education.TECHNICAL, "文盲": Education.NONE, "博士": Education.POSTGRADUATE,
    "硕士": Education.POSTGRADUATE,
}
CAPACITY_BY_LABEL = _labels(WorkCapacity.choices) | {"健康": WorkCapacity.FULL, "完全": WorkCapacity.FULL,
                                                    "部分丧失": WorkCapacity.PARTIAL, "丧失": WorkCapacity.NONE,
                                                    "完全丧失": WorkCapacity.NONE}
# 人员身份 decides the statutory retirement age (women: 工人 50, 干部 55 before the 2025 increase); an empty cell is
# 工人, the category most of a village's people are in.
CATEGORY_BY_LABEL = {"工人": Category.WORKER, "干部": Category.CADRE, "干部/管理岗": Category.CADRE,
                     "管理岗": Category.CADRE, "管理岗位": Category.CADRE, "灵活就业": Category.FLEXIBLE,
                     "灵活就业人员": Category.FLEXIBLE}

# text=True: columns Excel must keep as typed (an 18-digit number in a General cell becomes 4.41621E+17 and loses
# its last digits, a code or a phone number loses its leading zeros).
COLUMNS = (
    Column("id_number", "公民身份号码", ("身份证号码", "身份证号", "证件号码", "公民身份证号码"), required=True,
           text=True),
    Column("name", "姓名", ("名字",), required=True),
    Column("relation_to_head", "与户主关系", ("与户主的关系", "家庭关系"), values=RELATION_BY_LABEL),
    Column("head_id_number", "户主公民身份号码", ("户主身份证号码", "户主身份证号", "户主证件号码"), text=True),
    Column("hukou_type", "户籍性质", ("户口性质", "户籍类型", "户口类型"), values=HUKOU_BY_LABEL),
    Column("education", "文化程度", ("学历",), values=EDUCATION_BY_LABEL),
    Column("labour_status", "就业状态", ("就业情况", "劳动力状态", "就业状况"), required=True,
           values=STATUS_BY_LABEL),
    Column("status_detail", "转移去向或灵活就业形式", ("转移去向", "灵活就业形式", "就业去向")),
    Column("status_since", "状态起始日期", ("起始日期", "就业状态起始日期")),
    Column("phone", "联系电话", ("电话", "手机", "手机号码", "联系方式"), text=True),
    Column("work_capacity", "劳动能力", ("健康状况劳动能力",), values=CAPACITY_BY_LABEL),
    Column("retirement_category", "人员身份（干部/工人）", ("人员身份", "干部/工人", "干部工人", "身份类别",
                                                         "退休年龄类别"), values=CATEGORY_BY_LABEL),
    Column("skills", "技能特长", ("技能",)),
    Column("wants_training", "培训意愿", ()),
    Column("wants_employment", "就业意愿", ()),
    Column("wants_business", "创业意愿", ()),
    Column("village_code", "村(社区)代码", ("村社区代码", "村代码", "社区代码", "区划代码"), text=True),
)
LEDGER = tabular.Spec(COLUMNS)
TEMPLATE_HEADERS = LEDGER.headers


# Fields compared to decide whether a row changes an existing person.
COMPARED_FIELDS = ("name", "relation_to_head", "hukou_type", "education", "phone", "work_capacity", "skills",
                   "wants_training", "wants_employment", "wants_business", "retirement_category")


# --- one row ---------------------------------------------------------------------------------------------


DATE_FIELDS = ("birth_date", "status_since")  # travel to the writer as ISO text (tabular.Batch)


def _status(value, errors, row, column):
    status, detail, problem = _status_from_cell(value) if type(value) is str else _status_from_text(cell_text(value))
    if problem:
        errors.append(RowError(row, column, problem))
    return status, detail


@lru_cache(maxsize=1024)
def _status_from_cell(value):
    return _status_from_text(cell_text(value))


@lru_cache(maxsize=1024)
def _status_from_text(text):
    """就业状态 may carry the destination or form in the same cell: 转移就业（省外）, 灵活就业-钟点工. Cached: a file
    repeats a handful of spellings a million times."""
    text = text.replace("（", "(").replace("）", ")")
    if not text:
        return None, "", "就业状态为必填项。"
    base, detail = text, ""
    for separator in ("(", "-", "－", "/", "："):
        if separator in text:
            base, _, detail = text.partition(separator)
            detail = detail.rstrip(")")
            break
    status = STATUS_BY_LABEL.get(base)
    if status is None:
        return None, "", f"“{text}”不是可选的就业状态；可填：{labels_text(LabourStatus)}"
    return status, detail, ""


@lru_cache(maxsize=1 << 17)
def _status_problems(birth_date, sex, status, detail, since, work_capacity, today, category=Category.WORKER):
    # Cached: the check depends on nothing else, and a ledger repeats these (a birth date, a status) many times.
    return tuple(check_status(birth_date=birth_date, sex=sex, retirement_category=category, status=status,
                              detail=detail, effective_date=since, work_capacity=work_capacity, today=today).errors)


class RowParser:
    """Maps and validates the rows of one file (the ledger's row validator of the tabular pipeline). What the
    header decides (which cell holds which field) is worked out once, not per row. A file without a village code
    column is refused unless the import names the village."""

    def __init__(self, mapping, *, today, village_given=True):
        if not village_given and not any(column.field == "village_code" for column in mapping.values()):
            raise ImportRefused("请指定村(社区)，或在表格中加入“村(社区)代码”一列。")
        self.today = today
        self.values = {column.field: column.values for column in COLUMNS if column.values is not None}
        # ID numbers of the file seen so far, keyed by their first 17 digits as an int (the 18th follows from
        # them): a million numbers then take ~100 MB less than as strings.
        self._seen = {}
        self.header = tabular.header_names(mapping)
        self._fields = tuple(column.field for column in mapping.values())
        self._positions = tuple(mapping)
        self._width = max(self._positions) + 1
        self._pick = operator.itemgetter(*self._positions)  # at least the required columns: always a tuple
        # Valid numbers seen lately, as text: a household's members follow their head, so the 户主公民身份号码
        # they carry was usually checked a row or two before.
        self._checked_numbers = {}

    def _remember_checked(self, number):
        if len(self._checked_numbers) >= 4096:
            self._checked_numbers.clear()
        self._checked_numbers[number] = number

    def _head_id_number(self, cell, own_number, errors, row_number):
        """户主公民身份号码, normalised; "" when the cell is empty."""
        head = cell_text(cell)
        if not head or head == own_number:
            return head
        # A number typed into the cell as a number must reach parse() as one, to be refused.
        known = self._checked_numbers.get(head) if type(cell) is str else None
        if known is not None:
            return known
        try:
            number = parse(cell if type(cell) is not str else head, today=self.today).number
        except InvalidIdNumber as error:
            errors.append(RowError(row_number, self.header["head_id_number"], str(error)))
            return ""
        self._remember_checked(number)
        return number

    def raw_cells(self, cells):
        """{field: cell} for the file's columns; a short row's missing cells are None."""
        if len(cells) >= self._width:
            return dict(zip(self._fields, self._pick(cells), strict=True))
        width = len(cells)
        return {field: cells[position] if position < width else None
                for field, position in zip(self._fields, self._positions, strict=True)}

    def validate(self, row_number, cells):
        """parse(), and an ID number given on an earlier row of the file refused."""
        values, errors = self.parse(row_number, cells)
        if not errors:
            key = int(values["id_number"][:17])
            seen = self._seen.get(key)
            if seen is not None:
                errors.append(RowError(row_number, "公民身份号码", f"与第{seen}行的公民身份号码重复。"))
            else:
                self._seen[key] = row_number
        return values, errors

    def parse(self, row_number, cells):
        """Map and validate one row. Returns (values, errors). The values hold the same keys, in the same
        order, for every row of a file (those of the file's columns), so a batch travels as tuples (tabular.Batch)."""
        errors, values = [], {}
        raw = self.raw_cells(cells)
        header, today, tables = self.header, self.today, self.values

        try:
            parsed_id = parse(raw.get("id_number"), today=today)
            values.update(id_number=parsed_id.number, birth_date=parsed_id.birth_date, sex=parsed_id.sex)
            self._remember_checked(parsed_id.number)
        except InvalidIdNumber as error:
            errors.append(RowError(row_number, header["id_number"], str(error)))
            parsed_id = None
        name = cell_text(raw.get("name"))
        if not name:
            errors.append(RowError(row_number, header["name"], "姓名为必填项。"))
        elif len(name) > 50:
            errors.append(RowError(row_number, header["name"], "姓名过长（超过50个字）。"))
        values["name"] = name
        if "relation_to_head" in raw:
            values["relation_to_head"] = coded(raw["relation_to_head"], tables["relation_to_head"],
                                               header["relation_to_head"], errors, row_number)
        values["head_id_number"] = self._head_id_number(raw.get("head_id_number"), values.get("id_number"), errors,
                                                        row_number)
        if "hukou_type" in raw:
            values["hukou_type"] = coded(raw["hukou_type"], tables["hukou_type"], header["hukou_type"], errors,
                                         row_number)
        if "education" in raw:
            values["education"] = coded(raw["education"], tables["education"], header["education"], errors,
                                        row_number)
        if "work_capacity" in raw:
            values["work_capacity"] = coded(raw["work_capacity"], tables["work_capacity"], header["work_capacity"],
                                            errors, row_number, default=WorkCapacity.FULL)
        if "retirement_category" in raw:
            values["retirement_category"] = coded(raw["retirement_category"], tables["retirement_category"],
                                                  header["retirement_category"], errors, row_number,
                                                  default=Category.WORKER)
        if "phone" in raw:
            phone = cell_text(raw["phone"])
            if phone and not phone.replace("-", "").isdigit():
                errors.append(RowError(row_number, header["phone"], f"“{phone}”不是电话号码。"))
            values["phone"] = phone[:20]
        if "skills" in raw:
            values["skills"] = cell_text(raw["skills"])[:200]
        for flag in ("wants_training", "wants_employment", "wants_business"):
            if flag in raw:
                values[flag] = yes_no(raw[flag], header[flag], errors, row_number)
        if "village_code" in raw:
            values["village_code"] = cell_text(raw["village_code"])

        status, detail = _status(raw.get("labour_status"), errors, row_number, header["labour_status"])
        detail_cell = raw.get("status_detail")
        detail_text = (cell_text(detail_cell) if detail_cell is not None else "") or detail
        if status == LabourStatus.MIGRANT:
            detail = DESTINATION_BY_LABEL.get(detail_text, "") if detail_text else ""
            if detail_text and not detail:
                errors.append(RowError(row_number, header.get("status_detail", header["labour_status"]),
                                       f"转移去向“{detail_text}”应为：县内、县外省内、省外。"))
        elif status == LabourStatus.FLEXIBLE:
            detail = FORM_BY_LABEL.get(detail_text, "") if detail_text else ""
            if detail_text and not detail:
                errors.append(RowError(row_number, header.get("status_detail", header["labour_status"]),
                                       f"灵活就业形式“{detail_text}”应为：{labels_text(FlexibleForm)}。"))
        else:
            detail = ""
        since = date_or_none(raw.get("status_since"), header.get("status_since", "状态起始日期"), errors, row_number) or today
        if status and parsed_id and not errors:
            problems = _status_problems(parsed_id.birth_date, parsed_id.sex, status, detail, since,
                                        values.get("work_capacity", WorkCapacity.FULL), today,
                                        values.get("retirement_category", Category.WORKER))
            errors.extend(RowError(row_number, header["labour_status"], message) for message in problems)
        values.update(labour_status=status, status_detail=detail, status_since=since)
        return values, errors


# --- applying a batch ------------------------------------------------------------------------------------


class Target:
    """Where rows go: the village given for the whole file, or a per-row village code inside the importer's scope."""

    def __init__(self, actor, default_village):
        self.scope = scoping.scope_of(actor) if actor is not None else None
        # {code: (village, None) or (None, the reason in Chinese)}, decided once per code of the file; rows
        # without a code go to the default village.
        self.decided = {"": (default_village, None)}
        # ID numbers of this batch answered "registered in another region": counted and audited after the batch
        # (outside its transaction, which a dry run rolls back), see account_for_registered_elsewhere.
        self.registered_elsewhere = []

    def village_for(self, code):
        """(village, None), or (None, the reason in Chinese)."""
        decided = self.decided.get(code)
        if decided is None:
            village = Region.objects.filter(code=code, level=Level.VILLAGE, is_active=True).first()
            if village is None or (self.scope is not None and not self.scope.contains_code(code)):
                decided = (None, f"村(社区)代码 {code} 不存在或不在您的管辖范围内。")
            else:
                decided = (village, None)
            self.decided[code] = decided
        return decided


EXISTING_FIELDS = ("id_number", "id", "region_code", "version", "labour_status", "status_detail", "status_since",
                   *COMPARED_FIELDS)


def apply_batch(batch, *, target, result, actor):
    """Save one batch of valid rows (tabular.Batch, within the caller's transaction): new people, their households and
    first status events as multi-row INSERTs; changed people updated with a status event for a changed status.
    New people go from the batch's tuples to INSERT tuples without a dict per row (a million-row import's writer
    is the busier of its two processes)."""
    now = timezone.now()
    stored_now = stored_datetime(now)
    fields = batch.fields
    at = {name: index for index, name in enumerate(fields)}
    id_at, head_at, village_at, relation_at = (at.get(name) for name in ("id_number", "head_id_number",
                                                                          "village_code", "relation_to_head"))
    existing = {found[0]: dict(zip(EXISTING_FIELDS, found, strict=True)) for found in select_by_keys(
        Person, "id_number", EXISTING_FIELDS, [values[id_at] for _number, values in batch.rows])}
    new_rows, to_update, status_events = [], [], []
    heads = {}
    decided = target.decided  # looked up inline: a call per row cost ~1 us of the writer's ~17
    for row_number, values in batch.rows:
        code = values[village_at] if village_at is not None else ""
        village, problem = decided.get(code) or target.village_for(code)
        if village is None:
            result.rejected.append(RowError(row_number, "村(社区)代码", problem or "未指定村(社区)。"))
            continue
        id_number = values[id_at]
        person = existing.get(id_number)
        if person is not None and person["region_code"] != village.code:
            if target.scope is not None and target.scope.contains_code(person["region_code"]):
                reason = "该人员已登记在辖区内另一个村(社区)；如已迁入，请在人员页面办理迁移。"
            else:
                reason = "该公民身份号码已在其他地区登记，请核实；如已迁入，请联系原登记地办理迁移。"
                target.registered_elsewhere.append(id_number)
            result.rejected.append(RowError(row_number, "公民身份号码", reason))
            continue
        head = values[head_at] or id_number
        if relation_at is not None and values[relation_at] == Relation.HEAD:
            head = id_number
        heads.setdefault(head, village.code)
        if person is None:
            new_rows.append((values, head, village.code, row_number))
            continue
        values = dict(zip(fields, values, strict=True))
        changed = {name: values[name] for name in COMPARED_FIELDS if name in values and person[name] != values[name]}
        status_changed = _brings_a_status(person, values)
        if not changed and not status_changed:
            result.unchanged += 1
            continue
        if status_changed:
            status_events.append((person["id"], values, person["region_code"]))
        to_update.append((person, changed))
        result.updated += 1

    # Households first (people refer to them); an existing one is kept as it is.
    household_ids = ensure_households(heads, now)
    if target.scope is not None:
        new_rows = _without_households_elsewhere(new_rows, heads, target, result)
    person = PERSON_LAYOUT.assembler((*fields, "id", "household_id", "region_code", "created_at", "updated_at"))
    build = person.build
    people = [build(values + (person_id, household_ids[head], code, stored_now, stored_now))
              for person_id, (values, head, code, _row) in zip(reserve_ids(Person, len(new_rows)), new_rows,
                                                                strict=True)]
    actor_id = actor.pk if actor is not None else None
    result.created += insert_people(people, columns=person.names, now=now, source=LabourStatusEvent.Source.IMPORT,
                                    recorded_by_id=actor_id)
    insert_status_events([(person_id, {**values, "region_code": region_code})
                          for person_id, values, region_code in status_events],
                         now=now, source=LabourStatusEvent.Source.IMPORT, recorded_by_id=actor_id)
    for person, changed in to_update:
        Person.objects.filter(pk=person["id"]).update(version=person["version"] + 1, updated_at=now, **changed)
    # The current status by the services' rule: a row dated before the person's current status goes into the
    # history without replacing it (residents.labour_status).
    set_current_status([person_id for person_id, _values, _code in status_events])
    if people or to_update:
        statistics.mark_ledger_changed()


HEAD_ELSEWHERE = ("该户主的家庭户登记在您的辖区以外，不能把本行人员加入该户。请核实户主公民身份号码；户主已迁来的，"
                  "请先在人员页面为户主办理迁入。")


def _without_households_elsewhere(new_rows, heads, target, result):
    """New people whose 户主 heads a household registered outside the importing user's scope are refused, as
    services.register_person refuses them (issue 9, finding 4): a file must not attach people to another county's
    household. The answer tells that the head is registered elsewhere, so it is counted, limited and audited like
    every such answer (account_for_registered_elsewhere)."""
    elsewhere = {head for head, code in select_by_keys(Household, "head_id_number", ["head_id_number", "region_code"],
                                                        heads) if not target.scope.contains_code(code)}
    if not elsewhere:
        return new_rows
    kept = []
    for values, head, code, row_number in new_rows:
        if head in elsewhere:
            result.rejected.append(RowError(row_number, "户主公民身份号码", HEAD_ELSEWHERE))
            target.registered_elsewhere.append(head)
        else:
            kept.append((values, head, code, row_number))
    return kept


def _brings_a_status(person, values):
    """Whether a row's status is news for an existing person: it differs from the current one and, for a row dated
    before the current status began, from the one the history holds on the row's date (so importing the same file
    again adds no second event)."""
    row = (values["labour_status"], values["status_detail"])
    if row == (person["labour_status"], person["status_detail"]):
        return False
    # Compared as ISO text: rows carry dates as text (tabular.Batch), the raw SELECT gives them as text on SQLite.
    if person["status_since"] is None or str(values["status_since"]) >= str(person["status_since"]):
        return True
    in_force = (LabourStatusEvent.objects.filter(person_id=person["id"], effective_date__lte=values["status_since"])
                .order_by(*LATEST_FIRST).values_list("status", "detail").first())
    return in_force != row


# --- the whole file ----------------------------------------------------------------------------------------


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def import_ledger(path, *, actor, village=None, dry_run=False, today=None, progress=None, start_after_row=0,
                  initial=None):
    """Import a ledger file. `village` receives rows without a village code column. `progress(result)` is called
    inside each batch's transaction (the job records its progress there). A resumed import passes the rows
    already saved (`start_after_row`) and the counts so far (`initial`). Returns an ImportResult."""
    today = today or timezone.localdate()
    if actor is not None:  # None: the operator's command (hrss import-ledger)
        check_importer(actor, village)
    target = Target(actor, village)
    importer = tabular.Importer(
        spec=LEDGER,
        validator=lambda mapping: RowParser(mapping, today=today, village_given=village is not None).validate,
        write=lambda batch, result: apply_batch(batch, target=target, result=result, actor=actor),
        after_batch=lambda dry_run: account_for_registered_elsewhere(target, actor, dry_run),
        date_fields=DATE_FIELDS, batch_size=BATCH_SIZE, second_process_min_bytes=SECOND_PROCESS_MIN_BYTES)
    return tabular.run(path, importer, result=initial or ImportResult(), dry_run=dry_run, progress=progress,
                       start_after_row=start_after_row)


def check_importer(actor, village):
    """Refuse (PermissionDenied, audited) an import by a user who may not edit the ledger, or into a village outside
    their scope (rows naming their own village are checked row by row, Target.village_for)."""
    check_permission(actor, RESIDENT_EDIT)
    if village is not None:
        check_acting_in(actor, region_code=village.code, action="residents.ledger.imported",
                        message="该村(社区)不在您的管辖范围内。")


def account_for_registered_elsewhere(target, actor, dry_run):
    """"Registered in another region" is what staff need to start a transfer, and also tells whether an ID number is
    registered anywhere (a dry run makes it a free lookup): each such answer is counted and audited by
    residents.lookups, shared with the new-person form and the hires; past the limit the import stops. An
    operator's command-line import (no actor) is neither counted nor audited per row."""
    found, target.registered_elsewhere = target.registered_elsewhere, []
    if actor is None:
        return
    for id_number in found:
        try:
            lookups.count_lookup_outside_scope(actor=actor, id_number=id_number,
                                               action="residents.import.registered_elsewhere",
                                               note="dry run" if dry_run else "")
        except lookups.TooManyLookups as refused:
            raise ImportRefused(
                f"导入已停止：一小时内“已在其他地区登记”的行已达上限（{settings.HRSS_RATE_LIMITS['registered_elsewhere'][0]} 行）。"
                f"请 {refused.retry_after // 60 + 1} 分钟后再导入；如确有大批迁入人员，请联系县(区)核实后办理迁移。") from None


def record_import(*, actor, result, village, file_name, sha256, dry_run=False):
    """The import's audit entry: one per file, with its counts and the file's SHA-256."""
    if dry_run:
        return None
    statistics.request_refresh()
    return audit.record(actor=actor, action="residents.ledger.imported", target=village,
                        after={"created": result.created, "updated": result.updated, "unchanged": result.unchanged,
                               "rejected": len(result.rejected), "file": file_name, "sha256": sha256})
