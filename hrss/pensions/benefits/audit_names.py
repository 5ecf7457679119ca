"""The Chinese names of the benefits part's audit actions and before/after keys (core.audit), given to the area by
declare.py. The award's review moves are named by core.review from the chain's label."""

from hrss.pensions.models import PensionState

ACTIONS = {
    "pensions.pension.applied": "受理养老金待遇申领",
    "pensions.pension.approved": "核定养老金待遇（开始发放）",
    "pensions.pension.suspend": "暂停养老金发放（未获准）",
    "pensions.pension.suspended": "暂停养老金发放",
    "pensions.pension.resume": "恢复养老金发放（未获准）",
    "pensions.pension.resumed": "恢复养老金发放（补发）",
    "pensions.pension.stopped": "终止养老金发放（死亡）",
    "pensions.roll.make": "制作养老金发放名册（未获准）",
    "pensions.roll.made": "制作养老金发放名册",
    "pensions.roll.exported": "导出养老金发放名册",
    "pensions.payments.exported": "导出待遇发放台账",
    "pensions.death.report": "死亡报告（未获准）",
    "pensions.death.reported": "死亡报告",
    "pensions.recovery.record": "登记多发养老金追回（未获准）",
    "pensions.recovery.recorded": "登记多发养老金追回",
}
FIELDS = {
    "pension_state": "养老金状态", "first_month": "起领年月", "total": "月养老金", "approved_on": "核定日期", "suspended_from": "暂停起始年月",
    "certified_on": "认证日期", "back_pay_months": "补发月数", "back_pay": "补发金额", "stopped_on": "终止日期",
    "overpaid": "多发待追回", "funeral_grant": "丧葬补助金", "inheritable": "个人账户可继承余额", "month": "发放年月",
    "regular_payments": "按月发放笔数", "amount": "金额", "died_on": "死亡日期", "pension_stopped": "养老金已终止",
    "recovered": "追回金额", "outstanding": "尚待追回",
}
VALUES = {"pension_state": dict(PensionState.choices)}
