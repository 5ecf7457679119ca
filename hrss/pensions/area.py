"""社会保险服务 (flow 7 and the residents' pension: 城乡居民养老保险 参保、缴费、待遇, 领取待遇资格认证, 退休人员社会化管理,
社会保障卡, and KPI 5 社会保险服务覆盖) as an area of the platform (core.areas), built in parts (core/parts.py, ADR
0012): its parts' declarations put together."""

from hrss.core import areas
from hrss.core.parts import area_of
from hrss.pensions import permissions
from hrss.pensions.benefits import declare as benefits
from hrss.pensions.cards import declare as cards
from hrss.pensions.certification import declare as certification
from hrss.pensions.contributions import declare as contributions
from hrss.pensions.coverage import declare as coverage
from hrss.pensions.enrolment import declare as enrolment
from hrss.pensions.retirees import declare as retirees
from hrss.pensions.schemes import declare as schemes

PARTS = (schemes.PART, enrolment.PART, contributions.PART, benefits.PART, certification.PART, retirees.PART, cards.PART,
         coverage.PART)

AREA = areas.register(area_of(
    PARTS,
    label="pensions",
    name="社会保险服务",
    order=50,
    permissions=permissions,
    menu=(areas.MenuEntry("社会保险", "pensions:home", permissions.PENSIONS_VIEW, order=50),),
    demo_order=50,
))
