"""The Chinese names of the retirees part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.pensions.models import ActivityKind, RetireeState, RetireeVisitKind

ACTIONS = {
    "pensions.retiree.register": "登记企业退休人员（未获准）",
    "pensions.retiree.registered": "登记企业退休人员",
    "pensions.retirees.import": "导入退休人员名单（未获准）",
    "pensions.retirees.imported": "导入退休人员名单",
    "pensions.retiree.receive_files": "接收退休人员档案（未获准）",
    "pensions.retiree.files_received": "接收退休人员档案（纳入社会化管理）",
    "pensions.retiree_visit.record": "登记退休人员走访（未获准）",
    "pensions.retiree_visit.recorded": "登记退休人员走访",
    "pensions.retiree.set_care": "修改退休人员健康状况（未获准）",
    "pensions.retiree.care_set": "修改退休人员健康状况",
    "pensions.retiree_activity.record": "登记退休人员活动（未获准）",
    "pensions.retiree_activity.recorded": "登记退休人员活动",
    "pensions.retiree.record_death": "登记退休人员死亡（未获准）",
    "pensions.retiree.died": "登记退休人员死亡",
    "pensions.retiree.move_out": "办理退休人员迁出（未获准）",
    "pensions.retiree.moved_out": "办理退休人员迁出",
    "pensions.retirees_ledger.exported": "导出退休人员台账",
}
FIELDS = {
    "employer_name": "原工作单位", "employer_code": "原单位统一社会信用代码", "retired_on": "退休日期",
    "pension_amount": "月养老金", "retiree_state": "退休人员状态", "files_received_on": "档案移交日期",
    "retiree_visit_kind": "走访方式", "visit_note": "走访情况", "needs_care": "患病需关照", "health_note": "健康状况",
    "activity_title": "活动名称", "activity_kind": "活动类别", "held_on": "活动日期", "participant_count": "参加人数",
    "participants": "列出的参加人员数", "died_on": "死亡日期", "moved_out_on": "迁出日期",
}
VALUES = {"retiree_state": dict(RetireeState.choices), "retiree_visit_kind": dict(RetireeVisitKind.choices),
          "activity_kind": dict(ActivityKind.choices)}
