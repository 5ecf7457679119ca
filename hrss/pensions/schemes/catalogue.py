"""Every dated rule of rules.py as the schemes page and its API show it: a section per rule, the row in force on a
day, the whole history, and the source (依据待核实 for a row marked [believed]). Reads only; the rules themselves
stay in rules.py."""

from dataclasses import dataclass

from hrss.core.models import Level, Region
from hrss.core.scoping import code_of_prefix
from hrss.pensions.schemes import rules

PROVINCE = "44"  # 广东: the deployment's province (the tiers and the top-up shown are its own)


@dataclass(frozen=True)
class Row:
    effective_from: object
    text: str
    in_force: bool = False
    source: str = ""  # as shown (shown_source)
    believed: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    source: str  # as shown (shown_source)
    believed: bool
    rows: tuple  # Row, ascending

    @property
    def current(self):
        return next((row for row in self.rows if row.in_force), None)


def _yuan(amount):
    return f"{amount.normalize():f}"


def _rows(rows, day, text, source, row_sources=None):
    """Row per dated row; `row_sources` ({effective_from: source} or a function of the value) names a row's own
    source, `source` the rest."""
    found = rules.row_in_force(rows, day)
    out = []
    for effective_from, value in rows:
        own = row_sources(value) if callable(row_sources) else (row_sources or {}).get(effective_from)
        named = own or source
        out.append(Row(effective_from, text(value), found is not None and effective_from == found[0],
                       rules.shown_source(named), rules.BELIEVED in named))
    return tuple(out)


def _section(key, title, source, rows):
    """The section's source line is the row in force's own; before any row, the section's."""
    current = next((row for row in rows if row.in_force), None)
    if current is not None:
        return Section(key, title, current.source, current.believed, rows)
    return Section(key, title, rules.shown_source(source), rules.BELIEVED in source, rows)


def _scheme_source(value):
    return "；".join(dict.fromkeys(rule.source for rule in value.values() if rule))


def _schemes_text(value):
    rural, urban = value["rural"], value["urban"]
    return (f"农业户籍居民：{rural.name if rural else '未开办'}；"
            f"非农业户籍居民：{urban.name if urban else '未开办'}")


def _tiers_text(tiers):
    return "；".join(f"{_yuan(tier.amount)}元（补贴{_yuan(tier.subsidy)}元）" for tier in tiers)


def _eligibility_text(rule):
    text = (f"累计缴费不少于{rule.required_years}年；开办时距60周岁不足{rule.within_years}年的逐年缴费并可补缴；"
            "开办时已满60周岁的不缴费，按月领取基础养老金")
    return text + ("（须其符合条件的子女参保缴费）" if rule.family_binding else "")


def county_starts():
    """[(county name, county prefix, {scheme code: first day})] of the counties with a row, in code order."""
    names = dict(Region.objects.filter(level=Level.COUNTY, code__in=[code_of_prefix(prefix)
                                                                     for prefix in rules.COUNTY_STARTS])
                 .values_list("code", "name"))
    return [(names.get(code_of_prefix(prefix), prefix), prefix, dict(starts))
            for prefix, starts in sorted(rules.COUNTY_STARTS.items())]


def sections(day):
    """The sections of the rules, each with the row in force on `day` marked."""
    national, province = rules.BASIC_PENSION_SOURCE["national"], rules.BASIC_PENSION_SOURCE[PROVINCE]
    eligibility_source = rules.ELIGIBILITY[0][1].source
    return [
        _section("schemes", "险种", _scheme_source(rules.SCHEMES[0][1]),
                 _rows(rules.SCHEMES, day, _schemes_text, "", _scheme_source)),
        _section("minimum_age", "参保年龄", rules.MINIMUM_AGE_SOURCE,
                 _rows(rules.MINIMUM_AGE, day, lambda age: f"年满{age}周岁（不含在校学生），未参加城镇职工基本养老保险",
                       rules.MINIMUM_AGE_SOURCE)),
        _section("documents", "参保登记材料", rules.DOCUMENTS_SOURCE,
                 _rows(rules.DOCUMENTS, day, lambda docs: "、".join(name for _code, name in docs),
                       rules.DOCUMENTS_SOURCE)),
        _section("tiers", "缴费档次（元/年）与政府缴费补贴（广东）", rules.TIERS_SOURCE,
                 _rows(rules.TIERS[PROVINCE], day, _tiers_text, rules.TIERS_SOURCE, rules.TIERS_ROW_SOURCES)),
        _section("basic_national", "基础养老金：全国最低标准（元/月）", national,
                 _rows(rules.BASIC_PENSION["national"], day, lambda amount: f"{_yuan(amount)}元", national,
                       rules.BASIC_PENSION_ROW_SOURCES.get("national"))),
        _section("basic_province", "基础养老金：广东省提高部分（元/月）", province,
                 _rows(rules.BASIC_PENSION[PROVINCE], day, lambda amount: f"{_yuan(amount)}元", province,
                       rules.BASIC_PENSION_ROW_SOURCES.get(PROVINCE))),
        _section("pension_age", "领取待遇年龄", rules.DIVISOR_SOURCE,
                 _rows(rules.PENSION_AGE, day, lambda age: f"年满{age}周岁", rules.DIVISOR_SOURCE)),
        _section("divisor", "个人账户养老金计发月数", rules.DIVISOR_SOURCE,
                 _rows(rules.DIVISOR, day, lambda table: "；".join(f"{age}岁：{months}" for age, months in
                                                                  sorted(table.items())), rules.DIVISOR_SOURCE)),
        _section("eligibility", "缴费年限与开办时已满60周岁、距60周岁不足15年人员", eligibility_source,
                 _rows(rules.ELIGIBILITY, day, _eligibility_text, eligibility_source, lambda rule: rule.source)),
        _section("interest", "个人账户记账利率（按年）", rules.INTEREST_SOURCE,
                 _rows(rules.INTEREST, day, lambda rate: f"{(rate * 100).normalize():f}%", rules.INTEREST_SOURCE)),
    ]
