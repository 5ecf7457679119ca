"""Reading and writing spreadsheets safely: what every import and export of the platform goes through.

Reading: a file is checked before it is parsed (size, type by content not by name, zip bombs, macro workbooks,
XML entity tricks), then streamed row by row: .xlsx with python-calamine-plus in constant memory (ADR 0004), .xls
with its whole-sheet reader (at most 65,536 rows), .csv with the csv module in UTF-8 (with or without BOM) or
GB18030 (what Excel on a Chinese Windows saves). HRSS_XLSX_READER=calamine reads .xlsx and .xls with upstream
python-calamine instead (the fallback of ADR 0004: the whole sheet in memory, so its extent is checked first). Writing: xlsxwriter, with text
that a spreadsheet would run as a formula neutralised.
"""

import codecs
import contextlib
import csv
import datetime
import io
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone


class SpreadsheetRefused(ValueError):
    """The file is refused before parsing; the message (in Chinese) says why and what to do."""


XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound document (Excel 97-2003)
MAX_ZIP_ENTRIES = 100
MAX_COMPRESSION_RATIO = 200


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int
    max_uncompressed_bytes: int
    max_rows: int
    max_cell_chars: int = 1000


def default_limits():
    return Limits(
        max_file_bytes=settings.HRSS_IMPORT_MAX_FILE_MB * 1024 * 1024,
        max_uncompressed_bytes=settings.HRSS_IMPORT_MAX_UNCOMPRESSED_MB * 1024 * 1024,
        max_rows=settings.HRSS_IMPORT_MAX_ROWS,
    )


def sniff_kind(path):
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(XLSX_MAGIC):
        return "xlsx"
    if head.startswith(XLS_MAGIC):
        return "xls"
    return "csv"


def check_file(path, limits=None):
    """Refuse what must not be parsed. Returns the kind: "xlsx", "xls" or "csv"."""
    limits = limits or default_limits()
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise SpreadsheetRefused("文件是空的。")
    if size > limits.max_file_bytes:
        raise SpreadsheetRefused(
            f"文件有 {size / 1048576:.1f} MB，超过了 {limits.max_file_bytes // 1048576} MB 的上限；请分成几个文件上传。"
        )
    kind = sniff_kind(path)
    if kind == "xlsx":
        _check_xlsx_container(path, limits)
    elif kind == "csv":
        _check_text(path)
    return kind


def _check_xlsx_container(path, limits):
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise SpreadsheetRefused("文件已损坏，不是有效的 Excel 文件。") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise SpreadsheetRefused("文件结构异常（内部条目过多），已拒绝。请用 Excel 另存为 .xlsx 后再上传。")
        names = {entry.filename for entry in entries}
        if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
            raise SpreadsheetRefused("文件不是 Excel 工作簿（.xlsx）。")
        if "xl/vbaProject.bin" in names or "macroEnabled" in archive.read("[Content_Types].xml").decode(
                "utf-8", "replace"):
            raise SpreadsheetRefused("文件含有宏（.xlsm），出于安全考虑不接受；请另存为不含宏的 .xlsx 后上传。")
        total = sum(entry.file_size for entry in entries)
        compressed = sum(entry.compress_size for entry in entries) or 1
        if total > limits.max_uncompressed_bytes or total / compressed > MAX_COMPRESSION_RATIO:
            raise SpreadsheetRefused("文件解压后过大（疑似压缩炸弹），已拒绝。")
        for entry in entries:
            if entry.filename.endswith(".xml"):
                with archive.open(entry) as member:
                    head = member.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise SpreadsheetRefused("文件内含不允许的 XML 声明，已拒绝。")


def _check_text(path):
    with open(path, "rb") as handle:
        head = handle.read(65536)
    if b"\x00" in head:
        raise SpreadsheetRefused("文件不是表格：请上传 .xlsx、.xls 或 .csv 文件。")
    if head.startswith(b"%PDF") or head[:5].lower() in (b"<html", b"<!doc"):
        raise SpreadsheetRefused("文件不是表格：请上传 .xlsx、.xls 或 .csv 文件。")


def _csv_encoding(path):
    with open(path, "rb") as handle:
        head = handle.read(1 << 20)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:  # cut in the middle of a character at the end of the sample
            return "utf-8"
    return "gb18030"


