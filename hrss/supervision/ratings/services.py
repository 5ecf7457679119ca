"""The ratings part's writes (好差评与意见箱): keyword-only, taking the actor (none for a citizen on the public
page), checking permission and scope before one transaction, one audit entry each. Bad input is a ValidationError
listing every reason in Chinese, and nothing is written.

Contract for the other parts: `issue_code` gives a completed case its rating code (idempotent per source and id);
it checks nothing itself and runs inside the calling service's transaction, after that service checked."""

import secrets

from django.db import IntegrityError, transaction

from hrss.supervision.models import CODE_ALPHABET, CODE_SIZE, RatingCode

CODE_ATTEMPTS = 8  # 2**40 codes: a collision is rare, eight in a row is a broken random source


def new_code():
    """A random rating code: CODE_SIZE symbols of the unambiguous alphabet, drawn with `secrets`."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_SIZE))


def issue_code(*, region_code, service, source, source_id, served_by, completed_on):
    """The rating code of the case `source`/`source_id`, made the first time (a random code, drawn again when it
    is taken); a second call for the same case answers the first code unchanged."""
    source_id = str(source_id)
    existing = RatingCode.objects.filter(source=source, source_id=source_id).first()
    if existing is not None:
        return existing
    for _ in range(CODE_ATTEMPTS):
        code = new_code()
        if RatingCode.objects.filter(code=code).exists():
            continue
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the caller's transaction usable
                return RatingCode.objects.create(code=code, region_code=region_code, service=service[:100],
                                                 source=source, source_id=source_id, served_by=served_by,
                                                 completed_on=completed_on)
        except IntegrityError:
            existing = RatingCode.objects.filter(source=source, source_id=source_id).first()
            if existing is not None:  # the same case issued at the same time by another request
                return existing
    raise RuntimeError("no free rating code after several draws")
