"""The offices part's writes (服务机构建设情况): keyword-only, taking the actor, checking permission and scope before
one transaction (a refusal's audit entry stays), one audit entry each, and the office's stored standing
(OfficeStanding) refreshed inside the same transaction. Bad input is a ValidationError in Chinese, nothing written.

Who: an office is edited (OFFICE_EDIT) by the staff of its own region, of the township above a village, and of the
county; the city reads. Anyone whose scope covers an office reads it (NETWORK_VIEW)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.models import Level
from hrss.core.permissions import check_acting_in, check_permission
from hrss.network.models import (
    EmploymentType,
    EquipmentItem,
    Office,
    OfficeEquipment,
    OfficeFacts,
    OfficeNature,
    OfficePhoto,
    OfficeRoom,
    OfficeStaff,
    OfficeStanding,
    OfficeWindow,
    RoomFunction,
    WindowKind,
)
from hrss.network.offices import photos
from hrss.network.permissions import NETWORK_VIEW, OFFICE_EDIT
from hrss.network.standards import compliance
from hrss.network.standards.rules import WALL_RULES

EDITING_LEVELS = (Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE)
OFFICE_LEVELS = (Level.TOWNSHIP, Level.VILLAGE)
FACT_FIELDS = ("has_sign", "has_plaque", "motto_on_wall", "rules_on_wall", "publicity_board", "suggestion_box",
               "info_board", "network_connected", "network_kind", "software_used")
OFFICE_FIELDS = ("nature", "address", "hours", "phone")
STAFF_FIELDS = ("name", "post", "employment", "monthly_pay", "is_civil_servant", "paid_for_part_time", "training")
MAX_PAY = Decimal("1000000")


def _today(today):
    return today or timezone.localdate()


def region_problem(region):
    if region.level not in OFFICE_LEVELS or not region.is_active:
        return (f"{region.name}不是乡镇(街道)或村(社区)：服务所设在乡镇(街道)，服务站设在村(社区)，"
                "请选择乡镇(街道)或村(社区)。")
    return None


def _check_edit(actor, office, action):
    """OFFICE_EDIT, the office in the actor's scope, and the actor's office at the county or below (the city reads)."""
    check_permission(actor, OFFICE_EDIT)
    check_acting_in(actor, region_code=office.region_code, action=action, message="只能维护本辖区服务机构的建设情况。")
    scope = scoping.scope_of(actor)
    if scope.region.level not in EDITING_LEVELS:
        audit.record_denied(actor=actor, action=action, target=office, region_code=office.region_code)
        raise PermissionDenied("服务机构的建设情况由本级、上级乡镇(街道)或县(区)维护，市级查看。")


def _standing_values(result, today):
    return {"ok": result.ok, "failing": result.failing, "unknown": result.unknown,
            "failing_rules": [r.rule for r in result.results if r.ok is False],
            "unknown_rules": [r.rule for r in result.results if r.ok is None], "computed_on": today}


def refresh_standing(office, today):
    """Inside the caller's transaction: the office's stored standing computed again for `today`."""
    result = compliance.check(office, today)
    OfficeStanding.objects.update_or_create(office=office, defaults=_standing_values(result, today))
    return result


def keep_standing(office, result, today):
    """The office's page checked it live for `today` (`result`): when the stored standing the lists read says
    otherwise (the software rule follows the audit log, which changes without an office write), it is stored again
    so the lists agree with the page. A derived summary, not a record: no audit entry. Returns whether it changed."""
    if office.pk is None or result.on != today:
        return False
    values = _standing_values(result, today)
    stored = OfficeStanding.objects.filter(office=office).values(*values).first()
    if stored == values:
        return False
    OfficeStanding.objects.update_or_create(office=office, defaults=values)
    return True


def refresh_standings(*, today=None, region=None):
    """Every office's stored standing computed again for `today` (the rules in force and the audit log's activity
    change with the days, not only with a write): the nightly task and `hrss refresh-office-standings`. Returns the
    number of offices."""
    today = _today(today)
    offices = Office.objects.all() if region is None else scoping.within_region(Office.objects.all(), region)
    count = 0
    for office in offices.iterator():
        with transaction.atomic():
            refresh_standing(office, today)
        count += 1
    return count


def _get_or_make(region_code, actor):
    try:
        with transaction.atomic():
            return Office.objects.get_or_create(region_code=region_code, defaults={"created_by": actor})
    except IntegrityError:  # made by another request in between
        return Office.objects.get(region_code=region_code), False


def office_for(*, actor, region, today=None):
    """The office of `region` (a township or a village of the actor's scope), made the first time it is opened or
    something is recorded for it (audited as made, with its standing)."""
    today = _today(today)
    check_permission(actor, NETWORK_VIEW)
    check_acting_in(actor, region_code=region.code, action="network.office.open",
                    message="只能查看本辖区的服务机构。")
    if (problem := region_problem(region)) is not None:
        raise ValidationError(problem)
    existing = Office.objects.filter(region_code=region.code).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        office, made = _get_or_make(region.code, actor)
        if made:
            audit.record(actor=actor, action="network.office.made", target=office, region_code=region.code)
            refresh_standing(office, today)
    return office


def _text(value, label, limit, problems, *, required=False):
    value = (value or "").strip()
    if required and not value:
        problems.append(f"请填写{label}。")
    elif len(value) > limit:
        problems.append(f"{label}不超过{limit}字（现为{len(value)}字）。")
    return value


def _choice(value, choices, label, problems, *, blank=False):
    if (blank and not value) or value in choices.values:
        return value or ""
    problems.append(f"请选择{label}（{'、'.join(map(str, choices.labels))}）。")
    return value


def _raise(problems):
    if problems:
        raise ValidationError(problems)


def _changed(actor, record, fields, values, action, office):
    """Inside the caller's transaction: `values` written on `record` and audited with what changed; nothing when
    nothing changed. Returns the fields changed."""
    before = audit.snapshot(record, fields)
    for field, value in values.items():
        setattr(record, field, value)
    after = audit.snapshot(record, fields)
    changed = [key for key in fields if before[key] != after[key]]
    if changed:
        record.save(update_fields=changed)
        audit.record(actor=actor, action=action, target=record, region_code=office.region_code,
                     before={key: before[key] for key in changed}, after={key: after[key] for key in changed})
    return changed


def update_office(*, actor, office, nature="", address="", hours="", phone="", today=None):
    """机构性质, address, hours and phone of the office."""
    today = _today(today)
    _check_edit(actor, office, "network.office.update")
    problems = []
    values = {"nature": _choice(nature, OfficeNature, "机构性质", problems, blank=True),
              "address": _text(address, "地址", 200, problems), "hours": _text(hours, "办公时间", 100, problems),
              "phone": _text(phone, "联系电话", 20, problems)}
    _raise(problems)
    with transaction.atomic():
        changed = _changed(actor, office, OFFICE_FIELDS, values, "network.office.updated", office)
        refresh_standing(office, today)
    return changed


# --- staff (工作人员) ----------------------------------------------------------------------------------------------


def _pay(value, problems):
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        problems.append(f"月报酬“{value}”不是金额：请填写元，如 1800 或 1800.50，未知可不填。")
        return None
    if not amount.is_finite() or amount < 0 or amount >= MAX_PAY or amount != amount.quantize(Decimal("0.01")):
        problems.append("月报酬应为不小于0的金额（元，最多两位小数），未知可不填。")
        return None
    return amount


def staff_values(*, name, post, employment, monthly_pay, is_civil_servant, paid_for_part_time, training):
    """(values, problems) of a staff row as typed."""
    problems = []
    values = {"name": _text(name, "姓名", 30, problems, required=True), "post": _text(post, "岗位", 50, problems),
              "employment": _choice(employment, EmploymentType, "用工形式", problems),
              "monthly_pay": _pay(monthly_pay, problems), "is_civil_servant": bool(is_civil_servant),
              "paid_for_part_time": bool(paid_for_part_time), "training": _text(training, "参加培训情况", 200, problems)}
    if values["paid_for_part_time"] and values["employment"] != EmploymentType.PART_TIME:
        problems.append("“领取兼职报酬”只适用于用工形式为兼职的人员。")
    return values, problems


def add_staff(*, actor, office, name, employment, post="", monthly_pay=None, is_civil_servant=False,
              paid_for_part_time=False, training="", today=None):
    """A person on the office's roster."""
    today = _today(today)
    _check_edit(actor, office, "network.office_staff.add")
    values, problems = staff_values(name=name, post=post, employment=employment, monthly_pay=monthly_pay,
                                    is_civil_servant=is_civil_servant, paid_for_part_time=paid_for_part_time,
                                    training=training)
    _raise(problems)
    with transaction.atomic():
        staff = OfficeStaff.objects.create(office=office, **values)
        audit.record(actor=actor, action="network.office_staff.added", target=staff, region_code=office.region_code,
                     after=audit.snapshot(staff, STAFF_FIELDS))
        refresh_standing(office, today)
    return staff


def update_staff(*, actor, staff, name, employment, post="", monthly_pay=None, is_civil_servant=False,
                 paid_for_part_time=False, training="", today=None):
    """A roster row corrected (pay raised, training recorded)."""
    today = _today(today)
    office = staff.office
    _check_edit(actor, office, "network.office_staff.update")
    values, problems = staff_values(name=name, post=post, employment=employment, monthly_pay=monthly_pay,
                                    is_civil_servant=is_civil_servant, paid_for_part_time=paid_for_part_time,
                                    training=training)
    _raise(problems)
    with transaction.atomic():
        changed = _changed(actor, staff, STAFF_FIELDS, values, "network.office_staff.updated", office)
        refresh_standing(office, today)
    return changed


def staff_left(*, actor, staff, left_on=None, today=None):
    """A person left the office on `left_on` (kept on the roster's history)."""
    today = _today(today)
    left_on = left_on or today
    office = staff.office
    _check_edit(actor, office, "network.office_staff.leave")
    if staff.left_on is not None:
        raise ValidationError(f"{staff.name}已于{staff.left_on:%Y-%m-%d}离岗。")
    if left_on > today:
        raise ValidationError("离岗日期不能晚于今天。")
    with transaction.atomic():
        OfficeStaff.objects.filter(pk=staff.pk).update(left_on=left_on)
        staff.left_on = left_on
        audit.record(actor=actor, action="network.office_staff.left", target=staff, region_code=office.region_code,
                     after={"left_on": left_on})
        refresh_standing(office, today)
    return staff


# --- rooms, windows, equipment -------------------------------------------------------------------------------------


def _area(value, problems):
    try:
        area = Decimal(str(value).strip())
    except (InvalidOperation, TypeError):
        problems.append(f"面积“{value}”不是数字：请填写平方米数，如 120 或 35.5。")
        return None
    if not area.is_finite() or area <= 0 or area > 100000 or area != area.quantize(Decimal("0.1")):
        problems.append("面积应大于0、不超过100000平方米，最多一位小数。")
        return None
    return area


def add_room(*, actor, office, function, area, name="", today=None):
    """A room or area of the premises with its floor area."""
    today = _today(today)
    _check_edit(actor, office, "network.office_room.add")
    problems = []
    values = {"function": _choice(function, RoomFunction, "功能", problems), "name": _text(name, "名称", 50, problems),
              "area": _area(area, problems)}
    _raise(problems)
    with transaction.atomic():
        room = OfficeRoom.objects.create(office=office, **values)
        audit.record(actor=actor, action="network.office_room.added", target=room, region_code=office.region_code,
                     after={"room_function": room.function, "name": room.name, "area": room.area})
        refresh_standing(office, today)
    return room


def add_window(*, actor, office, kind, name="", today=None):
    """A service window (one of the six, or another)."""
    today = _today(today)
    _check_edit(actor, office, "network.office_window.add")
    problems = []
    values = {"kind": _choice(kind, WindowKind, "窗口", problems), "name": _text(name, "窗口名称", 50, problems)}
    if values["kind"] == WindowKind.OTHER and not values["name"]:
        problems.append("其他窗口请填写窗口名称。")
    elif values["kind"] != WindowKind.OTHER and office.windows.filter(kind=values["kind"]).exists():
        problems.append(f"已设有{WindowKind(values['kind']).label}窗口。")
    _raise(problems)
    with transaction.atomic():
        window = OfficeWindow.objects.create(office=office, **values)
        audit.record(actor=actor, action="network.office_window.added", target=window,
                     region_code=office.region_code, after={"window": window.kind, "name": window.name})
        refresh_standing(office, today)
    return window


def add_equipment(*, actor, office, item, quantity, name="", today=None):
    """Equipment items of one kind, with their number."""
    today = _today(today)
    _check_edit(actor, office, "network.office_equipment.add")
    problems = []
    values = {"item": _choice(item, EquipmentItem, "设备", problems), "name": _text(name, "名称或型号", 50, problems)}
    try:
        values["quantity"] = int(str(quantity).strip())
        if not 1 <= values["quantity"] <= 10000:
            raise ValueError
    except (TypeError, ValueError):
        problems.append("数量应为1到10000的整数。")
    if values.get("item") == EquipmentItem.OTHER and not values["name"]:
        problems.append("其他设备请填写名称。")
    _raise(problems)
    with transaction.atomic():
        row = OfficeEquipment.objects.create(office=office, **values)
        audit.record(actor=actor, action="network.office_equipment.added", target=row,
                     region_code=office.region_code, after={"equipment": row.item, "name": row.name,
                                                             "quantity": row.quantity})
        refresh_standing(office, today)
    return row


REMOVE_ACTIONS = {
    "room": ("network.office_room.remove", "network.office_room.removed"),
    "window": ("network.office_window.remove", "network.office_window.removed"),
    "equipment": ("network.office_equipment.remove", "network.office_equipment.removed"),
}


def remove_item(*, actor, item, reason="", today=None):
    """A room, window or equipment row recorded in error or gone (its values kept in the audit entry)."""
    today = _today(today)
    office = item.office
    kind = {OfficeRoom: "room", OfficeWindow: "window", OfficeEquipment: "equipment"}.get(type(item))
    if kind is None:
        raise TypeError("remove_item takes a room, a window or an equipment row")
    _check_edit(actor, office, REMOVE_ACTIONS[kind][0])
    reason = (reason or "").strip()
    if len(reason) > 200:
        raise ValidationError("说明不超过200字。")
    fields = {"room": ("function", "name", "area"), "window": ("kind", "name"),
              "equipment": ("item", "name", "quantity")}[kind]
    with transaction.atomic():
        before = audit.snapshot(item, fields)
        audit.record(actor=actor, action=REMOVE_ACTIONS[kind][1], target=item,
                     region_code=office.region_code, before={_audit_key(kind, key): value
                                                             for key, value in before.items()}, note=reason)
        item.delete()
        refresh_standing(office, today)


def _audit_key(kind, key):
    return {"function": "room_function", "kind": "window", "item": "equipment"}.get(key, key)


# --- facts: sign, motto, rules on the wall, boards, network, software ----------------------------------------------


def _fact(value, label, problems):
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "是", "有"):
        return True
    if text in ("0", "false", "no", "否", "无"):
        return False
    problems.append(f"{label}请选择是、否或未核实。")
    return None


