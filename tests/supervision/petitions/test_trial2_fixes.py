"""Re-test findings: only the office a 复查 / 复核 was asked of records its opinion (not the city above the county);
the 延期告知书 says the 30 days run from the original due date and the 受理告知书 can still be printed; the repeat
check also asks about petitions received here and since held above; the 复查意见书 names the offices and does not
say "经复查" twice; the 信访台账 .xlsx gives every date as a date."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from hrss.core.models import AuditEntry
from hrss.supervision.models import Petition, PetitionState
from hrss.supervision.petitions import services
from tests.conftest import TODAY
from tests.supervision.petitions.conftest import accepted, replied
from tests.supervision.petitions.test_api import BODY, call
from tests.supervision.petitions.test_pages import FORM


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def chinese_day(day):
    return f"{day.year}年{day.month}月{day.day}日"


def _under_review(village_assistant, township_officer, county_officer):
    petition = replied(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY, replied_on=TODAY)
    return services.request_review(actor=county_officer, petition=petition, requested_on=TODAY,
                                   text="对答复不服，工资未足额支付", today=TODAY)


def test_the_city_does_not_record_the_countys_review_opinion(heyuan, village_assistant, township_officer,
                                                             county_officer, city_admin):
    petition = _under_review(village_assistant, township_officer, county_officer)
    with pytest.raises(PermissionDenied) as refused:
        services.decide_review(actor=city_admin, petition=petition, opinion="x by city", decided_on=TODAY,
                               today=TODAY)
    assert "复查意见由受理复查请求的源城区作出并登记" in str(refused.value)
    assert AuditEntry.objects.filter(action="supervision.petitions.decide_review", actor=city_admin,
                                     outcome=AuditEntry.Outcome.DENIED).exists()
    city = logged_in(city_admin)
    page = city.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "petition-review-form" not in page
    posted = city.post(f"/supervision/petitions/{petition.pk}/review/", {"opinion": "x by city",
                                                                         "decided_on": str(TODAY)})
    assert posted.status_code == 403 and "不能代为作出复查意见" in posted.content.decode()
    api = call(city_admin, "post", f"/supervision/petitions/{petition.pk}/review",
               {"opinion": "x by city", "decided_on": str(TODAY)})
    assert api.status_code == 403 and "不能代为作出复查意见" in api.json()["detail"]
    petition.refresh_from_db()
    assert petition.state == PetitionState.REVIEW and petition.review_opinion == ""
    # the county the review was asked of records it (the page offers the form; the API answers 200)
    assert "petition-review-form" in logged_in(county_officer).get(
        f"/supervision/petitions/{petition.pk}/").content.decode()
    done = call(county_officer, "post", f"/supervision/petitions/{petition.pk}/review",
                {"opinion": "维持原答复。", "decided_on": str(TODAY)})
    assert done.status_code == 200 and done.json()["state"] == PetitionState.REVIEWED


def test_only_the_city_records_its_recheck_opinion(heyuan, village_assistant, township_officer, county_officer,
                                                   city_admin):
    petition = _under_review(village_assistant, township_officer, county_officer)
    services.decide_review(actor=county_officer, petition=petition, opinion="维持原答复。", decided_on=TODAY,
                           today=TODAY)
    services.request_recheck(actor=city_admin, petition=petition, requested_on=TODAY, text="仍不服", today=TODAY)
    api = call(county_officer, "post", f"/supervision/petitions/{petition.pk}/recheck",
               {"opinion": "x by county", "decided_on": str(TODAY)})
    assert api.status_code == 404  # held by the city now: out of the county's scope
    assert Petition.objects.get(pk=petition.pk).recheck_opinion == ""
    done = call(city_admin, "post", f"/supervision/petitions/{petition.pk}/recheck",
                {"opinion": "维持复查意见。", "decided_on": str(TODAY)})
    assert done.status_code == 200 and done.json()["state"] == PetitionState.RECHECKED


def test_the_extension_notice_counts_from_the_original_due_and_the_acceptance_notice_stays(
        heyuan, village_assistant, township_officer, township_reviewer, county_approver):
    petition = accepted(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY)
    with pytest.raises(PermissionDenied) as refused:
        services.extend(actor=county_approver, petition=petition, days=30, reason="x", today=TODAY)
    message = str(refused.value)
    assert "上城街道负责人（上城街道的乡镇(街道)审核员）" in message
    assert "县(区)审批员" not in message and "市管理员" not in message
    first_due = petition.handle_due
    services.extend(actor=township_reviewer, petition=petition, days=30, reason="需调取工资台账，核实后答复。",
                    today=TODAY)
    petition.refresh_from_db()
    assert petition.handle_due >= first_due + datetime.timedelta(days=30)  # counted from the original due
    clerk = logged_in(township_officer)
    receipt = clerk.get(f"/supervision/petitions/{petition.pk}/receipt/").content.decode()
    assert (f"办理期限延长30日，由原办理期限{chinese_day(first_due)}延至{chinese_day(petition.handle_due)}"
            in receipt)
    assert "需调取工资台账，核实后答复，经本机关负责人" in receipt and "。，" not in receipt
    assert "起延长" not in receipt
    page = clerk.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "受理告知书（打印）" in page and "延期告知书（打印）" in page
    again = clerk.get(f"/supervision/petitions/{petition.pk}/receipt/", {"paper": "accept"}).content.decode()
    assert "信访事项受理告知书" in again and f"将于{chinese_day(first_due)}前办结" in again
    assert "延期" not in again.split('data-testid="petition-receipt"', 1)[1]


def test_the_village_is_asked_about_a_petition_it_carried_up(heyuan, village_assistant, township_officer,
                                                             county_officer):
    earlier = _under_review(village_assistant, township_officer, county_officer)
    services.decide_review(actor=county_officer, petition=earlier, opinion="维持原答复。", decided_on=TODAY,
                           today=TODAY)
    client = logged_in(village_assistant)
    asked = client.post("/supervision/petitions/new/", FORM).content.decode()
    assert earlier.number in asked.split('data-testid="repeat-candidates"', 1)[1].split("</fieldset>", 1)[0]
    assert Petition.objects.count() == 1
    client.post("/supervision/petitions/new/", {**FORM, "repeat_checked": "1", "repeat_of": str(earlier.pk)})
    assert Petition.objects.count() == 2 and Petition.objects.latest("pk").repeat_of == earlier
    api = call(village_assistant, "post", "/supervision/petitions", BODY)
    assert api.status_code == 409 and earlier.number in api.json()["detail"]
    repeat = call(village_assistant, "post", "/supervision/petitions", {**BODY, "repeat_of_id": earlier.pk})
    assert repeat.status_code == 201 and repeat.json()["repeat_of_id"] == earlier.pk


def test_the_review_paper_names_the_offices_and_says_it_once(heyuan, village_assistant, township_officer,
                                                              county_officer):
    petition = _under_review(village_assistant, township_officer, county_officer)
    services.decide_review(actor=county_officer, petition=petition, opinion="经复查，单位已足额支付，维持原答复。",
                           decided_on=TODAY, today=TODAY)
    county = logged_in(county_officer)
    paper = county.get(f"/supervision/petitions/{petition.pk}/review-opinion/").content.decode()
    text = paper.split('data-testid="opinion-text">', 1)[1].split("<", 1)[0]
    assert text == "经复查，单位已足额支付，维持原答复。"
    issuer = paper.split('data-testid="opinion-issuer">', 1)[1].split("<", 1)[0]
    assert issuer == "源城区人力资源和社会保障局"
    assert "日内向河源市人力资源和社会保障局请求复核" in paper
    assert "上城街道人力资源和社会保障服务所已于" in paper
    reply = county.get(f"/supervision/petitions/{petition.pk}/receipt/").content.decode()
    assert reply.split('data-testid="receipt-issuer">', 1)[1].split("<", 1)[0].endswith(
        "上城街道人力资源和社会保障服务所")


def test_the_ledger_xlsx_gives_received_and_concluded_as_dates(heyuan, village_assistant, township_officer):
    petition = replied(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY, replied_on=TODAY)
    export = logged_in(township_officer).get("/supervision/petitions/export.xlsx")
    header, row = list(openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))[1:3]
    cell = dict(zip(header, row, strict=True))
    assert cell["信访件编号"] == petition.number
    assert isinstance(cell["收到日期"], datetime.datetime) and cell["收到日期"].date() == petition.received_on
    assert isinstance(cell["办结日期"], datetime.datetime) and cell["办结日期"].date() == petition.concluded_on
