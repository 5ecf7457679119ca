"""The review chains of this app, as configuration (core.review). Deadlines are working days per step: the plan's
“10个工作日内办结核发” split between the township's review and the county's approval [believed], so they are dated:
a changed rule is a new (date, days) pair, and cases already under way keep the deadline of the day they arrived."""

import datetime

from hrss.core.permissions import Role
from hrss.core.review import Chain, Step, register_chain

FIVE_WORKING_DAYS = ((datetime.date(2010, 1, 1), 5),)  # from 人社部发〔2010〕75号's 10 days, split in two

UNEMPLOYMENT_REGISTRATION = register_chain(Chain(
    case_type="employment.unemployment_registration",
    label="失业登记",
    steps=(
        Step("village_intake", "村(社区)受理初审", frozenset({Role.VILLAGE_ASSISTANT}), deadline_days=FIVE_WORKING_DAYS,
             moves=frozenset()),
        Step("township_review", "乡镇(街道)审核", frozenset({Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER}),
             deadline_days=FIVE_WORKING_DAYS),
        Step("county_approval", "县(区)审批", frozenset({Role.COUNTY_APPROVER}), deadline_days=FIVE_WORKING_DAYS),
    ),
))