def iter_rows(path, kind, limits=None):
    """Yield (row_number, list_of_cells) from the first sheet, row_number counting from 1 as a spreadsheet does.
    Cells are str, float, int, bool, date/datetime or None, as the file holds them."""
    limits = limits or default_limits()
    if kind == "csv":
        encoding = _csv_encoding(path)
        with open(path, encoding=encoding, newline="") as handle:
            for number, row in enumerate(csv.reader(handle), start=1):
                if number > limits.max_rows + 1:
                    raise SpreadsheetRefused(f"文件超过 {limits.max_rows} 行的上限；请分成几个文件上传。")
                yield number, row
        return
    try:
        rows = _spreadsheet_rows(path, kind, limits)
        # Every reader yields rows from row 1 and cells from column A of the sheet, leading empty rows and columns
        # included, so numbers match Excel's.
        for number, row in enumerate(rows, start=1):
            if number > limits.max_rows + 1:
                raise SpreadsheetRefused(f"文件超过 {limits.max_rows} 行的上限；请分成几个文件上传。")
            yield number, row
    except SpreadsheetRefused:
        raise
    except Exception as error:  # calamine raises its own error types for damaged files
        raise SpreadsheetRefused(f"无法读取该 Excel 文件（{type(error).__name__}），请用 Excel 另存后再上传。") from None


def _spreadsheet_rows(path, kind, limits):
    if settings.HRSS_XLSX_READER == "calamine":
        from python_calamine import CalamineWorkbook

        if kind == "xlsx":
            _check_sheet_extent(path, limits)
        return _whole_sheet_rows(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0), whole_numbers=True)
    from python_calamine_plus import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    if kind == "xlsx":
        return workbook.stream_sheet_by_index(0)  # constant memory; already from column A
    return _whole_sheet_rows(workbook.get_sheet_by_index(0))  # a .xls holds at most 65,536 rows


def _whole_sheet_rows(sheet, *, whole_numbers=False):
    """Rows of a whole-sheet reader as the streaming reader yields them. Both calamines start each row at the first
    used column: the empty columns before it are put back. Upstream gives whole numbers as float where the fork
    gives int; `whole_numbers` makes them int, so the fallback reads a file exactly as the fork does."""
    lead = [""] * (sheet.start[1] if sheet.start else 0)
    for row in sheet.iter_rows():
        if whole_numbers:
            row = [int(cell) if type(cell) is float and cell.is_integer() else cell for cell in row]
        yield lead + row if lead else row


# A whole-sheet reader holds every cell of the sheet's used range in memory (about 75 bytes a cell: ADR 0004's
# 897 MB for 1,000,000 rows of 12 columns), empty cells inside the range included.
MAX_WHOLE_SHEET_CELLS = 20_000_000
CELL_REFERENCE = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')


def _check_sheet_extent(path, limits):
    """Before a whole-sheet reader loads an .xlsx: the cells' real extent, read from the sheet's XML in constant
    memory. Two cells far apart make a range of billions of empty cells (dimastbk/python-calamine#130)."""
    last_row = last_column = 0
    with zipfile.ZipFile(path) as archive, archive.open(_first_sheet_member(archive)) as sheet:
        tail = b""
        for chunk in iter(lambda: sheet.read(1 << 20), b""):
            text = tail + chunk
            for column, row in CELL_REFERENCE.findall(text):
                last_row = max(last_row, int(row))
                last_column = max(last_column, _column_number(column))
            tail = text[-32:]  # a reference cut between two chunks is found whole in the next
    if last_row > limits.max_rows + 1:
        raise SpreadsheetRefused(f"文件超过 {limits.max_rows} 行的上限；请分成几个文件上传。")
    if last_row * last_column > MAX_WHOLE_SHEET_CELLS:
        raise SpreadsheetRefused(
            f"表格范围过大（{last_row} 行 × {last_column} 列，含空白单元格），已拒绝；"
            "请删除表格右侧和下方多余的内容后另存再上传。"
        )


def _column_number(letters):
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _first_sheet_member(archive):
    """The zip member of the workbook's first sheet (what get_sheet_by_index(0) reads): the first <sheet> of
    xl/workbook.xml, through its relationship."""
    workbook = archive.read("xl/workbook.xml")
    relation = re.search(rb'<(?:\w+:)?sheet\b[^>]*?\s\w+:id="([^"]+)"', workbook)
    relations = archive.read("xl/_rels/workbook.xml.rels")
    for element in re.findall(rb"<Relationship\b[^>]*>", relations):
        if relation and f'Id="{relation.group(1).decode()}"'.encode() in element:
            target = re.search(rb'Target="([^"]+)"', element).group(1).decode()
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise SpreadsheetRefused("文件不是 Excel 工作簿（.xlsx）：找不到第一张工作表。")


DIMENSION = re.compile(rb'<dimension ref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"')


