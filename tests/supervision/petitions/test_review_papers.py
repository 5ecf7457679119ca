"""Trial (复查): the county's 复查 does not rewrite the township's reply: the 答复意见书 stays signed by 上城街道 that
replied; the county's opinion prints as its own 复查意见书 (with the right to ask 河源市 for 复核), the city's as the
复核意见书; and 本年收到 stays with the office that received the petition."""

from django.test import Client

from hrss.supervision.petitions import figures, services
from tests.conftest import TODAY
from tests.supervision.petitions.conftest import replied


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def _issuer(page):
    return page.split('data-testid="opinion-issuer">', 1)[1].split("<", 1)[0]


def _reviewed(village_assistant, township_officer, county_officer):
    petition = replied(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY, replied_on=TODAY)
    petition = services.request_review(actor=county_officer, petition=petition, requested_on=TODAY,
                                       text="对答复不服，工资未足额支付", today=TODAY)
    return services.decide_review(actor=county_officer, petition=petition, opinion="撤销原答复，责令重新核实工资数额。",
                                  decided_on=TODAY, today=TODAY)


def test_the_reply_keeps_its_issuer_and_the_review_prints_apart(heyuan, village_assistant, township_officer,
                                                                county_officer, city_admin):
    petition = replied(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY, replied_on=TODAY)
    county = logged_in(county_officer)
    assert county.get(f"/supervision/petitions/{petition.pk}/review-opinion/").status_code == 404  # not yet
    petition = _reviewed(village_assistant, township_officer, county_officer)
    assert petition.region_code == "441602000000"  # held by the county now
    reply = county.get(f"/supervision/petitions/{petition.pk}/receipt/").content.decode()
    assert "信访事项答复意见书" in reply and "经调解，单位已于当日支付拖欠工资8600元。" in reply
    issuer = reply.split('data-testid="receipt-issuer">', 1)[1].split("<", 1)[0]
    assert issuer.endswith("上城街道人力资源和社会保障服务所"), issuer  # the township that replied, not the county reviewing it
    page = county.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert 'data-testid="petition-review-opinion-link"' in page and "复查意见书（打印）" in page
    opinion = county.get(f"/supervision/petitions/{petition.pk}/review-opinion/").content.decode()
    assert "信访事项复查意见书" in opinion and "撤销原答复，责令重新核实工资数额。" in opinion
    assert "上城街道人力资源和社会保障服务所已于" in opinion and "对答复不服，工资未足额支付" in opinion
    assert _issuer(opinion) == "源城区人力资源和社会保障局"
    assert "日内向河源市人力资源和社会保障局请求复核" in opinion
    # the village that received it follows it to the end (read only)
    assert logged_in(village_assistant).get(f"/supervision/petitions/{petition.pk}/review-opinion/").status_code == 200
    services.request_recheck(actor=city_admin, petition=petition, requested_on=TODAY, text="仍不服", today=TODAY)
    services.decide_recheck(actor=city_admin, petition=petition, opinion="维持复查意见。", decided_on=TODAY,
                            today=TODAY)
    recheck = logged_in(city_admin).get(f"/supervision/petitions/{petition.pk}/recheck-opinion/").content.decode()
    assert "信访事项复核意见书" in recheck and "维持复查意见。" in recheck and "源城区人力资源和社会保障局已于" in recheck
    assert _issuer(recheck) == "河源市人力资源和社会保障局"
    assert "本复核意见为最终意见" in recheck
    assert county.get(f"/supervision/petitions/{petition.pk}/other-opinion/").status_code == 404


def test_received_this_year_stays_with_the_office_that_received_it(heyuan, village_assistant, township_officer,
                                                                  county_officer):
    township, village, county = heyuan["441602001000"], heyuan["441602001003"], heyuan["441602000000"]
    petition = _reviewed(village_assistant, township_officer, county_officer)
    assert figures.received(county_officer, township, TODAY) == 1
    assert figures.received(county_officer, village, TODAY) == 1
    assert figures.wages(county_officer, township, TODAY) == 1
    assert figures.received(county_officer, county, TODAY) == 1  # the county's total, not its own row
    statistics = logged_in(county_officer).get("/supervision/statistics/").content.decode()
    assert "源城区（本级）" not in statistics.split("本年收到信访件", 1)[1].split("</table>", 1)[0]
    # the figure's cases: the township's ledger of the year lists it, though the county holds it
    ledger = logged_in(county_officer).get("/supervision/petitions/", {"period": "year",
                                                                       "region": township.code}).content.decode()
    assert petition.number in ledger
