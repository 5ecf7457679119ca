"""The pages: the village's application form (person by ID number, photo upload), the 社保卡台账 and its .xlsx
(ID numbers masked), a card's page with its photo (in scope only), the hand-over and its printable receipt with the
签名 line, the county's batches (make one, numbers typed or from the returned file, arrival), the person panel, the
figures and the pending work."""

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hrss.core.pending import pending_work_for
from hrss.pensions.cards import figures, services
from hrss.pensions.cards.demo import sample_photo
from hrss.pensions.models import CardApplication, CardBatch
from tests.conftest import TODAY

from .conftest import DAY, apply, register


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_village_applies_with_a_photo(person, village_assistant):
    client = client_for(village_assistant)
    form = client.get(f"/pensions/cards/apply/?person={person.pk}")
    assert form.status_code == 200 and person.id_number in form.content.decode()
    response = client.post("/pensions/cards/apply/", {
        "id_number": person.id_number, "id_seen": "on",
        "photo": SimpleUploadedFile("me.jpg", sample_photo(), content_type="image/jpeg")}, follow=True)
    application = CardApplication.objects.get(person=person)
    assert response.redirect_chain[-1][0] == f"/pensions/cards/{application.pk}/"
    assert f"已受理{person.name}的社保卡首次申领申请" in response.content.decode()


def test_the_form_says_what_to_fix(person, village_assistant, neighbour_person):
    client = client_for(village_assistant)
    page = client.post("/pensions/cards/apply/", {
        "id_number": person.id_number,
        "photo": SimpleUploadedFile("me.jpg", b"not a picture", content_type="image/jpeg")}).content.decode()
    assert "请核验申领人本人的居民身份证原件" in page and "不是JPEG或PNG格式的照片" in page
    page = client.post("/pensions/cards/apply/", {"id_number": neighbour_person.id_number, "id_seen": "on"})
    assert "本辖区的人员台账中没有公民身份号码为" in page.content.decode()
    assert not CardApplication.objects.exists()


def test_the_photo_is_served_only_within_scope(person, village_assistant, neighbour_village_assistant,
                                               neighbour_county_officer, county_officer):
    application = apply(village_assistant, person)
    response = client_for(village_assistant).get(f"/pensions/cards/{application.pk}/photo/")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"] and response.content[:2] == b"\xff\xd8"
    assert client_for(county_officer).get(f"/pensions/cards/{application.pk}/photo/").status_code == 200
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client = client_for(outsider)
        assert client.get(f"/pensions/cards/{application.pk}/photo/").status_code == 404
        assert client.get(f"/pensions/cards/{application.pk}/").status_code == 404
    assert Client().get(f"/pensions/cards/{application.pk}/photo/").status_code == 302  # to the login page


def test_hand_over_page_then_the_receipt_to_sign(arrived, village_assistant):
    client = client_for(village_assistant)
    assert "发放并打印回执" in client.get(f"/pensions/cards/{arrived.pk}/").content.decode()
    page = client.post(f"/pensions/cards/{arrived.pk}/handover/", {"received_by": "孙代领", "on": TODAY.isoformat()})
    assert "代领须填写代领人与本人的关系" in page.content.decode()
    response = client.post(f"/pensions/cards/{arrived.pk}/handover/", {
        "received_by": "孙代领", "relation": "女儿", "on": TODAY.isoformat()}, follow=True)
    receipt = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/pensions/cards/{arrived.pk}/receipt/"
    assert "社会保障卡领取回执" in receipt and "领取人签名" in receipt and "孙代领（代领，与持卡人关系：女儿）" in receipt
    assert arrived.card_number in receipt and arrived.person.id_number not in receipt
    assert arrived.person.masked_id_number in receipt


def test_activate_and_loss_from_the_card_page(arrived, village_assistant):
    services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name, on=TODAY,
                       today=TODAY)
    client = client_for(village_assistant)
    page = client.post(f"/pensions/cards/{arrived.pk}/activate/", {"activate-on": (TODAY - DAY).isoformat()})
    assert "激活日期" in page.content.decode() and "早于领取日期" in page.content.decode()
    client.post(f"/pensions/cards/{arrived.pk}/activate/", {"activate-on": TODAY.isoformat()})
    assert CardApplication.objects.get(pk=arrived.pk).state == "active"
    response = client.post(f"/pensions/cards/{arrived.pk}/loss/", {"loss-on": TODAY.isoformat()}, follow=True)
    assert "申请补领" in response.content.decode()
    assert CardApplication.objects.get(pk=arrived.pk).state == "lost"


