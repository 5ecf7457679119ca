"""The rating code as a citizen reads it: printed in two groups of four (ABCD-EFGH), the public page's address
with the code (absolute: HRSS_PUBLIC_BASE_URL, or the address of the request that prints it), and that address as
a QR code in inline SVG (the qrcode package's SVG writer: no image library, sharp on any printer)."""

import re
import textwrap
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe


def printed(code):
    """ABCDEFGH as printed: ABCD-EFGH (the page takes it with or without the hyphen)."""
    return "-".join(textwrap.wrap(code, 4))


def public_url(code, request=None):
    """The public rating page's address for `code`, absolute."""
    path = f"{reverse('supervision:ratings-rate')}?{urlencode({'code': code})}"
    if settings.HRSS_PUBLIC_BASE_URL:
        return settings.HRSS_PUBLIC_BASE_URL + path
    return request.build_absolute_uri(path) if request is not None else path


def qr_svg(text):
    """`text` as a QR code: an <svg> element (scaled by the page's CSS), safe to put in a template."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2,
                        error_correction=qrcode.constants.ERROR_CORRECT_M)
    svg = image.to_string(encoding="unicode")
    # Its size in mm becomes the box it is put in (the slip's CSS), keeping the viewBox's proportions.
    svg = re.sub(r'^<svg width="[^"]*" height="[^"]*"', '<svg width="100%" height="100%"', svg, count=1)
    return mark_safe(svg)  # noqa: S308 - drawn here from the URL: no markup of anyone's
