from django.db.models import Q
from ninja.security import HttpBearer

from hrss.accounts.models import ApiToken


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, with tokens from `hrss create-token`. The request's user becomes the token's
    owner, so every operation is scoped exactly like that user's pages."""

    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user", "user__region")
            .filter(Q(revoked_at__isnull=True), token_hash=ApiToken.hash(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        found.touch()
        request.user = found.user
        return found.user
