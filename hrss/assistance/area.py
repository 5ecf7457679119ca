"""就业援助与灵活就业 (flows 3 and 4: 灵活就业人员登记、就业援助; 零就业家庭 动态清零) as an area of the platform
(core.areas), built in parts (core/parts.py, ADR 0010): its parts' declarations put together."""

from hrss.assistance import permissions
from hrss.assistance.campaigns import declare as campaigns
from hrss.assistance.community import declare as community
from hrss.assistance.flexible import declare as flexible
from hrss.assistance.households import declare as households
from hrss.assistance.posts import declare as posts
from hrss.assistance.recognition import declare as recognition
from hrss.assistance.support import declare as support
from hrss.core import areas
from hrss.core.parts import area_of

PARTS = (recognition.PART, support.PART, posts.PART, households.PART, flexible.PART, community.PART, campaigns.PART)

AREA = areas.register(area_of(
    PARTS,
    label="assistance",
    name="就业援助与灵活就业",
    order=40,
    permissions=permissions,
    menu=(areas.MenuEntry("就业援助", "assistance:home", permissions.ASSISTANCE_VIEW, order=47),),
    demo_order=40,
))
