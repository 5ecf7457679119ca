"""What the pensions parts' pages share: a person of the user's scope found by ID number and an uploaded list's
import. (A list's query without its page and the audited .xlsx download are every area's: core/pages.py.)"""

from django.contrib import messages
from django.core.exceptions import ValidationError

from hrss.core import scoping
from hrss.core.id_numbers import normalise
from hrss.core.spreadsheets import SpreadsheetRefused, uploaded_file
from hrss.residents.models import Person


def person_by_id_number(user, raw):
    """The person of the user's scope with the ID number typed (in any form core.id_numbers accepts), or None.
    A number that is not one raises core.id_numbers.InvalidIdNumber with the reason."""
    return scoping.visible_to(user, Person.objects.filter(id_number=normalise(raw))).first()


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
