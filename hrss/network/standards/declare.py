"""What the standards part (八统一标准) brings to the area (core/parts.py): its hub link."""

from hrss.core.parts import HubLink, Part
from hrss.network.permissions import NETWORK_VIEW

PART = Part(
    label="standards",
    name="八统一标准",
    links=(HubLink("八统一建设标准", "network:standards-list", NETWORK_VIEW,
                   "某日现行的人员、场所、窗口、设备、标识、制度、联网和软件标准及其历次调整", order=5),),
)
