"""The payment file's columns, its row validator and its writer for core's tabular pipeline (hrss/core/tabular).
The reader (a second process for a large file) checks each row's cells; the writer matches a batch of rows to the
ledger in a few queries and inserts the contributions, the subsidies and the unmatched rows as multi-row INSERTs.
A row is never rejected by the pipeline itself: a row that cannot be applied (a bad cell, an unknown ID number, a
name that differs ...) is kept as an UnmatchedPayment with the reason, so one list says what was not applied.
Services (services.py) run it; nothing here checks the actor."""

import datetime
import sqlite3
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import connection
from django.utils import timezone

from hrss.core import tabular
from hrss.core.bulk import insert_rows, stored_datetime
from hrss.core.models import Level
from hrss.core.scoping import code_prefix, level_of_code
from hrss.core.spreadsheets import cell_date, cell_text
from hrss.pensions.models import (
    Contribution,
    ContributionKind,
    Enrolment,
    EnrolmentState,
    UnmatchedPayment,
)
from hrss.pensions.schemes.rules import tiers_on
from hrss.residents.models import Person

BATCH_SIZE = 10000
FIRST_YEAR = 2009  # the first year of the residents' schemes (schemes/rules.py SCHEMES)
MAX_AMOUNT = Decimal("100000")
FEN = Decimal("0.01")

# The kinds as plain text (a choices member is a str subclass: slower to compare, and marshal cannot send it).
PERSONAL, ARREARS, COLLECTIVE, SUBSIDY = (str(kind.value) for kind in (
    ContributionKind.PERSONAL, ContributionKind.ARREARS, ContributionKind.COLLECTIVE, ContributionKind.SUBSIDY))
KINDS = {"个人缴费": PERSONAL, "个人": PERSONAL, "缴费": PERSONAL, "补缴": ARREARS, "集体补助": COLLECTIVE,
         "集体": COLLECTIVE}
KIND_LABELS = {value: str(label) for value, label in ContributionKind.choices}

COLUMNS = (
    tabular.Column("id_number", "公民身份号码", ("身份证号", "身份证号码", "证件号码", "公民身份证号码"), required=True,
                   text=True),
    tabular.Column("name", "姓名", ("缴费人姓名", "户名"), required=True),
    tabular.Column("year", "缴费年度", ("年度", "所属年度"), required=True),
    tabular.Column("amount", "缴费金额", ("金额", "实缴金额", "缴费金额（元）"), required=True),
    tabular.Column("paid_on", "到账日期", ("缴费日期", "入账日期", "扣款日期"), required=True),
    tabular.Column("receipt", "票据号/流水号", ("票据号", "流水号", "交易流水号", "票据号码"), required=True, text=True),
    tabular.Column("kind", "缴费类别", ("类别", "缴费类型"), values={"个人缴费": "personal", "补缴": "arrears",
                                                                "集体补助": "collective"}),
)
SPEC = tabular.Spec(COLUMNS)
FIELDS = ("id_number", "name", "year", "amount", "paid_on", "receipt", "kind", "problem", "raw_amount", "raw_paid_on")

# Reasons a row is not applied (UnmatchedPayment.reason). An unknown ID number and a person registered outside the
# importer's area get the same words: the report must not tell whether an ID number is registered elsewhere.
NOT_IN_LEDGER = "导入单位辖区的台账中没有该公民身份号码（未登记或登记在辖区以外）：请核对号码，或先在台账中登记该人员。"
NAME_DIFFERS = "姓名与台账中该公民身份号码登记的姓名不一致：请核对是否代他人缴费或号码填错。"
NOT_ENROLLED = "该人员没有有效的参保登记（未参保、待补齐材料、已转出或已终止）：请先办理参保登记。"
DUPLICATE = "重复"  # counted, not kept as a row


class ContributionResult(tabular.Result):
    """The pipeline's Result with the import's own counts: rows applied (matched), kept as unmatched, and already
    imported (duplicates); `subsidies` the government subsidy rows credited."""

    def __init__(self, matched=0, unmatched=0, duplicates=0, subsidies=0, rows_processed=0):
        super().__init__(rows_processed=rows_processed)
        self.matched, self.unmatched, self.duplicates, self.subsidies = matched, unmatched, duplicates, subsidies

    @property
    def rows_read(self):
        return self.matched + self.unmatched + self.duplicates

    def as_dict(self):
        return {"matched": self.matched, "unmatched": self.unmatched, "duplicates": self.duplicates,
                "subsidies": self.subsidies, "rows": self.rows_read}


