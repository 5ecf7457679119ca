"""The acceptance part's dated configuration (core/dated.py: rows of (effective_from, value), ascending): the
days a rectification is given by default, and the plan's milestones. The plan is 《河源市加强乡镇街道人力资源社会保障
公共服务平台建设工作方案》 of 2011-11-21."""

import datetime
from dataclasses import dataclass

from hrss.core.dated import in_force

PLAN_DAY = datetime.date(2011, 11, 21)

# Calendar days from the inspection to the deadline of a rectification item, unless the inspector sets another
# [believed: the plan gives no number; a month is the usual 限期整改].
RECTIFICATION_DAYS = ((PLAN_DAY, 30),)

# 河源高新区 is not a statistical unit of its own (hrss/core/data/heyuan/README.md): its area is coded inside 源城区 and
# 东源县. The township codes it covers go here once a source names them [believed: none identified yet]; until
# then the first milestone counts the central towns (Region.is_central_town) only.
HIGH_TECH_ZONE_TOWNSHIPS = ((PLAN_DAY, ()),)


@dataclass(frozen=True)
class Milestone:
    code: str
    title: str
    due_on: datetime.date
    central_towns_only: bool  # True: the township offices of the central towns (and 河源高新区); False: every office
    short: str = ""  # the bulletin's column heading


# The plan's two deadlines: the central towns (and 河源高新区) by the end of 2011, every township and village by
# 2012-09-30.
MILESTONES = ((PLAN_DAY, (
    Milestone("central_towns", "中心镇和河源高新区服务所", datetime.date(2011, 12, 31), True,
              "中心镇等"),
    Milestone("all_offices", "全部乡镇(街道)服务所和村(社区)服务站", datetime.date(2012, 9, 30), False,
              "全部所站"),
)),)


def rectification_days(day):
    return in_force(RECTIFICATION_DAYS, day) or 30


def high_tech_zone_townships(day):
    return in_force(HIGH_TECH_ZONE_TOWNSHIPS, day) or ()


def milestones_on(day):
    """The milestones of the plan in force on `day` (none before the plan)."""
    return in_force(MILESTONES, day) or ()
