"""What the targets part (五个100%) brings to the area (core/parts.py): hub links, the statistics' figures (the
people who missed each measured target this month), audit names and the demo (the snapshots of the last months).

The targets are this part's configuration (config.py); how each is counted is the measure of the area holding the
data (core.targets), registered before this area (INSTALLED_APPS puts the network area last), so the figures are
declared for the measured targets only: a target no area measures has no count to show, not a 0."""

from hrss.core import targets
from hrss.core.parts import Figure, HubLink, Part
from hrss.network.permissions import NETWORK_VIEW
from hrss.network.targets import audit_names, config, demo, figures

PART = Part(
    label="targets",
    name="五个100%",
    links=(
        HubLink("五个100%", "network:targets-index", NETWORK_VIEW,
                "五个100%目标按区域、月份的达标人数、完成率，逐级查看到未达标人员；导出 .xlsx", order=40),
    ),
    figures=tuple(
        Figure(f"{target.short}：未达标人数", figures.missed_this_month(target.code), "network:targets-missed",
               {"target": target.code}, f"{target.short}：本月未达标人数", order=40 + target.number)
        for target in config.TARGETS if targets.measure_for(target.code) is not None),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    demo=demo.demo,
)
