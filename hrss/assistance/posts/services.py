"""The posts part's writes: keyword-only, taking the actor, checking permission and scope before one transaction (a
refusal's audit entry stays), an audit entry each. Bad input is a ValidationError listing every reason in Chinese,
and nothing is written.

A placement is work: it is registered as a 就业登记 (招用) of the post's unit through 就业与失业登记's named service
(employment.employment_registration.register_employment, pyproject.toml's ignore_imports), so the ledger shows the
person as 单位就业 from the start day and a standing 失业登记 ends by its rule; the end of a placement is registered as
a 终止劳动关系 (the ledger then shows 失业), except at retirement (the ledger's retirement is not this part's) or when
the ledger no longer shows the person in 单位就业."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.assistance.models import (
    ExitReason,
    Placement,
    PlacementEndReason,
    PostStatus,
    UnitKind,
    WelfarePost,
)
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.assistance.posts import roll, rules, selectors
from hrss.core import audit, classifications, scoping
from hrss.core.dates import add_months
from hrss.core.models import Level, Region
from hrss.core.permissions import check_acting_in, check_permission, has_permission
from hrss.core.working_age import is_past_retirement
from hrss.employment import employment_registration
from hrss.employment.permissions import EMPLOYMENT_HANDLE
from hrss.residents.models import LabourStatus

USCC_SHAPE = re.compile(r"^[0-9A-HJ-NP-RTUW-Y]{18}$")  # GB 32100-2015's alphabet; the check character is not tested
POST_LEVELS = (Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE)
MAX_AMOUNT = Decimal("100000")
POST_FIELDS = ("unit_name", "unit_kind", "unit_code", "title", "occupation_code", "headcount", "post_subsidy",
               "insurance_subsidy", "open_from", "open_until", "status", "note")


def _post_snapshot(post):
    # Keys of the audit's before/after prefixed "post_": the area's parts share one table of key names.
    return {f"post_{key}": value for key, value in audit.snapshot(post, POST_FIELDS).items()}


def _decimal(value):
    try:
        return Decimal(str(value)).quantize(Decimal("0.01")) if value not in (None, "") else None
    except (InvalidOperation, ValueError):
        return None


def _yuan(value):
    return f"{value:,.2f}"


def post_problems(*, unit_name, unit_kind, unit_code, title, occupation_code, headcount, post_subsidy,
                  insurance_subsidy, open_from, open_until, today=None):
    """What is wrong with a post's data on `today`, in Chinese (empty when nothing)."""
    problems = []
    if not (unit_name or "").strip():
        problems.append("请填写用人单位名称。")
    if unit_kind not in UnitKind.values:
        problems.append("请选择单位类型（机关事业单位、村(居)委会、社区服务机构或其他）。")
    code = (unit_code or "").strip().upper()
    if code and not USCC_SHAPE.match(code):
        problems.append("统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z），可不填。")
    if not (title or "").strip():
        problems.append("请填写岗位名称（如 保洁、治安巡逻、公共设施维护）。")
    if (occupation_code or "").strip() and not classifications.occupation_exists(occupation_code):
        problems.append(f"职业代码“{occupation_code}”不在职业分类大典中，请核对（如 4-07-10-01），可不填。")
    if not isinstance(headcount, int) or headcount < 1 or headcount > 1000:
        problems.append("请填写岗位人数（1至1000人）。")
    for label, value in (("岗位补贴", post_subsidy), ("社会保险补贴", insurance_subsidy)):
        amount = _decimal(value)
        if value not in (None, "") and (amount is None or amount < 0 or amount > MAX_AMOUNT):
            problems.append(f"{label}应为0至{MAX_AMOUNT:,.0f}元之间的金额（元/人·月）。")
    today = today or timezone.localdate()
    floor, ahead = rules.EARLIEST_OPEN_FROM, add_months(today, rules.OPEN_AHEAD_MONTHS)
    if not isinstance(open_from, datetime.date):
        problems.append("请填写岗位开发日期。")
    elif not floor <= open_from <= ahead:
        problems.append(f"开发日期应在{floor:%Y-%m-%d}至{ahead:%Y-%m-%d}之间（最早为{floor.year}年，"
                        f"最晚为一年后），请核对。")
    if isinstance(open_until, datetime.date):
        if isinstance(open_from, datetime.date) and open_until < open_from:
            problems.append("截止日期不能早于开发日期。")
        elif not floor <= open_until <= add_months(today, rules.OPEN_UNTIL_AHEAD_MONTHS):
            problems.append(f"截止日期应在{floor:%Y-%m-%d}至{add_months(today, rules.OPEN_UNTIL_AHEAD_MONTHS):%Y-%m-%d}"
                            f"之间，请核对；长期开放的可不填。")
    return problems


