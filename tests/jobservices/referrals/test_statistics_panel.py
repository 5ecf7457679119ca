import datetime

from hrss.jobservices.models import Referral
from tests.conftest import TODAY, VILLAGE, login


def test_the_statistics_page_shows_both_targets(client, make_seeker, make_vacancy, county_officer):
    first_of_this_month = TODAY.replace(day=1)
    last_month = first_of_this_month - datetime.timedelta(days=1)
    seeker = make_seeker(registered_on=last_month.replace(day=1))
    Referral.objects.create(seeker=seeker, vacancy=make_vacancy(), region_code=seeker.region_code, number="TJ1",
                            referred_on=last_month.replace(day=2), due_on=last_month.replace(day=20), suitable=True,
                            created_by=county_officer)
    make_seeker(registered_on=last_month.replace(day=1))  # not offered anything: late
    page = login(client, county_officer).get("/residents/statistics/", {"region": VILLAGE})
    panel = page.content.decode().split('data-testid="jobservices-kpi-panel"')[1].split("</div></div>")[0]
    assert f"{last_month.year}年{last_month.month}月求职登记" in panel
    assert "50.0%" in panel and "按时 1 人" in panel and "逾期或未提供 1 人" in panel
    assert "2 人中 1 人" in panel

