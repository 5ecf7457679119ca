"""The pages: a village assistant records a petition on the intake form (told in Chinese what is missing, asked
about a repeat), carries it up; the township officer decides, replies; the 信访台账's filters and .xlsx (ID numbers
masked); the printable notice with the rating code; out of scope is 404."""

import datetime
import io

import openpyxl
from django.test import Client

from hrss.residents.demo import id_number_for
from hrss.supervision.models import Petition, PetitionState
from hrss.supervision.petitions import figures
from tests.conftest import TODAY, TOWNSHIP, VILLAGE
from tests.supervision.petitions.conftest import accepted, at_township, make_petition

ID_NUMBER = id_number_for("441602", datetime.date(1985, 4, 1), 133)
FORM = {"received_on": str(TODAY), "channel": "visit", "category": "wages", "petitioner_name": "张三",
        "petitioner_phone": "13800000002", "subject": "某制衣厂拖欠2个月工资", "summary": "2个月工资共8600元未发。",
        "employer_name": "河源市某制衣厂", "workers_count": "1", "amount_claimed": "8600"}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_intake_form_says_what_is_missing(heyuan, village_assistant):
    client = logged_in(village_assistant)
    page = client.get("/supervision/petitions/new/").content.decode()
    assert "登记信访事项" in page and "下城社区" in page
    response = client.post("/supervision/petitions/new/", {**FORM, "petitioner_name": "", "employer_name": "",
                                                           "petitioner_phone": ""})
    text = response.content.decode()
    assert response.status_code == 200 and "请填写信访人姓名。" in text
    assert not Petition.objects.exists()
    response = client.post("/supervision/petitions/new/", {**FORM, "employer_name": "", "petitioner_phone": ""})
    text = response.content.decode()
    assert "欠薪信访须写明欠薪单位" in text and "请填写信访人的联系电话或住址" in text
    assert not Petition.objects.exists()


def test_a_village_assistant_records_and_carries_up_a_wages_petition(heyuan, village_assistant):
    client = logged_in(village_assistant)
    response = client.post("/supervision/petitions/new/", FORM)
    petition = Petition.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/supervision/petitions/{petition.pk}/"
    assert petition.region_code == VILLAGE and petition.received_by == village_assistant
    page = client.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert petition.number in page and "受理期限" in page and "上报" in page and "保存决定" not in page
    receipt = client.get(f"/supervision/petitions/{petition.pk}/receipt/").content.decode()
    assert "信访事项受理告知单" in receipt and petition.number in receipt
    assert f"{petition.accept_due.year}年{petition.accept_due.month}月{petition.accept_due.day}日前" in receipt
    done = client.post(f"/supervision/petitions/{petition.pk}/forward-up/", {"level": "4", "note": "欠薪"})
    assert done.status_code == 302 and done["Location"] == "/supervision/petitions/?held=received"
    petition.refresh_from_db()
    assert petition.region_code == TOWNSHIP
    # Now the township's: the village assistant follows it read only (test_follow_up.py).
    page = client.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert 'data-testid="petition-read-only"' in page and "petition-forward-form" not in page


def test_a_repeat_is_asked_about_before_it_is_recorded(heyuan, village_assistant):
    first = make_petition(village_assistant, received_on=TODAY, petitioner_id_number=ID_NUMBER)
    client = logged_in(village_assistant)
    asked = client.post("/supervision/petitions/new/", {**FORM, "petitioner_id_number": ID_NUMBER})
    text = asked.content.decode()
    assert asked.status_code == 200 and "请选择本次是否为重复信访" in text and first.number in text
    assert Petition.objects.count() == 1
    done = client.post("/supervision/petitions/new/", {**FORM, "petitioner_id_number": ID_NUMBER,
                                                       "repeat_checked": "1", "repeat_of": str(first.pk)})
    assert done.status_code == 302
    assert Petition.objects.exclude(pk=first.pk).get().repeat_of == first


