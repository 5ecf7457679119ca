import uuid

from django import template
from django.utils.html import format_html

from hrss.core.middleware import ONCE_FIELD

register = template.Library()


@register.simple_tag
def once():
    """A one-time token for a form that saves something: sent twice (a double click, a resubmitted page), it is
    saved once (core.middleware.IdempotencyMiddleware)."""
    return format_html('<input type="hidden" name="{}" value="{}">', ONCE_FIELD, uuid.uuid4().hex)


@register.filter
def place(places, code):
    """The name of the place of `code` in a view's `places` (core.selectors.place_names); the code when unnamed."""
    return places.get(code, code)


@register.filter
def occupation(code):
    """An occupation code with its name from the 职业分类大典 ("4-01-02 营业员"); the code when unknown."""
    from hrss.core.classifications import occupation_label

    return occupation_label(code)


@register.filter(name="money")
def money_filter(amount, places=2):
    """{{ amount|money }} → 12,345.60; {{ tier|money:0 }} → 3,000 (core.text.money)."""
    from hrss.core.text import money

    return money(amount, places)
