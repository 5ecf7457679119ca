"""The benefits part's own dated rules (the house rule: a tuple of (effective_from, value) rows, ascending, read with
core.dated.in_force), for what schemes/rules.py does not hold: when the pension starts, the funeral grant, what of
the personal account is inherited. Each names its source; [believed] where unsourced, shown as "依据待核实"."""

import datetime
from decimal import Decimal

from hrss.core.dated import in_force
from hrss.pensions.schemes.rules import row_in_force, rule_name, shown_source

D = datetime.date

# The pension is paid from the month after the 60th birthday ("年满60周岁的次月起按月领取") [believed]. The value is
# the number of months after the birthday's month.
FIRST_MONTH_AFTER_BIRTHDAY = ((D(2009, 9, 1), 1),)
FIRST_MONTH_SOURCE = "年满60周岁次月起领取 [believed]"

# 丧葬补助金 for a residents' pensioner who dies, yuan, per province (the province's two digits) [believed: 广东's
# amount not checked against a document].
FUNERAL_GRANT = {
    "44": ((D(2009, 9, 1), Decimal("0")), (D(2014, 2, 21), Decimal("1000"))),
}
FUNERAL_GRANT_SOURCE = "广东省城乡居民养老保险丧葬补助金 [believed]"

# What of the personal account the heirs inherit: the balance at approval less the account parts paid (not below 0);
# the government's contribution subsidies stay in the account until 2014, are inherited from then (国发〔2014〕8号
# 第九条) [believed: the split is not kept here, the whole remainder is shown].
INHERITANCE = ((D(2009, 9, 1), "balance_less_paid"),)
INHERITANCE_SOURCE = "国发〔2014〕8号第九条（个人账户余额可依法继承） [believed]"


def months_after_birthday(day):
    return in_force(FIRST_MONTH_AFTER_BIRTHDAY, day)


def funeral_grant_on(province, day):
    """(amount, rule name) of the funeral grant for a death on `day` in the province (two digits), or (0, None)."""
    rows = FUNERAL_GRANT.get(province)
    found = row_in_force(rows, day) if rows else None
    if found is None:
        return Decimal("0"), None
    return found[1], rule_name("funeral_grant", found[0], province)


def shown(source):
    return shown_source(source)

# The award's review steps: working days at the township and at the county [believed: 5, as the other reviews].
REVIEW_WORKING_DAYS = ((D(2009, 9, 1), 5),)

# Who is asked, with the family-binding rule (家庭捆绑, 国发〔2009〕32号第十条, while ELIGIBILITY's family_binding is in
# force): the children aged 16 or over living in the person's household of the ledger [believed: "符合参保条件的子女"
# read as the household's children of that age]. The relations to the head that are the person's children, by the
# person's own relation to the head.
CHILD_AGE = ((D(2009, 9, 1), 16),)
CHILDREN_BY_RELATION = {"head": ("child",), "spouse": ("child",), "parent": ("head", "sibling")}
