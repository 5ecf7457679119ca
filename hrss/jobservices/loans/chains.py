"""The start-up loan application's review chain (core.review), as configuration: the village's assistant takes the
application in with the documents that prove the category (就业失业登记证, 毕业证书...), the township's 审核员 and
the county's 经办员 (人社) review it, the guarantee agency decides on the guarantee (a 信用社区's resident may go
without a counter-guarantor) and the bank lends: its approval sets the amount, rate and start date and makes the
loan (services.decide_loan_application). Step keys and labels of the public offices' steps are those of the
unemployment registration's chain, so the audit log names them alike. Which role acts where and the working days
of each step are [believed] (hrss/jobservices/loans/rules.py)."""

from hrss.core.permissions import Role
from hrss.core.review import Chain, Step
from hrss.jobservices.loans.rules import FIVE_WORKING_DAYS, TEN_WORKING_DAYS
from hrss.jobservices.permissions import BANK_OFFICER, GUARANTEE_OFFICER

LOAN_APPLICATION = Chain(
    case_type="jobservices.loan_application",
    label="创业担保贷款申请",
    steps=(
        Step("village_intake", "村(社区)受理初审（协理员）", frozenset({Role.VILLAGE_ASSISTANT}),
             deadline_days=FIVE_WORKING_DAYS, moves=frozenset()),
        Step("township_review", "乡镇(街道)审核（审核员）", frozenset({Role.TOWNSHIP_REVIEWER}),
             deadline_days=FIVE_WORKING_DAYS),
        Step("county_handling", "县(区)经办（经办员复核）", frozenset({Role.COUNTY_OFFICER}),
             deadline_days=FIVE_WORKING_DAYS),
        Step("guarantee_review", "担保机构审核（担保机构经办人）", frozenset({GUARANTEE_OFFICER}),
             deadline_days=TEN_WORKING_DAYS),
        Step("bank_lending", "经办银行审批放款（信贷员）", frozenset({BANK_OFFICER}),
             deadline_days=TEN_WORKING_DAYS),
    ),
)

# What forwarding does at each step, for the buttons ("审核通过，报县(区)经办（经办员复核）").
FORWARD_VERBS = {"township_review": "审核通过", "county_handling": "复核通过", "guarantee_review": "同意担保"}


def forward_label(case):
    following = LOAN_APPLICATION.after(case.step)
    return f"{FORWARD_VERBS.get(case.step, '通过')}，报{following.label}" if following else "审批放款"
