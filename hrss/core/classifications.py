"""The national classifications the areas code their records with: occupations by the 职业分类大典 (2022 edition,
`Occupation`) and industries by GB/T 4754-2017 (`Industry`). Codes at any level are accepted ("4", "4-01",
"4-01-02", "4-01-02-01"; "C", "13", "131", "1311"). Lookups read a copy of each table kept in memory per process,
dropped after an import in this process (and on demand: `forget()`) and read again after RELOAD_SECONDS, so an
import run by the command reaches the web processes within that time.

The shipped occupation table is incomplete (hrss/core/data/classifications-README.md): an administrator imports the
full one with `hrss classifications import-occupations FILE.csv|.xlsx` (columns code,name,level,parent_code[,mark];
every row checked, nothing saved unless all are right, existing codes updated).
"""

import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from hrss.core import audit, scoping
from hrss.core.models import Industry, Occupation
from hrss.core.permissions import CLASSIFICATION_MANAGE, has_permission
from hrss.core.spreadsheets import cell_text, check_file, iter_rows, normalise_header

UNNAMED = "（名称待补）"
OCCUPATION_CODE = re.compile(r"^[1-8](-\d{2}(-\d{2}(-\d{2})?)?)?$")
INDUSTRY_CODE = re.compile(r"^([A-T]|\d{2,4})$")

RELOAD_SECONDS = 600

_lock = threading.Lock()
_tables = {}  # model -> (time loaded, {code: Entry})


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    level: int
    parent_code: str
    mark: str = ""

    @property
    def label(self):
        return self.name or UNNAMED


def _table(model):
    loaded = _tables.get(model)
    if loaded is None or time.monotonic() - loaded[0] > RELOAD_SECONDS:
        with _lock:
            fields = ["code", "name", "level", "parent_code"] + (["mark"] if model is Occupation else [])
            loaded = (time.monotonic(), {row["code"]: Entry(**row) for row in model.objects.values(*fields)})
            _tables[model] = loaded
    return loaded[1]


def forget():
    """Drop the in-memory copies (after an import, or when a test changes the tables)."""
    with _lock:
        _tables.clear()


def normalise_occupation_code(code):
    return str(code or "").strip().replace("－", "-").replace("—", "-")


def occupation(code):
    return _table(Occupation).get(normalise_occupation_code(code))


def occupation_exists(code):
    return occupation(code) is not None


def occupation_name(code):
    """The occupation's name ("（名称待补）" for a code the table has without a name); "" for an unknown code."""
    entry = occupation(code)
    return entry.label if entry else ""


def occupation_path(code):
    """The names from the 大类 down to `code` (["生产制造及有关人员", ..., "电工"]); [] for an unknown code."""
    table, names = _table(Occupation), []
    entry = table.get(normalise_occupation_code(code))
    while entry is not None:
        names.append(entry.label)
        entry = table.get(entry.parent_code) if entry.parent_code else None
    return names[::-1]


def occupation_label(code):
    """"4-01-02 营业员" for pages; the bare code when unknown."""
    name = occupation_name(code)
    return f"{code} {name}" if name else str(code or "")


def occupation_choices_for(query, *, limit=20):
    """Occupations for a search box: [(code, name)] whose code starts with `query` or whose name holds it; exact
    name first, then 细类 before broader levels, then by code."""
    query = normalise_occupation_code(query)
    if not query:
        return []
    table = _table(Occupation)
    found = [entry for entry in table.values() if entry.code.startswith(query) or query in entry.name]
    found.sort(key=lambda entry: (entry.name != query, entry.code != query, -entry.level, entry.code))
    return [(entry.code, entry.label) for entry in found[:limit]]


def occupation_code_for(text):
    """A code typed or a name written exactly as the 大典 has it → the code; None when neither (or when the
    name is ambiguous: names repeat between levels, the finest level wins, two of the same level are ambiguous)."""
    text = normalise_occupation_code(text)
    table = _table(Occupation)
    if text in table:
        return text
    named = sorted((entry for entry in table.values() if entry.name == text), key=lambda entry: -entry.level)
    if not named or (len(named) > 1 and named[0].level == named[1].level):
        return None
    return named[0].code


def industry(code):
    return _table(Industry).get(str(code or "").strip().upper())


def industry_exists(code):
    return industry(code) is not None


def industry_name(code):
    entry = industry(code)
    return entry.name if entry else ""


def industry_label(code):
    name = industry_name(code)
    return f"{code} {name}" if name else str(code or "")


# --- import of the occupation table ------------------------------------------------------------------------

COLUMNS = {"code": ("code", "职业代码", "代码"), "name": ("name", "职业名称", "名称"), "level": ("level", "层级"),
           "parent_code": ("parent_code", "上级代码"), "mark": ("mark", "标识")}
REQUIRED = ("code", "name", "level", "parent_code")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self):
        return f"第{self.row}行【{self.column}】{self.reason}"


class ImportRefused(ValueError):
    """The file is refused as a whole (nothing saved): `errors` lists every row, column and reason."""

    def __init__(self, message, errors=()):
        super().__init__(message)
        self.errors = list(errors)


