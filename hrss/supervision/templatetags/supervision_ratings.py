"""{% rating_link rating_code as link %}: what a receipt prints of a rating code (supervision/ratings/_rating_code.html):
link.code (ABCD-EFGH), link.url (absolute), link.qr (inline SVG)."""

from types import SimpleNamespace

from django import template

from hrss.supervision.ratings import links

register = template.Library()


@register.simple_tag(takes_context=True)
def rating_link(context, rating_code):
    url = links.public_url(rating_code.code, context.get("request"))
    return SimpleNamespace(code=links.printed(rating_code.code), url=url, qr=links.qr_svg(url))
