"""hrss demo's ratings, and the part's figures on the area's statistics page and its links on the home page."""

import datetime

from hrss.core.permissions import Role
from hrss.supervision.models import Complaint, ComplaintOrigin, Rating
from hrss.supervision.ratings import demo, figures, services
from tests.conftest import TODAY, TOWNSHIP, VILLAGE
from tests.supervision.ratings.conftest import close_case, code_of
from tests.supervision.ratings.helpers import logged_in


def test_the_demo_rates_the_villages_decided_cases_once(heyuan, make_user):
    assistant = make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    officer = make_user("shangcheng", TOWNSHIP, Role.TOWNSHIP_OFFICER)
    for n in range(4):
        close_case(assistant, officer, title=f"案件{n}")
    assert demo.generate() == 4
    assert Rating.objects.filter(region_code=VILLAGE).count() == 4
    assert sorted(Complaint.objects.values_list("origin", flat=True)) == sorted(
        [ComplaintOrigin.RATING, ComplaintOrigin.PHONE])
    assert demo.generate() == 0


def test_the_statistics_page_counts_this_months_ratings_and_the_open_complaints(
        heyuan, village_assistant, township_officer):
    for score, reason in ((5, ""), (1, "收了不该收的材料")):
        case = close_case(village_assistant, township_officer, title=reason or "好")
        services.rate(code=code_of(case).code, score=score, reason=reason)
    township = heyuan[TOWNSHIP]
    assert (figures.rated(township_officer, township, TODAY), figures.poor(township_officer, township, TODAY)) == (2, 1)
    assert figures.complaints_open(township_officer, township, TODAY) == 1
    assert figures.complaints_overdue(township_officer, township, TODAY) == 0
    later = Complaint.objects.get().due_date + datetime.timedelta(days=1)
    assert figures.complaints_overdue(township_officer, township, later) == 1
    assert figures.rated(township_officer, township, TODAY - datetime.timedelta(days=400)) == 0
    page = logged_in(township_officer).get("/supervision/statistics/").content.decode()
    for label in ("本月服务评价", "本月差评", "办理中的投诉", "逾期未答复的投诉"):
        assert label in page
    home = logged_in(village_assistant).get("/supervision/").content.decode()
    assert "评价台账" in home and "已办结案件与评价凭条" in home and "登记投诉（意见箱）" in home
