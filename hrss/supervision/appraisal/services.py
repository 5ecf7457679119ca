"""The appraisal part's one write: a county locks (锁定) a month's appraisal once the month is over, keeping the
figures of every office of the county and of their staff as they stand, so that a later correction of a record does
not change the published result (the pages and the export read the locked figures from then on)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, workdays
from hrss.core.dates import month_bounds
from hrss.core.models import Level, Region
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.supervision.appraisal import selectors
from hrss.supervision.models import AppraisalLock
from hrss.supervision.permissions import APPRAISAL_VIEW

# The county's 人社局 publishes its offices' appraisal [believed: its 经办员 prepares it, its 审批员 signs it off]:
# locking is the sign-off, a leader's act, so only the approver's role locks (the 经办员 is among the staff
# appraised). A role, not a permission of its own: the area's permissions are each a kind of work, and this one
# act is the approver's as INSPECTION_APPROVE's extensions are.
LOCKERS = frozenset({Role.COUNTY_APPROVER})
LOCK_REFUSED = "只有本县（区）人社局的审批员可以锁定（签发）考核结果。"


def lock_problems(*, region, month, today):
    """Why the month of `region` cannot be locked (a message in Chinese), or None."""
    if region.level != Level.COUNTY:
        return "只能锁定县（区）的考核结果：请在县（区）的考核页面锁定。"
    if month_bounds(month.year, month.month)[1] >= today:
        return f"{month:%Y年%m月}尚未结束：月份结束后才能锁定该月的考核结果。"
    if AppraisalLock.objects.filter(region_code=region.code, month=month).exists():
        return f"{region.name}{month:%Y年%m月}的考核结果已经锁定，不能再次锁定。"
    return None


def lock_month(*, actor, region, month, today=None):
    """锁定 the month's appraisal of the county `region`: the figures of each office in it (the county's own, each
    township's, each village's, each scored as on the pages) and of each office's staff, stored with an audit
    entry. Refused (PermissionDenied, audited) outside the actor's county or to anyone but its approver; a region that
    is not a county, a month not over yet or already locked is a ValidationError saying so."""
    check_permission(actor, APPRAISAL_VIEW)
    check_acting_in(actor, region_code=region.code, action="supervision.appraisal.lock", roles=LOCKERS,
                    message=LOCK_REFUSED)
    today = today or timezone.localdate()
    if problem := lock_problems(region=region, month=month, today=today):
        raise ValidationError(problem)
    calendar = workdays.Calendar.load()
    offices, staff = {}, {}
    parents = [region, *Region.objects.filter(parent=region, is_active=True).order_by("code")]
    for parent in parents:
        for row in selectors.office_rows(actor, parent, month, calendar):
            if row.own and parent.pk != region.pk:
                continue  # a township's own row is kept from the county's table, scored among the townships
            offices[row.region.code] = selectors.stored(row.figures)
            staff[row.region.code] = [{"user_id": person.user.pk, **selectors.stored(person.figures)}
                                      for person in selectors.staff_rows(row.region, month, calendar)]
    try:
        with transaction.atomic():
            lock = AppraisalLock.objects.create(region_code=region.code, month=month, locked_by=actor,
                                                offices=offices, staff=staff)
            audit.record(actor=actor, action="supervision.appraisal.locked", target=lock, region_code=region.code,
                         after={"appraisal_month": selectors.month_text(month), "offices": len(offices)})
    except IntegrityError:  # locked by someone else a moment ago
        raise ValidationError(lock_problems(region=region, month=month, today=today)) from None
    return lock
