"""The monthly pension as worked out (calc.calculate) and `hrss pension-calc`: the divisor on a known balance, the
first month around the 60th birthday, the basic pension's raise day, the command's JSON and its bad input."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import call_command

from hrss.pensions.benefits.calc import calculate

D = datetime.date


def test_the_divisor_turns_13900_into_100_a_month():
    result = calculate(birth_date=D(1966, 3, 1), account_balance=Decimal("13900"), on=D(2026, 6, 15))
    assert result.account_part == Decimal("100.00")
    assert "个人账户养老金 = 13,900.00 ÷ 139 = 100.00" in result.lines
    assert "divisor@2009-09-01" in result.rules


@pytest.mark.parametrize(("balance", "part"), [("13900.69", "100.00"), ("13900.70", "100.01"), ("0", "0.00")])
def test_the_account_part_is_rounded_half_up_to_the_fen(balance, part):
    # 13900.695 / 139 = 100.005: half up; 13900.69 / 139 = 100.00496...
    assert calculate(birth_date=D(1966, 3, 1), account_balance=Decimal(balance),
                     on=D(2026, 6, 15)).account_part == Decimal(part)
    assert calculate(birth_date=D(1966, 3, 1), account_balance=Decimal("13900.695"),
                     on=D(2026, 6, 15)).account_part == Decimal("100.01")


def test_the_first_month_is_the_month_after_the_60th_birthday():
    assert calculate(birth_date=D(1966, 5, 20), account_balance=0, on=D(2026, 6, 15)).first_month == D(2026, 6, 1)
    # Born on the 1st: 60 on the 1st of the birthday month, still paid from the month after.
    born_first = calculate(birth_date=D(1966, 6, 1), account_balance=0, on=D(2026, 6, 15))
    assert born_first.first_month == D(2026, 7, 1)
    assert born_first.eligible_age is True


def test_born_on_29_february_is_paid_from_march():
    result = calculate(birth_date=D(1964, 2, 29), account_balance=0, on=D(2024, 2, 28))
    assert result.first_month == D(2024, 3, 1)
    assert result.eligible_age is False
    assert calculate(birth_date=D(1964, 2, 29), account_balance=0, on=D(2024, 2, 29)).eligible_age is True


def test_sixty_is_reached_on_the_birthday_not_the_day_before():
    assert calculate(birth_date=D(1966, 6, 15), account_balance=0, on=D(2026, 6, 14)).eligible_age is False
    assert calculate(birth_date=D(1966, 6, 15), account_balance=0, on=D(2026, 6, 15)).eligible_age is True


def test_the_basic_pension_is_the_one_in_force_on_the_day_in_the_county():
    before = calculate(birth_date=D(1960, 1, 10), account_balance=0, on=D(2025, 6, 30), county_code="441602")
    after = calculate(birth_date=D(1960, 1, 10), account_balance=0, on=D(2025, 7, 1), county_code="441602")
    assert before.basic == Decimal("123") + Decimal("97")
    assert after.basic == Decimal("143") + Decimal("97")
    assert "basic_pension.national@2025-07-01" in after.rules
    assert "basic_pension.national@2024-07-01" in before.rules
    assert after.total == after.basic + after.account_part


def test_a_pension_worked_out_before_it_starts_uses_the_rules_of_its_first_month():
    # Turns 60 in June 2025, worked out in May: the first month is July 2025, the raise of 1 July applies.
    result = calculate(birth_date=D(1965, 6, 10), account_balance=0, on=D(2025, 5, 2))
    assert result.first_month == D(2025, 7, 1)
    assert "basic_pension.national@2025-07-01" in result.rules


def test_the_command_prints_exactly_the_keys(capsys):
    call_command("pension-calc", "--birth", "1966-03-01", "--account-balance", "13900", "--on", "2026-06-15",
                 "--json")
    printed = json.loads(capsys.readouterr().out)
    assert list(printed) == ["eligible_age", "first_month", "basic", "account_part", "total", "rules"]
    assert printed["eligible_age"] is True
    assert printed["first_month"] == "2026-04"
    assert printed["account_part"] == "100.00"
    assert printed["basic"] == "240.00"
    assert printed["total"] == "340.00"
    assert all(isinstance(rule, str) and "@" in rule for rule in printed["rules"])


def test_the_command_takes_another_county(capsys):
    call_command("pension-calc", "--birth", "1966-03-01", "--account-balance", "0", "--on", "2026-06-15",
                 "--county", "441621", "--json")
    assert json.loads(capsys.readouterr().out)["account_part"] == "0.00"


@pytest.mark.parametrize("arguments", [
    ["--birth", "1966-02-30", "--account-balance", "1", "--on", "2026-06-15"],
    ["--birth", "1966-03-01", "--account-balance", "-1", "--on", "2026-06-15"],
    ["--birth", "1966-03-01", "--account-balance", "abc", "--on", "2026-06-15"],
    ["--birth", "1966-03-01", "--account-balance", "1", "--on", "2026/06/15"],
    ["--birth", "1966-03-01", "--account-balance", "1", "--on", "2026-06-15", "--county", "44160"],
    ["--account-balance", "1", "--on", "2026-06-15"],
])
def test_bad_input_is_a_chinese_error_and_exit_2(arguments, capsys):
    with pytest.raises(SystemExit) as stopped:
        call_command("pension-calc", *arguments, "--json")
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "须为" in error
    assert error.isascii() is False


@pytest.mark.parametrize(("arguments", "says"), [
    (["--county", "110101"], "110101不是本系统实施城乡居民养老保险的县(区)：可用 441602、441621"),
    (["--on", "2009-08-31"], "计算日（--on）2009-08-31须在2009年09月01日（城乡居民养老保险开始实施）"),
    (["--on", "2100-01-01"], "至2099年12月31日之间"),
    (["--birth", "1880-01-01"], "出生日期（--birth）1880-01-01到计算日已超过130岁"),
    (["--birth", "2027-01-01"], "出生日期（--birth）不能晚于计算日"),
    (["--account-balance", "123456789"], "123,456,789 元超过 9,999,999.99 元"),
])
def test_values_no_pension_can_have_are_refused_with_what_to_check(arguments, says, capsys):
    given = {"--birth": "1966-03-01", "--account-balance": "13900", "--on": "2026-06-15"}
    given.update(dict(zip(arguments[::2], arguments[1::2], strict=True)))
    with pytest.raises(SystemExit) as stopped:
        call_command("pension-calc", *[part for pair in given.items() for part in pair], "--json")
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert says in captured.err and captured.out == ""


def test_the_page_names_the_rules_in_chinese_and_the_json_keeps_the_codes():
    import datetime as _dt

    from django.template.loader import render_to_string

    from hrss.pensions.benefits import calc as _calc
    result = _calc.calculate(birth_date=_dt.date(1965, 3, 1), account_balance="9000", on=_dt.date(2026, 6, 1),
                             county_code="441602")
    assert any(name.startswith("basic_pension.national@") for name in result.as_json()["rules"])
    labels = result.as_stored()["rule_labels"]
    assert any(label.startswith("基础养老金全国最低标准（") for label in labels)
    assert any(label.startswith("广东省提高部分（") for label in labels)
    assert "计发月数139（2009-09-01起）" in labels
    html = render_to_string("pensions/benefits/_calculation.html", {"calculation": result.as_stored()})
    assert "@" not in html and "basic_pension" not in html and "font-monospace" not in html
    believed = sum(1 for label in labels if "依据待核实" in label)
    assert html.count("依据待核实") == believed
