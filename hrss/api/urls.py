from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as SchemaError

from hrss.api.auth import BearerToken
from hrss.assistance.campaigns.api import router as assistance_campaigns_router
from hrss.assistance.community.api import router as assistance_community_router
from hrss.assistance.flexible.api import router as assistance_flexible_router
from hrss.assistance.households.api import router as assistance_households_router
from hrss.assistance.posts.api import router as assistance_posts_router
from hrss.assistance.recognition.api import router as assistance_recognition_router
from hrss.assistance.support.api import router as assistance_support_router
from hrss.core import scoping
from hrss.core.api import router as regions_router
from hrss.employment.api import router as employment_router
from hrss.jobservices.employers.api import checks_router as code_checks_router
from hrss.jobservices.employers.api import router as employers_router
from hrss.jobservices.guidance.api import router as guidance_router
from hrss.jobservices.loans.api import router as loans_router
from hrss.jobservices.referrals.api import router as referrals_router
from hrss.jobservices.seekers.api import router as seekers_router
from hrss.jobservices.training.api import router as training_router
from hrss.network.acceptance.api import router as network_acceptance_router
from hrss.network.activity.api import router as network_activity_router
from hrss.network.dashboard.api import router as network_dashboard_router
from hrss.network.funding.api import router as network_funding_router
from hrss.network.offices.api import router as network_offices_router
from hrss.network.reports.api import router as network_reports_router
from hrss.network.standards.api import router as network_standards_router
from hrss.network.targets.api import router as network_targets_router
from hrss.pensions.benefits.api import router as pensions_benefits_router
from hrss.pensions.cards.api import router as pensions_cards_router
from hrss.pensions.certification.api import router as pensions_certification_router
from hrss.pensions.contributions.api import router as pensions_contributions_router
from hrss.pensions.coverage.api import router as pensions_coverage_router
from hrss.pensions.enrolment.api import router as pensions_enrolment_router
from hrss.pensions.retirees.api import router as pensions_retirees_router
from hrss.pensions.schemes.api import router as pensions_schemes_router
from hrss.residents.api import router as people_router
from hrss.residents.lookups import TooManyLookups
from hrss.supervision.appraisal.api import router as supervision_appraisal_router
from hrss.supervision.grid.api import router as supervision_grid_router
from hrss.supervision.inspection.api import router as supervision_inspection_router
from hrss.supervision.petitions.api import router as supervision_petitions_router
from hrss.supervision.promises.api import router as supervision_promises_router
from hrss.supervision.publicity.api import router as supervision_publicity_router
from hrss.supervision.ratings.api import router as supervision_ratings_router

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
# 就业服务与培训 (hrss/jobservices): one router a part, mounted at the root, each operation with its whole path
# (/employers, /vacancies/{id}/matches, /seekers/{id}/matches, /referrals, /guidance, /job-fairs, /training, /loans).
for part_router in (employers_router, code_checks_router, seekers_router, referrals_router, guidance_router, training_router, loans_router):
    api.add_router("", part_router)
# 就业援助与灵活就业 (hrss/assistance): likewise one router a part, each operation with its whole path under
# /assistance/ (/assistance/recognitions, /assistance/posts, /assistance/households...).
for part_router in (assistance_recognition_router, assistance_support_router, assistance_posts_router, assistance_households_router, assistance_flexible_router, assistance_community_router, assistance_campaigns_router):
    api.add_router("", part_router)
# 社会保险服务 (hrss/pensions): likewise, each operation with its whole path under /pensions/ (/pensions/enrolments,
# /pensions/contribution-imports, /pensions/pensions, /pensions/certification-campaigns, /pensions/retirees, /pensions/cards...).
for part_router in (pensions_schemes_router, pensions_enrolment_router, pensions_contributions_router, pensions_benefits_router, pensions_certification_router, pensions_retirees_router, pensions_cards_router, pensions_coverage_router):
    api.add_router("", part_router)

# 信访监察与服务监督 (hrss/supervision): likewise, each operation with its whole path under /supervision/
# (/supervision/petitions, /supervision/inspection-cases, /supervision/grid-cells, /supervision/ratings...).
for part_router in (supervision_petitions_router, supervision_inspection_router, supervision_grid_router, supervision_publicity_router, supervision_promises_router, supervision_ratings_router, supervision_appraisal_router):
    api.add_router("", part_router)

# 平台建设与考核 (hrss/network): likewise, each operation with its whole path under /network/
# (/network/offices, /network/inspections, /network/funds, /network/targets, /network/reports...).
for part_router in (network_standards_router, network_offices_router, network_acceptance_router, network_funding_router, network_targets_router, network_reports_router, network_dashboard_router, network_activity_router):
    api.add_router("", part_router)