def test_ledger_filters_pages_and_exports_masked(arrived, person, village_assistant, county_officer):
    client = client_for(county_officer)
    page = client.get("/pensions/cards/", {"state": "arrived"}).content.decode()
    assert person.name in page and arrived.card_number in page
    assert person.name not in client.get("/pensions/cards/", {"state": "waiting"}).content.decode()
    assert person.name in client.get("/pensions/cards/", {"batch": arrived.batch_id}).content.decode()
    export = client.get("/pensions/cards/export/", {"state": "arrived"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row]
    assert person.masked_id_number in cells and person.id_number not in cells and "已到达网点" in cells
    assert export["Cache-Control"] == "no-store"


def test_batches_page_makes_a_batch_and_records_numbers_and_arrival(person, village_assistant, county_officer):
    application = apply(village_assistant, person, today=TODAY - 3 * DAY)
    client = client_for(county_officer)
    page = client.get("/pensions/cards/batches/").content.decode()
    assert "本县(区)待组批制卡的申领：<strong>1</strong>" in page and "组批送制" in page
    response = client.post("/pensions/cards/batches/make/", {"region": "441602000000"}, follow=True)
    batch = CardBatch.objects.get()
    assert response.redirect_chain[-1][0] == f"/pensions/cards/batches/{batch.pk}/"
    page = client.post(f"/pensions/cards/batches/{batch.pk}/made/", {f"number-{application.pk}": "bad"})
    assert "格式不对" in page.content.decode() and 'value="bad"' in page.content.decode()
    client.post(f"/pensions/cards/batches/{batch.pk}/made/", {f"number-{application.pk}": "E00000001"})
    assert CardApplication.objects.get(pk=application.pk).card_number == "E00000001"
    client.post(f"/pensions/cards/batches/{batch.pk}/arrival/", {"arrival-on": TODAY.isoformat()})
    assert CardApplication.objects.get(pk=application.pk).state == "arrived"


def test_numbers_from_the_makers_returned_file(person, village_assistant, county_officer):
    application = apply(village_assistant, person)
    batch = services.make_batch(actor=county_officer, county_code="441602000000", today=TODAY)
    text = f"姓名,公民身份号码,社保卡号\n{person.name},{person.id_number},F00000001\n其他人,441602199001011234,F00000002\n"
    response = client_for(county_officer).post(f"/pensions/cards/batches/{batch.pk}/made/", {
        "file": SimpleUploadedFile("返回.csv", text.encode("utf-8"), content_type="text/csv")})
    assert "第3行：公民身份号码不是本批次待制卡的申领人。" in response.content.decode()
    assert CardApplication.objects.get(pk=application.pk).state == "in_batch"  # nothing written
    good = text.rsplit("其他人", 1)[0]
    client_for(county_officer).post(f"/pensions/cards/batches/{batch.pk}/made/", {
        "file": SimpleUploadedFile("返回.csv", good.encode("utf-8"), content_type="text/csv")})
    assert CardApplication.objects.get(pk=application.pk).card_number == "F00000001"


def test_person_panel_shows_the_card_and_its_history(arrived, village_assistant):
    services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name, on=TODAY,
                       today=TODAY)
    services.report_loss(actor=village_assistant, application=arrived, on=TODAY, today=TODAY)
    page = client_for(village_assistant).get(reverse("residents:person-detail", args=[arrived.person.pk])).content.decode()
    assert 'data-testid="cards-panel"' in page and "已挂失" in page and "申请补领" in page


def test_figures_and_pending_work(arrived, person, village_assistant, county_officer, heyuan):
    village = heyuan[person.region_code]
    assert figures.arrived(village_assistant, village, TODAY) == 1
    assert figures.waiting(village_assistant, village, TODAY) == 0
    titles = {item.title: item.count for item in pending_work_for(village_assistant)}
    assert titles.get("已到达网点待领取的社保卡") == 1
    other = apply(village_assistant, register(village_assistant, "孙待组批", serial=31))
    assert other.state == "applied"
    county = {item.title: item.count for item in pending_work_for(county_officer)}
    assert county.get("待组批制卡的社保卡申领") == 1
    assert "待组批制卡的社保卡申领" not in {item.title for item in pending_work_for(village_assistant)}


def test_batch_page_file_is_optional_so_typed_numbers_can_be_saved(person, village_assistant, county_officer):
    application = apply(village_assistant, person)
    batch = services.make_batch(actor=county_officer, county_code="441602000000", today=TODAY)
    client = client_for(county_officer)
    page = client.get(f"/pensions/cards/batches/{batch.pk}/").content.decode()
    file_input = next(tag for tag in page.split("<input") if 'type="file"' in tag)
    assert " required" not in file_input.split(">")[0]
    page = client.post(f"/pensions/cards/batches/{batch.pk}/made/", {f"number-{application.pk}": ""}).content.decode()
    assert "请至少填写一张卡的卡号，或选择制卡返回文件。" in page
    client.post(f"/pensions/cards/batches/{batch.pk}/made/", {f"number-{application.pk}": "E00000002"})
    assert CardApplication.objects.get(pk=application.pk).card_number == "E00000002"