def _post_region(actor, region_code, action):
    check_acting_in(actor, region_code=region_code, action=action, message="岗位所在地不在您的管辖范围内。")
    region = Region.objects.filter(code=region_code, is_active=True).first()
    if region is None or region.level not in POST_LEVELS:
        raise ValidationError(["请选择岗位所在的县(区)、乡镇(街道)或村(社区)。"])
    return region


def create_post(*, actor, region_code, unit_name, unit_kind, title, headcount, open_from, unit_code="",
                occupation_code="", post_subsidy=None, insurance_subsidy=None, open_until=None, note="", today=None):
    """Register a public-welfare post of a unit in a region of the actor's scope. The monthly amounts not given are
    the defaults in force on the opening day (rules.default_amounts)."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    _post_region(actor, region_code, "assistance.post.create")
    problems = post_problems(unit_name=unit_name, unit_kind=unit_kind, unit_code=unit_code, title=title,
                             occupation_code=occupation_code, headcount=headcount, post_subsidy=post_subsidy,
                             insurance_subsidy=insurance_subsidy, open_from=open_from, open_until=open_until,
                             today=today)
    if problems:
        raise ValidationError(problems)
    default_post, default_insurance = rules.default_amounts(open_from)
    with transaction.atomic():
        post = WelfarePost.objects.create(
            region_code=region_code, unit_name=unit_name.strip()[:100], unit_kind=unit_kind,
            unit_code=(unit_code or "").strip().upper(), title=title.strip()[:100],
            occupation_code=classifications.normalise_occupation_code(occupation_code) if occupation_code else "",
            headcount=headcount,
            post_subsidy=_decimal(post_subsidy) if post_subsidy not in (None, "") else default_post,
            insurance_subsidy=_decimal(insurance_subsidy) if insurance_subsidy not in (None, "") else default_insurance,
            open_from=open_from, open_until=open_until, note=(note or "").strip()[:200], created_by=actor)
        audit.record(actor=actor, action="assistance.post.created", target=post, region_code=region_code,
                     after=_post_snapshot(post))
    return post


def update_post(*, actor, post, unit_name, unit_kind, title, headcount, open_from, status, unit_code="",
                occupation_code="", post_subsidy=None, insurance_subsidy=None, open_until=None, note="", today=None):
    """Change a post (its amounts change the rolls of the months not yet paid: the roll is computed). Its headcount
    may not fall below the people it holds, nor its dates leave out a placement."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=post.region_code, action="assistance.post.update",
                    message="该岗位不在您的管辖范围内。")
    problems = post_problems(unit_name=unit_name, unit_kind=unit_kind, unit_code=unit_code, title=title,
                             occupation_code=occupation_code, headcount=headcount, post_subsidy=post_subsidy,
                             insurance_subsidy=insurance_subsidy, open_from=open_from, open_until=open_until,
                             today=today)
    if status not in PostStatus.values:
        problems.append("请选择岗位状态。")
    if post_subsidy in (None, "") or insurance_subsidy in (None, ""):
        problems.append("请填写岗位补贴和社会保险补贴（元/人·月）。")
    if isinstance(headcount, int) and isinstance(open_from, datetime.date) and not problems:
        holding = selectors.occupied_from(post, today)
        if headcount < holding:
            problems.append(f"该岗位现有{holding}人在岗，岗位人数不能少于{holding}人。")
        first = post.placements.order_by("started_on").values_list("started_on", flat=True).first()
        if first is not None and open_from > first:
            problems.append(f"已有人员自{first:%Y-%m-%d}起在岗，开发日期不能晚于该日。")
    if problems:
        raise ValidationError(problems)
    before = _post_snapshot(post)
    with transaction.atomic():
        post.unit_name, post.unit_kind, post.title = unit_name.strip()[:100], unit_kind, title.strip()[:100]
        post.unit_code = (unit_code or "").strip().upper()
        post.occupation_code = classifications.normalise_occupation_code(occupation_code) if occupation_code else ""
        post.headcount, post.status, post.note = headcount, status, (note or "").strip()[:200]
        post.post_subsidy, post.insurance_subsidy = _decimal(post_subsidy), _decimal(insurance_subsidy)
        post.open_from, post.open_until = open_from, open_until
        post.save(update_fields=list(POST_FIELDS))
        after = _post_snapshot(post)
        audit.record(actor=actor, action="assistance.post.updated", target=post, region_code=post.region_code,
                     before={key: value for key, value in before.items() if value != after[key]},
                     after={key: value for key, value in after.items() if value != before[key]})
    return post


