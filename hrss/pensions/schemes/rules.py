"""The residents' pension schemes as dated configuration (the house rule: anything that changes with time is a
tuple of (effective_from, value) rows, ascending, read with core.dated.in_force; a changed rule is a new row, so a
case keeps the rule of its own day). Every part of the area reads its rules here, never a constant of its own.

Each row names its source. Where the source was not checked against the document's text, it says [believed]; pages
show that as "依据待核实" (`shown_source`). Correct a row when the document is at hand, and add a row for a new rule
rather than editing an old one.

What is here:
- the schemes (新农保 2009, 城居保 2011, merged 2014) and each county's start of each scheme;
- who may enrol (minimum age) and the documents to see;
- the contribution tiers and the government's subsidy per tier, per province;
- the basic pension as layers (the national minimum, the province's top-up, the county's), each dated;
- the personal account's monthly divisor, the pension age, the years of contribution required and the rules for
  those near or over 60 when the scheme started (the family-binding rule while it was in force);
- the interest credited to personal accounts per year.

`rule_name(kind, effective_from, scope)` is how a calculation names the rows it used ("basic_pension.national
@2025-07-01"), so `hrss pension-calc` and the pension page can list them.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from hrss.core.dated import in_force
from hrss.core.models import Level
from hrss.core.scoping import code_prefix

D = datetime.date
BELIEVED = "[believed]"


def shown_source(source):
    """A rule's source for a page or a message: without the "[believed]" marker, which becomes "，依据待核实"."""
    if BELIEVED not in source:
        return source
    return f"{source.replace(BELIEVED, '').strip()}，依据待核实"


def rule_name(kind, effective_from, scope=""):
    return f"{kind}{'.' + scope if scope else ''}@{effective_from.isoformat()}"


def row_in_force(rows, day):
    """(effective_from, value) of the row in force on `day`, or None before the first."""
    found = None
    for effective_from, value in rows:
        if effective_from <= day:
            found = (effective_from, value)
    return found


# --- the schemes ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SchemeRule:
    code: str  # Scheme's value (models/enrolment.py)
    name: str
    source: str


SCHEMES = (
    (D(2009, 9, 1), {"rural": SchemeRule("nrps", "新型农村社会养老保险", "国发〔2009〕32号"),
                     "urban": None}),
    (D(2011, 6, 7), {"rural": SchemeRule("nrps", "新型农村社会养老保险", "国发〔2009〕32号"),
                     "urban": SchemeRule("urps", "城镇居民社会养老保险", "国发〔2011〕18号 [believed]")}),
    (D(2014, 2, 21), {"rural": SchemeRule("crps", "城乡居民基本养老保险", "国发〔2014〕8号 [believed]"),
                      "urban": SchemeRule("crps", "城乡居民基本养老保险", "国发〔2014〕8号 [believed]")}),
)

# Each county's first day of each scheme (新农保 was piloted county by county from 2009; 广东 reached every county
# by 2012 [believed]). A county missing here starts on the day the scheme itself starts.
COUNTY_STARTS = {
    # county code: {scheme code: first day}  [believed: dates of 河源's pilots not sourced]
    "441602": {"nrps": D(2011, 7, 1), "urps": D(2011, 7, 1)},  # 源城区
    "441621": {"nrps": D(2010, 7, 1), "urps": D(2011, 7, 1)},  # 紫金县
    "441622": {"nrps": D(2011, 7, 1), "urps": D(2011, 7, 1)},  # 龙川县
    "441623": {"nrps": D(2009, 12, 1), "urps": D(2011, 7, 1)},  # 连平县
    "441624": {"nrps": D(2011, 7, 1), "urps": D(2011, 7, 1)},  # 和平县
    "441625": {"nrps": D(2011, 7, 1), "urps": D(2011, 7, 1)},  # 东源县
}
COUNTY_STARTS_SOURCE = "广东省新农保、城居保试点县名单 [believed]"


def scheme_on(county_code, day, *, urban=False):
    """The SchemeRule a resident of `county_code` enrols in on `day` (urban: a non-agricultural hukou), or None when
    no scheme had started there yet."""
    schemes = in_force(SCHEMES, day)
    if schemes is None:
        return None
    rule = schemes["urban" if urban else "rural"]
    if rule is None:
        return None
    start = COUNTY_STARTS.get(county_code, {}).get(rule.code)
    if rule.code == "crps":  # the merged scheme started where either had
        starts = COUNTY_STARTS.get(county_code, {})
        start = min(starts.values()) if starts else None
    if start is not None and day < start:
        return None
    return rule


