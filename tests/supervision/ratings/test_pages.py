"""The staff pages: the completed cases and their slips, the 评价台账 and its .xlsx, the figures per office, the
complaints with their reply; scope."""

import datetime

from hrss.core.permissions import Role
from hrss.supervision.models import Complaint, ComplaintOrigin, Score
from hrss.supervision.ratings import services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.ratings.conftest import close_case, code_of
from tests.supervision.ratings.helpers import logged_in, xlsx_cells

MONTH = f"{TODAY:%Y-%m}"


def test_the_village_lists_its_completed_cases_and_prints_a_slip_with_code_url_and_qr(
        closed_case, rating_code, village_assistant, settings):
    client = logged_in(village_assistant)
    listing = client.get("/supervision/ratings/completed/").content.decode()
    assert "张三 测试服务事项" in listing and "打开评价凭条" in listing
    assert rating_code.code[:4] not in listing  # the code is read on the slip only (audited), never in a list
    slip = client.get(f"/supervision/ratings/slip/{closed_case.pk}/").content.decode()
    assert "评价凭条" in slip and "测试服务事项" in slip and f"{TODAY:%Y年%-m月%-d日}" in slip
    assert f"http://testserver/supervision/rate/?code={rating_code.code}" in slip
    assert "<svg" in slip and "<path" in slip
    settings.HRSS_PUBLIC_BASE_URL = "https://hrss.heyuan.gov.cn"
    slip = client.get(f"/supervision/ratings/slip/{closed_case.pk}/").content.decode()
    assert f"https://hrss.heyuan.gov.cn/supervision/rate/?code={rating_code.code}" in slip


def test_a_neighbour_cannot_open_the_slip(closed_case, neighbour_village_assistant, neighbour_county_officer):
    for user in (neighbour_village_assistant, neighbour_county_officer):
        client = logged_in(user)
        assert client.get(f"/supervision/ratings/slip/{closed_case.pk}/").status_code == 404
        assert client.post(f"/supervision/ratings/slip/{closed_case.pk}/").status_code == 404
        assert "张三" not in client.get("/supervision/ratings/completed/").content.decode()


def test_the_ledger_filters_and_exports_the_ratings(heyuan, village_assistant, township_officer, make_user):
    neighbour = make_user("bob", NEIGHBOUR_VILLAGE, Role.VILLAGE_ASSISTANT)
    good = close_case(village_assistant, township_officer, title="甲")
    poor = close_case(neighbour, township_officer, title="乙")
    services.rate(code=code_of(good).code, score=Score.VERY_GOOD, reason="很快")
    services.rate(code=code_of(poor).code, score=Score.POOR, reason="排队太久")
    township = logged_in(township_officer)
    page = township.get("/supervision/ratings/").content.decode()
    assert "很快" in page and "排队太久" in page
    only_poor = township.get("/supervision/ratings/", {"score": "poor"}).content.decode()
    assert "排队太久" in only_poor and "很快" not in only_poor
    assert "很快" not in township.get("/supervision/ratings/", {"month": "2001-01"}).content.decode()
    assert "很快" in township.get("/supervision/ratings/", {"month": MONTH, "service": "测试服务事项"}).content.decode()
    village = township.get("/supervision/ratings/", {"region": VILLAGE}).content.decode()
    assert "很快" in village and "排队太久" not in village
    cells = xlsx_cells(township.get("/supervision/ratings/export/", {"region": TOWNSHIP, "score": "2"}))
    assert "排队太久" in cells and "很快" not in cells and "不满意" in cells
    assert "排队太久" not in logged_in(village_assistant).get("/supervision/ratings/").content.decode()


def test_the_figures_per_office_for_a_month(heyuan, village_assistant, township_officer, make_user):
    neighbour = make_user("bob", NEIGHBOUR_VILLAGE, Role.VILLAGE_ASSISTANT)
    cases = [close_case(village_assistant, township_officer, title=str(n)) for n in range(3)]
    other = close_case(neighbour, township_officer)
    for case, score, reason in zip(cases, (5, 4, 1), ("", "", "乱收材料"), strict=True):
        services.rate(code=code_of(case).code, score=score, reason=reason)
    from hrss.supervision.ratings import selectors

    rows, totals = selectors.office_figures(township_officer, heyuan[TOWNSHIP], TODAY.year, TODAY.month, TODAY)
    by_office = {row["office"]: row for row in rows}
    village = by_office[VILLAGE]
    assert (village["issued"], village["rated"], village["satisfied"], village["poor"], village["received"],
            village["open"]) == (3, 3, 2, 1, 1, 1)
    assert village["average"] == (5 + 4 + 1) / 3 and village["satisfied_share"] == 2 / 3
    assert (by_office[NEIGHBOUR_VILLAGE]["issued"], by_office[NEIGHBOUR_VILLAGE]["rated"]) == (1, 0)
    assert (totals["issued"], totals["rated"], totals["poor"]) == (4, 3, 1)
    page = logged_in(township_officer).get("/supervision/ratings/offices/", {"month": MONTH}).content.decode()
    assert "下城社区" in page and "公园社区" in page and "67%" in page and "3.33" in page
    earlier = logged_in(township_officer).get("/supervision/ratings/offices/", {"month": "2020-01"}).content.decode()
    assert "该月没有" in earlier
    assert other.pk


