"""The award's review chain (core.review), as configuration: the village's assistant takes the application in
(村受理，协理员), the township reviews it (乡镇审核), the county's 经办员 or 审批员 approves it (县审批核定): the
pension starts (services.decide_pension). Which role acts where is [believed]."""

from hrss.core.permissions import Role
from hrss.core.review import Chain, Step
from hrss.pensions.benefits.rules import REVIEW_WORKING_DAYS

VILLAGE_ROLES = frozenset({Role.VILLAGE_ASSISTANT})
TOWNSHIP_ROLES = frozenset({Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_OFFICER})
COUNTY_ROLES = frozenset({Role.COUNTY_OFFICER, Role.COUNTY_APPROVER})

AWARD = Chain(
    case_type="pensions.award",
    label="城乡居民养老保险待遇核定",
    steps=(
        Step("village_intake", "村(社区)受理（协理员）", VILLAGE_ROLES, deadline_days=REVIEW_WORKING_DAYS,
             moves=frozenset()),
        Step("township_review", "乡镇(街道)审核", TOWNSHIP_ROLES, deadline_days=REVIEW_WORKING_DAYS),
        Step("county_approval", "县(区)审批核定", COUNTY_ROLES, deadline_days=REVIEW_WORKING_DAYS),
    ),
)


def step_label(case):
    if case.status == "returned":
        return "退回村(社区)补正"
    return AWARD.step(case.step).label if case.is_open else case.get_status_display()
