"""The Chinese names of the loans part's audit actions and before/after keys (core.audit), given to the area by
declare.py. The application's review moves are named by core.review from the chain's label."""

from hrss.jobservices.models import RepaymentMethod

ACTIONS = {
    "jobservices.loan.granted": "发放创业担保贷款",
    "jobservices.loan_application.correct": "更正退回补正的创业担保贷款申请（未获准）",
    "jobservices.loan_application.corrected": "更正退回补正的创业担保贷款申请",
    "jobservices.loan.repay": "录入贷款还款（未获准）",
    "jobservices.loan.repayment_recorded": "录入贷款还款",
    "jobservices.loan_ledger.exported": "导出创业担保贷款台账",
    "jobservices.credit_community.mark": "评定信用社区（未获准）",
    "jobservices.credit_community.marked": "评定信用社区",
    "jobservices.credit_community.revoke": "撤销信用社区（未获准）",
    "jobservices.credit_community.revoked": "撤销信用社区",
}
FIELDS = {
    "loan_principal": "贷款金额（元）", "loan_annual_rate": "年利率（%）", "loan_subsidised_rate": "财政贴息利率（%）",
    "loan_term_months": "贷款期限（月）", "loan_start_date": "放款日期", "repayment_method": "还款方式",
    "repaid_on": "还款日期", "repaid_amount": "还款金额（元）", "credit_marked_on": "信用社区评定日期",
    "credit_revoked_on": "信用社区撤销日期",
}
VALUES = {"repayment_method": dict(RepaymentMethod.choices)}
