"""The Chinese names of the funding part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.network.models import FundPurpose, FundSource, PlanState

ACTIONS = {
    "network.fund_allocation.record": "登记建设资金下达（未获准）",
    "network.fund_allocation.recorded": "登记建设资金下达",
    "network.fund_disbursement.record": "登记建设资金拨付（未获准）",
    "network.fund_disbursement.recorded": "登记建设资金拨付",
    "network.implementation_plan.submit": "报送实施方案（未获准）",
    "network.implementation_plan.submitted": "报送实施方案",
    "network.implementation_plan.file": "实施方案备案（未获准）",
    "network.implementation_plan.filed": "实施方案备案",
    "network.implementation_plan.return": "退回实施方案（未获准）",
    "network.implementation_plan.returned": "退回实施方案",
    "network.funds.exported": "导出建设资金",
}
FIELDS = {
    "fund_source": "资金来源", "fund_purpose": "用途", "amount": "金额（元）", "document_number": "文号",
    "allocated_on": "下达日期", "disbursed_on": "拨付日期", "balance": "拨付后余额（元）", "title": "方案名称",
    "issued_on": "印发日期", "attachment_bytes": "PDF 文件大小（字节）", "plan_state": "备案状态",
    "return_reason": "退回原因", "page": "页面", "rows": "行数",
}
VALUES = {"fund_source": dict(FundSource.choices), "fund_purpose": dict(FundPurpose.choices),
          "plan_state": dict(PlanState.choices)}
