"""The monthly pension worked out and shown (国发〔2009〕32号、国发〔2014〕8号): basic pension (the layers in force in
the county) + personal account ÷ the divisor at 60 (139), rounded to the fen half up. `calculate` is pure (no
database): the award, the pension page and `hrss pension-calc` all call it, so a rule is applied once.

The first month is the month after the 60th birthday (FIRST_MONTH_AFTER_BIRTHDAY, [believed]): someone born on
1 March turns 60 on 1 March and is paid from April; someone born on 29 February (always a leap year sixty years on)
from March. The basic pension is the one in force on the later of the first month and `on` (a pension worked out
before it starts uses the rows in force when it starts; one worked out later, those of the day)."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from hrss.core import text
from hrss.core.dated import in_force
from hrss.core.dates import add_months, age_on
from hrss.pensions.benefits import rules as own_rules
from hrss.pensions.schemes.rules import (
    BASIC_PENSION,
    BASIC_PENSION_SOURCE,
    BELIEVED,
    DIVISOR,
    DIVISOR_SOURCE,
    PENSION_AGE,
    basic_pension_on,
    divisor_on,
    row_in_force,
    rule_name,
)

FEN = Decimal("0.01")
DEFAULT_COUNTY = "441602"  # 源城区, the deployment's home county (hrss pension-calc's default)


def money(amount):
    """12,345.60 (a page's and a line's way of writing yuan: core.text.money)."""
    return text.money(amount)


@dataclass(frozen=True)
class Calc:
    eligible_age: bool  # 60 reached by `on`
    age: int  # on `on`
    pension_age: int
    first_month: datetime.date  # the first day of the first month paid
    account_balance: Decimal
    basic: Decimal
    divisor: int
    account_part: Decimal
    total: Decimal
    rules: list = field(default_factory=list)  # names of the dated rules used (rule_name)
    lines: list = field(default_factory=list)  # the calculation in Chinese, for the page
    sources: list = field(default_factory=list)  # the documents (a "[believed]" one shown as 依据待核实)

    def as_json(self):
        """The command's and the API's shape: amounts as strings with two decimals, the month as YYYY-MM."""
        return {"eligible_age": self.eligible_age, "first_month": f"{self.first_month:%Y-%m}",
                "basic": f"{self.basic:.2f}", "account_part": f"{self.account_part:.2f}",
                "total": f"{self.total:.2f}", "rules": list(self.rules)}

    def as_stored(self):
        """What a Pension keeps in `calculation` (JSON)."""
        return {**self.as_json(), "lines": list(self.lines), "sources": list(self.sources), "divisor": self.divisor,
                "rule_labels": [rule_label(name) for name in self.rules],
                "account_balance": f"{self.account_balance:.2f}"}


def pension_age_on(day):
    """(age, rule name) of the pension age in force on `day`."""
    found = row_in_force(PENSION_AGE, day) or PENSION_AGE[0]
    return found[1], rule_name("pension_age", found[0])


def first_month_of(birth_date):
    """The first day of the first month paid: the month after the month of the 60th birthday."""
    age, _name = pension_age_on(birth_date.replace(day=1) if birth_date.year >= 2009 else datetime.date(2009, 9, 1))
    birthday_month = add_months(birth_date.replace(day=1), 12 * age)
    after = in_force(own_rules.FIRST_MONTH_AFTER_BIRTHDAY, max(birthday_month, datetime.date(2009, 9, 1)))
    return add_months(birthday_month, after)


def calculate(*, birth_date, account_balance, on, county_code=DEFAULT_COUNTY):
    """The pension of a person born on `birth_date` with `account_balance` in the personal account, worked out on
    `on` in the county `county_code` (six digits)."""
    account_balance = Decimal(account_balance)
    age_rule_day = max(on, datetime.date(2009, 9, 1))
    pension_age, age_rule = pension_age_on(age_rule_day)
    first_month = first_month_of(birth_date)
    age = age_on(birth_date, on)
    day = max(first_month, on)
    basic, basic_rules = basic_pension_on(county_code, day)
    divisor, divisor_rule = divisor_on(max(first_month, datetime.date(2009, 9, 1)), pension_age)
    account_part = (account_balance / divisor).quantize(FEN, rounding=ROUND_HALF_UP)
    basic = basic.quantize(FEN)
    total = basic + account_part
    first_rule = rule_name("first_month", own_rules.FIRST_MONTH_AFTER_BIRTHDAY[0][0])
    parts = _layer_amounts(basic_rules)
    basic_line = (f"基础养老金 = {' + '.join(money(amount) for _label, amount in parts)} = {money(basic)}"
                  f"（{'、'.join(label for label, _amount in parts)}，{day:%Y-%m-%d}执行的标准）"
                  if len(parts) > 1 else f"基础养老金 = {money(basic)}（{day:%Y-%m-%d}执行的标准）")
    lines = [
        f"年满{pension_age}周岁：{first_month:%Y}年{first_month:%m}月起领（{age}岁，计算日{on:%Y-%m-%d}）",
        basic_line,
        f"个人账户养老金 = {money(account_balance)} ÷ {divisor} = {money(account_part)}",
        f"月养老金 = {money(basic)} + {money(account_part)} = {money(total)}",
    ]
    sources = [own_rules.shown(own_rules.FIRST_MONTH_SOURCE),
               *[own_rules.shown(BASIC_PENSION_SOURCE[scope]) for scope in BASIC_PENSION_SOURCE
                 if any(f".{scope}@" in name for name in basic_rules)],
               own_rules.shown(DIVISOR_SOURCE)]
    return Calc(eligible_age=age >= pension_age, age=age, pension_age=pension_age, first_month=first_month,
                account_balance=account_balance, basic=basic, divisor=divisor, account_part=account_part,
                total=total, rules=[age_rule, first_rule, *basic_rules, divisor_rule], lines=lines, sources=sources)


LAYER_LABELS = {"national": "国家最低标准"}


def _layer_amounts(basic_rules):
    """[(label, amount)] of the basic pension's layers named by basic_pension_on's rule names
    ("basic_pension.<scope>@<day>"): the national minimum, the province's and the county's top-ups."""
    found = []
    for name in basic_rules:
        scope, day = name.split("@")[0].split(".", 1)[1], datetime.date.fromisoformat(name.split("@")[1])
        amount = dict(BASIC_PENSION[scope])[day]
        label = LAYER_LABELS.get(scope) or ("省提高部分" if len(scope) == 2 else "县(区)提高部分")
        found.append((label, amount.quantize(FEN)))
    return found


PROVINCE_NAMES = {"44": "广东省"}


def _rule_source(kind, scope):
    if kind == "first_month":
        return own_rules.FIRST_MONTH_SOURCE
    if kind == "basic_pension":
        return BASIC_PENSION_SOURCE.get(scope, "")
    if kind == "divisor":
        return DIVISOR_SOURCE
    if kind == "funeral_grant":
        return own_rules.FUNERAL_GRANT_SOURCE
    return ""


def rule_label(name):
    """A dated rule's name ("basic_pension.44@2024-07-01") in Chinese for a page ("广东省提高部分（2024-07-01起）"),
    with "，依据待核实" once when its source is [believed]. The command's and the API's "rules" keep the names."""
    head, _, day_text = name.partition("@")
    kind, _, scope = head.partition(".")
    try:
        day = datetime.date.fromisoformat(day_text)
    except ValueError:
        return name
    if kind == "pension_age":
        text = f"领取年龄{dict(PENSION_AGE).get(day, 60)}周岁"
    elif kind == "first_month":
        text = "达到领取年龄次月起领"
    elif kind == "basic_pension":
        text = ("基础养老金全国最低标准" if scope == "national" else
                f"{PROVINCE_NAMES.get(scope, '省')}提高部分" if len(scope) == 2 else "县(区)提高部分")
    elif kind == "divisor":
        text = f"计发月数{dict(DIVISOR).get(day, {}).get(60, 139)}"
    elif kind == "funeral_grant":
        text = "丧葬补助金标准"
    else:
        text = kind
    believed = "，依据待核实" if BELIEVED in _rule_source(kind, scope) else ""
    return f"{text}（{day:%Y-%m-%d}起{believed}）"
