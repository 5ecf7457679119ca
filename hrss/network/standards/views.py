"""The standards part's page (url names prefixed "standards"): the 八统一 standards in force on a day for each kind of
office, with each rule's history (its dated rows), for every staff role."""

import datetime

from django.contrib import messages
from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from hrss.core.permissions import staff_view
from hrss.network.permissions import NETWORK_VIEW
from hrss.network.standards import compliance, rules


def standards_on(on):
    """[{rule, texts: [(kind name, required text or None)], history: [(from, until, {kind: text})]}] on `on`."""
    out = []
    for rule in rules.RULES:
        texts = [(rules.KIND_NAMES[kind], compliance.required_text(rule, kind, on)) for kind in rules.ALL_KINDS]
        history = []
        for start, until, value in rules.history(rule):
            if value is None:
                history.append((start, until, "废止"))
            else:
                history.append((start, until, "；".join(
                    f"{rules.KIND_NAMES[kind]}：{compliance.required_text(rule, kind, start)}"
                    for kind in rules.ALL_KINDS if kind in value)))
        out.append({"rule": rule, "texts": texts, "in_force": any(text for _, text in texts), "history": history})
    return out


@staff_view(NETWORK_VIEW)
def standards_list(request):
    """八统一建设标准 in force on ?on=YYYY-MM-DD (today by default), and every rule's history."""
    today = timezone.localdate()
    value = request.GET.get("on", "")
    try:
        on = datetime.date.fromisoformat(value) if value else today
    except ValueError:
        messages.error(request, f"日期“{value}”格式有误，请按YYYY-MM-DD填写；下面按今天显示。")
        on = today
    return render(request, "network/standards/list.html", {
        "on": on, "today": today, "rows": standards_on(on), "kinds": [rules.KIND_NAMES[k] for k in rules.ALL_KINDS],
        "minimum_wage": rules.minimum_wage(on), "wage_rows": rules.MINIMUM_WAGE})


urlpatterns = [path("standards/", standards_list, name="standards-list")]
