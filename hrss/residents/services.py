"""Writes on the labour-force ledger. Each takes the actor, checks the actor's permission and scope itself (a refusal
is audited, before the write's transaction so its entry stays), and leaves an audit entry. Out of scope is
PermissionDenied here; the views and the API fetch through core.scoping first, so a user sees 404 there."""


from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.models import Level
from hrss.core.permissions import check_acting_in, check_permission
from hrss.residents import labour_status, lookups, statistics
from hrss.residents.models import Household, LabourStatus, LabourStatusEvent, Person, PersonMove, Relation
from hrss.residents.permissions import ID_NUMBER_REVEAL, RESIDENT_EDIT
from hrss.residents.rules import check_status

PERSON_FIELDS = [
    "name", "region_code", "relation_to_head", "hukou_type", "phone", "education", "skills", "qualifications",
    "work_capacity", "health_note", "retirement_category", "wants_employment", "wants_training", "wants_business",
    "wanted_occupation", "wanted_place", "wanted_wage",
]
EDITABLE_FIELDS = [field for field in PERSON_FIELDS if field != "region_code"]


class StaleVersion(ValidationError):
    """Someone else saved this record since it was loaded."""


def _require_village_in_scope(actor, village):
    if village is None or village.level != Level.VILLAGE or not village.is_active:
        raise ValidationError("人员必须登记在一个有效的村(社区)。")
    if actor is not None:
        check_permission(actor, RESIDENT_EDIT)
    if actor is not None and not scoping.scope_of(actor).contains_code(village.code):
        audit.record_denied(actor=actor, action="residents.person.out_of_scope", note=village.code)
        raise PermissionDenied("该村(社区)不在您的管辖范围内。")


def _check_acting_on(actor, person, action, permission=RESIDENT_EDIT):
    """Refuse (PermissionDenied, audited) an act on `person` by a user without `permission` or whose scope does not
    hold the person's village. Called before the write's transaction, so the refusal's audit entry stays."""
    check_permission(actor, permission)
    check_acting_in(actor, region_code=person.region_code, action=action, subject_id_number=person.id_number,
                    message="该人员不在您的管辖范围内。")


def _household_for(*, head_id_number, region_code):
    household, _ = Household.objects.get_or_create(head_id_number=head_id_number,
                                                   defaults={"region_code": region_code})
    return household


HEAD_NOT_FOUND = ("没有找到该户主的家庭户：户主须已在您的辖区内登记。请先登记户主（与户主关系填“户主”），再登记家庭成员；"
                  "户主户籍在其他地区的，请先为户主办理迁入。")


def _household_in_scope(actor, head_id_number):
    """The household headed by `head_id_number`, when the actor's scope holds it. A head registered in another
    county gets the same answer as one registered nowhere: the answer tells nothing of people out of scope."""
    household = Household.objects.filter(head_id_number=head_id_number).first()
    if household is None or (actor is not None
                             and not scoping.scope_of(actor).contains_code(household.region_code)):
        raise ValidationError(HEAD_NOT_FOUND)
    return household


