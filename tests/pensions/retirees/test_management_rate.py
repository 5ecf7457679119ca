"""社会化管理率 = managed ÷ (managed + not yet managed), the dead and the moved out not counted; per region, with
the not-yet-managed one click away."""

from django.test import Client

from hrss.pensions.models import RetireeState
from hrss.pensions.retirees import selectors, services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.pensions.retirees.conftest import days, make_retiree


def test_files_received_make_a_retiree_managed_from_that_day(heyuan, village_assistant):
    retiree = make_retiree(village_assistant, "交档案")
    done = services.receive_files(actor=village_assistant, retiree=retiree, on=TODAY - days(2))
    assert (done.state, done.managed_since, done.files_received_on) == (RetireeState.MANAGED, TODAY - days(2),
                                                                        TODAY - days(2))


def test_the_rate_of_a_known_count(heyuan, village_assistant, neighbour_village_assistant, township_officer):
    for name in ("甲", "乙", "丙"):
        make_retiree(village_assistant, name, managed=True)
    make_retiree(village_assistant, "丁")
    services.record_death(actor=village_assistant, retiree=make_retiree(village_assistant, "戊"), died_on=TODAY)
    services.move_out(actor=village_assistant, retiree=make_retiree(village_assistant, "己", managed=True), on=TODAY)
    make_retiree(neighbour_village_assistant, "邻", village=NEIGHBOUR_VILLAGE)
    village = heyuan[VILLAGE]
    assert selectors.management_counts(township_officer, village) == (3, 1)
    assert selectors.rate(*selectors.management_counts(township_officer, village)) == 75.0
    assert selectors.rate(*selectors.management_counts(township_officer, heyuan[TOWNSHIP])) == 60.0

    client = Client()
    client.force_login(township_officer)
    page = client.get("/pensions/retirees/rate/", {"region": TOWNSHIP}).content.decode()
    assert "60.0%" in page and "75.0%" in page and "0.0%" in page
    assert f"/pensions/retirees/?region={VILLAGE}&state=not_managed" in page
    ledger = client.get("/pensions/retirees/", {"region": VILLAGE, "state": "not_managed"}).content.decode()
    assert "丁" in ledger and "甲" not in ledger
    statistics = client.get("/pensions/statistics/", {"region": TOWNSHIP}).content.decode()
    assert "未纳入社会化管理" in statistics and "已纳入社会化管理" in statistics


def test_a_region_without_retirees_has_no_rate(heyuan, township_officer):
    assert selectors.rate(*selectors.management_counts(township_officer, heyuan[VILLAGE])) is None
    client = Client()
    client.force_login(township_officer)
    assert "没有在册的企业退休人员" in client.get("/pensions/retirees/rate/", {"region": VILLAGE}).content.decode()
