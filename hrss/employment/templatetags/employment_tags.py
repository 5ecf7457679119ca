"""The tabs of the 就业失业登记 pages, each shown only to a user who may use it (a read-only account sees the
ledgers and the certificates, not the queue, the proposals or the hires page that would answer 403)."""

from django import template
from django.urls import reverse

from hrss.core.permissions import has_permission
from hrss.employment.permissions import EMPLOYMENT_HANDLE, EMPLOYMENT_VIEW

register = template.Library()

TABS = (
    ("queue", "待我办理", "employment:queue", EMPLOYMENT_HANDLE),
    ("proposals", "建议注销", "employment:proposals", EMPLOYMENT_HANDLE),
    ("hires", "单位招用登记", "employment:hires", EMPLOYMENT_HANDLE),
    ("ledgers", "台账与月报", "employment:ledgers", EMPLOYMENT_VIEW),
    ("certificates", "登记证发放台账", "employment:certificate-list", EMPLOYMENT_VIEW),
)


@register.simple_tag(takes_context=True)
def employment_tabs(context):
    """(key, label, url) of the tabs the request's user may open."""
    user = context["request"].user
    return [(key, label, reverse(route)) for key, label, route, permission in TABS if has_permission(user, permission)]
