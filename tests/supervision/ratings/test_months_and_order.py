"""Finding F10: the 评价台账, its .xlsx and the ratings API refuse a malformed month, one not begun and one before
2000, as the petitions ledger does (the page says why and shows every month, the download does not run, the API
answers 422). And the trial's: the complaints list shows the open ones first, the overdue at the top."""

import datetime

from hrss.supervision.models import Complaint, ComplaintState, Score
from hrss.supervision.ratings import services
from tests.conftest import TODAY, TOWNSHIP, VILLAGE
from tests.supervision.ratings.helpers import call, logged_in


def test_the_ledger_refuses_a_month_it_cannot_show(rating_code, township_officer):
    services.rate(code=rating_code.code, score=Score.GOOD, reason="很快")
    client = logged_in(township_officer)
    for month, said in (("9999-12", "9999年12月尚未开始"), ("0001-01", "请选择2000年01月以后的月份"),
                        ("abc", "月份“abc”无法识别")):
        page = client.get("/supervision/ratings/", {"month": month}).content.decode()
        assert said in page and "已显示全部月份" in page and "很快" in page, month
        download = client.get("/supervision/ratings/export/", {"month": month})
        assert download.status_code == 302 and download.url.startswith("/supervision/ratings/?"), month
        answer = call(township_officer, "get", "/supervision/ratings", {"month": month})
        assert answer.status_code == 422 and said in answer.json()["detail"], month
    shown = client.get("/supervision/ratings/", {"month": f"{TODAY:%Y-%m}"}).content.decode()
    assert "很快" in shown and "已显示全部月份" not in shown
    assert call(township_officer, "get", "/supervision/ratings", {"month": f"{TODAY:%Y-%m}"}).status_code == 200
    assert client.get("/supervision/ratings/export/", {"month": f"{TODAY:%Y-%m}"}).status_code == 200


def test_the_figures_page_says_why_a_month_is_refused(rating_code, township_officer):
    page = logged_in(township_officer).get("/supervision/ratings/offices/", {"month": "9999-12"}).content.decode()
    assert "9999年12月尚未开始" in page and f"{TODAY.year}年{TODAY.month}月" in page


def test_the_complaints_list_shows_open_and_overdue_first(heyuan, township_officer):
    def complaint(received, text, answered=False):
        found = services.record_complaint(actor=township_officer, office_code=VILLAGE, origin="phone", text=text,
                                          received_on=received, today=TODAY)
        if answered:
            services.reply_complaint(actor=township_officer, complaint=found, reply="已核实", outcome="unfounded",
                                     today=TODAY)
        return found

    complaint(TODAY - datetime.timedelta(days=60), "早已答复的", answered=True)
    fresh = complaint(TODAY, "今天收到的")
    overdue = complaint(TODAY - datetime.timedelta(days=40), "逾期的")
    # The deadlines as the holiday arrangement gives them (fixed here: the suite runs on several dates).
    Complaint.objects.filter(pk=fresh.pk).update(due_date=TODAY + datetime.timedelta(days=14))
    Complaint.objects.filter(pk=overdue.pk).update(due_date=TODAY - datetime.timedelta(days=26))
    complaint(TODAY - datetime.timedelta(days=1), "昨天答复的", answered=True)
    assert Complaint.objects.filter(state=ComplaintState.CLOSED).count() == 2
    page = logged_in(township_officer).get("/supervision/complaints/", {"region": TOWNSHIP}).content.decode()
    order = sorted(("早已答复的", "今天收到的", "逾期的", "昨天答复的"), key=page.index)
    assert order == ["逾期的", "今天收到的", "昨天答复的", "早已答复的"]
