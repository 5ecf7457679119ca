"""The Chinese names of the contributions part's audit actions and before/after keys (core.audit), given to the
area by declare.py. The keys carry the part's words (other parts' keys merge with these)."""

ACTIONS = {
    "pensions.contributions.import": "导入缴费文件（未获准）",
    "pensions.contributions.uploaded": "上传缴费文件",
    "pensions.contributions.imported": "导入缴费文件",
    "pensions.arrears.record": "办理补缴（未获准）",
    "pensions.arrears.recorded": "办理补缴",
    "pensions.unmatched.resolve": "处理未匹配缴费（未获准）",
    "pensions.unmatched.resolved": "处理未匹配缴费",
    "pensions.unmatched.credit": "未匹配缴费确认入账（未获准）",
    "pensions.unmatched.credited": "未匹配缴费确认为本人入账",
    "pensions.unmatched.exported": "下载未匹配缴费",
    "pensions.contribution_ledger.exported": "导出缴费台账",
}
FIELDS = {
    "payment_file": "缴费文件", "payment_source": "缴费文件来源", "payment_file_sha256": "文件摘要（SHA-256）",
    "payment_dry_run": "只校验", "payments_matched": "已匹配入账", "payments_unmatched": "未匹配",
    "payments_duplicate": "重复", "payment_subsidies": "政府补贴笔数", "arrears_years": "补缴年度",
    "arrears_amount": "每年补缴金额", "arrears_paid_on": "补缴缴费日期", "unmatched_row": "行号",
    "unmatched_resolution": "处理说明",
    "credited_contribution": "入账记录编号", "credited_amount": "入账金额", "credited_subsidy": "政府补贴", "exported_rows": "导出行数", "contribution_year": "缴费年度",
}
VALUES = {"payment_source": {"bank": "银行代扣", "tax": "税务征收", "window": "窗口缴费"}}
