"""One pipeline for every tabular import (台账, 招用名单, 节假日安排, and the pension, retiree, training and vacancy
lists to come). An import brings only what is its own:

- a `Spec`: its columns, each with the header the template prints, the aliases people type, whether it is required,
  whether Excel must keep it as text (and, for the template, the values its drop-down offers);
- a row validator: `validator(mapping)` returns `validate(row_number, cells) -> (values, errors)`, a dict of the
  row's values and a list of `RowError`s (a row with errors is rejected; the others go on);
- a writer: `write(batch, result)`, which saves one `Batch` of valid rows inside the batch's transaction.

The pipeline does the rest, the same way for each: the hostile-file refusals of core.spreadsheets (size, type by
content, zip bombs, macros, XML entities, row limits), finding the header under a title with the aliases,
streaming the rows (a second process reads and validates while this one writes, for large files), batches in one
transaction each together with the progress, rejection per row with its Excel row number, a downloadable report of
the rejected rows (`errors_xlsx`), resuming after the last saved batch, dry runs. `records()` is the light path for
short lists a service handles row by row or all at once (hires, holiday arrangements): the same refusals and
header detection, rows as {field: cell}. `hrss.core.tabular.command.ImportCommand` gives a management command the
`FILE [--dry-run] [--json] [--errors-xlsx F]` contract, `hrss.core.tabular.template` the template with its
drop-downs. tests/core/test_tabular.py holds a complete import in a few lines.
"""

import marshal
import multiprocessing
import queue as queue_module
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from hrss.core.bulk import fewer_collections
from hrss.core.spreadsheets import (
    SpreadsheetRefused,
    cell_date,
    cell_text,
    check_file,
    iter_rows,
    normalise_header,
    write_xlsx,
    xlsx_bytes,
)


class ImportRefused(SpreadsheetRefused):
    """The whole file is refused (not a spreadsheet, missing columns, too large ...); the message says what to fix."""


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # as the template prints it and messages name the column
    aliases: tuple = ()  # other headers people type for it
    required: bool = False
    text: bool = False  # Excel must keep it as typed (an 18-digit number, a code with leading zeros)
    # A coded column: {label as people write it: the value stored}, synonyms included (see coded()).
    values: dict | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Spec:
    """The columns of one kind of file, and what its refusals say. `missing` may name the missing columns with
    {missing}. Titles above the table (a ledger's name, a unit, a date) are skipped: the header is looked for in
    the first `header_search_rows` non-empty rows."""

    columns: tuple
    missing: str = "表头缺少必填列：{missing}。请使用下载的模板，或检查表头一行的列名。"
    empty: str = "文件中没有表头和数据。"
    header_search_rows: int = 5
    _index: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        index = {}
        for column in self.columns:
            for name in (column.header, *column.aliases):
                index.setdefault(normalise_header(name), column)
        object.__setattr__(self, "_index", index)

    @property
    def headers(self):
        return [column.header for column in self.columns]

    def map_header(self, cells):
        """({position: Column}, notes) for a header row; refuses one without the required columns. A column given
        twice is read from its first place."""
        mapping, notes, seen = {}, [], set()
        for position, cell in enumerate(cells):
            text = cell_text(cell)
            if not text:
                continue
            column = self._index.get(normalise_header(text))
            if column is None:
                notes.append(f"未识别的列“{text}”已忽略。")
            elif column.field in seen:
                notes.append(f"列“{text}”重复，只使用第一列。")
            else:
                mapping[position] = column
                seen.add(column.field)
        missing = [column.header for column in self.columns if column.required and column.field not in seen]
        if missing:
            raise ImportRefused(str(self.missing).format(missing="、".join(missing)))
        return mapping, notes

    def find_header(self, rows):
        """Read `rows` ((row number, cells), an iterator) up to the header and stop there, so the caller reads on
        from the first row under it. Returns ({position: Column}, notes)."""
        not_header, first_refusal = [], None
        for row_number, cells in rows:
            if blank(cells):
                continue
            try:
                mapping, notes = self.map_header(cells)
            except ImportRefused as error:
                not_header.append(row_number)
                first_refusal = first_refusal or error
                if len(not_header) >= self.header_search_rows:
                    raise first_refusal from None
                continue
            if not_header:
                skipped = "、".join(f"第{number}行" for number in not_header)
                notes.insert(0, f"表头在第{row_number}行；上面的{skipped}不是表头，已跳过。")
            return mapping, notes
        raise first_refusal or ImportRefused(str(self.empty))

    def records(self, rows):
        """(row number, {field: cell}) for each non-empty row under the header; every column of the spec is a key,
        None where the file has no such column or the row is short."""
        rows = iter(rows)
        mapping, _notes = self.find_header(rows)
        positions = {column.field: None for column in self.columns}
        positions.update((column.field, position) for position, column in mapping.items())
        for row_number, cells in rows:
            if blank(cells):
                continue
            width = len(cells)
            yield row_number, {name: cells[position] if position is not None and position < width else None
                               for name, position in positions.items()}