def test_the_township_officer_decides_refuses_a_bad_extension_and_replies(heyuan, village_assistant,
                                                                          township_officer, township_reviewer):
    petition = at_township(village_assistant, received_on=TODAY)
    client = logged_in(township_officer)
    page = client.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "保存决定" in page and "转劳动保障监察" in page
    missing = client.post(f"/supervision/petitions/{petition.pk}/decide/", {"decision": "not_accept",
                                                                           "decided_on": str(TODAY)})
    assert missing.status_code == 200 and "不予受理的，请填写理由" in missing.content.decode()
    client.post(f"/supervision/petitions/{petition.pk}/decide/", {"decision": "accept", "decided_on": str(TODAY)})
    petition.refresh_from_db()
    assert petition.state == PetitionState.ACCEPTED
    too_long = logged_in(township_reviewer).post(f"/supervision/petitions/{petition.pk}/extend/",
                                                 {"days": "45", "reason": "复杂"})
    assert "延长期限不得超过30日" in too_long.content.decode()
    no_reply = client.post(f"/supervision/petitions/{petition.pk}/reply/", {"text": "", "replied_on": str(TODAY)})
    assert "不能没有答复就办结" in no_reply.content.decode()
    petition.refresh_from_db()
    assert petition.state == PetitionState.ACCEPTED and petition.extension_days is None
    client.post(f"/supervision/petitions/{petition.pk}/reply/", {"text": "单位已支付工资8600元。",
                                                                 "replied_on": str(TODAY)})
    petition.refresh_from_db()
    assert petition.state == PetitionState.REPLIED
    receipt = client.get(f"/supervision/petitions/{petition.pk}/receipt/").content.decode()
    assert "信访事项答复意见书" in receipt and "单位已支付工资8600元。" in receipt
    assert 'data-testid="rating-code"' in receipt


def test_the_petition_page_shows_the_history_and_days_left(heyuan, village_assistant, township_officer):
    petition = accepted(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY)
    page = logged_in(township_officer).get(f"/supervision/petitions/{petition.pk}/").content.decode()
    left = (petition.handle_due - TODAY).days
    assert f"还有{left}日" in page
    assert "办理记录" in page and "登记" in page and "上报" in page and "受理" in page


def test_the_ledger_filters_and_its_xlsx_masks_id_numbers(heyuan, village_assistant, township_officer):
    wages = make_petition(village_assistant, received_on=TODAY, petitioner_id_number=ID_NUMBER)
    make_petition(village_assistant, received_on=TODAY, category="injury", petitioner_name="李工伤",
                  petitioner_phone="13900000009", employer_name="")
    client = logged_in(township_officer)
    page = client.get("/supervision/petitions/").content.decode()
    assert wages.number in page and "李工伤" in page and "下城社区" in page
    only_wages = client.get("/supervision/petitions/", {"category": "wages"}).content.decode()
    assert "张三" in only_wages and "李工伤" not in only_wages
    month = client.get("/supervision/petitions/", {"month": f"{TODAY:%Y-%m}"}).content.decode()
    assert "张三" in month
    other_month = client.get("/supervision/petitions/", {"month": "2019-01"}).content.decode()
    assert "张三" not in other_month
    assert "张三" not in client.get("/supervision/petitions/", {"overdue": "1"}).content.decode()
    export = client.get("/supervision/petitions/export.xlsx", {"region": VILLAGE})
    cells = [cell for row in openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
             for cell in row]
    assert ID_NUMBER not in cells and wages.masked_id_number in cells and wages.number in cells
    assert export["Cache-Control"] == "no-store"


def test_an_overdue_petition_is_flagged_on_the_ledger(heyuan, village_assistant):
    received = TODAY - datetime.timedelta(days=40)
    petition = make_petition(village_assistant, received_on=received, today=received)
    page = logged_in(village_assistant).get("/supervision/petitions/", {"overdue": "1"}).content.decode()
    assert petition.number in page and "已超期" in page


def test_out_of_scope_is_404(heyuan, village_assistant, neighbour_village_assistant, neighbour_county_officer):
    petition = make_petition(village_assistant, received_on=TODAY)
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client = logged_in(outsider)
        assert client.get(f"/supervision/petitions/{petition.pk}/").status_code == 404
        assert client.get(f"/supervision/petitions/{petition.pk}/receipt/").status_code == 404
        assert client.post(f"/supervision/petitions/{petition.pk}/forward-up/", {"level": "4"}).status_code == 404
        assert client.get("/supervision/petitions/", {"region": VILLAGE}).status_code == 404
        assert "张三" not in client.get("/supervision/petitions/").content.decode()
    petition.refresh_from_db()
    assert petition.region_code == VILLAGE


