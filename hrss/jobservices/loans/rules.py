"""The start-up loan's rules that change with time, as dated configuration: each a tuple of (effective_from, value)
rows, ascending; the row in force on a day is the last one that has started (`in_force`). A changed rule is a new
row, and an application keeps the rules of its application date.

Sources: none of these rows was checked against the documents' text in this repository; each is marked [believed]
with the document it is believed to come from (domain-rules §6 for the 2008 row). Correct a row (or its date) when the
document is at hand, and add a row for a new rule rather than editing an old one.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from hrss.core.dated import in_force
from hrss.jobservices.models.loans import BorrowerKind, Category, Document

D = datetime.date


# --- the name ---------------------------------------------------------------------------------------------------

# 小额担保贷款 (银发〔2002〕394号 [believed]), renamed 创业担保贷款 by 财金〔2016〕85号 [believed: dated 2016-08-24].
RENAMED_ON = D(2016, 8, 24)
LOAN_NAME = ((D(2002, 12, 1), "小额担保贷款"), (RENAMED_ON, "创业担保贷款"))


def loan_name(day):
    """The loan's name for an application made on `day`."""
    return in_force(LOAN_NAME, day) or LOAN_NAME[0][1]


# --- who may borrow (eligibility categories) ---------------------------------------------------------------------


# From which date each category may apply [believed: 2002/2003 for the first three (银发〔2002〕394号), 2008 for
# graduates and returning migrant workers (财金〔2008〕100号), 2016 for the next three (财金〔2016〕85号), 2018 for
# rural entrepreneurs (财金〔2018〕22号)].
CATEGORY_SINCE = {
    Category.REGISTERED_UNEMPLOYED: D(2002, 12, 1),
    Category.HARD_TO_EMPLOY: D(2002, 12, 1),
    Category.DISCHARGED_MILITARY: D(2002, 12, 1),
    Category.GRADUATE: D(2008, 8, 1),
    Category.RETURNING_MIGRANT: D(2008, 8, 1),
    Category.RELEASED: RENAMED_ON,
    Category.POOR: RENAMED_ON,
    Category.ONLINE_MERCHANT: RENAMED_ON,
    Category.RURAL_ENTREPRENEUR: D(2018, 3, 22),
}


def categories_on(day):
    """The categories that may apply on `day`, in their order."""
    return [category for category in Category if CATEGORY_SINCE[category] <= day]


# The documents the village sees at the intake, by category (ID for all, plus what proves the category)
# [believed: the usual lists of 广东 counties' 办事指南].
CATEGORY_DOCUMENT = {
    Category.REGISTERED_UNEMPLOYED: Document.UNEMPLOYMENT_CERTIFICATE,
    Category.HARD_TO_EMPLOY: Document.DISABILITY,
    Category.DISCHARGED_MILITARY: Document.DISCHARGE,
    Category.GRADUATE: Document.GRADUATION,
    Category.RETURNING_MIGRANT: Document.MIGRANT_PROOF,
    Category.RELEASED: Document.RELEASE,
    Category.POOR: Document.POOR_PROOF,
}


def required_documents(category):
    needed = {Document.ID_CARD, Document.BUSINESS_PLAN}
    if category in CATEGORY_DOCUMENT:
        needed.add(CATEGORY_DOCUMENT[category])
    return needed


# --- limits and terms --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    individual: Decimal  # yuan, per person
    # A partnership borrows up to individual x partners x (1 + uplift).
    partnership_uplift: Decimal
    small_enterprise: Decimal
    individual_months: int  # the longest term
    enterprise_months: int

    def amount(self, kind, partners=1):
        if kind == BorrowerKind.SMALL_ENTERPRISE:
            return self.small_enterprise
        if kind == BorrowerKind.PARTNERSHIP:
            return (self.individual * max(partners, 1) * (1 + self.partnership_uplift)).quantize(Decimal("1"))
        return self.individual

    def months(self, kind):
        return self.enterprise_months if kind == BorrowerKind.SMALL_ENTERPRISE else self.individual_months


LIMITS = (
    # 银发〔2002〕394号: 2万元, 2 years [believed].
    (D(2002, 12, 1), Limits(Decimal(20_000), Decimal(0), Decimal(1_000_000), 24, 24)),
    # 财金〔2008〕100号: 5万元 a person, 2 years; 劳动密集型小企业 200万元 [believed; domain-rules §6 for the person's].
    (D(2008, 8, 1), Limits(Decimal(50_000), Decimal(0), Decimal(2_000_000), 24, 24)),
    # 财金〔2013〕84号: 10万元 a person [believed].
    (D(2013, 8, 1), Limits(Decimal(100_000), Decimal(0), Decimal(2_000_000), 24, 24)),
    # 财金〔2018〕22号: 15万元 a person, a partnership up to 110% of its members' sum, 小微企业 300万元 [believed].
    (D(2018, 3, 22), Limits(Decimal(150_000), Decimal("0.10"), Decimal(3_000_000), 36, 24)),
    # 财金〔2020〕21号: 20万元 a person, 3 years [believed: the brief cites the document; the date is believed].
    (D(2020, 4, 7), Limits(Decimal(200_000), Decimal("0.10"), Decimal(3_000_000), 36, 24)),
    # 2024's national notice: 30万元 a person [believed, unsourced: neither the document nor its date was checked].
    (D(2024, 1, 1), Limits(Decimal(300_000), Decimal("0.10"), Decimal(3_000_000), 36, 24)),
)