def placement_problems(*, post, person, started_on, today):
    """What keeps `person` from being placed in `post` from `started_on`, in Chinese, and the recognition and the
    subsidy period when nothing does: (problems, recognition, period)."""
    problems = []
    if not isinstance(started_on, datetime.date):
        return ["请填写上岗日期。"], None, None
    if started_on > today:
        problems.append("上岗日期不能晚于今天：请在人员实际上岗后登记。")
    if not selectors.is_open_on(post, started_on):
        if post.status != PostStatus.OPEN:
            problems.append("该岗位已关闭，不能安置人员。")
        else:
            until = f"至{post.open_until:%Y-%m-%d}" if post.open_until else "起"
            problems.append(f"该岗位开放期为{post.open_from:%Y-%m-%d}{until}，上岗日期{started_on:%Y-%m-%d}不在开放期内。")
    recognition = selectors.valid_recognition(person, started_on)
    if recognition is None:
        problems.append(f"{person.name}在{started_on:%Y-%m-%d}不是有效认定的就业困难人员，公益性岗位只安置已认定"
                        "且在有效期内的就业困难人员。")
    if is_past_retirement(person.birth_date, person.sex, started_on, person.retirement_category):
        problems.append(f"{person.name}在{started_on:%Y-%m-%d}已达到法定退休年龄，不能安置。")
    current = Placement.objects.filter(person=person, ended_on__isnull=True).select_related("post").first()
    if current is not None:
        problems.append(f"{person.name}已在公益性岗位“{current.post}”上岗（{current.started_on:%Y-%m-%d}起），"
                        "请先登记离岗。")
    else:
        later = Placement.objects.filter(person=person, ended_on__gte=started_on).order_by("-ended_on").first()
        if later is not None:
            problems.append(f"{person.name}在{later.ended_on:%Y-%m-%d}前仍在岗位“{later.post}”，上岗日期应在其离岗之后。")
    held = selectors.occupied_from(post, started_on)
    if held >= post.headcount:
        problems.append(f"该岗位共{post.headcount}人，{started_on:%Y-%m-%d}起已满员（{held}人在岗），不能再安置。")
    used = selectors.months_before(person)
    period = roll.subsidy_period(person, started_on, used)
    if period.subsidy_until is None:
        problems.append(f"{person.name}已累计享受公益性岗位补贴{used}个月，达到{period.term.months}个月的上限"
                        f"（{period.term.source_text}），不能再安置到公益性岗位。")
    return problems, recognition, period


def place_person(*, actor, post, person, started_on, note="", today=None):
    """Place a recognised person in a post from `started_on`: checked (the post open and not full that day, the
    person recognised and valid, in no other post, under the subsidy limit), the subsidy's end fixed by the term in
    force that day, and the hire registered as a 就业登记 of the post's unit."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=post.region_code, action="assistance.placement.create",
                    message="该岗位不在您的管辖范围内。")
    check_acting_in(actor, region_code=person.region_code, action="assistance.placement.create",
                    subject_id_number=person.id_number, message="该人员不在您的管辖范围内。")
    problems, recognition, period = placement_problems(post=post, person=person, started_on=started_on, today=today)
    if problems:
        raise ValidationError(problems)
    village = post.region_code if scoping.level_of_code(post.region_code) == Level.VILLAGE else ""
    with transaction.atomic():
        # One post a person and no more than the headcount: checked again with the post's and the person's rows
        # locked (two officers placing at once).
        list(WelfarePost.objects.select_for_update().filter(pk=post.pk).values_list("pk", flat=True))
        list(type(person).objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
        again, _recognition, _period = placement_problems(post=post, person=person, started_on=started_on,
                                                          today=today)
        if again:
            raise ValidationError(again)
        registration = employment_registration.register_employment(
            actor=actor, person=person, kind="hired", event_date=started_on, employer_name=post.unit_name,
            employer_code=post.unit_code, employer_region_code=village, note=f"公益性岗位：{post.title}"[:200],
            today=today)
        placement = Placement.objects.create(
            post=post, recognition=recognition, person=person, region_code=post.region_code, started_on=started_on,
            subsidy_until=period.subsidy_until, months_before=selectors.months_before(person),
            to_retirement=period.to_retirement, hire_registration=registration, note=(note or "").strip()[:200],
            placed_by=actor)
        audit.record(actor=actor, action="assistance.placement.created", target=placement,
                     region_code=placement.region_code, subject_id_number=person.id_number,
                     after={"placement_post": str(post), "placement_started_on": started_on,
                            "placement_subsidy_until": period.subsidy_until,
                            "placement_to_retirement": period.to_retirement})
    return placement


# The reasons an officer may choose; RECOGNITION_EXITED is set only by the recognition's exit (end_with_recognition).
MANUAL_END_REASONS = [value for value in PlacementEndReason.values if value != PlacementEndReason.RECOGNITION_EXITED]
# A recognition's exits after which the ledger's 就业登记 is not this part's to write: retirement and death are the
# ledger's own events.
EXITS_WITHOUT_CONTRACT_END = {ExitReason.RETIREMENT, ExitReason.DIED}


def end_placement(*, actor, placement, ended_on, reason, note="", today=None):
    """End a placement on `ended_on` (the last day in the post) for a reason; the ledger learns it as a 终止劳动关系
    (see the module's note)."""
    today = today or timezone.localdate()
    person = placement.person
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=placement.region_code, action="assistance.placement.end",
                    subject_id_number=person.id_number, message="该岗位安置不在您的管辖范围内。")
    problems = []
    if placement.ended_on is not None:
        problems.append(f"该安置已于{placement.ended_on:%Y-%m-%d}离岗。")
    if not isinstance(ended_on, datetime.date):
        problems.append("请填写离岗日期。")
    elif ended_on < placement.started_on or ended_on > today:
        problems.append(f"离岗日期应在上岗日期{placement.started_on:%Y-%m-%d}和今天之间。")
    if reason not in MANUAL_END_REASONS:
        problems.append("请选择离岗原因。")
    elif reason == PlacementEndReason.OTHER and not (note or "").strip():
        problems.append("离岗原因为“其他”时请填写说明。")
    registers_end = (reason != PlacementEndReason.RETIREMENT and person.labour_status == LabourStatus.EMPLOYED)
    if registers_end and not problems:
        check_acting_in(actor, region_code=person.region_code, action="assistance.placement.end",
                        subject_id_number=person.id_number, message="该人员不在您的管辖范围内。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        _end(actor=actor, placement=placement, ended_on=ended_on, reason=reason, note=note,
             registers_end=registers_end, today=today)
    return placement


