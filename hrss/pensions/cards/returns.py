"""The card maker's returned file (制卡返回文件) read into what record_made takes: a sheet (.xlsx, .xls or .csv)
with a header row naming 公民身份号码 and 社保卡号 (卡号), one card a row. A row whose ID number is not an
application of the batch waiting for its card is reported by its row number; nothing is written here."""

from hrss.core.id_numbers import InvalidIdNumber, normalise
from hrss.core.spreadsheets import SpreadsheetRefused, cell_text, check_file, iter_rows, normalise_header
from hrss.pensions.models import CardState

ID_HEADERS = {"公民身份号码", "身份证号码", "身份证号"}
NUMBER_HEADERS = {"社保卡号", "社会保障卡号", "卡号"}


def numbers_from_file(batch, path):
    """({application id: card number}, [problems in Chinese]) from the returned file at `path`."""
    try:
        kind = check_file(path)
        rows = iter_rows(path, kind)
        header = None
        for number, cells in rows:
            names = [normalise_header(cell) for cell in cells]
            if set(names) & ID_HEADERS and set(names) & NUMBER_HEADERS:
                header = (number, names)
                break
        if header is None:
            return {}, ["制卡返回文件应有表头行，包含“公民身份号码”和“社保卡号”两列。"]
        names = header[1]
        id_column = next(index for index, name in enumerate(names) if name in ID_HEADERS)
        number_column = next(index for index, name in enumerate(names) if name in NUMBER_HEADERS)
        waiting = {app.person.id_number: app.pk for app in batch.applications.filter(state=CardState.IN_BATCH)
                   .select_related("person").defer("photo")}
        found, problems = {}, []
        for number, cells in rows:
            raw_id = cells[id_column] if id_column < len(cells) else None
            card = cell_text(cells[number_column]) if number_column < len(cells) else ""
            if not cell_text(raw_id) and not card:
                continue
            try:
                id_number = normalise(raw_id)
            except InvalidIdNumber as error:
                problems.append(f"第{number}行：{error}")
                continue
            if id_number not in waiting:
                problems.append(f"第{number}行：公民身份号码不是本批次待制卡的申领人。")
                continue
            found[waiting[id_number]] = card
        if not found and not problems:
            problems.append("制卡返回文件中没有卡号。")
        return found, problems
    except SpreadsheetRefused as error:
        return {}, [str(error)]
