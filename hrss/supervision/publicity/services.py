"""The publicity part's writes (政策宣传): keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), one audit entry each. Bad input is a ValidationError listing every
reason in Chinese, and nothing is written.

A publicity event is recorded by any office of its scope and corrected by its holding office itself. A notice (通知) is issued by a township, a county or the
city to offices below it (all its villages, all its townships, or chosen ones), each receiving office getting a
receipt; only someone of the receiving office itself marks it read (已阅), once; the issuer sees who has read it
and reminds those who have not."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.models import Level, Region
from hrss.core.permissions import check_acting_in, check_permission
from hrss.supervision import inputs
from hrss.supervision.models import Notice, NoticeReceipt, PublicityEvent, PublicityTopic
from hrss.supervision.permissions import SUPERVISION_HANDLE
from hrss.supervision.recording import is_recording_office

MAX_PEOPLE = 1_000_000
ISSUING_LEVELS = (Level.CITY, Level.COUNTY, Level.TOWNSHIP)
RECEIVING_LEVELS = (Level.TOWNSHIP, Level.VILLAGE)


class Audience:
    VILLAGES = "villages"  # every village below the issuer
    TOWNSHIPS = "townships"  # every township below the issuer (a county's or the city's notice)
    CHOSEN = "chosen"  # the offices named

    CHOICES = ((VILLAGES, "所辖全部村(社区)"), (TOWNSHIPS, "所辖全部乡镇(街道)"), (CHOSEN, "指定的单位"))


def _date_problem(day, label, today):
    return inputs.date_problem(day, label, today, not_before=inputs.RECORDS_FROM,
                               not_before_label=inputs.RECORDS_FROM_LABEL)


def _text_problem(value, label, limit, *, required=True):
    value = (value or "").strip()
    if required and not value:
        return f"请填写{label}。"
    if len(value) > limit:
        return f"{label}不超过{limit}字（现为{len(value)}字）。"
    return None


def _count_problem(value, label, limit):
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
        return f"{label}应为0至{limit}的整数。"
    return None


# --- publicity events (宣传活动) ---------------------------------------------------------------------------------


def event_problems(*, region, topic, topic_detail, place, held_on, people_reached, materials_count,
                   materials_description, organiser, note, today):
    problems = []
    if not region.is_active:
        problems.append(f"{region.name}已撤销，不能登记宣传活动。")
    if topic not in PublicityTopic.values:
        problems.append(f"请选择宣传主题（{'、'.join(map(str, PublicityTopic.labels))}）。")
    elif topic == PublicityTopic.OTHER and not (topic_detail or "").strip():
        problems.append("宣传主题选“其他”时，请在宣传内容中写明宣传的政策。")
    problems.extend(problem for problem in (
        _text_problem(topic_detail, "宣传内容", 200, required=False), _text_problem(place, "活动地点", 100),
        _date_problem(held_on, "活动日期", today), _count_problem(people_reached, "受众人数", MAX_PEOPLE),
        _count_problem(materials_count, "发放资料份数", MAX_PEOPLE),
        _text_problem(materials_description, "资料说明", 200, required=False),
        _text_problem(organiser, "组织者", 50), _text_problem(note, "备注", 500, required=False)) if problem)
    if isinstance(materials_count, int) and materials_count > 0 and not (materials_description or "").strip():
        problems.append("发放了资料的，请写明资料说明（如：《城乡居民养老保险政策问答》折页）。")
    return problems


def record_event(*, actor, region, topic, place, held_on, people_reached, organiser, topic_detail="",
                 materials_count=0, materials_description="", note="", today=None):
    """登记宣传活动 held by the office of `region` (a village, a township, a county or the city of the actor's
    scope)."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=region.code, action="supervision.publicity_event.record",
                    message="只能登记本辖区单位举办的宣传活动。")
    problems = event_problems(region=region, topic=topic, topic_detail=topic_detail, place=place, held_on=held_on,
                              people_reached=people_reached, materials_count=materials_count,
                              materials_description=materials_description, organiser=organiser, note=note,
                              today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        event = PublicityEvent.objects.create(
            region_code=region.code, topic=topic, topic_detail=(topic_detail or "").strip(), place=place.strip(),
            held_on=held_on, people_reached=people_reached, materials_count=materials_count,
            materials_description=(materials_description or "").strip(), organiser=organiser.strip(),
            note=(note or "").strip(), created_by=actor)
        audit.record(actor=actor, action="supervision.publicity_event.recorded", target=event,
                     region_code=region.code,
                     after={"publicity_topic": topic, "topic_detail": event.topic_detail, "place": event.place,
                            "held_on": held_on, "people_reached": people_reached,
                            "materials_count": materials_count, "organiser": event.organiser})
    return event


# What a correction of an event may change (the audit's before/after of it): all of the form but the office.
EVENT_FIELDS = ("topic", "topic_detail", "place", "held_on", "people_reached", "materials_count",
                "materials_description", "organiser", "note")


def correct_event(*, actor, event, topic, place, held_on, people_reached, organiser, topic_detail="",
                  materials_count=0, materials_description="", note="", today=None):
    """更正宣传活动: every field of the record but its office, by the holding office itself (a user of the event's
    region: an office above may look, not rewrite what the office reported), checked as when it was recorded.
    Audited with the fields changed, before and after."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=event.region_code, action="supervision.publicity_event.correct",
                    message="只能更正本辖区单位的宣传活动。")
    if not is_recording_office(actor, event.region_code, event.created_by):
        audit.record_denied(actor=actor, action="supervision.publicity_event.correct", target=event,
                            region_code=event.region_code)
        raise PermissionDenied("宣传活动只能由举办单位本身更正；上级单位可以查看，不能代为更正。")
    problems = event_problems(region=Region.objects.get(code=event.region_code), topic=topic,
                              topic_detail=topic_detail, place=place, held_on=held_on,
                              people_reached=people_reached, materials_count=materials_count,
                              materials_description=materials_description, organiser=organiser, note=note,
                              today=today)
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(event, EVENT_FIELDS)
    with transaction.atomic():
        event.topic, event.topic_detail, event.place = topic, (topic_detail or "").strip(), place.strip()
        event.held_on, event.people_reached, event.materials_count = held_on, people_reached, materials_count
        event.materials_description = (materials_description or "").strip()
        event.organiser, event.note = organiser.strip(), (note or "").strip()
        after = audit.snapshot(event, EVENT_FIELDS)
        changed = [key for key in EVENT_FIELDS if before[key] != after[key]]
        if changed:  # nothing written, nothing to record
            event.save(update_fields=changed)
            audit.record(actor=actor, action="supervision.publicity_event.corrected", target=event,
                         region_code=event.region_code, before={key: before[key] for key in changed},
                         after={key: after[key] for key in changed})
    return event


# --- notices (通知) and their receipts --------------------------------------------------------------------------


def recipients_of(*, region, audience, offices=()):
    """The active offices a notice of `region` goes to: its villages, its townships, or the `offices` chosen."""
    below = scoping.within_region(Region.objects.filter(is_active=True), region).exclude(code=region.code)
    if audience == Audience.VILLAGES:
        return list(below.filter(level=Level.VILLAGE).order_by("code"))
    if audience == Audience.TOWNSHIPS:
        return list(below.filter(level=Level.TOWNSHIP).order_by("code"))
    return sorted({office.code: office for office in offices}.values(), key=lambda office: office.code)


def notice_problems(*, region, title, body, read_by, audience, offices, today):
    problems = []
    if region.level not in ISSUING_LEVELS:
        problems.append("通知由乡镇(街道)、县(区)或市发给下级单位；村(社区)不能发通知。")
    problems.extend(problem for problem in (_text_problem(title, "标题", 100), _text_problem(body, "正文", 5000))
                    if problem)
    if read_by is not None and (not isinstance(read_by, datetime.date) or read_by < today):
        problems.append("阅读期限不能早于今天（发文日期）。")
    elif read_by is not None and (problem := inputs.date_problem(
            read_by, "阅读期限", today, not_before=today, not_before_label="发文日期",
            not_after=inputs.within_a_year(today), not_after_label="发文之日起一年")):
        problems.append(problem)
    if audience not in dict(Audience.CHOICES):
        problems.append("请选择发送范围：所辖全部村(社区)、所辖全部乡镇(街道)或指定的单位。")
    elif audience == Audience.TOWNSHIPS and region.level == Level.TOWNSHIP:
        problems.append("乡镇(街道)的通知发给所辖村(社区)，请选择“所辖全部村(社区)”或指定的单位。")
    elif audience != Audience.CHOSEN and offices:
        # Ticked offices with a range of "all": the notice would go to every office without a word (user trial).
        problems.append(f"您勾选了{len(offices)}个接收单位，但发送范围是“{dict(Audience.CHOICES)[audience]}”：只发给勾选的"
                        "单位请把发送范围改为“指定的单位”；发给全部单位请取消勾选。")
    elif audience == Audience.CHOSEN:
        if not offices:
            problems.append("请选择接收通知的单位。")
        outside = [office.name for office in offices
                   if office.code == region.code or not scoping.code_is_within(office.code, region.code)]
        if outside:
            problems.append(f"{'、'.join(outside)}不是{region.name}的下级单位，不能作为接收单位。")
        wrong = [office.name for office in offices if office.level not in RECEIVING_LEVELS or not office.is_active]
        if wrong:
            problems.append(f"{'、'.join(wrong)}不能接收通知：接收单位为在用的乡镇(街道)或村(社区)。")
    if not problems and not recipients_of(region=region, audience=audience, offices=offices):
        problems.append(f"{region.name}没有可接收该通知的下级单位。")
    return problems


def issue_notice(*, actor, region, title, body, audience, offices=(), read_by=None, today=None):
    """发通知 from the office of `region` (a township, a county or the city of the actor's scope) to offices below
    it; each receiving office gets a receipt to mark read."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=region.code, action="supervision.notice.issue",
                    message="只能以本辖区单位的名义发通知。")
    offices = list(offices)
    problems = notice_problems(region=region, title=title, body=body, read_by=read_by, audience=audience,
                               offices=offices, today=today)
    if problems:
        raise ValidationError(problems)
    recipients = recipients_of(region=region, audience=audience, offices=offices)
    with transaction.atomic():
        notice = Notice.objects.create(region_code=region.code, title=title.strip(), body=body.strip(),
                                       issued_on=today, issued_by=actor, read_by=read_by)
        NoticeReceipt.objects.bulk_create(NoticeReceipt(notice=notice, region_code=office.code)
                                          for office in recipients)
        audit.record(actor=actor, action="supervision.notice.issued", target=notice, region_code=region.code,
                     after={"title": notice.title, "read_by": read_by, "receivers": len(recipients)})
    return notice


def mark_read(*, actor, receipt, today=None):
    """已阅: someone of the receiving office itself marks the office's receipt read, once (an office above it,
    whose scope holds it, may look but not sign for it)."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=receipt.region_code, action="supervision.notice_receipt.read",
                    message="只能签收发给本单位的通知。")
    scope = scoping.scope_of(actor)
    if scope.region.code != receipt.region_code:
        audit.record_denied(actor=actor, action="supervision.notice_receipt.read", region_code=receipt.region_code)
        raise PermissionDenied("只有接收通知的单位本身才能标记已阅，上级单位可以查看但不能代为签收。")
    if receipt.read_on is not None:
        raise ValidationError(f"该通知已于{receipt.read_on:%Y-%m-%d}由{receipt.read_by}标记已阅。")
    with transaction.atomic():
        if not NoticeReceipt.objects.filter(pk=receipt.pk, read_on__isnull=True).update(read_on=today, read_by=actor):
            raise ValidationError("该通知刚刚已被本单位其他人标记已阅，请刷新页面查看。")
        receipt.refresh_from_db()
        audit.record(actor=actor, action="supervision.notice_receipt.read_marked", target=receipt,
                     region_code=receipt.region_code, after={"title": receipt.notice.title, "read_on": today})
    return receipt


def remind(*, actor, notice, today=None):
    """催阅: the issuer reminds the offices that have not read the notice (each reminded at most once a day);
    returns how many were reminded."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=notice.region_code, action="supervision.notice.remind",
                    message="只能催阅本辖区单位发出的通知。")
    unread = notice.receipts.filter(read_on__isnull=True)
    if not unread.exists():
        raise ValidationError("所有接收单位均已阅读该通知，无需催阅。")
    due = unread.exclude(reminded_on=today)
    if not due.exists():
        raise ValidationError("今天已催阅过所有未阅单位，请明天再催。")
    with transaction.atomic():
        pks = list(due.values_list("pk", flat=True))
        NoticeReceipt.objects.filter(pk__in=pks, read_on__isnull=True).update(reminded_on=today,
                                                                             reminders=F("reminders") + 1)
        audit.record(actor=actor, action="supervision.notice.reminded", target=notice,
                     region_code=notice.region_code, after={"title": notice.title, "reminded": len(pks)})
    return len(pks)
