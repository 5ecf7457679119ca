"""Hires from a fair: the referrals made at the fair (Referral.fair) whose outcome is hired, counted on the fair's
page, the list and the API; other outcomes and referrals made elsewhere are not."""

import pytest

from hrss.jobservices.guidance import services
from tests.conftest import TODAY, TOWNSHIP, login


@pytest.fixture
def fair(township_officer):
    return services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="上城街道招聘会", held_on=TODAY,
                              today=TODAY)


def test_only_hired_referrals_of_the_fair_are_counted(api, client, township_officer, fair, person, neighbour,
                                                      make_vacancy, make_referral):
    vacancy = make_vacancy("普工")
    services.add_fair_vacancy(actor=township_officer, fair=fair, vacancy=vacancy)
    make_referral(person, vacancy, fair=fair, outcome="hired")
    make_referral(neighbour, vacancy, fair=fair, outcome="refused_with_reason")
    make_referral(neighbour, make_vacancy("仓管员"), fair=None, outcome="hired")  # not at the fair
    detail = api(township_officer).get(f"/api/v1/job-fairs/{fair.pk}").json()
    assert (detail["referrals"], detail["hires"]) == (2, 1)
    login(client, township_officer)
    page = client.get(f"/jobservices/fairs/{fair.pk}/").content.decode()
    assert "2 / 1" in page and "张三" in page and "李四" not in page
    listing = client.get("/jobservices/fairs/").content.decode()
    assert "上城街道招聘会" in listing


def test_a_fair_without_referrals_counts_none(api, township_officer, fair):
    detail = api(township_officer).get(f"/api/v1/job-fairs/{fair.pk}").json()
    assert (detail["referrals"], detail["hires"]) == (0, 0)


def test_names_from_outside_the_viewers_scope_are_counted_but_not_shown(
        client, county_officer, township_officer, fair, neighbour, make_vacancy, make_referral, heyuan):
    """A county officer registers and refers people of another township at 上城街道's fair: the township's officer
    sees the figures, not their names."""
    from hrss.residents import services as residents_services
    from tests.conftest import NEIGHBOUR_TOWNSHIP
    from tests.residents.factories import make_id_number

    village = next(code for code, region in heyuan.items()
                   if region.parent_id and region.parent.code == NEIGHBOUR_TOWNSHIP)
    stranger = residents_services.register_person(
        actor=county_officer, id_number=make_id_number(sequence=77), name="王五", village=heyuan[village],
        status="unemployed")[0]
    services.record_attendance(actor=county_officer, fair=fair, person=stranger, today=TODAY)
    make_referral(stranger, make_vacancy(), fair=fair, outcome="hired")
    page = login(client, township_officer).get(f"/jobservices/fairs/{fair.pk}/").content.decode()
    assert "王五" not in page and "1 / 1" in page and "1（1 + 0）" in page
    assert "王五" in login(client, county_officer).get(f"/jobservices/fairs/{fair.pk}/").content.decode()


def test_the_fair_ledger_xlsx_has_each_fairs_figures(client, township_officer, fair, person, make_vacancy,
                                                     make_referral):
    import io

    import openpyxl

    vacancy = make_vacancy()
    services.add_fair_vacancy(actor=township_officer, fair=fair, vacancy=vacancy)
    services.record_attendance(actor=township_officer, fair=fair, person=person, today=TODAY)
    services.set_visitor_count(actor=township_officer, fair=fair, walk_in_count=40, today=TODAY)
    make_referral(person, vacancy, fair=fair, outcome="hired")
    response = login(client, township_officer).get("/jobservices/fairs/export/")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header, row = rows[0], rows[1]
    figures = dict(zip(header, row, strict=True))
    assert (figures["招聘会"], figures["举办地"], figures["参会单位"], figures["岗位"]) == ("上城街道招聘会", "源城区 上城街道", 1, 1)
    assert (figures["登记参会人数"], figures["现场入场人数"], figures["录用人数"]) == (1, 40, 1)
