"""The 八统一 standards of the plan (河源市乡镇(街道)、村(社区)人力资源社会保障公共服务平台建设实施方案, 2011-11-21,
sections (六) to (八); ../shared/seed/heyuan-2011-platform-plan.txt) as dated configuration (core/dated.py): each rule
has its code, its title as users read it, the kinds of office it applies to, and rows of (effective_from,
requirement), a requirement being {office kind: what is required of it} or None when the rule was withdrawn. A later
standard is a new row: the history is kept and the rule in force on a day is `in_force(rule.rows, day)`.

How a rule is measured (what was recorded, whether it holds) is compliance.py's; what is required is here."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from hrss.core.dated import in_force

PLAN = datetime.date(2011, 11, 21)  # the plan's date: its rules are in force from it

CENTRAL_TOWN = "central_town"
TOWNSHIP = "township"
VILLAGE = "village"
KIND_NAMES = {CENTRAL_TOWN: "中心镇(街道)服务所", TOWNSHIP: "其他乡镇(街道)服务所", VILLAGE: "村(社区)服务站"}
TOWNSHIPS = (CENTRAL_TOWN, TOWNSHIP)
ALL_KINDS = (CENTRAL_TOWN, TOWNSHIP, VILLAGE)

# The six basic windows of a township's office (统一服务窗口), codes of models.WindowKind.
SIX_WINDOWS = ("registration", "employment_service", "assistance", "retirees", "petitions", "rural_pension")
# The boards every office sets up (宣传栏、意见箱、信息发布栏), fields of models.OfficeFacts.
BOARDS = {"publicity_board": "宣传栏", "suggestion_box": "意见箱", "info_board": "信息发布栏"}
# The plan's seven internal rules (健全内部管理制度), put on the wall.
WALL_RULES = {
    "duties": "岗位职责制度",
    "appraisal": "绩效考核和奖励制度",
    "training": "业务培训和学习制度",
    "ledgers": "资料台帐管理制度",
    "conduct": "工作人员行为规范制度",
    "finance": "财务管理制度",
    "village_staff": "村(社区)工作人员管理制度",
}
MOTTO = "诚心服务，真情相助"
SOFTWARE_ACTIVITY_DAYS = 30  # the unified software counts as used with an audit entry of the office's staff so recent

# Guangdong's minimum monthly wage for 河源's class of area (广东省最低工资标准, 河源 in the lowest class).
# [believed: from memory of the province's notices, not checked against a source here; correct a row when its
# notice is at hand] — 2011-03-01 850, 2013-05-01 1010, 2015-05-01 1210, 2018-07-01 1410, 2021-12-01 1620,
# 2025-03-01 1720 yuan a month.
MINIMUM_WAGE = (
    (datetime.date(2011, 3, 1), Decimal("850")),
    (datetime.date(2013, 5, 1), Decimal("1010")),
    (datetime.date(2015, 5, 1), Decimal("1210")),
    (datetime.date(2018, 7, 1), Decimal("1410")),
    (datetime.date(2021, 12, 1), Decimal("1620")),
    (datetime.date(2025, 3, 1), Decimal("1720")),
)

TOWNSHIP_EQUIPMENT = {"computer": 1, "printer": 1, "card_printer": 1, "fax": 1, "copier": 1, "phone": 1,
                      "cabinet": 1, "rack": 1, "info_board": 1}
VILLAGE_EQUIPMENT = {"computer": 1, "printer": 1, "fax": 1, "phone": 1, "cabinet": 1, "rack": 1, "info_board": 1}


@dataclass(frozen=True)
class Rule:
    code: str
    title: str  # 中文
    measure: str  # how compliance.py measures it
    kinds: tuple  # the kinds of office it applies to (KIND_NAMES)
    rows: tuple  # ((effective_from, {kind: requirement} or None), ...) ascending
    source: str = "实施方案（2011年11月21日）"

    def requirement(self, kind, day):
        """What the rule requires of an office of `kind` on `day`, or None (not yet in force, withdrawn, or not
        for that kind)."""
        row = in_force(self.rows, day)
        return None if row is None else row.get(kind)


def _all(value, kinds=ALL_KINDS):
    return {kind: value for kind in kinds}


RULES = (
    Rule("staff_count", "人员配备", "staff_count", ALL_KINDS,
         ((PLAN, {CENTRAL_TOWN: 5, TOWNSHIP: 3, VILLAGE: 2}),), "实施方案（八）1"),
    Rule("staff_pay", "工作人员报酬不低于最低工资标准", "staff_pay", ALL_KINDS, ((PLAN, _all("minimum_wage")),),
         "实施方案（八）1"),
    Rule("part_time_pay", "公职人员兼职不得领取兼职报酬", "part_time_pay", ALL_KINDS, ((PLAN, _all(True)),),
         "实施方案（八）1"),
    Rule("area_total", "服务场所建筑面积", "area_total", ALL_KINDS,
         ((PLAN, {CENTRAL_TOWN: 300, TOWNSHIP: 300, VILLAGE: 30}),), "实施方案（七）2"),
    Rule("area_windows", "对外服务窗口面积", "area_windows", TOWNSHIPS, ((PLAN, _all(100, TOWNSHIPS)),),
         "实施方案（七）2"),
    Rule("area_other", "其他功能服务区面积", "area_other", TOWNSHIPS, ((PLAN, _all(200, TOWNSHIPS)),),
         "实施方案（七）2"),
    Rule("windows", "六个基本服务窗口", "windows", TOWNSHIPS, ((PLAN, _all(SIX_WINDOWS, TOWNSHIPS)),),
         "实施方案（七）3"),
    Rule("boards", "宣传栏、意见箱、信息发布栏", "boards", ALL_KINDS, ((PLAN, _all(tuple(BOARDS))),), "实施方案（七）3"),
    Rule("equipment", "办公设备配备", "equipment", ALL_KINDS,
         ((PLAN, {CENTRAL_TOWN: TOWNSHIP_EQUIPMENT, TOWNSHIP: TOWNSHIP_EQUIPMENT, VILLAGE: VILLAGE_EQUIPMENT}),),
         "实施方案（六）2"),
    Rule("sign", "统一标识和机构牌匾", "sign", ALL_KINDS, ((PLAN, _all(True)),), "实施方案（七）1、4"),
    Rule("motto", "服务理念和服务承诺上墙", "motto", ALL_KINDS, ((PLAN, _all(MOTTO)),), "实施方案（七）4"),
    # [believed] the seventh rule (村(社区)工作人员管理) is the township's over its villages' staff: a village
    # station puts up the other six.
    Rule("rules_on_wall", "内部管理制度上墙", "rules_on_wall", ALL_KINDS,
         ((PLAN, {CENTRAL_TOWN: tuple(WALL_RULES), TOWNSHIP: tuple(WALL_RULES),
                  VILLAGE: tuple(code for code in WALL_RULES if code != "village_staff")}),), "实施方案（五）1"),
    Rule("network", "与县区实时联网", "network", ALL_KINDS, ((PLAN, _all(True)),), "实施方案（六）3"),
    Rule("software", "使用全省统一业务软件", "software", ALL_KINDS, ((PLAN, _all(SOFTWARE_ACTIVITY_DAYS)),),
         "实施方案（六）1"),
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def kind_of(region):
    """The kind of office of `region` (a township or a village, core.models.Region), or None for another level."""
    from hrss.core.models import Level

    if region.level == Level.VILLAGE:
        return VILLAGE
    if region.level == Level.TOWNSHIP:
        return CENTRAL_TOWN if region.is_central_town else TOWNSHIP
    return None


def minimum_wage(day):
    return in_force(MINIMUM_WAGE, day)


def rules_in_force(kind, day, rules=None):
    """[(rule, requirement)] of the rules in force on `day` for an office of `kind`, in the rules' order."""
    out = []
    for rule in rules if rules is not None else RULES:
        requirement = rule.requirement(kind, day)
        if requirement is not None:
            out.append((rule, requirement))
    return out


def history(rule):
    """[(effective_from, until or None, {kind: requirement} or None)] of a rule's rows: the page's history."""
    rows = list(rule.rows)
    return [(start, rows[index + 1][0] - datetime.timedelta(days=1) if index + 1 < len(rows) else None, value)
            for index, (start, value) in enumerate(rows)]