def picker(mapping):
    """For a row validator: a function cells -> {field: cell} for the file's columns (None past a short row's end)."""
    positions = [(column.field, position) for position, column in mapping.items()]

    def pick(cells):
        width = len(cells)
        return {name: cells[position] if position < width else None for name, position in positions}

    return pick


def header_names(mapping):
    """field -> the column's header as the template spells it, for RowErrors."""
    return {column.field: column.header for column in mapping.values()}


def blank(cells):
    for cell in cells:
        if cell_text(cell):
            return False  # usually at the first cell
    return True


def checked_rows(path):
    """(row number, cells) of a file's first sheet, once the file has passed core.spreadsheets.check_file."""
    return iter_rows(path, check_file(path))


def records(path, spec):
    """The rows of a file, checked and read under its header: see Spec.records."""
    return spec.records(checked_rows(path))


# --- rows, results, batches ----------------------------------------------------------------------------------


@dataclass
class RowError:
    row: int  # the row number as Excel shows it
    column: str  # the column's header as the template spells it
    reason: str

    def as_dict(self):
        return {"row": self.row, "column": self.column, "reason": self.reason}


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    rows_processed: int = 0  # the last row read: a resumed import starts after it

    @property
    def rows_read(self):
        """Data rows read: each saved, unchanged or rejected (a row may be rejected for several columns)."""
        return self.created + self.updated + self.unchanged + len({error.row for error in self.rejected})

    def as_dict(self):
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": [error.as_dict() for error in self.rejected]}


class Batch:
    """Valid rows as they travel from the reader to the writer: the field names once, then (row number, tuple of
    values) per row; the validator gives every row the same keys in the same order. Pickling a dict per row cost
    as much as validating it. Dates of `date_fields` travel as ISO text, which SQLite and PostgreSQL both store as
    dates: adapting date objects in the writer (the busier process) cost ~2.5 us/row."""

    __slots__ = ("fields", "rows", "date_fields", "_date_positions")

    def __init__(self, fields=(), rows=None, date_fields=()):
        self.fields = tuple(fields)
        self.rows = rows if rows is not None else []
        self.date_fields = date_fields
        self._date_positions = None

    def add(self, row_number, values):
        if self._date_positions is None:
            self.fields = tuple(values)
            self._date_positions = tuple(self.fields.index(name) for name in self.date_fields if name in values)
        if self._date_positions:
            values = list(values.values())
            for position in self._date_positions:
                values[position] = values[position].isoformat()
            self.rows.append((row_number, tuple(values)))
        else:
            self.rows.append((row_number, tuple(values.values())))

    def __len__(self):
        return len(self.rows)

    def __reduce__(self):
        # To the writer process: marshal writes tuples of plain strings ~3x faster than pickle (0.2 against
        # 0.6 us/row). A value marshal cannot write (a str subclass, such as a choices member) falls back to pickle.
        try:
            return _batch_from_marshal, (self.fields, marshal.dumps(self.rows))
        except ValueError:
            return Batch, (self.fields, self.rows)


def _batch_from_marshal(fields, data):
    return Batch(fields, marshal.loads(data))


# --- cells, for row validators ----------------------------------------------------------------------------------

YES = {"是", "有", "愿意", "y", "yes", "1", "√", "true"}
NO = {"否", "无", "不愿意", "n", "no", "0", "", "false"}


def coded(value, table, column, errors, row, default=""):
    """The stored value of a coded cell ({label: value}, a Column's `values`); `default` for an empty cell. A label
    the table lacks adds a RowError listing what may be written."""
    if type(value) is str:
        found = table.get(value)  # most cells hold a label exactly as the table spells it
        if found is not None:
            return found
    text = cell_text(value)
    if not text:
        return default
    found = table.get(text) or table.get(text.replace(" ", ""))
    if found is None:
        errors.append(RowError(row, column, f"“{text}”不是可选的值；可填：{'、'.join(list(table)[:12])}"))
        return default
    return found


def yes_no(value, column, errors, row):
    """是/否 (and their usual spellings) as True/False; an empty cell is 否."""
    text = cell_text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    errors.append(RowError(row, column, f"“{cell_text(value)}”应填“是”或“否”。"))
    return False


def date_or_none(value, column, errors, row):
    """A date cell (a month alone is its first day); None for an empty cell."""
    if value in (None, ""):
        return None
    day = cell_date(value, month_is_enough=True)
    if day is None:
        errors.append(RowError(row, column, f"“{cell_text(value)}”不是日期，请写成 2026-03-01 的形式。"))
    return day


