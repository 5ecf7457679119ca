"""The pages a village assistant uses: find the person by ID number, the intake form with the checklist and the
tiers in force (refusal reasons shown before anything is typed), the enrolment page's actions, the 参保台账 and its
.xlsx with masked ID numbers, the person page's panel, and the pending work."""

import datetime
import io

import openpyxl

from hrss.core.id_numbers import mask
from hrss.pensions.models import Enrolment
from tests.conftest import TODAY, login
from tests.pensions.enrolment.conftest import enrol, make_person


def test_intake_through_the_pages(client, resident, village_assistant):
    login(client, village_assistant)
    found = client.get("/pensions/enrolment/new/", {"id_number": resident.id_number.lower()})
    assert found.status_code == 302 and found["Location"].endswith(f"/pensions/enrolment/new/{resident.pk}/")
    form = client.get(found["Location"]).content.decode()
    assert "城乡居民基本养老保险" in form and "户口簿（原件及复印件）" in form and "4800 元/年" in form
    done = client.post(found["Location"], {"tier": "600", "documents": ["id_card", "hukou"],
                                           "received_on": TODAY.isoformat()}, follow=True)
    page = done.content.decode()
    assert "一次性告知" in page and "城乡居民养老保险参保登记表" in page and "待补齐材料" in page
    enrolment = Enrolment.objects.get(person=resident)
    completed = client.post(f"/pensions/enrolment/{enrolment.pk}/documents/",
                            {"documents": ["form"], "received_on": TODAY.isoformat()}, follow=True)
    assert "参保登记已办结" in completed.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.state == "active"


def test_the_refusal_is_shown_before_the_form(client, heyuan, village_assistant):
    student = make_person(village_assistant, status="student", age=17, serial=610)
    login(client, village_assistant)
    page = client.get(f"/pensions/enrolment/new/{student.pk}/").content.decode()
    assert "不能办理参保登记" in page and "在校学生" in page and "办理参保登记</button>" not in page


def test_the_ledger_and_its_export_mask_id_numbers(client, enrolled, resident, village_assistant):
    login(client, village_assistant)
    page = client.get("/pensions/enrolment/", {"state": "active"}).content.decode()
    assert resident.name in page and mask(resident.id_number) in page and resident.id_number not in page
    assert resident.name not in client.get("/pensions/enrolment/", {"state": "pending"}).content.decode()
    response = client.get("/pensions/enrolment/export.xlsx", {"region": "441602001003"})
    cells = [str(c.value) for row in openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows()
             for c in row]
    assert mask(resident.id_number) in cells and resident.id_number not in cells and "参保缴费" in cells


def test_the_person_panel_shows_the_enrolment(client, enrolled, resident, village_assistant):
    login(client, village_assistant)
    page = client.get(f"/residents/{resident.pk}/").content.decode()
    assert 'data-testid="enrolment-panel"' in page and "参保缴费" in page and f"/pensions/enrolment/{enrolled.pk}/" in page


def test_the_panel_offers_enrolment_or_says_why_not(client, heyuan, village_assistant):
    young = make_person(village_assistant, age=15, serial=620, status="other")
    adult = make_person(village_assistant, serial=622, name="黄")
    login(client, village_assistant)
    assert "未满16周岁" in client.get(f"/residents/{young.pk}/").content.decode()
    assert f"/pensions/enrolment/new/{adult.pk}/" in client.get(f"/residents/{adult.pk}/").content.decode()


def test_the_detail_page_actions(client, enrolled, village_assistant):
    login(client, village_assistant)
    page = client.get(f"/pensions/enrolment/{enrolled.pk}/").content.decode()
    assert "当天办结" in page and "变更缴费档次" in page and "办理转出" in page and "终止参保" in page
    refused = client.post(f"/pensions/enrolment/{enrolled.pk}/transfer/", {"on": TODAY.isoformat(),
                                                                           "destination_note": ""})
    assert refused.status_code == 200 and "转往何地" in refused.content.decode()
    client.post(f"/pensions/enrolment/{enrolled.pk}/tier/", {"tier": "1200"})
    enrolled.refresh_from_db()
    assert enrolled.tier == 1200


def test_pending_work_for_documents_waiting_too_long(client, resident, village_assistant):
    enrol(village_assistant, resident, documents=["id_card"], received_on=TODAY - datetime.timedelta(days=20))
    login(client, village_assistant)
    page = client.get("/").content.decode()
    assert "待补齐材料的参保登记" in page
