"""A 台账 of a region as an audited .xlsx download (the grid's and the publicity part's ledgers): one sheet under a
title naming the region and the day, its rows counted in the audit entry, kept by no cache."""

from hrss.core import audit
from hrss.core.spreadsheets import xlsx_bytes, xlsx_response


def ledger_download(request, name, region, today, header, rows, *, action):
    title = f"{name}（{region.name}，{today:%Y年%m月%d日}）"
    data = xlsx_bytes([(name, [title], [header, *rows])])
    audit.record(actor=request.user, action=action, target=region, region_code=region.code, after={"rows": len(rows)})
    response = xlsx_response(data, f"{name}-{region.name}-{today:%Y%m%d}.xlsx")
    response["Cache-Control"] = "no-store"
    return response


def query_without_page(request):
    """The list's filters as a query string, for its page links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
