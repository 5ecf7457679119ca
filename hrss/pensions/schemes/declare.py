"""What the schemes part (参保方案与待遇标准) brings to the area (core/parts.py): the hub link to the rules page."""

from hrss.core.parts import HubLink, Part
from hrss.pensions.permissions import PENSIONS_VIEW

PART = Part(
    label="schemes",
    name="参保方案与待遇标准",
    links=(HubLink("参保方案与待遇标准", "pensions:schemes-rules", PENSIONS_VIEW,
                   "任一日期执行的险种、缴费档次与补贴、基础养老金、计发月数及其依据和历次调整", order=5),),
)