def record_facts(*, actor, office, today=None, **facts):
    """What was seen at the office (标识、牌匾、上墙、宣传栏、联网、软件): each fact True, False or None (not verified);
    `rules_on_wall` a list of the internal rules' codes on the wall, or None."""
    today = _today(today)
    _check_edit(actor, office, "network.office_facts.record")
    unknown = set(facts) - set(FACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown facts: {sorted(unknown)}")
    problems = []
    values = {}
    for field in FACT_FIELDS:
        if field not in facts:
            continue
        value = facts[field]
        if field == "network_kind":
            values[field] = _text(value, "联网方式", 50, problems)
        elif field == "rules_on_wall":
            if value is None:
                values[field] = None
            else:
                codes = list(dict.fromkeys(value))
                wrong = [code for code in codes if code not in WALL_RULES]
                if wrong:
                    problems.append(f"内部管理制度请从{'、'.join(WALL_RULES.values())}中选择。")
                values[field] = [code for code in WALL_RULES if code in codes]
        else:
            values[field] = _fact(value, OfficeFacts._meta.get_field(field).verbose_name, problems)
    _raise(problems)
    with transaction.atomic():
        row, _ = OfficeFacts.objects.get_or_create(office=office)
        values["updated_on"] = today
        changed = _changed(actor, row, (*FACT_FIELDS, "updated_on"), values, "network.office_facts.recorded",
                           office)
        refresh_standing(office, today)
    return changed


# --- photos ---------------------------------------------------------------------------------------------------------


def add_photo(*, actor, office, upload, subject, caption="", today=None):
    """A photo of the office (subject: a rule's code, or free text of what it shows), checked and re-encoded without
    metadata (photos.clean). Returns the OfficePhoto."""
    today = _today(today)
    _check_edit(actor, office, "network.office_photo.add")
    problems = []
    subject = _text(subject, "照片内容", 50, problems, required=True)
    caption = _text(caption, "说明", 200, problems)
    _raise(problems)
    content, content_type, width, height = photos.clean(upload)
    with transaction.atomic():
        photo = OfficePhoto.objects.create(office=office, subject=subject, caption=caption, content=content,
                                           content_type=content_type, width=width, height=height, taken_on=today,
                                           uploaded_by=actor)
        audit.record(actor=actor, action="network.office_photo.added", target=photo, region_code=office.region_code,
                     after={"subject": subject, "caption": caption, "content_type": content_type,
                            "bytes": len(content)})
        refresh_standing(office, today)
    return photo


def remove_photo(*, actor, photo, reason="", today=None):
    today = _today(today)
    office = photo.office
    _check_edit(actor, office, "network.office_photo.remove")
    with transaction.atomic():
        audit.record(actor=actor, action="network.office_photo.removed", target=photo, region_code=office.region_code,
                     before={"subject": photo.subject, "caption": photo.caption}, note=(reason or "")[:200])
        photo.delete()
        refresh_standing(office, today)
