"""The dated rules of the residents' pension: each rule's row changes on its effective date (the day before keeps
the old row), the divisor is 139 at 60, the county's start decides whether a scheme runs there, and the rules page
and its API show the rows in force on a day with their sources (依据待核实 where believed)."""

import datetime
from decimal import Decimal

from hrss.pensions.schemes import rules
from tests.conftest import login

D = datetime.date
DAY = datetime.timedelta(days=1)
VILLAGE = "441602001003"


def test_the_tiers_change_on_their_effective_day():
    merger = D(2014, 2, 21)
    assert rules.tier_amounts(VILLAGE, merger - DAY) == tuple(Decimal(a) for a in (100, 200, 300, 400, 500))
    assert rules.tier_amounts(VILLAGE, merger)[0] == Decimal("120")
    assert Decimal("180") not in rules.tier_amounts(VILLAGE, D(2019, 12, 31))
    assert Decimal("180") in rules.tier_amounts(VILLAGE, D(2020, 1, 1))
    assert rules.tiers_on(VILLAGE, D(2009, 8, 31)) is None


def test_the_basic_pension_rises_on_its_day():
    assert rules.basic_pension_on("441602", D(2014, 6, 30)) == (Decimal("55"), [
        "basic_pension.national@2009-09-01", "basic_pension.44@2009-09-01"])
    amount, used = rules.basic_pension_on("441602", D(2014, 7, 1))
    assert amount == Decimal("80") and used == ["basic_pension.national@2014-07-01", "basic_pension.44@2014-07-01"]
    assert rules.basic_pension_on("441602001003", D(2025, 7, 1))[0] == Decimal("143") + Decimal("97")
    assert rules.basic_pension_on("441602", D(2025, 6, 30))[0] == Decimal("123") + Decimal("97")


def test_the_divisor_is_139():
    assert rules.divisor_on(D(2026, 6, 15)) == (139, "divisor@2009-09-01")
    assert rules.divisor_on(D(2030, 1, 1), age=65)[0] == 139
    assert (Decimal("13900") / rules.divisor_on(D(2026, 6, 15))[0]).quantize(Decimal("0.01")) == Decimal("100.00")


def test_a_scheme_starts_in_a_county_on_its_day():
    assert rules.scheme_on("441602", D(2011, 6, 30)) is None
    assert rules.scheme_on("441602", D(2011, 7, 1)).code == "nrps"
    assert rules.scheme_on("441623", D(2009, 12, 1)).code == "nrps"  # 连平县, a 2009 pilot
    assert rules.scheme_on("441602", D(2011, 6, 6), urban=True) is None
    assert rules.scheme_on("441602", D(2011, 7, 1), urban=True).code == "urps"
    assert rules.scheme_on("441602", D(2014, 2, 20)).code == "nrps"
    assert rules.scheme_on("441602", D(2014, 2, 21), urban=True).code == "crps"


def test_minimum_age_and_documents():
    assert rules.minimum_age_on(D(2026, 6, 15)) == 16
    assert [code for code, _name in rules.documents_on(D(2026, 6, 15))] == ["id_card", "hukou", "form"]


def test_a_believed_source_is_shown_as_to_be_checked():
    assert rules.shown_source("广东省城乡居民基础养老金标准 [believed]") == "广东省城乡居民基础养老金标准，依据待核实"
    assert rules.shown_source("国发〔2009〕32号") == "国发〔2009〕32号"


def test_the_rules_page_shows_the_rows_in_force_and_their_history(client, heyuan, village_assistant):
    login(client, village_assistant)
    before = client.get("/pensions/schemes/", {"on": "2014-06-30"}).content.decode()
    after = client.get("/pensions/schemes/", {"on": "2014-07-01"}).content.decode()
    assert "55元 <span" in before and "70元 <span" in after
    assert "依据待核实" in after and "[believed]" not in after
    assert "60岁：139" in after and "源城区" in after
    assert "格式不对" in client.get("/pensions/schemes/", {"on": "2014-13-01"}).content.decode()
    home = client.get("/pensions/").content.decode()
    assert "/pensions/schemes/" in home


def test_a_checked_row_names_its_own_source_and_a_believed_one_says_so():
    from hrss.pensions.schemes import catalogue

    early = {section.key: section for section in catalogue.sections(D(2009, 10, 1))}
    late = {section.key: section for section in catalogue.sections(D(2014, 7, 1))}
    assert early["basic_national"].source == "国发〔2009〕32号" and not early["basic_national"].believed
    assert late["basic_national"].believed and late["basic_national"].source.endswith("依据待核实")
    assert early["tiers"].source == "国发〔2009〕32号"
    assert early["schemes"].source == "国发〔2009〕32号" and late["schemes"].believed
    assert catalogue.sections(D(2009, 8, 31))[0].current is None  # before the first scheme
