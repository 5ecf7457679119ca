"""The review chains of this app, as configuration (core.review). Deadlines are working days per step: the plan's
“10个工作日内办结核发” split between the township's review and the county's handling and approval [believed], so they
are dated: a changed rule is a new (date, days) pair, and cases already under way keep the deadline of the day they
arrived.

Each step names the one role that acts there, so the two roles of a level do different work: at the township the
审核员 reviews (the 经办员 handles employment registrations, contacts and cancellations, not this review); at the
county the 经办员 checks the file and the materials first (县(区)经办), then the 审批员 decides. Which role does
what in 河源's service centres is [believed], not sourced (docs/review-roles.md)."""

import datetime

from hrss.core.permissions import Role
from hrss.core.review import Chain, Step

FIVE_WORKING_DAYS = ((datetime.date(2010, 1, 1), 5),)  # from 人社部发〔2010〕75号's 10 days, split in two
# From the county's handling step on, the county's five days are shared: 2 for its 经办员, 3 for its 审批员.
COUNTY_HANDLING_FROM = datetime.date(2026, 12, 1)
COUNTY_HANDLING_DAYS = ((datetime.date(2010, 1, 1), 2),)  # a new step: no earlier rule to keep
COUNTY_APPROVAL_DAYS = ((datetime.date(2010, 1, 1), 5), (COUNTY_HANDLING_FROM, 3))

UNEMPLOYMENT_REGISTRATION = Chain(
    case_type="employment.unemployment_registration",
    label="失业登记",
    steps=(
        Step("village_intake", "村(社区)受理初审（协理员）", frozenset({Role.VILLAGE_ASSISTANT}),
             deadline_days=FIVE_WORKING_DAYS, moves=frozenset()),
        Step("township_review", "乡镇(街道)审核（审核员）", frozenset({Role.TOWNSHIP_REVIEWER}),
             deadline_days=FIVE_WORKING_DAYS),
        Step("county_handling", "县(区)经办（经办员复核）", frozenset({Role.COUNTY_OFFICER}),
             deadline_days=COUNTY_HANDLING_DAYS),
        Step("county_approval", "县(区)审批（审批员）", frozenset({Role.COUNTY_APPROVER}),
             deadline_days=COUNTY_APPROVAL_DAYS),
    ),
)
