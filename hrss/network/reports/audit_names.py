"""The Chinese names of the reports part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

ACTIONS = {
    "network.reports.generated": "生成月报",
    "network.reports.regenerated": "重新生成月报",
    "network.reports.remarks": "修改月报说明",
    "network.reports.checked": "核对月报",
    "network.reports.submitted": "上报月报",
    "network.reports.approved": "审核并锁定月报",
    "network.reports.returned": "退回月报",
    "network.reports.unlocked": "解锁月报",
    "network.reports.generate": "生成月报（未获准）",
    "network.reports.check": "核对月报（未获准）",
    "network.reports.submit": "上报月报（未获准）",
    "network.reports.approve": "审核月报（未获准）",
    "network.reports.return": "退回月报（未获准）",
    "network.reports.unlock": "解锁月报（未获准）",
    "network.reports.exported": "导出月报",
    "network.reports.completeness_exported": "导出月报完整率与及时率",
}
FIELDS = {"report_month": "月报月份", "report_version": "月报版本", "figures": "统计项数", "remarks": "说明",
          "report_state": "月报状态", "townships": "乡镇(街道)数"}
VALUES = {"report_state": {"generated": "已生成", "checked": "已核对", "submitted": "已上报", "approved": "已审核锁定",
                    "returned": "已退回", "unlocked": "已解锁"}}