@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "不存在或不在您的管辖范围内。"}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": "您的角色无权执行此操作。"}, status=403)


# Ninja's own refusals, in the platform's words (others, such as the token rule's, are already Chinese).
HTTP_ERROR_MESSAGES = {
    "Unauthorized": "未认证：请在请求头 Authorization 中提供有效的 API 令牌（Bearer 令牌），令牌可能已过期或被吊销。",
    "Forbidden": "您的角色无权执行此操作。",
    "Too many requests.": "请求过于频繁，请稍后再试。",
    "Cannot parse request body": "请求体无法解析：应为有效的 JSON（UTF-8 编码），请检查括号、引号和逗号。",
}


@api.exception_handler(HttpError)
def http_error(request, exc):
    message = str(exc)
    said = next((chinese for english, chinese in HTTP_ERROR_MESSAGES.items() if message.startswith(english)), message)
    return api.create_response(request, {"detail": said}, status=exc.status_code)


@api.exception_handler(TooManyLookups)
def too_many_lookups(request, exc):
    # Past the hourly limit of answers about people elsewhere: 429 with Retry-After, as every other limit says it.
    response = api.create_response(request, {"detail": "；".join(exc.messages)}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(ValidationError)
def invalid(request, exc):
    # A service refused the input: say why, in the words the service used.
    return api.create_response(request, {"detail": "；".join(exc.messages)}, status=422)


# What pydantic says of a value out of bounds, in the words of the platform's forms.
SCHEMA_MESSAGES = {
    "string_too_long": "不能超过 {max_length} 个字符",
    "string_too_short": "不能少于 {min_length} 个字符",
    "string_pattern_mismatch": "格式不正确",
    "too_long": "最多 {max_length} 项",
    "greater_than_equal": "不能小于 {ge}",
    "less_than_equal": "不能大于 {le}",
    "missing": "必须填写",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "string_type": "应为文字",
    "bool_parsing": "应为 true 或 false",
    "date_from_datetime_parsing": "应为日期，如 2026-03-01",
    "date_parsing": "应为日期，如 2026-03-01",
    "date_type": "应为日期，如 2026-03-01",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "bool_type": "应为 true 或 false",
    "list_type": "应为列表（JSON 数组）",
    "dict_type": "应为对象（JSON 键值对）",
    "model_type": "应为对象（JSON 键值对）",
    "model_attributes_type": "应为对象（JSON 键值对）",
    "literal_error": "取值无效",
    "enum": "取值无效",
    "extra_forbidden": "不接受此字段",
    "json_invalid": "不是有效的 JSON",
    "greater_than": "必须大于 {gt}",
    "less_than": "必须小于 {lt}",
    "finite_number": "应为有限的数字",
    "decimal_max_digits": "总位数不能超过 {max_digits} 位",
    "decimal_max_places": "小数不能超过 {decimal_places} 位",
    "decimal_whole_digits": "整数部分不能超过 {whole_digits} 位",
    "multiple_of": "应为 {multiple_of} 的倍数",
    "too_short": "至少 {min_length} 项",
}
# A kind of refusal not named above: said in Chinese too, never in pydantic's English.
UNNAMED_REFUSAL = "取值无效"


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024
    return api.create_response(request, {"detail": f"请求内容超过 {limit:.1f} MB 的上限：照片请压缩到规定大小以内，"
                                                   "文件请分批或通过文件上传接口提交。"}, status=413)


@api.exception_handler(SchemaError)
def invalid_input(request, exc):
    """422 with what to fix, field by field, in Chinese (the field names are the schema's)."""
    errors, said = [], []
    for error in exc.errors:
        kind, context = error.get("type"), error.get("ctx", {})
        if kind == "value_error":
            message = str(context.get("error", error.get("msg", "")))
        elif kind in SCHEMA_MESSAGES:
            message = SCHEMA_MESSAGES[kind].format(**context)
        else:
            message = UNNAMED_REFUSAL
        location = [str(part) for part in error.get("loc", ())]
        # ["body", <the operation's body parameter>, field, ...] or ["path", name]: the field is what to name.
        where = ".".join(location[2:] if location[:1] == ["body"] and len(location) > 2 else location[1:])
        errors.append({"loc": list(error.get("loc", ())), "msg": message})
        said.append(f"{where or '请求'}：{message}")
    return api.create_response(request, {"detail": "；".join(said), "errors": errors}, status=422)


def mark_api_views(patterns):
    """Every API route is scoped by the operation itself (tests/core/test_scope_sweep.py walks the OpenAPI
    document); this marks Ninja's dispatch views so the route guard lets them through."""
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            mark_api_views(pattern.url_patterns)
        else:
            scoping.mark_view(pattern.callback, scoping.API)
    return patterns