def scheme_start(county_code, code):
    """The first day of scheme `code` in the county (the scheme's own start where the county has no row)."""
    start = COUNTY_STARTS.get(county_code, {}).get(code)
    if start is not None:
        return start
    return next(day for day, schemes in SCHEMES if any(rule and rule.code == code for rule in schemes.values()))


# --- enrolment ---------------------------------------------------------------------------------------------------

MINIMUM_AGE = ((D(2009, 9, 1), 16),)  # 年满16周岁（不含在校学生） 国发〔2009〕32号
MINIMUM_AGE_SOURCE = "国发〔2009〕32号、国发〔2014〕8号"

DOCUMENTS = (
    (D(2009, 9, 1), (
        ("id_card", "居民身份证（原件及复印件）"),
        ("hukou", "户口簿（原件及复印件）"),
        ("form", "城乡居民养老保险参保登记表"),
    )),
)
DOCUMENTS_SOURCE = "广东省城乡居民养老保险经办规程 [believed]"


def minimum_age_on(day):
    """The least age (whole years) at which a resident may enrol on `day` (16 from the scheme's start)."""
    return in_force(MINIMUM_AGE, day) or MINIMUM_AGE[0][1]


def documents_on(day):
    """((code, name), ...) of the documents to see at enrolment on `day` (the checklist in force)."""
    return in_force(DOCUMENTS, day) or DOCUMENTS[0][1]


# --- contributions -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tier:
    amount: Decimal  # yuan a year
    subsidy: Decimal  # the government's subsidy a year for a person paying this tier


def _tiers(*pairs):
    return tuple(Tier(Decimal(amount), Decimal(subsidy)) for amount, subsidy in pairs)


# Per province code (the first two digits). 2009: 100–500 a year in five tiers, subsidy ≥30 (国发〔2009〕32号);
# 2014: twelve tiers 100–2000, ≥30, ≥60 from 500 (国发〔2014〕8号); 广东's own tiers and subsidies [believed].
TIERS = {
    "44": (
        (D(2009, 9, 1), _tiers((100, 30), (200, 30), (300, 30), (400, 30), (500, 30))),
        (D(2014, 2, 21), _tiers((120, 30), (240, 30), (360, 30), (480, 30), (600, 60), (960, 60), (1200, 60),
                                (1800, 60), (2400, 60), (3600, 60))),
        (D(2020, 1, 1), _tiers((180, 30), (240, 30), (360, 30), (480, 30), (600, 60), (960, 60), (1200, 60),
                               (1800, 60), (2400, 60), (3600, 60), (4800, 60))),
    ),
}
TIERS_SOURCE = "国发〔2009〕32号、国发〔2014〕8号；广东档次与补贴 [believed]"
# Rows whose source was checked (domain-rules §9, S-nrps: five tiers 100–500, a subsidy of at least 30); the others
# fall back to TIERS_SOURCE.
TIERS_ROW_SOURCES = {D(2009, 9, 1): "国发〔2009〕32号"}


def tiers_on(region_code, day):
    """(effective_from, (Tier, ...)) in force for the region's province on `day`, or None."""
    rows = TIERS.get(code_prefix(region_code, Level.PROVINCE))
    return row_in_force(rows, day) if rows else None


def tier_amounts(region_code, day):
    """The yearly amounts (Decimal) a person of the region may choose on `day`, ascending; () before any."""
    found = tiers_on(region_code, day)
    return tuple(tier.amount for tier in found[1]) if found else ()


# Interest credited to personal accounts, per calendar year (a year's rate is applied at its end). Until 2015 the
# one-year deposit rate; from 2016 the rate of the employees' personal accounts [believed for every figure].
INTEREST = (
    (D(2009, 1, 1), Decimal("0.0225")),
    (D(2011, 1, 1), Decimal("0.035")),
    (D(2012, 1, 1), Decimal("0.03")),
    (D(2015, 1, 1), Decimal("0.025")),
    (D(2016, 1, 1), Decimal("0.0831")),
    (D(2017, 1, 1), Decimal("0.0712")),
    (D(2018, 1, 1), Decimal("0.0829")),
    (D(2019, 1, 1), Decimal("0.0761")),
    (D(2020, 1, 1), Decimal("0.0604")),
    (D(2021, 1, 1), Decimal("0.0669")),
    (D(2022, 1, 1), Decimal("0.0612")),
    (D(2023, 1, 1), Decimal("0.0397")),
    (D(2024, 1, 1), Decimal("0.0262")),
)
INTEREST_SOURCE = "历年记账利率（人社部、财政部公布） [believed]"