def register_person(*, actor, id_number, name, village, status=LabourStatus.OTHER, status_detail="",
                    status_since=None, head_id_number="", today=None, **fields):
    """Add a person to a village's ledger with an initial labour status. Returns (person, warnings). `actor` None
    is the server operator's command (hrss demo).

    Everything the form gives is checked before the ledger is asked whether the ID number is taken, so that a
    half-filled form is no free lookup; an ID number registered outside the actor's scope is answered "registered
    in another region" (what staff need to start a transfer), counted and audited by residents.lookups, outside
    the transaction that a refusal rolls back."""
    today = today or timezone.localdate()
    _require_village_in_scope(actor, village)
    try:
        parsed = parse(id_number, today=today)
    except InvalidIdNumber as error:
        raise ValidationError(str(error)) from None
    name = (name or "").strip()
    if not name:
        raise ValidationError("姓名不能为空。")
    person = Person(id_number=parsed.number, name=name, sex=parsed.sex, birth_date=parsed.birth_date,
                    region_code=village.code, **fields)
    if person.relation_to_head == Relation.HEAD or not head_id_number:
        head_id_number = parsed.number
    else:
        try:
            head_id_number = parse(head_id_number, today=today).number
        except InvalidIdNumber as error:
            raise ValidationError(f"户主公民身份号码：{error}") from None
    status_since = status_since or today
    check = check_status(birth_date=person.birth_date, sex=person.sex,
                         retirement_category=person.retirement_category, status=status, detail=status_detail,
                         effective_date=status_since, work_capacity=person.work_capacity, today=today)
    if not check.ok:
        raise ValidationError(check.errors)
    _refuse_registered(actor, parsed.number)
    with transaction.atomic():
        if head_id_number == parsed.number:
            person.household = _household_for(head_id_number=head_id_number, region_code=village.code)
        else:
            person.household = _household_in_scope(actor, head_id_number)
        person.labour_status, person.status_detail, person.status_since = status, status_detail, status_since
        person.save()
        LabourStatusEvent.objects.create(person=person, status=status, detail=status_detail,
                                         effective_date=status_since, region_code=village.code, recorded_by=actor)
        statistics.mark_ledger_changed()
        audit.record(actor=actor, action="residents.person.registered", target=person,
                     subject_id_number=person.id_number, after=audit.snapshot(person, PERSON_FIELDS))
    return person, list(parsed.warnings) + check.warnings


def _refuse_registered(actor, id_number):
    """Refuse an ID number already on the ledger: in the actor's scope, pointing to the move; elsewhere, as the
    import answers it (counted and audited, residents.lookups)."""
    region_code = Person.objects.filter(id_number=id_number).values_list("region_code", flat=True).first()
    if region_code is None:
        return
    if actor is None or scoping.scope_of(actor).contains_code(region_code):
        raise ValidationError("该人员已登记在您的辖区内，不能重复登记；如已迁入本村(社区)，请在人员页面办理迁移。")
    lookups.count_lookup_outside_scope(actor=actor, id_number=id_number, action="residents.person.registered_elsewhere")
    raise ValidationError("该公民身份号码已在其他地区登记，请办理迁入：联系原登记地办理人员迁移。")


STALE = "该人员信息已被他人修改，请刷新页面后重新修改。"


def update_person(*, actor, person, version, **changes):
    """Change a person's details. `version` is the one the user loaded: if someone saved in between, refuse
    instead of silently overwriting their change (the UPDATE itself is conditional on the version)."""
    _check_acting_on(actor, person, "residents.person.updated")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改这些字段：{', '.join(sorted(unknown))}")
    with transaction.atomic():
        before = audit.snapshot(person, EDITABLE_FIELDS)
        updated = Person.objects.filter(pk=person.pk, version=version).update(version=version + 1, **changes)
        if not updated:
            raise StaleVersion(STALE)
        person.refresh_from_db()
        audit.record(actor=actor, action="residents.person.updated", target=person,
                     subject_id_number=person.id_number, before=before, after=audit.snapshot(person, EDITABLE_FIELDS))
    return person


def record_status_change(*, actor, person, status, effective_date, detail="", note="", version=None, today=None):
    """Record a change of labour status from `effective_date`. Returns (event, warnings). With `version` (the one
    the user loaded), StaleVersion when someone saved the person since: checked on the locked row, inside the
    transaction that writes."""
    _check_acting_on(actor, person, "residents.status.recorded")
    with transaction.atomic():
        if version is not None:
            current = Person.objects.select_for_update().filter(pk=person.pk).values_list("version", flat=True)
            if current.first() != version:
                raise StaleVersion(STALE)
        return apply_status_change(actor=actor, person=person, status=status, effective_date=effective_date,
                                   detail=detail, note=note, today=today)


