from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from hrss.accounts.middleware import password_change_due
from hrss.accounts.models import ApiToken


def user_of_token(token):
    """The active account a bearer token belongs to, or None: a revoked or expired token, or one of a disabled
    account, authenticates no one. Shared by the API and the Idempotency-Key replay (core.middleware), so a replay
    is never answered to a token the API itself would refuse."""
    if not token:
        return None
    found = (
        ApiToken.objects.select_related("user", "user__region")
        .filter(token_hash=ApiToken.hash(token), revoked_at__isnull=True, expires_at__gt=timezone.now(),
                user__is_active=True)
        .first()
    )
    return found


def client_of_request(request):
    """The API token a request authenticates with, and the region its owner works in now, as the client its
    Idempotency-Keys belong to ("api-token:<id>@<region code>": an account moved to another region gets no replay
    of what it was answered in the old one); "" when the API would refuse the token (unknown, revoked, expired, a
    disabled account or one that must change its password). core.middleware.IdempotencyMiddleware asks this
    through settings.HRSS_API_CLIENT."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    found = user_of_token(token.strip()) if scheme.lower() == "bearer" else None
    if found is None or password_change_due(found.user):
        return ""
    return f"api-token:{found.pk}@{found.user.region.code}"


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, with tokens from `hrss create-token`. The request's user becomes the token's
    owner, so every operation is scoped exactly like that user's pages."""

    def authenticate(self, request, token):
        found = user_of_token(token)
        if found is None:
            return None
        if password_change_due(found.user):
            # First login, a reset, or a password past its age: the web page must be visited first (等保).
            raise HttpError(401, "该账号须先登录网页修改密码，之后才能使用 API 令牌。")
        found.touch()
        request.user = found.user
        return found.user
