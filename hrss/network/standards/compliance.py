"""An office's compliance with the standards in force on a day: one result a rule (what is required, what was
recorded, whether it holds: None where nothing has been recorded yet, unknown, never passed).

Contract for the other parts (acceptance, dashboard, the command): `check(office, on)` -> `Compliance`. What is
required is standards/rules.py's (dated); how each rule is measured against what the office recorded is here."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from hrss.core.text import money
from hrss.network.standards import rules as standards


@dataclass(frozen=True)
class RuleResult:
    rule: str  # the rule's code (standards' configuration)
    title: str  # 中文: the rule as users read it
    required: str
    actual: str | None
    ok: bool | None


@dataclass(frozen=True)
class Compliance:
    office: object
    on: object
    results: tuple

    @property
    def ok(self):
        return sum(1 for r in self.results if r.ok is True)

    @property
    def failing(self):
        return sum(1 for r in self.results if r.ok is False)

    @property
    def unknown(self):
        return sum(1 for r in self.results if r.ok is None)

    @property
    def failing_rules(self):
        return [r for r in self.results if r.ok is False]


@dataclass
class Recorded:
    """What an office recorded, read once for all its rules."""

    office: object
    region: object
    on: datetime.date
    staff: list
    any_staff: bool
    rooms: list
    windows: list
    equipment: list
    facts: object | None


def _recorded(office, on):
    """What `office` recorded (nothing for an office not saved yet: a region without a record)."""
    from hrss.core.models import Region
    from hrss.network.models import OfficeFacts

    region = Region.objects.get(code=office.region_code)
    if office.pk is None:
        return Recorded(office=office, region=region, on=on, staff=[], any_staff=False, rooms=[], windows=[],
                        equipment=[], facts=None)
    all_staff = list(office.staff.all())
    return Recorded(office=office, region=region, on=on,
                    staff=[s for s in all_staff if s.left_on is None or s.left_on > on], any_staff=bool(all_staff),
                    rooms=list(office.rooms.all()), windows=list(office.windows.all()),
                    equipment=list(office.equipment.all()), facts=OfficeFacts.objects.filter(office=office).first())


def _area(value):
    value = Decimal(value).normalize()
    return f"{value:f}平方米"


def _fact(recorded, name):
    return None if recorded.facts is None else getattr(recorded.facts, name)


def _yes_no(value, yes, no):
    return None if value is None else (yes if value else no)


# --- each measure: (recorded, requirement) -> (required text, actual text or None, ok or None) -------------------


def _staff_count(rec, need):
    required = f"不少于{need}名工作人员"
    if not rec.any_staff:
        return required, None, None
    names = "、".join(s.name for s in rec.staff)
    return required, f"{len(rec.staff)}名" + (f"（{names}）" if names else ""), len(rec.staff) >= need


def _paid_staff(rec):
    return [s for s in rec.staff if not (s.employment == "part_time" and s.is_civil_servant)]


def _staff_pay(rec, _need):
    """Every paid person's pay against the minimum wage of the day, naming who is not counted (a part-time civil
    servant, who draws no pay for it) and whose pay is not recorded (then unknown, never passed)."""
    wage = standards.minimum_wage(rec.on)
    required = f"每月报酬不低于最低工资标准（{money(wage)}元）"
    if not rec.any_staff:
        return required, None, None
    paid = _paid_staff(rec)
    below = [s for s in paid if s.monthly_pay is not None and s.monthly_pay < wage]
    known = [s for s in paid if s.monthly_pay is not None and s.monthly_pay >= wage]
    missing = [s for s in paid if s.monthly_pay is None]
    not_counted = [s for s in rec.staff if s not in paid]
    parts = []
    if below:
        parts.append("低于标准：" + "、".join(f"{s.name}{money(s.monthly_pay)}元" for s in below))
    if known:
        lowest = min(s.monthly_pay for s in known)
        parts.append(f"已登记报酬的{len(known)}人都不低于标准（最低{money(lowest)}元）")
    if missing:
        parts.append(f"{len(missing)}人未登记报酬：" + "、".join(s.name for s in missing))
    if not paid:
        parts.append("无领取报酬的工作人员")
    if not_counted:
        parts.append(f"{len(not_counted)}人为兼职公职人员，不计入：" + "、".join(s.name for s in not_counted))
    return required, "；".join(parts), False if below else (None if missing else True)


def _part_time_pay(rec, _need):
    required = "属于公职人员的兼职人员不领取兼职报酬"
    if not rec.any_staff:
        return required, None, None
    concerned = [s for s in rec.staff if s.employment == "part_time" and s.is_civil_servant]
    paid = [s for s in concerned if s.paid_for_part_time]
    if paid:
        return required, "领取兼职报酬的公职人员：" + "、".join(s.name for s in paid), False
    if not concerned:
        return required, "无公职人员兼职", True
    return required, f"兼职公职人员{len(concerned)}名，均未领取兼职报酬", True


def _area_of(rec, functions=None, exclude=None):
    return sum((r.area for r in rec.rooms
                if (functions is None or r.function in functions) and (exclude is None or r.function not in exclude)),
               Decimal(0))


def _area_total(rec, need):
    required = f"办公和服务场地建筑面积不少于{need}平方米"
    if not rec.rooms:
        return required, None, None
    total = _area_of(rec)
    return required, f"共{_area(total)}（{len(rec.rooms)}处）", total >= need


def _area_windows(rec, need):
    required = f"对外服务窗口不少于{need}平方米"
    if not rec.rooms:
        return required, None, None
    area = _area_of(rec, functions=("windows",))
    return required, _area(area), area >= need


def _area_other(rec, need):
    required = f"其他功能服务区不少于{need}平方米"
    if not rec.rooms:
        return required, None, None
    area = _area_of(rec, exclude=("windows",))
    return required, _area(area), area >= need


def _window_names():
    from hrss.network.models import WindowKind

    return dict(WindowKind.choices)


def _windows(rec, need):
    names = _window_names()
    required = "设置" + "、".join(str(names[code]) for code in need) + f"等{len(need)}个基本窗口"
    if not rec.windows:
        return required, None, None
    have = {w.kind for w in rec.windows}
    missing = [code for code in need if code not in have]
    actual = f"已设{len(rec.windows)}个窗口"
    if missing:
        return required, actual + "，缺" + "、".join(str(names[code]) for code in missing), False
    return required, actual, True


def _several(rec, need, names):
    """Facts that must all be yes: (actual, ok) — a no fails, a fact not recorded leaves it unknown."""
    values = {field: _fact(rec, field) for field in need}
    if all(value is None for value in values.values()):
        return None, None
    missing = [names[field] for field, value in values.items() if value is False]
    unknown = [names[field] for field, value in values.items() if value is None]
    have = [names[field] for field, value in values.items() if value]
    parts = []
    if have:
        parts.append("有" + "、".join(have))
    if missing:
        parts.append("缺" + "、".join(missing))
    if unknown:
        parts.append("未登记" + "、".join(unknown))
    return "；".join(parts), False if missing else (None if unknown else True)


def _boards(rec, need):
    actual, ok = _several(rec, need, standards.BOARDS)
    return "设立" + "、".join(standards.BOARDS[field] for field in need), actual, ok


def _equipment(rec, need):
    """The items of `need` against the equipment recorded; the 信息发布栏 is the boards fact (OfficeFacts.info_board,
    the boards rule's) when that is recorded, so the same board is not entered twice (an equipment row of it counts
    only while the fact is not recorded)."""
    from hrss.network.models import EquipmentItem

    names = dict(EquipmentItem.choices)
    required = "、".join(f"{names[item]}{count}" for item, count in need.items())
    board = "；信息发布栏以“宣传栏、意见箱、信息发布栏”的登记为准" if "info_board" in need else ""
    required = f"配备{required}（台/个，至少{board}）"
    if not rec.equipment:
        return required, None, None
    have = {}
    for row in rec.equipment:
        have[row.item] = have.get(row.item, 0) + row.quantity
    unknown = []
    if "info_board" in need:
        board = _fact(rec, "info_board")
        if board is not None:
            have["info_board"] = need["info_board"] if board else 0
        elif not have.get("info_board"):
            unknown.append(str(names["info_board"]))
    missing = [f"{names[item]}（有{have.get(item, 0)}，需{count}）" for item, count in need.items()
               if have.get(item, 0) < count and str(names[item]) not in unknown]
    actual = "、".join(f"{names[item]}{count}" for item, count in have.items() if count)
    parts = [actual] if actual else []
    if missing:
        parts.append("不足：" + "、".join(missing))
    if unknown:
        parts.append("未登记：" + "、".join(unknown))
    return required, "；".join(parts), False if missing else (None if unknown else True)


def _sign(rec, _need):
    actual, ok = _several(rec, ("has_sign", "has_plaque"), {"has_sign": "全省统一标识", "has_plaque": "统一名称牌匾"})
    return "采用全省统一标识，悬挂统一名称牌匾", actual, ok


def _motto(rec, need):
    value = _fact(rec, "motto_on_wall")
    return (f"“{need}”服务理念和服务承诺在显著位置上墙", _yes_no(value, "已上墙", "未上墙"), value)


def _rules_on_wall(rec, need):
    required = "、".join(standards.WALL_RULES[code] for code in need) + "上墙"
    recorded = _fact(rec, "rules_on_wall")
    if recorded is None:
        return required, None, None
    missing = [standards.WALL_RULES[code] for code in need if code not in recorded]
    have = [standards.WALL_RULES[code] for code in need if code in recorded]
    actual = f"已上墙{len(have)}项" + (f"，缺{'、'.join(missing)}" if missing else "")
    return required, actual, not missing


def _network(rec, _need):
    value = _fact(rec, "network_connected")
    kind = _fact(rec, "network_kind") or ""
    actual = _yes_no(value, "已联网" + (f"（{kind}）" if kind else ""), "未联网")
    return "与所属县区联网并能实时联接", actual, value


def last_activity(region_code, on, days):
    """The last audit entry (ok) of a staff account of `region_code` in the `days` days up to `on`, or None."""
    from hrss.core.models import AuditEntry

    reach = datetime.timedelta(days=days - 1)
    start = on - reach if on >= datetime.date.min + reach else datetime.date.min  # 0001-01-01 asked: no 500
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = (datetime.datetime.combine(on + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
             if on < datetime.date.max else datetime.datetime.max.replace(tzinfo=zone))  # 9999-12-31 asked: no 500
    return (AuditEntry.objects.filter(actor__region__code=region_code, outcome=AuditEntry.Outcome.OK,
                                      at__gte=since, at__lt=until)
            .order_by("-at").values_list("at", flat=True).first())


def _software(rec, days):
    """Used: an audit entry of the office's own staff in the last `days` days (the audit log says so); without one,
    the fact recorded at the visit (said as such); neither: unknown."""
    required = f"使用全省统一业务软件办理业务（近{days}天有本机构账号的办理记录，或经核实）"
    if rec.office is None:
        return required, None, None
    last = last_activity(rec.office.region_code, rec.on, days)
    if last is not None:
        return required, f"审计日志：本机构账号最近办理于{timezone.localtime(last):%Y-%m-%d}", True
    value = _fact(rec, "software_used")
    if value is None:
        return required, None, None
    return required, f"近{days}天无本机构账号办理记录；核实登记：" + ("使用" if value else "未使用"), value


MEASURES = {
    "staff_count": _staff_count, "staff_pay": _staff_pay, "part_time_pay": _part_time_pay,
    "area_total": _area_total, "area_windows": _area_windows, "area_other": _area_other, "windows": _windows,
    "boards": _boards, "equipment": _equipment, "sign": _sign, "motto": _motto, "rules_on_wall": _rules_on_wall,
    "network": _network, "software": _software,
}


def check(office, on):
    """The office's compliance with every rule in force on `on` that applies to its kind of office. An Office not
    saved (Office(region_code=...)) is a region with no record: every rule unknown but the audit log's software use."""
    rec = _recorded(office, on)
    kind = standards.kind_of(rec.region)
    results = []
    for rule, requirement in standards.rules_in_force(kind, on):
        required, actual, ok = MEASURES[rule.measure](rec, requirement)
        results.append(RuleResult(rule=rule.code, title=rule.title, required=required, actual=actual, ok=ok))
    return Compliance(office=office, on=on, results=tuple(results))


def required_text(rule, kind, on):
    """What `rule` requires of an office of `kind` on `on`, as the compliance page says it (None: not in force)."""
    requirement = rule.requirement(kind, on)
    if requirement is None:
        return None
    nothing = Recorded(office=None, region=None, on=on, staff=[], any_staff=False, rooms=[], windows=[],
                       equipment=[], facts=None)
    return MEASURES[rule.measure](nothing, requirement)[0]
