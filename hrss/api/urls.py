from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI

from hrss.api.auth import BearerToken
from hrss.core import scoping
from hrss.core.api import router as regions_router
from hrss.employment.api import router as employment_router
from hrss.residents.api import router as people_router

api = NinjaAPI(
    title="河源市人力资源社会保障公共服务平台 API",
    version="1",
    description="与上下级平台及其他系统交换数据的接口。所有操作按令牌所属工作人员的管辖区域限定范围。",
    auth=BearerToken(),
    urls_namespace="api",
)
api.add_router("/regions", regions_router)
api.add_router("/people", people_router)
api.add_router("/employment", employment_router)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "不存在或不在您的管辖范围内。"}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": "您的角色无权执行此操作。"}, status=403)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    # A service refused the input: say why, in the words the service used.
    return api.create_response(request, {"detail": "；".join(exc.messages)}, status=422)


def mark_api_views(patterns):
    """Every API route is scoped by the operation itself (tests/core/test_scope_sweep.py walks the OpenAPI
    document); this marks Ninja's dispatch views so the route guard lets them through."""
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            mark_api_views(pattern.url_patterns)
        else:
            scoping.mark_view(pattern.callback, scoping.API)
    return patterns