def apply_status_change(*, actor, person, status, effective_date, detail="", note="", today=None):
    """The ledger's half of another area's act, inside that act's transaction, after that area's service checked
    its actor (a hire registered where the employer is changes the home ledger of a worker from elsewhere; an
    approved 失业登记 makes the person unemployed). Returns (event, warnings)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("apply_status_change outside a transaction: call record_status_change")
    today = today or timezone.localdate()
    check = check_status(birth_date=person.birth_date, sex=person.sex,
                         retirement_category=person.retirement_category, status=status, detail=detail,
                         effective_date=effective_date, work_capacity=person.work_capacity, today=today)
    if not check.ok:
        raise ValidationError(check.errors)
    before = audit.snapshot(person, ["labour_status", "status_detail", "status_since"])
    event = LabourStatusEvent.objects.create(person=person, status=status, detail=detail,
                                             effective_date=effective_date, region_code=person.region_code,
                                             note=note, recorded_by=actor)
    _refresh_current_status(person)
    statistics.mark_ledger_changed()
    # The same keys before and after (the person's fields), so the log reads "就业状态：失业 → 单位就业".
    audit.record(actor=actor, action="residents.status.recorded", target=person, subject_id_number=person.id_number,
                 before=before, after={"labour_status": status, "status_detail": detail, "status_since": effective_date})
    return event, check.warnings


def _refresh_current_status(person):
    """The current status is the latest event by effective date (a back-dated change does not override a later one)."""
    labour_status.set_current_status([person.pk], version=F("version") + 1)
    person.refresh_from_db()


def status_on(person, day):
    """The labour status in force on `day`, or None before the first recorded one."""
    return person.status_events.filter(effective_date__lte=day).order_by(*labour_status.LATEST_FIRST).first()


_after_move = []


def after_person_moved(hook):
    """Register `hook(person, from_code, to_code)` to run in the move's transaction after a person moves: an area
    whose open records follow the person (an open 求职登记 is served by the village the person lives in) moves them
    there. Returns `hook`."""
    if hook not in _after_move:
        _after_move.append(hook)
    return hook


def move_person(*, actor, person, to_village, effective_date=None):
    """Move a person to another village: history stays with the person; both villages' ledgers stay right.
    The mover must have both villages in scope (a township moves within the township, a county within the
    county); a move across counties is done by the common upper level."""
    _check_acting_on(actor, person, "residents.person.moved")
    _require_village_in_scope(actor, to_village)
    if to_village.code == person.region_code:
        raise ValidationError("该人员已在这个村(社区)。")
    with transaction.atomic():
        return _move_person(actor, person, to_village, effective_date)


def _move_person(actor, person, to_village, effective_date):
    effective_date = effective_date or timezone.localdate()
    from_code = person.region_code
    PersonMove.objects.create(person=person, from_region_code=from_code, to_region_code=to_village.code,
                              effective_date=effective_date, recorded_by=actor)
    Person.objects.filter(pk=person.pk).update(region_code=to_village.code, version=F("version") + 1)
    if person.household_id and person.household.head_id_number == person.id_number:
        Household.objects.filter(pk=person.household_id).update(region_code=to_village.code)
    person.refresh_from_db()
    for hook in _after_move:
        hook(person, from_code, to_village.code)
    statistics.mark_ledger_changed()
    audit.record(actor=actor, action="residents.person.moved", target=person, subject_id_number=person.id_number,
                 before={"region_code": from_code}, after={"region_code": to_village.code,
                                                           "effective_date": effective_date})
    return person


def reveal_id_number(*, actor, person, reason):
    """The full ID number, for a user allowed to see it; the viewing itself is audited with the reason."""
    _check_acting_on(actor, person, "residents.id_number.revealed", ID_NUMBER_REVEAL)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("查看完整身份证号须填写事由。")
    audit.record(actor=actor, action="residents.id_number.revealed", target=person,
                 subject_id_number=person.id_number, note=reason)
    return person.id_number
