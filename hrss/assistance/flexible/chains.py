"""The 灵活就业社保补贴's review chain (core.review), as configuration: the village's assistant takes the application
in (the person's recognition and flexible registration checked), the township's 审核员 reviews, the county approves
(services.decide_subsidy sets the approval date). The working days of each step are [believed], as the other
reviews of the platform."""

from hrss.core.permissions import Role
from hrss.core.review import Chain, Step

FIVE_WORKING_DAYS = 5  # [believed: as the other reviews]

FLEXIBLE_SUBSIDY = Chain(
    case_type="assistance.flexible_subsidy",
    label="灵活就业社保补贴申请",
    steps=(
        Step("village_intake", "村(社区)受理（协理员）", frozenset({Role.VILLAGE_ASSISTANT}),
             deadline_days=FIVE_WORKING_DAYS, moves=frozenset()),
        Step("township_review", "乡镇(街道)审核（审核员）", frozenset({Role.TOWNSHIP_REVIEWER}),
             deadline_days=FIVE_WORKING_DAYS),
        Step("county_approval", "县(区)审批（经办员、审批员）", frozenset({Role.COUNTY_OFFICER, Role.COUNTY_APPROVER}),
             deadline_days=FIVE_WORKING_DAYS),
    ),
)

FORWARD_VERBS = {"township_review": "审核通过"}


def forward_label(case):
    following = FLEXIBLE_SUBSIDY.after(case.step)
    return f"{FORWARD_VERBS.get(case.step, '通过')}，报{following.label}" if following else "审批通过"
