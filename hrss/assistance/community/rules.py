"""充分就业社区's criteria as dated configuration: each row (effective_from, the criteria) holds from its date until
the next row's; an assessment for a year is held to the row in force on the year's last day (`criteria_for`).

A criterion is either computed from the data (`kind="computed"`: the ledger, 失业登记, the area's records) or checked by
hand with a note (`kind="manual"`). Sources: none of these rows was checked against the document's text in this
repository; each is [believed], from 人社部's 创建充分就业社区 standards as they are usually quoted (社区登记失业率
控制在较低水平, 零就业家庭动态为零 (一个月内清零), 就业困难人员援助率100%, 有就业服务平台和专(兼)职人员, 劳动力资源
台账完整并动态更新; later local standards add 辖区内无失业半年以上人员 and the 重点群体“1311”服务). Correct a
row when the document is at hand; add a row for a new standard rather than editing an old one.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from hrss.core.dated import in_force

D = datetime.date

COMPUTED = "computed"
MANUAL = "manual"


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    kind: str  # COMPUTED or MANUAL
    threshold: Decimal | None = None  # for the rate: the highest rate that passes, in percent
    description: str = ""


UNEMPLOYMENT_RATE = "unemployment_rate"
ZERO_EMPLOYMENT_HOUSEHOLDS = "zero_employment_households"
ASSISTED = "difficulty_assisted"
NO_LONG_UNEMPLOYED = "no_long_unemployed"

# The short names the assessments list shows ("5/7 达到，未达到：登记失业率、零就业家庭").
SHORT_NAMES = {UNEMPLOYMENT_RATE: "登记失业率", ZERO_EMPLOYMENT_HOUSEHOLDS: "零就业家庭", ASSISTED: "援助率",
               "service_platform": "服务平台", "ledger_complete": "劳动力台账", NO_LONG_UNEMPLOYED: "失业半年以上人员",
               "service_1311": "1311服务"}

_PLATFORM = Criterion("service_platform", "有就业服务平台和专(兼)职工作人员", MANUAL,
                      description="社区设有就业服务窗口并有明显标识，配备专(兼)职就业服务人员。")
_LEDGER = Criterion("ledger_complete", "劳动力资源台账完整并动态更新", MANUAL,
                    description="劳动者、登记失业人员、就业困难人员台账齐全，按月更新。")


def _rate(threshold):
    return Criterion(UNEMPLOYMENT_RATE, f"城镇登记失业率不高于{threshold}%", COMPUTED, Decimal(threshold),
                     description="年末（或评估时上月末）城镇登记失业人数 ÷（城镇从业人员 + 城镇登记失业人数）。")


_HOUSEHOLDS = Criterion(ZERO_EMPLOYMENT_HOUSEHOLDS, "零就业家庭动态为零", COMPUTED,
                        description="评估年度12月31日（评估本年度时为评估日）没有未清零的零就业家庭。")
_ASSISTED = Criterion(ASSISTED, "就业困难人员援助率100%", COMPUTED,
                      description="评估年度12月31日（评估本年度时为评估日）有效认定的就业困难人员都已制定援助计划。")

STANDARDS = (
    # [believed] 人社部 创建充分就业社区活动 (2007): rate within 4%, the four other criteria.
    (D(2007, 1, 1), (_rate("4"), _HOUSEHOLDS, _ASSISTED, _PLATFORM, _LEDGER)),
    # [believed] the standard as later local 评估细则 quote it: rate within 3%, no one unemployed for more than half a
    # year, the 1311 service for the groups it names.
    (D(2019, 1, 1), (_rate("3"), _HOUSEHOLDS, _ASSISTED, _PLATFORM, _LEDGER,
                     Criterion(NO_LONG_UNEMPLOYED, "辖区内无失业半年以上人员", MANUAL,
                               description="评估年度12月31日，人员台账中没有连续失业半年以上的人员"
                                           "（台账中有的，不能核实为达到）。"),
                     Criterion("service_1311", "为重点群体提供“1311”服务并有记录", MANUAL,
                               description="一次职业指导、三次岗位推荐、一次技能培训、一次创业服务（或公益性岗位）。"))),
)

FIRST_YEAR = STANDARDS[0][0].year

# 评估在每年第一季度进行，评上一年度 [believed].
ASSESSMENT_MONTHS = (1, 2, 3)


def criteria_for(year):
    """The criteria an assessment of `year` is held to (the row in force on 31 December of the year); () before the
    first row."""
    return in_force(STANDARDS, D(year, 12, 31)) or ()


def assessment_due(day):
    """The year whose assessment is due on `day` (the previous year, in the first quarter), or None."""
    return day.year - 1 if day.month in ASSESSMENT_MONTHS else None
