"""The Chinese names of the flexible part's audit actions and before/after keys (core.audit), given to the area by
declare.py. The subsidy application's review moves are named by core.review from the chain's label."""

from hrss.assistance.models import FlexibleEndReason, IncomeBand
from hrss.residents.models import FlexibleForm

ACTIONS = {
    "assistance.flexible.register": "灵活就业登记（未获准）",
    "assistance.flexible.registered": "灵活就业登记",
    "assistance.flexible.verify": "核实灵活就业登记（未获准）",
    "assistance.flexible.verified": "核实灵活就业登记",
    "assistance.flexible.end": "终止灵活就业登记（未获准）",
    "assistance.flexible.ended": "终止灵活就业登记",
    "assistance.flexible_ledger.exported": "导出灵活就业台账",
    "assistance.flexible_subsidy.decide": "办理灵活就业社保补贴申请（未获准）",
    "assistance.flexible_subsidy.approved": "批准灵活就业社保补贴",
    "assistance.flexible_subsidy.period": "录入灵活就业社保补贴期次（未获准）",
    "assistance.flexible_subsidy.period_recorded": "录入灵活就业社保补贴期次",
    "assistance.flexible_subsidy.stopped": "停止灵活就业社保补贴（认定退出）",
    "assistance.flexible_roll.exported": "导出灵活就业社保补贴季度名册",
}
FIELDS = {
    "flexible_form": "灵活就业形式", "flexible_started_on": "开始从业日期", "income_band": "月收入",
    "pays_insurance": "以灵活就业人员身份参保", "flexible_late": "逾期登记", "flexible_verified_on": "核实日期",
    "flexible_ended_on": "灵活就业终止日期", "flexible_end_reason": "灵活就业终止原因",
    "subsidies_stopped": "停止的社保补贴", "subsidy_from": "补贴起始", "subsidy_limit_until": "补贴期限截止",
    "subsidy_period": "补贴期次", "subsidy_months": "缴费月数", "subsidy_paid_amount": "个人实缴社保费（元）",
    "subsidy_amount": "补贴金额（元）", "subsidy_stopped_on": "补贴停止日期",
}
VALUES = {"flexible_form": dict(FlexibleForm.choices), "income_band": dict(IncomeBand.choices),
          "flexible_end_reason": dict(FlexibleEndReason.choices)}
