"""What the trial asked for: the village that received a petition follows it after 上报 (read only, on its ledger's
"本站登记、已上报的", the neighbouring village still 404); the township's 待办 names its new petitions and those whose
inspection case is concluded, not the ones a village still holds ("等待村(社区)上报"); the printable paper offered
is the current one; the ledger's first columns are the number, the state and the due date."""

import datetime
import io

import openpyxl
from django.test import Client

from hrss.supervision.inspection import services as inspection_services
from hrss.supervision.models import InspectionCase
from hrss.supervision.petitions import services
from tests.conftest import TODAY
from tests.supervision.inspection.conftest import inspector  # noqa: F401 (fixture)
from tests.supervision.petitions.conftest import accepted, at_township, make_petition, replied


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def pending_on_home(user):
    page = logged_in(user).get("/").content.decode()
    return page.split('data-testid="pending"', 1)[1].split("</div>", 1)[0]


def test_after_forwarding_up_the_village_goes_back_to_its_ledger_and_keeps_a_read_only_view(
        heyuan, village_assistant, neighbour_village_assistant):
    petition = make_petition(village_assistant, received_on=TODAY)
    client = logged_in(village_assistant)
    done = client.post(f"/supervision/petitions/{petition.pk}/forward-up/", {"level": "4", "note": "欠薪"},
                       follow=True)
    assert done.status_code == 200 and done.redirect_chain[-1][0] == "/supervision/petitions/?held=received"
    page = done.content.decode()
    assert f"已将信访件{petition.number}上报" in page and "上城街道" in page and petition.number in page
    assert "本站登记、已上报的" in page
    # its page: 200, read only, the state shown, no form to act with
    detail = client.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert 'data-testid="petition-read-only"' in detail and "待受理" in detail
    assert "petition-forward-form" not in detail and "petition-decide-form" not in detail
    assert client.get(f"/supervision/petitions/{petition.pk}/receipt/").status_code == 200
    # acting on it is still refused (it is the township's now)
    assert client.post(f"/supervision/petitions/{petition.pk}/forward-up/", {"level": "3"}).status_code == 404
    # the default ledger (held in the village) no longer lists it; the .xlsx of 本站登记、已上报的 does
    assert petition.number not in client.get("/supervision/petitions/").content.decode()
    export = client.get("/supervision/petitions/export.xlsx", {"held": "received"})
    rows = list(openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert any(row[0] == petition.number for row in rows)
    # the neighbouring village: nothing, by either code
    outsider = logged_in(neighbour_village_assistant)
    assert outsider.get(f"/supervision/petitions/{petition.pk}/").status_code == 404
    assert outsider.get(f"/supervision/petitions/{petition.pk}/receipt/").status_code == 404
    assert petition.number not in outsider.get("/supervision/petitions/", {"held": "received"}).content.decode()


def test_the_village_follows_the_decision_the_reply_and_the_inspection_outcome(
        heyuan, village_assistant, township_officer, inspector):  # noqa: F811
    petition = at_township(village_assistant, received_on=TODAY)
    services.forward_to_inspection(actor=township_officer, petition=petition, today=TODAY)
    case = InspectionCase.objects.get(petition=petition)
    inspection_services.accept_case(actor=inspector, case=case, today=TODAY)
    inspection_services.open_case(actor=inspector, case=case, today=TODAY)
    inspection_services.conclude_case(actor=inspector, case=case, result="工资已结清。", today=TODAY)
    detail = logged_in(village_assistant).get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "已转送" in detail and f"监察案件 {case.number}" in detail and "结案" in detail
    assert "petition-reply-form" not in detail


def test_the_township_is_told_of_its_new_petitions_not_of_those_a_village_holds(
        heyuan, village_assistant, township_officer):
    at_village = make_petition(village_assistant, received_on=TODAY - datetime.timedelta(days=14),
                               today=TODAY - datetime.timedelta(days=14), petitioner_name="李村里",
                               petitioner_phone="13900000009")  # due within 3 days, but still at the village
    pending = pending_on_home(township_officer)
    assert "新收待受理" not in pending and "日内到期或已超期的信访件" not in pending
    page = logged_in(township_officer).get(f"/supervision/petitions/{at_village.pk}/").content.decode()
    assert "等待村(社区)上报" in page and "petition-decide-form" not in page
    assert "等待村(社区)上报" in logged_in(township_officer).get("/supervision/petitions/").content.decode()
    new = at_township(village_assistant, received_on=TODAY)
    pending = pending_on_home(township_officer)
    assert "新收待受理的信访件" in pending and "日内到期或已超期的信访件" not in pending
    listed = logged_in(township_officer).get("/supervision/petitions/?held=here&state=received").content.decode()
    assert new.number in listed and at_village.number not in listed


def test_a_concluded_inspection_case_asks_the_township_to_reply(heyuan, village_assistant, township_officer,
                                                                inspector):  # noqa: F811
    petition = at_township(village_assistant, received_on=TODAY)
    services.forward_to_inspection(actor=township_officer, petition=petition, today=TODAY)
    assert "监察已结案" not in pending_on_home(township_officer)
    case = InspectionCase.objects.get(petition=petition)
    waiting = logged_in(township_officer).get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert f"已转劳动保障监察（监察案件 {case.number}，待受理），监察结案后答复信访人" in waiting
    inspection_services.accept_case(actor=inspector, case=case, today=TODAY)
    inspection_services.open_case(actor=inspector, case=case, today=TODAY)
    inspection_services.conclude_case(actor=inspector, case=case, result="工资已结清。", today=TODAY)
    assert "监察已结案，待答复信访人" in pending_on_home(township_officer)
    client = logged_in(township_officer)
    listed = client.get("/supervision/petitions/?held=here&awaiting=reply").content.decode()
    assert petition.number in listed
    detail = client.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "监察已结案，待答复信访人" in detail and "petition-reply-form" in detail
    assert f"监察案件 {case.number}" in detail


def test_the_paper_offered_is_the_current_one(heyuan, village_assistant, township_officer):
    received = at_township(village_assistant, received_on=TODAY)
    client = logged_in(township_officer)
    assert "受理告知单（打印）" in client.get(f"/supervision/petitions/{received.pk}/").content.decode()
    busy = accepted(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY,
                    petitioner_name="王办理", petitioner_phone="13700000007")
    page = client.get(f"/supervision/petitions/{busy.pk}/").content.decode()
    assert "受理告知单" not in page and "受理告知书（打印）" in page
    paper = client.get(f"/supervision/petitions/{busy.pk}/receipt/").content.decode()
    assert "信访事项受理告知书" in paper and "决定是否受理" not in paper and "办结并书面答复您" in paper
    done = replied(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY, replied_on=TODAY,
                   petitioner_name="赵答复", petitioner_phone="13600000006")
    assert "答复意见书（打印）" in client.get(f"/supervision/petitions/{done.pk}/").content.decode()


def test_the_ledger_shows_number_state_and_due_first_and_truncates_the_subject(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=TODAY, subject="某制衣厂拖欠2个月工资" * 4)
    page = logged_in(village_assistant).get("/supervision/petitions/").content.decode()
    head = page.split('data-testid="petitions-ledger"', 1)[1].split("</thead>", 1)[0]
    assert head.index("编号") < head.index("状态") < head.index("期限") < head.index("信访人") < head.index("事由")
    assert f'title="{petition.subject}"' in page and "text-truncate" in page


def test_the_printed_receipt_says_a_provisional_due_is_provisional(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=datetime.date(2026, 12, 20))  # due in 2027, not loaded
    paper = logged_in(village_assistant).get(f"/supervision/petitions/{petition.pk}/receipt/").content.decode()
    assert "2027年1月4日前；该日期暂按自然日计算" in paper and "以届时核定的日期为准" in paper