def _end(*, actor, placement, ended_on, reason, note, registers_end, today):
    person = placement.person
    if not Placement.objects.filter(pk=placement.pk, ended_on__isnull=True).update(
            ended_on=ended_on, end_reason=reason, end_note=(note or "").strip()[:200]):
        raise ValidationError(["该安置刚刚已由他人登记离岗，请刷新页面查看。"])
    placement.refresh_from_db()
    if registers_end:
        placement.end_registration = employment_registration.register_employment(
            actor=actor, person=person, kind="contract_ended", event_date=ended_on,
            employer_name=placement.post.unit_name, employer_code=placement.post.unit_code,
            note=f"公益性岗位离岗：{PlacementEndReason(reason).label}"[:200], today=today)
        placement.save(update_fields=["end_registration"])
    audit.record(actor=actor, action="assistance.placement.ended", target=placement,
                 region_code=placement.region_code, subject_id_number=person.id_number,
                 after={"placement_ended_on": ended_on, "placement_end_reason": reason}, note=(note or "")[:255])


def end_with_recognition(actor, recognition):
    """The recognition's exit (recognition.services.after_exit, registered in declare.py) ends the person's open
    placement standing on it: the post subsidy is for recognised people, so it stops with the recognition. The
    placement ends ON the exit day (exited_on is the recognition's last day: an expiry exits on valid_until, the last
    valid day), reason 认定退出; the roll pays days up to it, prorated. It runs inside the exit's transaction, with
    the exit's actor, who was allowed to exit the recognition: the placement follows whatever region its post is in.
    An exit dated before the placement's start is refused (the exit rolls back): end the placement first or date the
    exit on or after the start. The ledger's 终止劳动关系 follows as in end_placement, but not for an exit by
    retirement or death (the ledger's own events), nor when the actor may not register it for the person (then the
    placement's note says so and the ledger is left to the person's village)."""
    placement = (Placement.objects.select_related("person", "post")
                 .filter(recognition=recognition, ended_on__isnull=True).first())
    if placement is None:
        return
    exited_on, person = recognition.exited_on, placement.person
    if exited_on < placement.started_on:
        raise ValidationError([f"{person.name}于{placement.started_on:%Y-%m-%d}在公益性岗位“{placement.post}”上岗，"
                               f"退出日期不能早于上岗日期；请先登记离岗，或将退出日期填为上岗日期之后。"])
    today = max(timezone.localdate(), exited_on)
    note = f"就业困难人员认定退出（{ExitReason(recognition.exit_reason).label}）"
    registers_end = (recognition.exit_reason not in EXITS_WITHOUT_CONTRACT_END
                     and person.labour_status == LabourStatus.EMPLOYED
                     and scoping.scope_of(actor).contains_code(person.region_code)
                     and has_permission(actor, EMPLOYMENT_HANDLE))
    if registers_end:
        try:
            with transaction.atomic():
                _end(actor=actor, placement=placement, ended_on=exited_on,
                     reason=PlacementEndReason.RECOGNITION_EXITED, note=note, registers_end=True, today=today)
            return
        except ValidationError:
            placement.refresh_from_db()
            note += "；终止劳动关系登记未能同时办理，请在就业登记中核对"
    _end(actor=actor, placement=placement, ended_on=exited_on, reason=PlacementEndReason.RECOGNITION_EXITED,
         note=note, registers_end=False, today=today)