def limits_on(day):
    return in_force(LIMITS, day)


# --- the interest subsidy (贴息) ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubsidyRule:
    """What share of the interest the budget pays (贴息), for a loan applied for while the rule is in force.

    kind "micro_profit": the budget pays `share` of the interest of a 微利项目 loan to a person or partnership, none
    of their other loans, and `enterprise_share` of a small enterprise's (of the rate agreed: the rule says of the
    benchmark rate, which the rate is taken to be); "full": `share` of a person's or partnership's loan, `enterprise_share` of a small
    enterprise's; "lpr": the borrower bears the one-year LPR less `points` (percentage points) and the budget the
    rest of the rate, a small enterprise's rest at `enterprise_share`."""

    kind: str
    label: str
    share: Decimal = Decimal(1)
    enterprise_share: Decimal = Decimal(0)
    points: Decimal = Decimal(0)


SUBSIDY = (
    (D(2002, 12, 1), SubsidyRule("micro_profit", "微利项目财政据实全额贴息")),  # [believed]
    # 财金〔2008〕100号 as domain-rules §6 has it: 微利项目 in full, enterprises 50% of the (benchmark) rate.
    (D(2008, 8, 1), SubsidyRule("micro_profit", "微利项目财政据实全额贴息，劳动密集型小企业贴息50%",
                                enterprise_share=Decimal("0.5"))),
    (RENAMED_ON, SubsidyRule("full", "个人（合伙）贷款财政全额贴息，小微企业贴息50%",
                             enterprise_share=Decimal("0.5"))),  # 财金〔2016〕85号 [believed]
    (D(2020, 4, 7), SubsidyRule("lpr", "借款人承担LPR减150个基点以下部分，其余财政贴息（小微企业贴息一半）",
                                enterprise_share=Decimal("0.5"), points=Decimal("1.5"))),  # 财金〔2020〕21号 [believed]
)

# 逾期: the budget pays no subsidy for an instalment paid after its due date or still unpaid (财金〔2008〕100号 and
# after: "对逾期的贷款不予贴息") [believed].
OVERDUE_LOSES_SUBSIDY = ((D(2002, 12, 1), True),)

# The one-year Loan Prime Rate (贷款市场报价利率, percent) as published since the 2019 reform [believed: the figures
# as remembered, not checked against the 全国银行间同业拆借中心 notices].
LPR_1Y = (
    (D(2019, 8, 20), Decimal("4.25")), (D(2019, 9, 20), Decimal("4.20")), (D(2019, 11, 20), Decimal("4.15")),
    (D(2020, 2, 20), Decimal("4.05")), (D(2020, 4, 20), Decimal("3.85")), (D(2021, 12, 20), Decimal("3.80")),
    (D(2022, 1, 20), Decimal("3.70")), (D(2022, 8, 22), Decimal("3.65")), (D(2023, 6, 20), Decimal("3.55")),
    (D(2023, 8, 21), Decimal("3.45")), (D(2024, 7, 22), Decimal("3.35")), (D(2024, 10, 21), Decimal("3.10")),
    (D(2025, 5, 20), Decimal("3.00")),
)


def lpr_on(day):
    return in_force(LPR_1Y, day) or LPR_1Y[0][1]


def subsidised_rate(*, applied_on, start_date, kind, micro_profit, annual_rate):
    """The part of the annual rate (percent) the budget pays, by the rule in force on the application date (the
    LPR is the one of the loan's start date)."""
    rule = in_force(SUBSIDY, applied_on)
    annual_rate = Decimal(annual_rate)
    enterprise = kind == BorrowerKind.SMALL_ENTERPRISE
    if rule is None:
        return Decimal(0)
    if rule.kind == "micro_profit":
        if enterprise:
            paid = annual_rate * rule.enterprise_share
        else:
            paid = annual_rate * rule.share if micro_profit else Decimal(0)
    elif rule.kind == "full":
        paid = annual_rate * (rule.enterprise_share if enterprise else rule.share)
    else:
        borne = max(lpr_on(start_date) - rule.points, Decimal(0))
        above = max(annual_rate - borne, Decimal(0))
        paid = above * (rule.enterprise_share if enterprise else rule.share)
    return min(paid, annual_rate).quantize(Decimal("0.001"))


def subsidy_rule_label(day):
    rule = in_force(SUBSIDY, day)
    return rule.label if rule else "无"


# --- the review's deadlines (working days a step) -----------------------------------------------------------------

# [believed: 5 working days at the township and the county as for the other reviews; the guarantee agency and the
# bank 10 each, as 广东 counties' 办事指南 commonly promise]
FIVE_WORKING_DAYS = ((D(2008, 1, 1), 5),)
TEN_WORKING_DAYS = ((D(2008, 1, 1), 10),)
