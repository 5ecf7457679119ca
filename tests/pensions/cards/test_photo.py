"""The application's photo: a JPEG or PNG picture by its content, within the size, kept without its EXIF data."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from hrss.pensions.cards import photos, rules
from hrss.pensions.cards.demo import sample_photo
from hrss.pensions.models import CardApplication
from tests.conftest import TODAY

from .conftest import apply


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2026:06:01 09:00:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (23.0, 44.0, 10.0)  # latitude of 河源
    gps[3], gps[4] = "E", (114.0, 41.0, 50.0)
    return exif


def test_a_jpeg_is_kept_without_its_exif_and_gps(person, village_assistant):
    uploaded = sample_photo(exif=exif_with_gps())
    with Image.open(io.BytesIO(uploaded)) as original:  # the fixture really carries a GPS position
        assert original.getexif().get_ifd(0x8825)
    application = apply(village_assistant, person, photo=uploaded)
    kept = bytes(CardApplication.objects.get(pk=application.pk).photo)
    with Image.open(io.BytesIO(kept)) as image:
        assert image.format == "JPEG" and image.size == (358, 441)
        assert not image.getexif() and "exif" not in image.info
    assert b"PhoneMaker" not in kept and b"Exif" not in kept
    assert application.photo_type == "image/jpeg"


def test_a_png_is_accepted_and_its_text_chunks_dropped(person, village_assistant):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "GPS 23.7,114.7")
    image = Image.new("P", (100, 120), 3)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    application = apply(village_assistant, person, photo=out.getvalue())
    kept = bytes(CardApplication.objects.get(pk=application.pk).photo)
    assert application.photo_type == "image/png" and b"GPS" not in kept
    with Image.open(io.BytesIO(kept)) as stored:
        assert stored.format == "PNG" and stored.size == (100, 120)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4 not a picture at all",
    b"\xff\xd8\xff\xe0" + b"JFIF but then nothing of a picture" * 3,  # a JPEG's first bytes only
    b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
], ids=["pdf", "jpeg-magic-only", "svg"])
def test_what_is_not_a_jpeg_or_png_picture_is_refused(data, person, village_assistant):
    with pytest.raises(ValidationError) as refused:
        apply(village_assistant, person, photo=data)
    assert "上传的文件不是JPEG或PNG格式的照片，请重新选择照片文件。" in refused.value.messages
    assert not CardApplication.objects.exists()


def test_a_gif_picture_is_refused(person, village_assistant):
    out = io.BytesIO()
    Image.new("RGB", (50, 50)).save(out, format="GIF")
    with pytest.raises(ValidationError, match="不是JPEG或PNG格式"):
        apply(village_assistant, person, photo=out.getvalue())


def test_the_size_limit_holds_at_the_byte(monkeypatch, person, village_assistant):
    data = sample_photo()
    monkeypatch.setattr(rules, "PHOTO", ((rules.D(2011, 1, 1), rules.PhotoRule(len(data), ("JPEG", "PNG"), "x")),))
    assert photos.clean_photo(data, TODAY)[1] == "image/jpeg"  # exactly the limit: accepted
    monkeypatch.setattr(rules, "PHOTO", ((rules.D(2011, 1, 1), rules.PhotoRule(len(data) - 1, ("JPEG", "PNG"),
                                                                                  "x")),))
    with pytest.raises(ValidationError) as refused:
        apply(village_assistant, person, photo=data)  # one byte over
    assert any("照片文件超过" in message and "请压缩后重新上传" in message for message in refused.value.messages)


def test_the_rule_is_two_megabytes(person, village_assistant):
    assert rules.photo_rule(TODAY).max_bytes == 2 * 1024 * 1024
    too_big = sample_photo() + b"\0" * (2 * 1024 * 1024)
    with pytest.raises(ValidationError, match="照片文件超过2MB，请压缩后重新上传。"):
        apply(village_assistant, person, photo=too_big)


def test_no_photo_is_refused(person, village_assistant):
    with pytest.raises(ValidationError, match="请上传本人近期正面免冠彩色照片"):
        apply(village_assistant, person, photo=None)
