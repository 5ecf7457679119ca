from ninja import Router, Schema

from hrss.core import scoping
from hrss.core.api_fields import RegionCode
from hrss.core.models import Level
from hrss.core.permissions import REGION_VIEW, check_permission

router = Router(tags=["区划"])


class RegionOut(Schema):
    code: str
    name: str
    full_name: str
    level: int
    level_label: str
    kind: str
    parent_code: str | None
    office_name: str
    is_central_town: bool

    @staticmethod
    def resolve_level_label(obj):
        return str(Level(obj.level).label)

    @staticmethod
    def resolve_parent_code(obj):
        return obj.parent.code if obj.parent_id else None


@router.get("/{code}", response=RegionOut, summary="查询一个区划")
def get_region(request, code: RegionCode):
    check_permission(request.user, REGION_VIEW)
    return scoping.get_region_or_404(request.user, code)


@router.get("/{code}/children", response=list[RegionOut], summary="查询下级区划")
def get_region_children(request, code: RegionCode):
    check_permission(request.user, REGION_VIEW)
    region = scoping.get_region_or_404(request.user, code)
    return list(scoping.regions_visible_to(request.user).filter(parent=region).select_related("parent"))
