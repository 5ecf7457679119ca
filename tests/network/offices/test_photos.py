"""An office's photos: images only (decoded by Pillow, not trusted by name), size-limited, a script refused, the GPS
position gone once re-encoded, served only in scope."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from hrss.core.models import Region
from hrss.network.models import OfficePhoto
from hrss.network.offices import selectors, services
from tests.conftest import TODAY, VILLAGE


def jpeg_with_gps(size=(64, 48)):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "HUAWEI"  # Make
    gps = {1: "N", 2: (23.0, 44.0, 0.0), 3: "E", 4: (114.0, 41.0, 0.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bytes():
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 128)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def office(village_assistant):
    return services.office_for(actor=village_assistant, region=Region.objects.get(code=VILLAGE), today=TODAY)


def test_the_office_of_a_region_is_made_once_and_found(village_assistant, office):
    assert selectors.office_of(Region.objects.get(code=VILLAGE)) == office
    again = services.office_for(actor=village_assistant, region=Region.objects.get(code=VILLAGE), today=TODAY)
    assert again.pk == office.pk
    assert selectors.office_of("441602001006") is None


def test_gps_and_exif_are_removed(village_assistant, office):
    data = jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the upload carries a position
    photo = services.add_photo(actor=village_assistant, office=office,
                               upload=SimpleUploadedFile("门牌.jpg", data, content_type="image/jpeg"),
                               subject="sign", caption="统一牌匾", today=TODAY)
    kept = bytes(OfficePhoto.objects.get(pk=photo.pk).content)
    image = Image.open(io.BytesIO(kept))
    assert image.format == "JPEG" and image.size == (64, 48)
    assert not image.getexif()
    assert not image.getexif().get_ifd(0x8825)
    assert b"HUAWEI" not in kept and b"Exif" not in kept


def test_a_png_is_kept_as_png(village_assistant, office):
    photo = services.add_photo(actor=village_assistant, office=office, upload=png_bytes(), subject="窗口", today=TODAY)
    assert photo.content_type == "image/png"
    assert Image.open(io.BytesIO(bytes(photo.content))).format == "PNG"


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.4 not a picture at all", "不是可识别的"),
    (b"GIF89a" + b"\x00" * 40, "不是可识别的"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "不是可识别的"),  # a JPEG's first bytes and nothing after
    (b"", "请选择要上传的照片"),
])
def test_what_is_not_an_image_is_refused(village_assistant, office, data, message):
    with pytest.raises(ValidationError) as refused:
        services.add_photo(actor=village_assistant, office=office,
                           upload=SimpleUploadedFile("photo.jpg", data, content_type="image/jpeg"),
                           subject="sign", today=TODAY)
    assert message in refused.value.messages[0]
    assert not OfficePhoto.objects.exists()


def test_an_image_carrying_a_script_is_refused(village_assistant, office):
    data = png_bytes() + b"<script>alert(document.cookie)</script>"
    with pytest.raises(ValidationError) as refused:
        services.add_photo(actor=village_assistant, office=office, upload=data, subject="sign", today=TODAY)
    assert "脚本" in refused.value.messages[0]
    assert not OfficePhoto.objects.exists()


def test_a_photo_too_large_is_refused(village_assistant, office, settings):
    settings.HRSS_NETWORK_PHOTO_MAX_BYTES = 1000
    data = jpeg_with_gps(size=(400, 400))
    assert len(data) > 1000
    with pytest.raises(ValidationError) as refused:
        services.add_photo(actor=village_assistant, office=office, upload=data, subject="sign", today=TODAY)
    assert "超过" in refused.value.messages[0]
    assert not OfficePhoto.objects.exists()


def test_a_picture_of_too_many_pixels_is_refused_saying_so(village_assistant, office):
    out = io.BytesIO()  # 6,000 x 5,000 of one colour: a few KB to send, 120 MB to decode
    Image.new("RGB", (6000, 5000), (1, 2, 3)).save(out, format="PNG")
    with pytest.raises(ValidationError) as refused:
        services.add_photo(actor=village_assistant, office=office, upload=out.getvalue(), subject="sign", today=TODAY)
    assert "像素过多" in refused.value.messages[0] and "6000×5000" in refused.value.messages[0]
    assert not OfficePhoto.objects.exists()


def test_a_large_photo_is_kept_scaled_down(village_assistant, office):
    photo = services.add_photo(actor=village_assistant, office=office, upload=jpeg_with_gps(size=(4000, 3000)),
                               subject="sign", today=TODAY)
    assert Image.open(io.BytesIO(bytes(photo.content))).size == (2048, 1536)
    assert (photo.width, photo.height) == (2048, 1536)


def test_a_photo_is_served_in_scope_only(client, village_assistant, neighbour_village_assistant,
                                         neighbour_county_officer, county_officer, office):
    photo = services.add_photo(actor=village_assistant, office=office, upload=jpeg_with_gps(), subject="sign",
                               today=TODAY)
    url = reverse("network:offices-photo", args=[photo.pk])
    client.force_login(county_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(response.content)).size == (64, 48)
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