def test_the_pending_work_names_petitions_due_within_3_days_or_overdue(heyuan, village_assistant):
    from hrss.supervision.petitions.pending import due_petitions

    make_petition(village_assistant, received_on=TODAY)  # due in 15 days or more: not yet
    assert due_petitions(village_assistant) == []
    received = TODAY - datetime.timedelta(days=20)
    late = make_petition(village_assistant, received_on=received, today=received, petitioner_name="李超期",
                         petitioner_phone="13900000009")
    [item] = due_petitions(village_assistant)
    assert (item.count, item.overdue) == (1, 1)
    listed = logged_in(village_assistant).get(item.url).content.decode()
    assert late.number in listed and "李超期" in listed and "张三" not in listed


def test_the_statistics_page_counts_petitions_per_region(heyuan, village_assistant, township_officer):
    received = TODAY - datetime.timedelta(days=40)
    make_petition(village_assistant, received_on=received, today=received)  # overdue by now, open
    at_township(village_assistant, received_on=TODAY, category="injury", employer_name="")
    page = logged_in(township_officer).get("/supervision/statistics/").content.decode()
    assert "本年收到信访件" in page and "超期信访件" in page and "本年欠薪信访件" in page
    village, township = heyuan[VILLAGE], heyuan[TOWNSHIP]
    same_year = int(received.year == TODAY.year)
    assert figures.received(township_officer, township, TODAY) == 1 + same_year
    # 收到 stays with the office that received it: both were received at the village, one carried up since.
    assert figures.received(township_officer, village, TODAY) == 1 + same_year
    assert figures.open_now(township_officer, township, TODAY) == 2
    assert figures.overdue(township_officer, township, TODAY) == 1
    assert figures.overdue(township_officer, village, TODAY) == 1
    assert figures.wages(township_officer, township, TODAY) == same_year
    ledger = logged_in(township_officer).get("/supervision/petitions/", {"period": "year", "category": "wages",
                                                                         "region": VILLAGE}).content.decode()
    assert ("张三" in ledger) is (received.year == TODAY.year)


def test_the_petition_page_links_the_inspection_case(heyuan, village_assistant, township_officer):
    from hrss.supervision.models import InspectionCase

    petition = at_township(village_assistant, received_on=TODAY)
    client = logged_in(township_officer)
    assert client.post(f"/supervision/petitions/{petition.pk}/inspection/", {"confirm": "on"}).status_code == 302
    case = InspectionCase.objects.get(petition=petition)
    page = client.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert f"/supervision/inspection/{case.pk}/" in page and case.number in page
    # What the page promises: the reply comes after the inspection case is concluded, so no reply form before.
    assert "监察结案后答复信访人" in page and "petition-reply-form" not in page


def test_review_and_recheck_on_the_pages(heyuan, village_assistant, township_officer, county_officer, city_admin):
    from tests.supervision.petitions.conftest import replied

    petition = replied(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY, replied_on=TODAY)
    assert "登记复查请求" not in logged_in(township_officer).get(
        f"/supervision/petitions/{petition.pk}/").content.decode()
    county = logged_in(county_officer)
    page = county.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "登记复查请求（由源城区复查）" in page
    county.post(f"/supervision/petitions/{petition.pk}/review-request/", {"requested_on": str(TODAY),
                                                                         "text": "对答复不服"})
    page = county.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "保存复查意见" in page and "复查期限" in page
    empty = county.post(f"/supervision/petitions/{petition.pk}/review/", {"opinion": "", "decided_on": str(TODAY)})
    assert "请填写复查意见" in empty.content.decode()
    county.post(f"/supervision/petitions/{petition.pk}/review/", {"opinion": "维持原答复。", "decided_on": str(TODAY)})
    city = logged_in(city_admin)
    assert "登记复核请求（由河源市复核）" in city.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    city.post(f"/supervision/petitions/{petition.pk}/recheck-request/", {"requested_on": str(TODAY), "text": "仍不服"})
    city.post(f"/supervision/petitions/{petition.pk}/recheck/", {"opinion": "维持复查意见。", "decided_on": str(TODAY)})
    petition.refresh_from_db()
    assert petition.state == PetitionState.RECHECKED and petition.recheck_opinion == "维持复查意见。"
    history = city.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "请求复查" in history and "复核意见" in history
