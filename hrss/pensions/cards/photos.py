"""The application's photo: checked by its content (Pillow decodes it; the file name and the browser's type are not
trusted), at most the rule's size, JPEG or PNG, and re-encoded from its pixels so that nothing but the picture is
kept (EXIF, GPS position, comments and other metadata are dropped). Pillow is here for that: a photo upload is
the one place the platform reads images."""

import io
import warnings

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

from hrss.pensions.cards import rules

CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
MAX_PIXELS = 24_000_000  # far beyond any ID photo; decoding more costs the server too much (a 211 KB PNG of 50
# megapixels took 800 MB to decode in the network area's test of the same check)


def read_upload(photo, limit):
    """The bytes of `photo` (bytes, or a file object such as Django's UploadedFile), reading at most `limit` + 1
    bytes, so a file too big is known without reading all of it."""
    if photo is None:
        return b""
    if isinstance(photo, bytes | bytearray | memoryview):
        return bytes(photo)
    if hasattr(photo, "seek"):
        photo.seek(0)
    return photo.read(limit + 1) or b""


def clean_photo(photo, day):
    """(bytes, content type) of the photo to keep: its pixels re-encoded in its own format, without metadata.
    Raises ValidationError in Chinese when there is none, it is too big, or it is not a JPEG or PNG picture."""
    rule = rules.photo_rule(day)
    data = read_upload(photo, rule.max_bytes)
    if not data:
        raise ValidationError("请上传本人近期正面免冠彩色照片（JPEG或PNG格式）。")
    if len(data) > rule.max_bytes:
        raise ValidationError(f"照片文件超过{rule.max_label}，请压缩后重新上传。")
    not_a_picture = ValidationError("上传的文件不是JPEG或PNG格式的照片，请重新选择照片文件。")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                if kind not in rule.formats or kind not in CONTENT_TYPES:
                    raise not_a_picture
                if probe.width * probe.height > MAX_PIXELS:
                    raise not_a_picture
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                picture = ImageOps.exif_transpose(image)  # keep the photo upright once its EXIF is gone
                return _encode(picture, kind), CONTENT_TYPES[kind]
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as error:
        raise not_a_picture from error


def _encode(picture, kind):
    """The picture's pixels only: a new image of the same size and mode, saved without info or EXIF."""
    if kind == "JPEG" and picture.mode not in ("RGB", "L", "CMYK"):
        picture = picture.convert("RGB")
    elif picture.mode not in ("RGB", "RGBA", "L", "LA"):  # a palette (P) or 16-bit PNG: its colours, as RGBA
        picture = picture.convert("RGBA")
    clean = Image.new(picture.mode, picture.size)
    clean.paste(picture)
    out = io.BytesIO()
    if kind == "JPEG":
        clean.save(out, format="JPEG", quality=92)
    else:
        clean.save(out, format="PNG", optimize=True)
    return out.getvalue()
