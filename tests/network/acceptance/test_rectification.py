"""Rectification: the office (a township's own staff; the township for a village's 服务站) records an item fixed
with a note and a photo kept by the offices part; the county confirms or reopens it; an item past its deadline is
listed as overdue and is pending work for the township and the county."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from hrss.core.models import Region
from hrss.core.pending import pending_work_for
from hrss.network.acceptance import selectors, services
from hrss.network.models import OfficePhoto, Rectification
from hrss.network.offices import services as office_services
from tests.conftest import TODAY, VILLAGE, login
from tests.network.acceptance.conftest import findings_as_recorded, png

DAY = datetime.timedelta(days=1)


@pytest.fixture
def item(office, county_officer):
    inspection = services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY - 40 * DAY,
                                            findings=findings_as_recorded(office, TODAY - 40 * DAY), today=TODAY)
    return Rectification.objects.get(finding__inspection=inspection, finding__rule="windows")


def test_the_township_records_the_fix_with_a_photo_and_the_county_confirms_it(item, tina, county_officer):
    fixed = services.fix_rectification(actor=tina, item=item, note="已增设新农保经办窗口", upload=png(), today=TODAY)
    assert (fixed.state, fixed.fixed_on, fixed.fixed_note) == ("fixed", TODAY, "已增设新农保经办窗口")
    photo = OfficePhoto.objects.get(pk=fixed.photo_id)
    assert (photo.office_id, photo.subject) == (item.office_id, "windows")
    office_services.add_window(actor=tina, office=item.office, kind="rural_pension", today=TODAY)
    confirmed = services.confirm_rectification(actor=county_officer, item=fixed, today=TODAY)
    assert (confirmed.state, confirmed.confirmed_on, confirmed.confirmed_by) == ("confirmed", TODAY, county_officer)


def test_a_fix_needs_a_note_and_a_photo_and_the_photo_must_be_an_image(item, tina):
    with pytest.raises(ValidationError) as refused:
        services.fix_rectification(actor=tina, item=item, note="", upload=None, today=TODAY)
    assert refused.value.messages == ["请写明整改情况（做了什么、何时完成）。", "请上传整改后的照片。"]
    with pytest.raises(ValidationError):
        services.fix_rectification(actor=tina, item=item, note="已整改", upload=b"<script>alert(1)</script>",
                                   today=TODAY)
    item.refresh_from_db()
    assert item.state == "open" and item.photo_id is None and not OfficePhoto.objects.filter(subject="windows").exists()


def test_the_county_reopens_a_fix_that_is_not_enough_with_a_new_deadline(item, tina, county_officer):
    services.fix_rectification(actor=tina, item=item, note="挂了牌子", upload=png(), today=TODAY)
    reopened = services.reopen_rectification(actor=county_officer, item=item, note="窗口未配备人员", today=TODAY)
    assert (reopened.state, reopened.fixed_on, reopened.photo_id) == ("open", None, None)
    assert (reopened.reopened_times, reopened.reopen_note, reopened.due_on) == (1, "窗口未配备人员", TODAY + 30 * DAY)
    with pytest.raises(ValidationError):
        services.confirm_rectification(actor=county_officer, item=reopened, today=TODAY)


def test_the_county_does_not_record_the_fix_nor_the_township_confirm_it(item, tina, county_officer):
    with pytest.raises(PermissionDenied):
        services.fix_rectification(actor=county_officer, item=item, note="代为整改", upload=png(), today=TODAY)
    services.fix_rectification(actor=tina, item=item, note="已整改", upload=png(), today=TODAY)
    with pytest.raises(PermissionDenied):
        services.confirm_rectification(actor=tina, item=item, today=TODAY)


def test_a_village_item_is_fixed_by_the_township_above_it(tina, county_officer, village_assistant):
    village = office_services.office_for(actor=tina, region=Region.objects.get(code=VILLAGE), today=TODAY)
    findings = findings_as_recorded(village)
    findings["staff_count"] = {"result": "fails", "note": "只有1名协理员"}
    inspection = services.record_inspection(actor=county_officer, office=village, inspected_on=TODAY,
                                            findings=findings, today=TODAY)
    item = Rectification.objects.get(finding__inspection=inspection, finding__rule="staff_count")
    fixed = services.fix_rectification(actor=tina, item=item, note="增配1名协理员", upload=png(), today=TODAY)
    assert fixed.state == "fixed" and fixed.fixed_by == tina


def test_an_item_past_its_deadline_is_overdue_and_pending_for_the_township_and_the_county(item, tina, county_officer):
    assert item.due_on == TODAY - 10 * DAY
    assert list(selectors.rectifications_visible_to(county_officer, overdue_on=TODAY)) == [item]
    assert list(selectors.rectifications_visible_to(county_officer, overdue_on=item.due_on)) == []  # due that day
    township = {p.title: p for p in pending_work_for(tina)}["待整改的服务机构建设问题"]
    assert (township.count, township.overdue) == (1, 1)
    county = {p.title: p for p in pending_work_for(county_officer)}["逾期未整改的服务机构建设问题"]
    assert county.count == 1


def test_the_item_page_takes_the_photo_and_shows_it_to_the_county(client, item, tina, county_officer):
    login(client, tina)
    upload = SimpleUploadedFile("window.png", png(), content_type="image/png")
    response = client.post(f"/network/rectifications/{item.pk}/fix/",
                           {"fixed_on": TODAY.isoformat(), "note": "已增设窗口", "photo": upload}, follow=True)
    assert "已登记整改完成，待县(区)确认。" in response.content.decode()
    item.refresh_from_db()
    login(client, county_officer)
    page = client.get(f"/network/rectifications/{item.pk}/").content.decode()
    assert f"/network/offices/photos/{item.photo_id}/" in page and 'data-testid="rectification-confirm"' in page
    assert client.get(f"/network/offices/photos/{item.photo_id}/").status_code == 200
    office_services.add_window(actor=tina, office=item.office, kind="rural_pension", today=TODAY)
    client.post(f"/network/rectifications/{item.pk}/confirm/")
    item.refresh_from_db()
    assert item.state == "confirmed"


def test_a_fix_without_a_photo_on_the_page_says_what_to_do(client, item, tina):
    login(client, tina)
    response = client.post(f"/network/rectifications/{item.pk}/fix/", {"fixed_on": TODAY.isoformat(),
                                                                        "note": "已整改"})
    assert response.status_code == 200 and "请上传整改后的照片。" in response.content.decode()


def test_a_fix_the_office_record_does_not_show_cannot_be_confirmed_and_the_page_says_what_to_update(
        client, item, tina, county_officer):
    """The user trial: 缺… recorded fixed with a photo, but 维护建设情况 not changed: the rule still fails there, so
    the county cannot confirm it (the acceptance would be refused for it) and is told where to update it."""
    login(client, tina)
    page = client.get(f"/network/rectifications/{item.pk}/").content.decode()
    assert "未达标" in page and "请同时在" in page and f"/network/offices/{item.office_id}/edit/" in page
    upload = SimpleUploadedFile("window.png", png(), content_type="image/png")
    response = client.post(f"/network/rectifications/{item.pk}/fix/",
                           {"fixed_on": TODAY.isoformat(), "note": "已增设窗口", "photo": upload}, follow=True)
    assert "仍未达标：请同时在服务机构页面" in response.content.decode()
    item.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.confirm_rectification(actor=county_officer, item=item, today=TODAY)
    message = refused.value.messages[0]
    assert "“六个基本服务窗口”仍未达标" in message and "缺新农保经办" in message
    assert f"/network/offices/{item.office_id}/edit/" in message
    login(client, county_officer)
    response = client.post(f"/network/rectifications/{item.pk}/confirm/", follow=True)
    assert "不能确认整改到位" in response.content.decode()
    item.refresh_from_db()
    assert item.state == "fixed"
    office_services.add_window(actor=tina, office=item.office, kind="rural_pension", today=TODAY)
    page = client.get(f"/network/rectifications/{item.pk}/").content.decode()
    assert "已达标" in page
    assert services.confirm_rectification(actor=county_officer, item=item, today=TODAY).state == "confirmed"
