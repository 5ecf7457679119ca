"""信访监察与服务监督 (flow 8 of the plan: 劳动保障政策宣传、信访、劳动保障监察, and the rules of service each office
keeps: 首问负责、一次性告知、服务承诺、限时办结、公开监督、考核) as an area of the platform (core.areas), built in
parts (core/parts.py): its parts' declarations put together."""

from hrss.core import areas
from hrss.core.parts import area_of
from hrss.supervision import permissions
from hrss.supervision.appraisal import declare as appraisal
from hrss.supervision.grid import declare as grid
from hrss.supervision.inspection import declare as inspection
from hrss.supervision.petitions import declare as petitions
from hrss.supervision.promises import declare as promises
from hrss.supervision.publicity import declare as publicity
from hrss.supervision.ratings import declare as ratings

PARTS = (petitions.PART, inspection.PART, grid.PART, publicity.PART, promises.PART, ratings.PART, appraisal.PART)

AREA = areas.register(area_of(
    PARTS,
    label="supervision",
    name="信访监察与服务监督",
    order=60,
    permissions=permissions,
    menu=(areas.MenuEntry("信访监察", "supervision:home", permissions.SUPERVISION_VIEW, order=60),),
    demo_order=60,
))
