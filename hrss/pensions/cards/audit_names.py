"""The Chinese names of the cards part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.pensions.models import CardBatchState, CardReason, CardState

ACTIONS = {
    "pensions.card.apply": "社保卡申领（未获准）",
    "pensions.card.applied": "社保卡申领",
    "pensions.card.cancelled": "注销社保卡",
    "pensions.card.made": "登记社保卡卡号",
    "pensions.card.hand_over": "发放社保卡（未获准）",
    "pensions.card.handed_over": "发放社保卡",
    "pensions.card.activate": "激活社保卡（未获准）",
    "pensions.card.activated": "激活社保卡",
    "pensions.card.report_loss": "挂失社保卡（未获准）",
    "pensions.card.lost": "挂失社保卡",
    "pensions.card_batch.make": "组批制卡（未获准）",
    "pensions.card_batch.made": "组批送制社保卡",
    "pensions.card_batch.record_made": "登记制卡结果（未获准）",
    "pensions.card_batch.numbers_recorded": "登记制卡结果",
    "pensions.card_batch.record_arrival": "登记社保卡到达网点（未获准）",
    "pensions.card_batch.arrived": "登记社保卡到达网点",
    "pensions.cards_ledger.exported": "导出社保卡台账",
}
FIELDS = {
    "card_state": "社保卡状态", "card_reason": "申领类型", "applied_on": "申领日期", "replaces": "原卡号",
    "card_number": "社保卡号", "received_by": "领取人", "received_relation": "代领人与本人关系",
    "handed_over_on": "领取日期", "activated_on": "激活日期", "lost_on": "挂失日期", "cancelled_on": "注销日期",
    "died_on": "死亡日期", "batch_number": "批次号", "card_count": "卡数", "waiting_count": "待制卡数",
    "batch_state": "批次状态", "sent_on": "送制日期", "arrived_on": "到达网点日期",
}
VALUES = {"card_state": dict(CardState.choices), "card_reason": dict(CardReason.choices),
          "batch_state": dict(CardBatchState.choices)}
