"""The 劳动力资源台账 as an area of the platform (core.areas): what it brings, in one place."""

from hrss.core import areas
from hrss.residents import permissions

AREA = areas.register(areas.Area(
    label="residents",
    name="劳动力资源台账",
    order=10,
    permissions=permissions.PERMISSIONS,
    grants=permissions.GRANTS,
))