def _amount(text):
    text = text.replace(",", "").replace("元", "").strip() if not text.isdigit() else text
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def _date(cell):
    """An ISO date typed as text (the usual case in a bank's CSV) read directly; any other form by cell_date."""
    if type(cell) is str and len(cell) == 10 and cell[4] == "-" and cell[7] == "-":
        try:
            return datetime.date.fromisoformat(cell)
        except ValueError:
            return None
    return cell_date(cell)


def _text(cell):
    """cell_text, with the common case (ASCII text, as a CSV gives it) inline: ~10 cells a row."""
    if type(cell) is str and cell.isascii():
        return cell.strip()
    return cell_text(cell)


# A file holds a few amounts, days and years many times over: each text is read once (per validator, in the
# reader process) and remembered, up to this many of each.
REMEMBERED = 20000


def _memoised(parse):
    """`parse(cell)` remembering the answers for text cells (a file repeats the same amounts, days and years on most
    of its rows), up to REMEMBERED of them; other cells (numbers, dates) are parsed each time."""
    cache = {}

    def read(cell):
        if type(cell) is not str:
            return parse(cell)
        found = cache.get(cell)
        if found is None:
            found = parse(cell)
            if len(cache) < REMEMBERED:
                cache[cell] = found
        return found

    return read


def _parse_amount(cell):
    """(amount as stored text or "", its problem or "", the cell's text when it is not an amount)."""
    text = _text(cell)
    amount = _amount(text)
    problem = "缴费金额应为大于0的金额（元）" if amount is None or amount <= 0 or amount > MAX_AMOUNT else ""
    return (str(amount) if amount is not None else "", problem, "" if amount is not None else text[:20])


def _parse_day(cell):
    """(the day paid or None, as ISO text or "")."""
    day = _date(cell)
    return (day, day.isoformat() if day else "")


def _parse_year(cell):
    """(the year's text as written, the year or 0)."""
    text = _text(cell)
    if not text.isdigit():
        text = text.removesuffix("年").removesuffix(".0")
    return (text, int(text) if text.isdigit() else 0)


def validator(today):
    """The row validator (tabular.Importer): every row goes on, with `problem` empty or saying what is wrong."""
    latest_year = today.year + 1
    read_amount, read_day, read_year = _memoised(_parse_amount), _memoised(_parse_day), _memoised(_parse_year)

    def make(mapping):
        at = {column.field: position for position, column in mapping.items()}
        p_id, p_name, p_year, p_amount, p_paid, p_receipt = (
            at[name] for name in ("id_number", "name", "year", "amount", "paid_on", "receipt"))
        p_kind = at.get("kind")
        width = max(at.values()) + 1

        def validate(row_number, cells):
            if len(cells) < width:  # a short row: the cells past its end are empty
                cells = (*cells, *([None] * (width - len(cells))))
            problems = []
            id_cell = cells[p_id]
            id_number = (id_cell.strip() if type(id_cell) is str and id_cell.isascii()
                         else cell_text(id_cell)).replace(" ", "").upper()
            name = cell_text(cells[p_name]).replace(" ", "")
            if len(id_number) != 18:
                problems.append("公民身份号码应为18位")
            if not name:
                problems.append("姓名为空")
            year_text, year = read_year(cells[p_year])
            amount, amount_problem, raw_amount = read_amount(cells[p_amount])
            paid_cell = cells[p_paid]
            paid_on, paid_text = read_day(paid_cell)
            if paid_on is None:
                problems.append("到账日期不是日期（应写成 2026-03-01 的形式）")
            elif paid_on > today:
                problems.append(f"到账日期{paid_text}晚于今天")
            if not FIRST_YEAR <= year <= (paid_on.year + 1 if paid_on else latest_year):
                problems.append(f"缴费年度“{year_text}”应为{FIRST_YEAR}年至到账当年（或次年）之间的年份")
            if amount_problem:
                problems.append(amount_problem)
            receipt_cell = cells[p_receipt]
            receipt = (receipt_cell.strip() if type(receipt_cell) is str and receipt_cell.isascii()
                       else cell_text(receipt_cell))
            if not receipt or len(receipt) > 40:
                problems.append("票据号/流水号为空或超过40个字符")
            kind_cell = cells[p_kind] if p_kind is not None else None
            kind = KINDS.get(kind_cell) if type(kind_cell) is str else None
            if kind is None:
                kind_text = cell_text(kind_cell).replace(" ", "")
                kind = KINDS.get(kind_text, "") if kind_text else PERSONAL
                if not kind:
                    problems.append(f"缴费类别“{kind_text}”应为：个人缴费、补缴、集体补助")
            return {"id_number": id_number[:40], "name": name[:50], "year": year, "amount": amount,
                    "paid_on": paid_text, "receipt": receipt[:40], "kind": kind,
                    "problem": "；".join(problems) if problems else "", "raw_amount": raw_amount,
                    "raw_paid_on": cell_text(paid_cell)[:20] if paid_on is None else ""}, []

        return validate

    return make


