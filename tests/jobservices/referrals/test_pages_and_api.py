import datetime
import io

import openpyxl
import pytest

from hrss.accounts import services as account_services
from hrss.core.models import AuditEntry
from hrss.jobservices.models import Referral
from hrss.jobservices.referrals import services
from tests.conftest import TODAY, VILLAGE, login

DAY = datetime.timedelta(days=1)


def api(client, user):
    token = account_services.create_token(actor=None, user=user)
    return {"headers": {"Authorization": f"Bearer {token}"}}


def test_the_referral_page_shows_the_match_and_refers_on_confirmation(client, make_seeker, make_vacancy,
                                                                      township_officer):
    seeker, vacancy = make_seeker(), make_vacancy()
    client = login(client, township_officer)
    page = client.get("/jobservices/referrals/new/", {"seeker": seeker.pk, "vacancy": vacancy.pk})
    body = page.content.decode()
    assert page.status_code == 200 and "张三" in body and vacancy.title in body and "匹配情况" in body
    assert "data-testid=\"refer-confirm\"" in body
    answer = client.post("/jobservices/referrals/new/", {"seeker": seeker.pk, "vacancy": vacancy.pk})
    referral = Referral.objects.get()
    assert answer.status_code == 302 and answer.url == f"/jobservices/referrals/{referral.pk}/"
    again = client.get("/jobservices/referrals/new/", {"seeker": seeker.pk, "vacancy": vacancy.pk})
    assert "不能重复推荐" in again.content.decode() and "refer-confirm" not in again.content.decode()


def test_a_seeker_outside_the_scope_is_not_found(client, make_seeker, make_vacancy, neighbour_village_assistant):
    response = login(client, neighbour_village_assistant).get(
        "/jobservices/referrals/new/", {"seeker": make_seeker().pk, "vacancy": make_vacancy().pk})
    assert response.status_code == 404


def test_a_closed_vacancy_elsewhere_is_not_found(client, make_seeker, make_vacancy, township_officer):
    from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE

    closed = make_vacancy(region=NEIGHBOUR_COUNTY_VILLAGE, status="closed", closed_on=TODAY)
    response = login(client, township_officer).get("/jobservices/referrals/new/",
                                                   {"seeker": make_seeker().pk, "vacancy": closed.pk})
    assert response.status_code == 404


