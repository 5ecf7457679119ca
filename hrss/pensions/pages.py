"""What the pensions parts' pages share: a person of the user's scope found by ID number, a list's query string
without its page, an audited .xlsx download (a 台账 of a region, or any sheets) and an uploaded list's import."""

from django.contrib import messages
from django.core.exceptions import ValidationError

from hrss.core import audit, scoping
from hrss.core.id_numbers import normalise
from hrss.core.spreadsheets import SpreadsheetRefused, uploaded_file, xlsx_bytes, xlsx_response
from hrss.residents.models import Person


def person_by_id_number(user, raw):
    """The person of the user's scope with the ID number typed (in any form core.id_numbers accepts), or None.
    A number that is not one raises core.id_numbers.InvalidIdNumber with the reason."""
    return scoping.visible_to(user, Person.objects.filter(id_number=normalise(raw))).first()


def query_without_page(request):
    """The list's filters as a query string, for its page links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def xlsx_download(request, sheets, filename, *, action, target, after, region_code=""):
    """The sheets [(name, header, rows)] as an .xlsx download, audited as `action` (who took which rows out) and
    kept by no cache: it holds people's data."""
    data = xlsx_bytes(sheets)
    audit.record(actor=request.user, action=action, target=target, region_code=region_code, after=after)
    response = xlsx_response(data, filename)
    response["Cache-Control"] = "no-store"
    return response


def ledger_download(request, name, region, today, header, rows, *, action):
    """A 台账 of `region` as .xlsx: one sheet `name` under a title naming the region and the day, its rows counted
    in the audit entry."""
    title = f"{name}（{region.name}，{today:%Y年%m月%d日}）"
    return xlsx_download(request, [(name, [title], [header, *rows])], f"{name}-{region.name}-{today:%Y%m%d}.xlsx",
                         action=action, target=region, after={"rows": len(rows)})


def run_import(request, form, run, *, errors_key, success, fix="修改"):
    """A valid upload form's file through an import service, `run(path)` -> a core.tabular result: a file refused
    before reading is the file field's error, a refusal the form's (None is returned then). Otherwise the rejected
    rows are kept in the session under `errors_key` (for their .xlsx), `success(result)` is flashed when it says
    something, the rejected rows are counted in a warning, and the result is returned for the page."""
    try:
        with uploaded_file(form.cleaned_data["file"]) as stored:
            result = run(stored)
    except SpreadsheetRefused as error:  # core.tabular.ImportRefused included
        form.add_error("file", str(error))
        return None
    except ValidationError as error:
        form.add_error(None, error)
        return None
    request.session[errors_key] = [error.as_dict() for error in result.rejected]
    if message := success(result):
        messages.success(request, message)
    if result.rejected:
        rows = len({error.row for error in result.rejected})
        messages.warning(request, f"{rows} 行未导入，原因见下表，可下载未导入行的清单{fix}后重新上传。")
    return result