def test_the_township_answers_a_complaint_on_its_page(heyuan, township_officer, rating_code):
    services.rate(code=rating_code.code, score=Score.VERY_POOR, reason="态度恶劣")
    complaint = Complaint.objects.get()
    client = logged_in(township_officer)
    listing = client.get("/supervision/complaints/").content.decode()
    assert "态度恶劣" in listing
    page = client.get(f"/supervision/complaints/{complaint.pk}/").content.decode()
    assert "态度恶劣" in page and "答复并办结" in page and "alice" in page
    assert "核实结果" in page and "部分查实" in page and "不属实" in page
    refused = client.post(f"/supervision/complaints/{complaint.pk}/reply/", {"reply": ""})
    assert refused.status_code == 200 and "请填写答复内容" in refused.content.decode()
    refused = client.post(f"/supervision/complaints/{complaint.pk}/reply/", {"reply": "已约谈经办人"})
    assert refused.status_code == 200 and "请选择核实结果" in refused.content.decode()
    done = client.post(f"/supervision/complaints/{complaint.pk}/reply/", {"reply": "已约谈经办人", "outcome": "partly"})
    assert done.status_code == 302
    complaint.refresh_from_db()
    assert complaint.reply == "已约谈经办人" and not complaint.is_open
    assert "部分查实" in client.get(f"/supervision/complaints/{complaint.pk}/").content.decode()
    assert "态度恶劣" not in client.get("/supervision/complaints/", {"state": "open"}).content.decode()


def test_the_mailbox_form_enters_a_complaint(heyuan, township_officer, village_assistant):
    client = logged_in(township_officer)
    form = client.get("/supervision/complaints/new/").content.decode()
    assert "被投诉工作人员" in form and "alice" in form
    done = client.post("/supervision/complaints/new/", {
        "office": VILLAGE, "about_staff": village_assistant.pk, "origin": "letter",
        "received_on": TODAY.isoformat(), "text": "来信反映办事慢", "complainant_name": "钱七"})
    complaint = Complaint.objects.get()
    assert done.status_code == 302 and done.url == f"/supervision/complaints/{complaint.pk}/"
    assert (complaint.origin, complaint.about_staff, complaint.complainant_name) == (
        ComplaintOrigin.LETTER, village_assistant, "钱七")
    again = client.post("/supervision/complaints/new/", {"office": VILLAGE, "origin": "letter",
                                                          "received_on": TODAY.isoformat(), "text": ""})
    assert again.status_code == 200 and Complaint.objects.count() == 1


def test_the_village_takes_a_complaint_in_and_the_township_answers_it(heyuan, village_assistant):
    client = logged_in(village_assistant)
    done = client.post("/supervision/complaints/new/", {
        "office": VILLAGE, "origin": "mailbox", "received_on": (TODAY - datetime.timedelta(days=1)).isoformat(),
        "text": "意见箱：希望周六开门"})
    assert done.status_code == 302 and done.url == "/supervision/complaints/new/"
    assert Complaint.objects.get().region_code == TOWNSHIP


def test_the_pending_link_lists_what_the_users_own_office_handles(heyuan, county_officer, township_officer,
                                                                  rating_code):
    services.rate(code=rating_code.code, score=Score.POOR, reason="township's to answer")
    services.record_complaint(actor=county_officer, office_code=county_officer.region.code, origin="phone",
                              text="county's own to answer", received_on=TODAY)
    client = logged_in(county_officer)
    everything = client.get("/supervision/complaints/").content.decode()
    assert "township&#x27;s to answer" in everything and "county&#x27;s own to answer" in everything
    own = client.get("/supervision/complaints/", {"state": "open", "handler": county_officer.region.code})
    assert "county&#x27;s own" in own.content.decode() and "township&#x27;s" not in own.content.decode()
    assert "county&#x27;s" not in logged_in(township_officer).get("/supervision/complaints/").content.decode()
