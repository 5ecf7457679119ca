"""Answers that tell a staff member something about a person outside their scope: "this ID number is registered in
another region" (the ledger import, the new-person form and API) and "this name and ID number belong together"
(an employer's list of hires, employment.employment_registration). Staff need these answers to start a transfer
or register a hire, and each is also a lookup of the whole city's ledger, so every one is counted per user
(HRSS_RATE_LIMITS["registered_elsewhere"], shared by all the ways in), audited with the ID number, and refused past
the limit. Call it outside the transaction of the write it precedes: a refused write must not roll the count back."""

from django.conf import settings
from django.core.exceptions import ValidationError

from hrss.core import audit, ratelimit


class TooManyLookups(ValidationError):
    """Past the hourly limit of answers about people outside the user's scope."""

    def __init__(self, retry_after):
        self.retry_after = retry_after
        limit = settings.HRSS_RATE_LIMITS["registered_elsewhere"][0]
        super().__init__(f"一小时内查询其他地区人员的次数已达上限（{limit} 次）。请 {retry_after // 60 + 1} 分钟后再试；"
                         "如确有大批外地人员要办理，请联系县(区)。")


def count_lookup_outside_scope(*, actor, id_number, action, note=""):
    """Count and audit one answer about `id_number` outside `actor`'s scope, found or not (a miss costs the same as
    a hit, so the count tells nothing either). Raises TooManyLookups, after a denied audit entry, past the limit."""
    allowed, retry_after = ratelimit.allow("registered_elsewhere", f"user:{actor.pk}")
    if not allowed:
        audit.record_denied(actor=actor, action=action, subject_id_number=id_number, note="查询次数已达上限")
        raise TooManyLookups(retry_after)
    audit.record(actor=actor, action=action, subject_id_number=id_number, note=note)
