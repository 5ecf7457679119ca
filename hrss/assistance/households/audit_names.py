"""The Chinese names of the households part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.assistance.models import AssistanceKind, HouseholdSource

ACTIONS = {
    "assistance.zero_household.scan": "比对台账发现零就业家庭（未获准）",
    "assistance.zero_household.scanned": "比对台账发现、清零零就业家庭",
    "assistance.zero_household.found": "台账发现零就业家庭",
    "assistance.zero_household.report": "登记零就业家庭（未获准）",
    "assistance.zero_household.reported": "登记零就业家庭（居民申报或他人上报）",
    "assistance.zero_household.verify": "核实零就业家庭（未获准）",
    "assistance.zero_household.verified": "核实零就业家庭",
    "assistance.zero_household.dismissed": "核实不属于零就业家庭",
    "assistance.zero_household.record": "录入零就业家庭援助记录（未获准）",
    "assistance.zero_household.assistance_recorded": "录入零就业家庭援助记录",
    "assistance.zero_household.clear": "零就业家庭清零（未获准）",
    "assistance.zero_household.cleared": "零就业家庭清零",
    "assistance.zero_household_ledger.exported": "导出零就业家庭台账",
    "assistance.rural_households.exported": "导出农村无人就业家庭名单",
}
FIELDS = {
    "zero_household_found_on": "发现日期", "zero_household_source": "来源", "zero_household_verified_on": "核实日期",
    "zero_household_assisted_on": "援助日期", "zero_household_assistance_kind": "援助措施",
    "zero_household_cleared_on": "清零日期", "zero_household_days_to_clear": "清零用时（天）",
    "zero_household_cleared_by_scan": "由台账比对清零", "zero_household_opened": "新发现（户）",
    "zero_household_cleared": "清零（户）",
}
VALUES = {"zero_household_source": dict(HouseholdSource.choices),
          "zero_household_assistance_kind": dict(AssistanceKind.choices)}