# --- the pipeline ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Importer:
    """What one import brings. `validator(mapping)` may refuse the file (ImportRefused) for what the header lacks
    beyond the required columns; `after_batch(dry_run)` runs after each batch's transaction (for what must stay
    when a dry run rolls the batch back, such as audit entries)."""

    spec: Spec
    validator: Callable
    write: Callable
    after_batch: Callable | None = None
    date_fields: tuple = ()
    batch_size: int = 10000
    # Above this size a second process reads and validates while this one writes; a small file is done before
    # a process would have started.
    second_process_min_bytes: int = 1024 * 1024


def run(path, importer, *, result=None, dry_run=False, progress=None, start_after_row=0):
    """Import a file: each batch of valid rows written in one transaction with `progress(result)` (a job records
    its progress there), rolled back when `dry_run`. A resumed import passes the last row already saved
    (`start_after_row`) and the counts so far (`result`). Returns the Result."""
    result = result if result is not None else Result()
    try:
        kind = check_file(path)
        with fewer_collections():  # in the reader process too: it is forked inside
            for message in _messages(path, kind, importer, start_after_row):
                if message[0] == "notes":
                    result.notes = message[1]
                    continue
                _kind, last_row, batch, errors = message
                result.rejected.extend(errors)
                result.rows_processed = last_row
                with transaction.atomic():
                    if batch:
                        importer.write(batch, result)
                    if progress is not None:
                        progress(result)
                    if dry_run:
                        transaction.set_rollback(True)
                if importer.after_batch is not None:
                    importer.after_batch(dry_run)
    except ImportRefused:
        raise
    except SpreadsheetRefused as error:
        raise ImportRefused(str(error)) from None
    return result


def validated_batches(path, kind, importer, start_after_row=0):
    """Read and validate a file: yield ("notes", notes) once, then ("batch", last row number, Batch, errors) for
    every `batch_size` valid rows, the last batch possibly empty. Touches no database."""
    rows = iter_rows(path, kind)
    mapping, notes = importer.spec.find_header(rows)
    validate = importer.validator(mapping)
    yield ("notes", notes)
    size, date_fields = importer.batch_size, importer.date_fields
    batch, errors_so_far, last_row = Batch(date_fields=date_fields), [], start_after_row
    for row_number, cells in rows:
        if row_number <= start_after_row or blank(cells):
            continue
        values, errors = validate(row_number, cells)
        if errors:
            errors_so_far.extend(errors)
        else:
            batch.add(row_number, values)
        last_row = row_number
        if len(batch) >= size:
            yield ("batch", last_row, batch, errors_so_far)
            batch, errors_so_far = Batch(date_fields=date_fields), []
    yield ("batch", last_row, batch, errors_so_far)


def _messages(path, kind, importer, start_after_row):
    if Path(path).stat().st_size < importer.second_process_min_bytes:
        yield from validated_batches(path, kind, importer, start_after_row)
        return
    # On 2 cores the two halves of a large import (reading+validating, writing) then overlap.
    context = multiprocessing.get_context("fork")  # the reader needs this process's settings, not a new setup
    queue = context.Queue(maxsize=4)  # at most 4 batches wait: memory stays bounded when writing is slower
    reader = context.Process(target=_read_in_second_process, args=(queue, path, kind, importer, start_after_row),
                             daemon=True)
    reader.start()
    try:
        while True:
            try:
                message = queue.get(timeout=5)
            except queue_module.Empty:
                if not reader.is_alive():
                    raise RuntimeError("读取文件的进程意外退出，请重新导入。") from None
                continue
            if message[0] == "end":
                return
            if message[0] == "refused":
                raise ImportRefused(message[1])
            if message[0] == "crashed":
                raise RuntimeError(f"读取文件时出错：{message[1]}")
            yield message
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join()


def _read_in_second_process(queue, path, kind, importer, start_after_row):
    # Runs in the forked reader: it must not touch the database connection it inherited.
    try:
        for message in validated_batches(path, kind, importer, start_after_row):
            queue.put(message)
        queue.put(("end",))
    except SpreadsheetRefused as error:  # ImportRefused included
        queue.put(("refused", str(error)))
    except Exception as error:  # reported to the writer, which fails the import with it
        queue.put(("crashed", f"{type(error).__name__}: {error}"))


# --- the report of rejected rows ----------------------------------------------------------------------------


def errors_xlsx(rejected, target=None):
    """The rejected rows as an .xlsx to download: 行号, 列, 原因 (RowErrors or their as_dict()). Written to `target`
    (a path or file) or returned as bytes."""
    rows = ((error["row"], error["column"], error["reason"]) if isinstance(error, dict)
            else (error.row, error.column, error.reason) for error in rejected)
    sheets = [("未导入的行", ["行号", "列", "原因"], rows)]
    if target is not None:
        return write_xlsx(target, sheets)
    return xlsx_bytes(sheets)
