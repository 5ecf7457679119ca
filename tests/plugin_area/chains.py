from hrss.core.review import Chain, Step
from tests.plugin_area.permissions import INSPECTOR

VISIT_REVIEW = Chain(
    case_type="plugin_area.visit",
    label="示例检查",
    steps=(
        Step("intake", "县(区)受理（示例检查员）", frozenset({INSPECTOR}), moves=frozenset()),
        Step("review", "县(区)审核（示例检查员）", frozenset({INSPECTOR}), deadline_days=3),
    ),
)