@dataclass
class Target:
    """Where a file's rows go: the import (its row, source and region) and the receipts seen in a dry run (whose
    batches are rolled back, so the database cannot tell a repeated receipt)."""

    import_id: int | None
    source: str
    region_code: str
    dry_run: bool = False

    def __post_init__(self):
        self.seen = set()
        self.subsidies = {}  # (province, paid_on text, amount text) -> the subsidy as text, "" for none
        self.provinces = {}  # region code -> its province's prefix
        level = level_of_code(self.region_code)
        # The digits every code within the import's region starts with (None: a code that names no region).
        self.prefix = code_prefix(self.region_code, level) if level is not None else None


def _subsidy(target, region_code, paid_on_text, amount_text):
    """The subsidy of the highest tier in force on the day paid that is not above the amount [believed], as text
    ("" for none); remembered per province, day and amount (a file holds a few of each)."""
    province = target.provinces.get(region_code)
    if province is None:
        province = target.provinces[region_code] = code_prefix(region_code, Level.PROVINCE)
    key = (province, paid_on_text, amount_text)
    subsidy = target.subsidies.get(key)
    if subsidy is None:
        found = tiers_on(region_code, datetime.date.fromisoformat(paid_on_text))
        amount = Decimal(amount_text)
        eligible = [tier for tier in (found[1] if found else ()) if tier.amount <= amount]
        best = max(eligible, key=lambda tier: tier.amount).subsidy if eligible else Decimal("0")
        subsidy = target.subsidies[key] = str(best) if best else ""
    return subsidy


NOT_EMPTY = "NOT (\"source_ref\" = '')"  # the partial index's condition (models/contributions.py), as migrated


def _keys_per_query():
    """How many keys one SQLite statement may bind (32,766 since SQLite 3.32; 999 before), a few kept for the
    other parameters."""
    connection.ensure_connection()
    return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) - 8


def _ledger(target, id_numbers):
    """{id number: (person id, name, standing enrolment id or None, its region code)} of the people within the
    import's region among `id_numbers`: one query (a person has at most one pending, active or drawing
    enrolment; only an active or drawing one takes payments). A person outside the region is not found. The
    region is checked here rather than in the query: SQLite would then walk the region's index (a city's every
    person) instead of looking up each ID number."""
    prefix = target.prefix
    if not id_numbers or prefix is None:
        return {}
    quote = connection.ops.quote_name
    person, enrolment = quote(Person._meta.db_table), quote(Enrolment._meta.db_table)
    sql = (f"SELECT p.id_number, p.id, p.name, e.id, e.region_code, p.region_code FROM {person} p "
           f"LEFT JOIN {enrolment} e ON e.person_id = p.id AND e.state IN (%s, %s) WHERE ")
    params = [EnrolmentState.ACTIVE.value, EnrolmentState.DRAWING.value]
    found = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql + "p.id_number = ANY(%s)", [*params, list(id_numbers)])
            found = cursor.fetchall()
        else:
            id_numbers, chunk = list(id_numbers), _keys_per_query()
            for start in range(0, len(id_numbers), chunk):
                part = id_numbers[start:start + chunk]
                cursor.execute(sql + f"p.id_number IN ({', '.join(['%s'] * len(part))})", [*params, *part])
                found.extend(cursor.fetchall())
    return {row[0]: row[1:5] for row in found if row[5].startswith(prefix)}


def _existing_receipts(source, receipts):
    """{(receipt, kind)} already stored for `source` among `receipts` (one query a batch). The condition of the
    unique receipt index is repeated word for word: without it SQLite cannot use that partial index and scans the
    whole table."""
    if not receipts:
        return set()
    receipts = list(receipts)
    table = connection.ops.quote_name(Contribution._meta.db_table)
    found = set()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT source_ref, kind FROM {table} WHERE source = %s AND {NOT_EMPTY} "
                           "AND source_ref = ANY(%s)",
                           [source, receipts])
            return set(cursor.fetchall())
        chunk = _keys_per_query()
        for start in range(0, len(receipts), chunk):
            part = receipts[start:start + chunk]
            cursor.execute(f"SELECT source_ref, kind FROM {table} WHERE source = %s AND {NOT_EMPTY} AND source_ref IN "
                           f"({', '.join(['%s'] * len(part))})", [source, *part])
            found.update(cursor.fetchall())
    return found


