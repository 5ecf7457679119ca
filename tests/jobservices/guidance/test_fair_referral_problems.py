"""What the referrals part asks before recording a referral as made at a fair: held, not cancelled, and offering
the vacancy."""

import datetime

from hrss.jobservices.guidance import services
from tests.conftest import TODAY, TOWNSHIP

DAY = datetime.timedelta(days=1)


def test_a_referral_at_a_fair_needs_the_fair_held_and_offering_the_vacancy(township_officer, make_vacancy):
    fair = services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="招聘会", held_on=TODAY + DAY,
                              today=TODAY)
    offered, elsewhere = make_vacancy("普工"), make_vacancy("厨师")
    services.add_fair_vacancy(actor=township_officer, fair=fair, vacancy=offered)
    assert any("才举办" in problem for problem in services.fair_referral_problems(fair, offered, today=TODAY))
    assert services.fair_referral_problems(fair, offered, today=TODAY + DAY) == []
    assert "不在招聘会" in services.fair_referral_problems(fair, elsewhere, today=TODAY + DAY)[0]


def test_a_cancelled_fair_takes_no_referral(township_officer, make_vacancy):
    fair = services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="招聘会", held_on=TODAY + DAY,
                              today=TODAY)
    vacancy = make_vacancy()
    services.add_fair_vacancy(actor=township_officer, fair=fair, vacancy=vacancy)
    services.cancel_fair(actor=township_officer, fair=fair, reason="暴雨", today=TODAY)
    assert services.fair_referral_problems(fair, vacancy, today=TODAY + DAY) == ["招聘会“招聘会”已取消。"]
