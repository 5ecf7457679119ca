"""What the list pages of every area share: a list's query string without its page, and an audited .xlsx download
(a 台账 of a region, or any sheets), kept by no cache. Core names no area here."""

from hrss.core import audit
from hrss.core.spreadsheets import xlsx_bytes, xlsx_response


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