def interest_rate(year):
    return in_force(INTEREST, D(year, 1, 1))


# --- benefits ----------------------------------------------------------------------------------------------------

# The basic pension in layers, yuan a month: the national minimum (中央确定的基础养老金最低标准), the province's
# top-up over it, the county's own top-up. The pension of a month is the sum of the layers in force then.
BASIC_PENSION = {
    "national": (
        (D(2009, 9, 1), Decimal("55")),
        (D(2014, 7, 1), Decimal("70")),
        (D(2018, 1, 1), Decimal("88")),
        (D(2020, 7, 1), Decimal("93")),
        (D(2023, 7, 1), Decimal("103")),
        (D(2024, 7, 1), Decimal("123")),
        (D(2025, 7, 1), Decimal("143")),
    ),
    "44": (  # 广东's top-up over the national minimum [believed]
        (D(2009, 9, 1), Decimal("0")),
        (D(2014, 7, 1), Decimal("10")),
        (D(2017, 7, 1), Decimal("50")),
        (D(2018, 7, 1), Decimal("60")),
        (D(2019, 7, 1), Decimal("82")),
        (D(2020, 7, 1), Decimal("87")),
        (D(2022, 7, 1), Decimal("97")),
        (D(2023, 7, 1), Decimal("97")),
        (D(2024, 7, 1), Decimal("97")),
    ),
}
BASIC_PENSION_SOURCE = {"national": "国发〔2009〕32号（55元）及历年提高全国城乡居民基础养老金最低标准的通知 [believed]",
                        "44": "广东省城乡居民基础养老金标准 [believed]"}
# Rows whose source was checked (domain-rules §9, S-nrps: 55 yuan a month); the others fall back to the scope's.
BASIC_PENSION_ROW_SOURCES = {"national": {D(2009, 9, 1): "国发〔2009〕32号"}}


def basic_pension_on(county_code, day):
    """(amount, [rule names]) of the basic pension paid in `county_code` on `day`: the layers in force, summed."""
    total, used = Decimal("0"), []
    for scope in ("national", code_prefix(county_code, Level.PROVINCE), code_prefix(county_code, Level.COUNTY)):
        rows = BASIC_PENSION.get(scope)
        found = row_in_force(rows, day) if rows else None
        if found is not None:
            total += found[1]
            used.append(rule_name("basic_pension", found[0], scope))
    return total, used


PENSION_AGE = ((D(2009, 9, 1), 60),)
DIVISOR = ((D(2009, 9, 1), {60: 139}),)  # 个人账户养老金月计发标准：个人账户全部储存额除以139 (国发〔2009〕32号)
DIVISOR_SOURCE = "国发〔2009〕32号、国发〔2014〕8号"


def divisor_on(day, age=60):
    """(divisor, rule name) for a pension starting on `day` at `age` (the residents' scheme uses 139 at 60 and at any
    later age [believed for ages over 60])."""
    found = row_in_force(DIVISOR, day)
    table = found[1]
    divisor = table.get(age, table[60])
    return divisor, rule_name("divisor", found[0])


@dataclass(frozen=True)
class Eligibility:
    """How many years a person must have paid, by their age on the day the scheme started in their county:
    `over_60_free`: those already 60 or older draw the basic pension without paying (while `family_binding`, only
    if their eligible children are enrolled); `within_years`: those within this many years of 60 pay every year
    until 60 and may pay arrears (补缴) for the missing years, the total not above `required_years`; everyone else
    pays at least `required_years`."""

    required_years: int
    within_years: int
    over_60_free: bool
    family_binding: bool
    source: str


ELIGIBILITY = (
    (D(2009, 9, 1), Eligibility(15, 15, True, True, "国发〔2009〕32号第十条")),
    (D(2014, 2, 21), Eligibility(15, 15, True, False, "国发〔2014〕8号第十条（不再要求子女参保） [believed]")),
)
