"""就业与失业登记 as an area of the platform (core.areas): what it brings, in one place."""

from hrss.core import areas
from hrss.employment import permissions

AREA = areas.register(areas.Area(
    label="employment",
    name="就业与失业登记",
    order=20,
    permissions=permissions.PERMISSIONS,
    grants=permissions.GRANTS,
))
