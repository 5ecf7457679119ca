"""The acceptance (验收) of an office as a core review chain, as configuration: the county's officer or approver
requests it (the intake, after the office has met every rule in force), the city's administrator accepts it or
refuses it with a reason. No working-day deadline: the plan sets none for the city's visit [believed]."""

from hrss.core.permissions import Role
from hrss.core.review import Action, Chain, Step

ACCEPTANCE = Chain(
    case_type="network.acceptance",
    label="服务机构验收",
    internal=True,  # the county and the city about an office: no resident to rate it, no public service
    steps=(
        Step("county_request", "县(区)申请验收", frozenset({Role.COUNTY_OFFICER, Role.COUNTY_APPROVER}),
             moves=frozenset()),
        Step("city_acceptance", "市验收", frozenset({Role.CITY_ADMIN}),
             moves=frozenset({Action.FORWARD, Action.REJECT})),
    ),
)