def read_occupation_file(path):
    """Read and check an occupation table: [(code, name, level, parent_code, mark)] or ImportRefused with every
    error. A parent must be in the file or already in the table; the level must match the code's form."""
    kind = check_file(path)
    rows = iter_rows(path, kind)
    try:
        _, header = next(rows)
    except StopIteration:
        raise ImportRefused("文件是空的。") from None
    header = [normalise_header(cell).lower() for cell in header]
    where = {}
    for key, names in COLUMNS.items():
        for index, title in enumerate(header):
            if title in names:
                where[key] = index
                break
    missing = [COLUMNS[key][1] + f"（{key}）" for key in REQUIRED if key not in where]
    if missing:
        raise ImportRefused("缺少列：" + "、".join(missing) + "。第一行应为列名 code,name,level,parent_code（可加 mark）。")
    read, errors, seen = [], [], {}
    for number, cells in rows:
        values = {key: cell_text(cells[index]) if index < len(cells) else "" for key, index in where.items()}
        if not any(values.values()):
            continue
        code = normalise_occupation_code(values["code"])
        if not OCCUPATION_CODE.match(code):
            errors.append(RowError(number, "code", f"职业代码“{code}”格式不对（如 4、4-01、4-01-02、4-01-02-01）。"))
            continue
        if code in seen:
            errors.append(RowError(number, "code", f"职业代码 {code} 与第{seen[code]}行重复。"))
            continue
        seen[code] = number
        level = code.count("-") + 1
        if values["level"] != str(level):
            errors.append(RowError(number, "level", f"层级应为{level}（按代码 {code}），实为“{values['level']}”。"))
        parent = normalise_occupation_code(values["parent_code"])
        expected_parent = code.rsplit("-", 1)[0] if level > 1 else ""
        if parent != expected_parent:
            errors.append(RowError(number, "parent_code",
                                   f"上级代码应为“{expected_parent}”，实为“{parent}”。" if expected_parent
                                   else f"大类没有上级代码，实为“{parent}”。"))
        name = values["name"]
        if len(name) > 100:
            errors.append(RowError(number, "name", "职业名称超过100个字。"))
        mark = values.get("mark", "")
        if mark not in ("", "L", "S", "L/S"):
            errors.append(RowError(number, "mark", f"标识只能是 L、S、L/S 或空，实为“{mark}”。"))
        read.append((number, code, name, level, parent, mark))
    known = set(_table(Occupation)) | set(seen)
    for number, _code, _name, _level, parent, _mark in read:
        if parent and parent not in known:
            errors.append(RowError(number, "parent_code", f"上级代码 {parent} 既不在文件中，也不在现有分类中。"))
    if errors:
        errors.sort(key=lambda error: error.row)
        raise ImportRefused(f"文件有 {len(errors)} 处错误，未导入任何内容。", errors)
    if not read:
        raise ImportRefused("文件中没有职业代码。")
    return [row[1:] for row in read]


def import_occupations(*, actor, path, edition="2022"):
    """Upsert the occupation table from `path`, all or nothing. Returns (created, updated). `actor` None is the
    command line (an administrator at the server); a user needs CLASSIFICATION_MANAGE."""
    if actor is not None and not (has_permission(actor, CLASSIFICATION_MANAGE)
                                  and scoping.scope_of(actor).contains_code(settings.HRSS_ROOT_REGION_CODE)):
        # The classification serves the whole deployment: a county's administrator may not change it.
        audit.record_denied(actor=actor, action="core.occupations.import")
        raise PermissionDenied("职业分类大典全市通用，只有市级（或省级）系统管理员可以导入。")
    rows = read_occupation_file(path)
    with transaction.atomic():
        existing = {entry.code: entry for entry in Occupation.objects.all()}
        created, updated = [], []
        for code, name, level, parent, mark in rows:
            entry = existing.get(code)
            if entry is None:
                created.append(Occupation(code=code, name=name, level=level, parent_code=parent, mark=mark,
                                          edition=edition))
            elif (entry.name, entry.level, entry.parent_code, entry.mark, entry.edition) != (
                    name, level, parent, mark, edition):
                entry.name, entry.level, entry.parent_code, entry.mark, entry.edition = (
                    name, level, parent, mark, edition)
                updated.append(entry)
        Occupation.objects.bulk_create(created, batch_size=1000)
        Occupation.objects.bulk_update(updated, ["name", "level", "parent_code", "mark", "edition"], batch_size=1000)
        audit.record(actor=actor, action="core.occupations.imported",
                     after={"created": len(created), "updated": len(updated), "edition": edition})
        transaction.on_commit(forget)
    forget()
    return len(created), len(updated)


def counts():
    """{level: (rows, rows without a name)} of the occupation table, for the administrator's page."""
    found = {}
    for level, named in Occupation.objects.values_list("level", "name"):
        rows, unnamed = found.get(level, (0, 0))
        found[level] = (rows + 1, unnamed + (not named))
    return found