def estimate_rows(path, kind):
    """The number of rows (header included) without reading the file's data: the sheet's declared dimension
    for .xlsx, newlines for .csv. For a progress bar; None when the file does not say."""
    if kind == "csv":
        with open(path, "rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    if kind == "xlsx":
        with zipfile.ZipFile(path) as archive:
            sheets = sorted(name for name in archive.namelist() if name.startswith("xl/worksheets/sheet"))
            if not sheets:
                return None
            with archive.open(sheets[0]) as sheet:
                found = DIMENSION.search(sheet.read(4096))
        if found:
            return int(found.group(2) or found.group(1))
        return None
    return sum(1 for _ in iter_rows(path, kind))  # .xls holds at most 65,536 rows


def normalise_header(text):
    """Headers as people type them: full-width characters, spaces, asterisks marking required columns."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    return "".join(ch for ch in text if not ch.isspace() and ch not in "*＊:：()（）[]【】")


def cell_text(value):
    """A cell as text; whole numbers typed as numbers lose their ".0"."""
    if value is None:
        return ""
    if isinstance(value, str):
        # Only text outside ASCII can hold full-width forms worth folding.
        return value.strip() if value.isascii() else unicodedata.normalize("NFKC", value).strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFKC", str(value)).strip()


@contextlib.contextmanager
def uploaded_file(upload):
    """An uploaded file (Django's UploadedFile) as a path the readers can open; removed afterwards."""
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix.lower()) as stored:
        for chunk in upload.chunks():
            stored.write(chunk)
        stored.flush()
        yield stored.name


def cell_date(value, *, month_is_enough=False):
    """A date as a cell holds it: a date, or text such as 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日 (and, with
    `month_is_enough`, 2026-03 as the month's first day). None when it is not a real date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value).replace("/", "-").replace(".", "-").replace("年", "-").replace("月", "-").rstrip("日")
    try:
        parts = [int(part) for part in text.split("-")]
        if len(parts) == 2 and month_is_enough:
            parts.append(1)
        return datetime.date(*parts) if len(parts) == 3 else None
    except (ValueError, TypeError):
        return None


# --- writing ---------------------------------------------------------------------------------------------

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


def neutralise(value):
    """Text that a spreadsheet would treat as a formula gets a leading apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def write_xlsx(target, sheets):
    """Write sheets [(name, header, rows)] to `target` (a path or a binary file object). Every value is written as
    a string or number, never as a formula."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False, "strings_to_numbers": False})
    bold = workbook.add_format({"bold": True})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    instant = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    yuan = workbook.add_format({"num_format": "#,##0.00"})
    for name, header, rows in sheets:
        sheet = workbook.add_worksheet(name[:31])
        _lay_out(sheet, header, rows)
        sheet.write_row(0, 0, header, bold)
        for index, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                value = neutralise(value)
                if isinstance(value, str):
                    sheet.write_string(index, column, value)
                elif value is None:
                    continue
                elif isinstance(value, datetime.datetime):  # shown as a date and time, in local time, not a number
                    local = timezone.localtime(value) if timezone.is_aware(value) else value
                    sheet.write_datetime(index, column, local.replace(tzinfo=None), instant)
                elif isinstance(value, datetime.date):  # a date, shown as one (not 46363) and filtered as one
                    sheet.write_datetime(index, column, value, day)
                elif isinstance(value, Decimal):  # an amount in yuan: a number to sum, shown 12,800.00
                    sheet.write_number(index, column, value, yuan)
                else:
                    sheet.write(index, column, value)
    workbook.close()
    return target


WIDEST = 50  # characters: a longer cell wraps in the reader's view rather than pushing the next columns away


def _shown_width(value):
    """How many Latin characters' room a value takes: a Chinese character takes two."""
    return sum(2 if ord(character) >= 0x2E80 else 1 for character in str(value))


def _lay_out(sheet, header, rows):
    """Column widths from the header and the first 200 rows (a list; a stream of rows is not read ahead), and the
    heading rows frozen: the first row, or the first two under a one-cell title row (a 台账's "name (region, day)"
    above its header), so the header stays in view while scrolling down on an old PC."""
    sample = rows[:200] if isinstance(rows, list) else []
    titled = len(header) == 1 and bool(sample) and isinstance(sample[0], list | tuple) and len(sample[0]) > 1
    lines = [*([] if titled else [header]), *sample]
    widths = {}
    for line in lines:
        for column, value in enumerate(line):
            if value is not None:
                widths[column] = max(widths.get(column, 0), _shown_width(value))
    for column, width in widths.items():
        sheet.set_column(column, column, min(max(width, 6) + 2, WIDEST))
    sheet.freeze_panes(2 if titled else 1, 0)


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(data, filename):
    """An .xlsx download (bytes) under a Chinese file name."""
    from django.http import HttpResponse
    from django.utils.http import content_disposition_header

    return HttpResponse(data, content_type=XLSX_CONTENT_TYPE,
                        headers={"Content-Disposition": content_disposition_header(True, filename)})


def xlsx_bytes(sheets):
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets)
    return buffer.getvalue()
