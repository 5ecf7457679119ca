"""The recognition's review chain (core.review), as configuration: the village's assistant takes the application in
with the documents of the category (村受理初审); the township's 审核员 or 经办员 reviews it (乡镇审核) and, passing
it, starts the public notice (公示, its days in rules.NOTICE_WORKING_DAYS); once the notice has run out with no
objection open the township sends it to the county ("公示期满无异议，报县审批"), whose 经办员 or 审批员 approves:
the recognition is made (services.decide_recognition). Which role acts where is [believed]."""

from hrss.assistance.recognition.rules import FIVE_WORKING_DAYS
from hrss.core.permissions import Role
from hrss.core.review import Chain, Step

VILLAGE_ROLES = frozenset({Role.VILLAGE_ASSISTANT})
TOWNSHIP_ROLES = frozenset({Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_OFFICER})
COUNTY_ROLES = frozenset({Role.COUNTY_OFFICER, Role.COUNTY_APPROVER})

NOTICE_STEP = "public_notice"

RECOGNITION = Chain(
    case_type="assistance.recognition",
    label="就业困难人员认定",
    steps=(
        Step("village_intake", "村(社区)受理初审（协理员）", VILLAGE_ROLES, deadline_days=FIVE_WORKING_DAYS,
             moves=frozenset()),
        Step("township_review", "乡镇(街道)审核", TOWNSHIP_ROLES, deadline_days=FIVE_WORKING_DAYS),
        # The notice's own period is the recognition's notice_from..notice_until; the step has no deadline.
        Step(NOTICE_STEP, "乡镇(街道)公示", TOWNSHIP_ROLES),
        Step("county_approval", "县(区)审批认定", COUNTY_ROLES, deadline_days=FIVE_WORKING_DAYS),
    ),
)

FORWARD_LABELS = {"township_review": "审核通过，开始公示", NOTICE_STEP: "公示期满无异议，报县审批"}


def forward_label(case):
    return FORWARD_LABELS.get(case.step, "通过")


def step_label(case):
    if case.status == "returned":
        return "退回村(社区)补正"
    return RECOGNITION.step(case.step).label if case.is_open else case.get_status_display()