def test_the_outcome_form_and_the_letter(client, make_seeker, make_vacancy, township_officer):
    referral = services.refer(actor=township_officer, seeker=make_seeker(), vacancy=make_vacancy(),
                              today=TODAY - 3 * DAY)
    client = login(client, township_officer)
    refused = client.post(f"/jobservices/referrals/{referral.pk}/outcome/",
                          {"outcome": "refused_with_reason", "outcome_on": TODAY.isoformat(), "note": ""})
    assert refused.status_code == 200 and "写明本人拒绝的理由" in refused.content.decode()
    done = client.post(f"/jobservices/referrals/{referral.pk}/outcome/",
                       {"outcome": "hired", "outcome_on": TODAY.isoformat(), "note": "回执已收"})
    assert done.status_code == 302
    page = client.get(f"/jobservices/referrals/{referral.pk}/").content.decode()
    assert "已录用" in page and "已办理就业登记" in page and "登记结果" not in page
    pdf = client.get(f"/jobservices/referrals/{referral.pk}/letter.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and b"/FontFile2" in pdf.content and b"/Helvetica" not in pdf.content
    assert AuditEntry.objects.filter(action="jobservices.referral.letter_printed", actor=township_officer).exists()


def test_the_letter_masks_the_id_number_and_states_the_deadline(make_seeker, make_vacancy, township_officer):
    referral = services.refer(actor=township_officer, seeker=make_seeker(), vacancy=make_vacancy())
    rows, slip, office = services.letter_content(referral, today=TODAY)
    values = dict(rows)
    person = referral.seeker.person
    assert values["公民身份号码"] == person.masked_id_number != person.id_number
    assert values["姓　　名"] == "张三" and values["联系电话"] == "13800000000"
    assert values["工作地点"] == "源城区上城街道下城社区" and office == "源城区上城街道人力资源和社会保障服务所"
    assert any(f"{referral.due_on:%Y年%m月%d日}前反馈" in line for line in slip)


def test_the_ledger_filters_and_exports(client, make_seeker, make_person, make_vacancy, township_officer):
    first = services.refer(actor=township_officer, seeker=make_seeker(), vacancy=make_vacancy())
    other = services.refer(actor=township_officer, seeker=make_seeker(make_person(name="李四")), vacancy=make_vacancy())
    services.record_outcome(actor=township_officer, referral=other, outcome="not_hired", outcome_on=TODAY)
    client = login(client, township_officer)
    page = client.get("/jobservices/referrals/", {"outcome": "pending"}).content.decode()
    assert first.number in page and other.number not in page
    export = client.get("/jobservices/referrals/export/", {"region": VILLAGE})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "推荐信编号" and {row[2] for row in rows[1:]} == {"张三", "李四"}
    assert all("*" in row[3] for row in rows[1:])  # masked ID numbers
    assert AuditEntry.objects.filter(action="jobservices.referral_ledger.exported").exists()


def test_overdue_referrals_are_pending_work(client, make_seeker, make_vacancy, township_officer,
                                            neighbour_village_assistant):
    from hrss.jobservices.referrals.declare import overdue_referrals

    services.refer(actor=township_officer, seeker=make_seeker(), vacancy=make_vacancy(), today=TODAY - 30 * DAY)
    services.refer(actor=township_officer, seeker=make_seeker(), vacancy=make_vacancy())
    (item,) = overdue_referrals(township_officer)
    assert (item.count, item.overdue) == (1, 1) and "outcome=overdue" in item.url
    assert overdue_referrals(neighbour_village_assistant)[0].count == 0


@pytest.mark.parametrize("outcome", ["hired", "refused_without_reason"])
def test_the_api_refers_and_records_the_outcome(client, make_seeker, make_vacancy, township_officer, outcome):
    seeker, vacancy = make_seeker(), make_vacancy()
    auth = api(client, township_officer)
    made = client.post("/api/v1/referrals", {"seeker_id": seeker.pk, "vacancy_id": vacancy.pk},
                       content_type="application/json", **auth)
    assert made.status_code == 201, made.content
    referral = made.json()
    assert referral["number"].startswith("TJ441602") and referral["outcome"] == "pending"
    twice = client.post("/api/v1/referrals", {"seeker_id": seeker.pk, "vacancy_id": vacancy.pk},
                        content_type="application/json", **auth)
    assert twice.status_code == 422 and "不能重复推荐" in twice.json()["detail"]
    answered = client.post(f"/api/v1/referrals/{referral['id']}/outcome",
                           {"outcome": outcome, "outcome_on": TODAY.isoformat()}, content_type="application/json",
                           **auth)
    assert answered.status_code == 200 and answered.json()["outcome"] == outcome
    assert (answered.json()["employment_registration_id"] is not None) == (outcome == "hired")
    listed = client.get("/api/v1/referrals", {"outcome": outcome}, **auth).json()
    assert [row["id"] for row in listed] == [referral["id"]]


def test_the_person_page_lists_the_referrals(client, make_seeker, make_vacancy, township_officer):
    referral = services.refer(actor=township_officer, seeker=make_seeker(), vacancy=make_vacancy(title="理货员"))
    page = login(client, township_officer).get(f"/residents/{referral.seeker.person_id}/").content.decode()
    panel = page.split('data-testid="referral-panel"')[1].split("</div>")[0]
    assert "理货员" in panel and "待反馈" in panel and f"/jobservices/referrals/{referral.pk}/" in panel


def test_a_referral_made_at_a_job_fair_is_recorded_as_the_fairs(client, make_seeker, make_vacancy, township_officer):
    """The page offers the fairs that had the vacancy; the referral counts among the fair's."""
    from hrss.jobservices.guidance import services as guidance_services
    from tests.conftest import TOWNSHIP

    seeker, vacancy = make_seeker(), make_vacancy()
    fair = guidance_services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="上城街道春风行动",
                                       held_on=TODAY - datetime.timedelta(days=1), today=TODAY)
    guidance_services.add_fair_vacancy(actor=township_officer, fair=fair, vacancy=vacancy)
    client.force_login(township_officer)
    url = f"/jobservices/referrals/new/?seeker={seeker.pk}&vacancy={vacancy.pk}"
    assert "上城街道春风行动" in client.get(url).content.decode()
    client.post(url, {"seeker": seeker.pk, "vacancy": vacancy.pk, "fair": fair.pk})
    assert Referral.objects.get(seeker=seeker).fair == fair