CONTRIBUTION_FIELDS = ("person", "enrolment", "region_code", "year", "kind", "amount", "paid_on", "source",
                       "source_ref", "import_file", "created_at")
UNMATCHED_FIELDS = ("import_file", "region_code", "row", "id_number", "name", "amount", "year", "paid_on", "receipt",
                    "kind", "reason", "resolution")


def write(batch, result, target):
    """Apply one batch (inside the pipeline's transaction): match by ID number and name, within the import's
    region, to a person with an active or drawing enrolment; insert the payments and their subsidies; keep the
    rest as unmatched rows; count the repeated receipts."""
    at = {name: index for index, name in enumerate(batch.fields)}
    i_id, i_name, i_year, i_amount, i_paid, i_receipt, i_kind, i_problem, i_raw_amount, i_raw_paid = (
        at[name] for name in FIELDS)
    rows = batch.rows
    valid = [values for _row, values in rows if not values[i_problem]]
    ledger = _ledger(target, {values[i_id] for values in valid})
    # The receipts already stored, and (a dry run's batches being rolled back) those seen in its earlier batches.
    seen = _existing_receipts(target.source, {values[i_receipt] for values in valid})
    if target.dry_run:
        seen.update(target.seen)
    now = stored_datetime(timezone.now())
    source, import_id, region_code = target.source, target.import_id, target.region_code
    subsidies, provinces = target.subsidies, target.provinces
    contributions, unmatched = [], []
    add, matched, duplicates, credited = contributions.append, 0, 0, 0
    for row_number, values in rows:
        reason = values[i_problem]
        if not reason:
            found = ledger.get(values[i_id])
            if found is None:
                reason = NOT_IN_LEDGER
            elif found[1] != values[i_name]:
                reason = NAME_DIFFERS
            elif found[2] is None:
                reason = NOT_ENROLLED
        if reason:
            unmatched.append((import_id, region_code, row_number, values[i_id], values[i_name],
                              values[i_amount] or values[i_raw_amount], str(values[i_year] or ""),
                              values[i_paid] or values[i_raw_paid], values[i_receipt],
                              KIND_LABELS.get(values[i_kind], ""), reason[:200], ""))
            continue
        receipt, kind = values[i_receipt], values[i_kind]
        key = (receipt, kind)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        person_id, _name, enrolment_id, enrolment_region = found
        year, amount, paid_on = values[i_year], values[i_amount], values[i_paid]
        add((person_id, enrolment_id, enrolment_region, year, kind, amount, paid_on, source, receipt, import_id, now))
        matched += 1
        if kind == PERSONAL:
            province = provinces.get(enrolment_region)
            subsidy = subsidies.get((province, paid_on, amount)) if province is not None else None
            if subsidy is None:
                subsidy = _subsidy(target, enrolment_region, paid_on, amount)
            if subsidy:
                add((person_id, enrolment_id, enrolment_region, year, SUBSIDY, subsidy, paid_on, source, receipt,
                     import_id, now))
                credited += 1
    result.matched += matched
    result.duplicates += duplicates
    result.subsidies += credited
    # A batch that is kept is committed with its receipts: the database answers for them from now on.
    target.seen = seen if target.dry_run else set()
    insert_rows(Contribution, [f"{name}_id" if name in ("person", "enrolment", "import_file") else name
                               for name in CONTRIBUTION_FIELDS], contributions)
    if import_id is not None:
        insert_rows(UnmatchedPayment, ["import_file_id", *UNMATCHED_FIELDS[1:]], unmatched)
    result.unmatched += len(unmatched)
    result.unmatched_rows = getattr(result, "unmatched_rows", [])
    if import_id is None:  # the command's dry run keeps no import row: it reports the rows itself
        result.unmatched_rows.extend(unmatched[:10000 - len(result.unmatched_rows)])


def importer(target, today):
    return tabular.Importer(spec=SPEC, validator=validator(today),
                            write=lambda batch, result: write(batch, result, target), batch_size=BATCH_SIZE)
