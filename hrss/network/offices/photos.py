"""An office's photo (evidence of a rule: the sign on the door, the windows): checked by its content — Pillow must
decode it as JPEG, PNG or WebP; the file's name and the browser's type are not trusted — at most the size of the
setting HRSS_NETWORK_PHOTO_MAX_BYTES (5 MB unless set), refused when it carries markup or a script (a picture that
is also an HTML or SVG page), and re-encoded from its pixels alone, so EXIF, the GPS position, comments and any
other metadata are gone from what is kept."""

import io
import re
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 24_000_000  # a phone's photo (12 to 24 megapixels) is within; decoding more costs the server too much
KEPT_SIDE = 2048  # the longest side kept: enough to read a sign or a plaque, a few hundred KB a photo
# Markup that has no business inside a picture (a browser sniffing the file could run it); long enough that the
# bytes of a real photo do not spell it by chance.
SCRIPT = re.compile(rb"<script|<\?php|<svg[\s>]|<html|<iframe|javascript:", re.IGNORECASE)


def max_bytes():
    return int(getattr(settings, "HRSS_NETWORK_PHOTO_MAX_BYTES", DEFAULT_MAX_BYTES))


def _size_label(size):
    return f"{size / 1024 / 1024:g} MB"


def read_upload(upload, limit):
    """At most `limit` + 1 bytes of `upload` (bytes or a file object), so a file too big is known without reading
    all of it."""
    if upload is None:
        return b""
    if isinstance(upload, bytes | bytearray | memoryview):
        return bytes(upload)
    if hasattr(upload, "seek"):
        upload.seek(0)
    return upload.read(limit + 1) or b""


def clean(upload):
    """(bytes, content type, width, height) of the picture to keep, re-encoded without metadata. Raises
    ValidationError in Chinese saying what to do."""
    limit = max_bytes()
    data = read_upload(upload, limit)
    if not data:
        raise ValidationError("请选择要上传的照片（JPEG、PNG或WebP格式）。")
    if len(data) > limit:
        raise ValidationError(f"照片文件超过{_size_label(limit)}，请压缩后重新上传。")
    if SCRIPT.search(data):
        raise ValidationError("照片文件中含有网页代码或脚本，不予接收：请用相机或手机直接拍摄的照片重新上传。")
    refused = ValidationError("上传的文件不是可识别的JPEG、PNG或WebP照片，请重新选择照片文件。")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                if kind not in FORMATS:
                    raise refused
                if probe.width * probe.height > MAX_PIXELS:
                    raise ValidationError(
                        f"照片像素过多（{probe.width}×{probe.height}，上限{MAX_PIXELS // 10_000}万像素）："
                        "请上传手机正常拍摄的照片，或缩小后重新上传。")
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.draft("RGB", (KEPT_SIDE, KEPT_SIDE))  # a JPEG is decoded at a reduced scale: less memory
                image.load()
                upright = ImageOps.exif_transpose(image)
                upright.thumbnail((KEPT_SIDE, KEPT_SIDE))  # scaled down in place before the copies below
                content = _pixels_only(upright, kind)
                return content, FORMATS[kind], upright.width, upright.height
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as error:
        raise refused from error


def _pixels_only(picture, kind):
    """A new image holding only `picture`'s pixels, saved in `kind` with no info, EXIF or ICC block."""
    mode = "RGB" if kind == "JPEG" else ("RGBA" if "A" in picture.getbands() or picture.mode == "P" else "RGB")
    picture = picture.convert(mode)
    fresh = Image.new(mode, picture.size)
    fresh.paste(picture)
    out = io.BytesIO()
    if kind == "JPEG":
        fresh.save(out, format="JPEG", quality=88)
    elif kind == "PNG":
        fresh.save(out, format="PNG", optimize=True)
    else:
        fresh.save(out, format="WEBP", quality=85)
    return out.getvalue()
