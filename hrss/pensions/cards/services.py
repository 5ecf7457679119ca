"""The cards part's writes (社会保障卡): keyword-only, taking the actor and the day, checking permission and scope
before one transaction (a refusal's audit entry stays), with an audit entry for what changed. Bad input is a
ValidationError listing every reason in Chinese, and nothing is written.

The card's way: applied at the village (申领) → put in the county's batch (制卡中) → made, with its number (已制卡) →
arrived at the service point (已到达网点) → handed over to the person or a proxy, who signs (已领取) → activated
(已激活). A handed-over card may be reported lost (已挂失); the person then applies again, a replacement (补领)
referring to the lost card. A renewal (换领) cancels the card it replaces. A death cancels the standing card
(deaths.py), and a move takes a card not yet handed over to the new village (moves.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hrss.core import audit, scoping
from hrss.core.models import Level
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.pensions.cards import photos, rules
from hrss.pensions.models import (
    CardApplication,
    CardBatch,
    CardBatchState,
    CardReason,
    CardState,
    DeathReport,
)
from hrss.pensions.models.cards import ENDED
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.residents.models import Person

VILLAGE_ROLES = {Role.VILLAGE_ASSISTANT}
COUNTY_ROLES = {Role.COUNTY_OFFICER, Role.COUNTY_APPROVER}
HELD = (CardState.HANDED_OVER, CardState.ACTIVE)  # a card in the person's hands


def standing_of(person):
    """The person's standing application (any state but lost or cancelled), or None (a read)."""
    return CardApplication.objects.filter(person=person).exclude(state__in=ENDED).defer("photo").first()


def _day_problems(on, *, label, today, not_before=None, not_before_label=""):
    if not isinstance(on, datetime.date):
        return [f"请填写{label}。"]
    if on > today:
        return [f"{label}{on:%Y-%m-%d}晚于今天，请填写已经发生的日期。"]
    if not_before is not None and on < not_before:
        return [f"{label}{on:%Y-%m-%d}早于{not_before_label}{not_before:%Y-%m-%d}。"]
    return []


def _state_label(state):
    return str(CardState(state).label)


# --- 申领 ---------------------------------------------------------------------------------------------------------


def apply(*, actor, person, photo, id_seen, today, renewal=False, note=""):
    """社保卡申领 at the person's village: refused without a photo (JPEG or PNG, within the size), without the ID
    card seen, or while the person has a standing card or application (a renewal, 换领, is allowed for a card in
    the person's hands and cancels it). The reason follows from the person's cards: a replacement (补领) when the
    latest was reported lost, else a first application. Returns the application."""
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action="pensions.card.apply", roles=VILLAGE_ROLES,
                    subject_id_number=person.id_number,
                    message="社保卡申领由申领人所在村(社区)的协理员受理。")
    problems = []
    death = DeathReport.objects.filter(person=person).first()
    if death is not None:
        problems.append(f"{person.name}已于{death.died_on:%Y-%m-%d}报告死亡，不能申领社保卡。")
    standing = standing_of(person)
    if standing is not None and not (renewal and standing.state in HELD):
        problems.append(f"{person.name}已有社保卡申领（{standing.get_state_display()}，申领日期"
                        f"{standing.applied_on:%Y-%m-%d}），不能重复申领；卡片丢失请先挂失再补领。")
    elif renewal and standing is None:
        problems.append(f"{person.name}没有已领取的社保卡，不能换领；请办理首次申领或补领。")
    if not id_seen:
        problems.append("请核验申领人本人的居民身份证原件，核验后勾选“已核验身份证”。")
    try:
        photo_data, photo_type = photos.clean_photo(photo, today)
    except ValidationError as error:
        problems.extend(error.messages)
    if problems:
        raise ValidationError(problems)
    lost = (CardApplication.objects.filter(person=person, state=CardState.LOST).defer("photo")
            .order_by("-lost_on", "-pk").first())
    if renewal:
        reason, replaces = CardReason.RENEWAL, standing
    elif lost is not None:
        reason, replaces = CardReason.REPLACEMENT, lost
    else:
        reason, replaces = CardReason.NEW, None
    try:
        with transaction.atomic():
            Person.objects.select_for_update().filter(pk=person.pk).first()  # one application at a time a person
            if renewal:
                CardApplication.objects.filter(pk=standing.pk).update(
                    state=CardState.CANCELLED, cancelled_on=today, note="换领注销")
                audit.record(actor=actor, action="pensions.card.cancelled", target=standing,
                             region_code=standing.region_code, subject_id_number=person.id_number,
                             before={"card_state": standing.state},
                             after={"card_state": CardState.CANCELLED, "cancelled_on": today}, note="换领注销")
            application = CardApplication.objects.create(
                person=person, region_code=person.region_code, applied_on=today, reason=reason, replaces=replaces,
                photo=photo_data, photo_type=photo_type, id_seen=True, note=(note or "").strip()[:200],
                created_by=actor)
            audit.record(actor=actor, action="pensions.card.applied", target=application,
                         region_code=application.region_code, subject_id_number=person.id_number,
                         after={"card_reason": reason, "applied_on": today, "replaces": replaces.card_number
                                if replaces else ""})
    except IntegrityError:
        raise ValidationError([f"{person.name}已有社保卡申领，不能重复申领。"]) from None
    return application


# --- 制卡批次 ------------------------------------------------------------------------------------------------------


def _check_county(actor, county_code, action, message):
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=county_code, action=action, roles=COUNTY_ROLES, message=message)


def waiting_for_batch(county_code):
    """The applications of the county waiting to be put in a batch (a read)."""
    return CardApplication.objects.filter(state=CardState.APPLIED,
                                          region_code__range=scoping.code_range(scoping.county_code_of(county_code)))


def make_batch(*, actor, county_code, today):
    """组批送制: every application of the county waiting for a batch goes into a new batch (制卡中), sent today.
    Refused when there is none. Returns the batch."""
    if scoping.level_of_code(county_code or "") != Level.COUNTY:
        raise ValidationError(["请选择县(区)：制卡批次按县(区)组批。"])
    _check_county(actor, county_code, "pensions.card_batch.make", "制卡批次由县(区)经办人员组批，且只能组本县(区)的批次。")
    with transaction.atomic():
        waiting = list(waiting_for_batch(county_code).select_for_update().values_list("pk", flat=True))
        if not waiting:
            raise ValidationError(["本县(区)没有待制卡的申领，无需组批。"])
        prefix = f"{scoping.county_code_of(county_code)}-{today:%Y%m%d}-"
        made_today = CardBatch.objects.filter(region_code=county_code, number__startswith=prefix).count()
        batch = CardBatch.objects.create(region_code=county_code, number=f"{prefix}{made_today + 1:02d}",
                                         created_on=today, sent_on=today, created_by=actor)
        CardApplication.objects.filter(pk__in=waiting, state=CardState.APPLIED).update(
            state=CardState.IN_BATCH, batch=batch)
        audit.record(actor=actor, action="pensions.card_batch.made", target=batch, region_code=county_code,
                     after={"batch_number": batch.number, "card_count": len(waiting), "sent_on": today})
    return batch


def _batch_numbers(batch, numbers, today):
    """{application: card number} from `numbers` ({application id: number}), or the problems, in Chinese."""
    rule = rules.card_number_rule(today)
    waiting = {app.pk: app for app in batch.applications.filter(state=CardState.IN_BATCH)
               .select_related("person").defer("photo")}
    found, problems, seen = {}, [], {}
    for key, raw in (numbers or {}).items():
        number = str(raw or "").strip().upper()
        try:
            application = waiting.get(int(key))
        except (TypeError, ValueError):
            application = None
        if application is None:
            problems.append(f"申领编号{key}不是本批次中待制卡的申领。")
            continue
        if not number:
            continue  # left empty: not made yet
        if not rule.matches(number):
            problems.append(f"{application.person.name}的卡号“{number}”格式不对：应为{rule.description}"
                            f"（如{rule.example}）。")
        elif number in seen:
            problems.append(f"卡号{number}重复填写（{seen[number]}、{application.person.name}）。")
        else:
            seen[number] = application.person.name
            found[application] = number
    taken = set(CardApplication.objects.filter(card_number__in=list(seen)).values_list("card_number", flat=True))
    problems.extend(f"卡号{number}已被其他社保卡使用，请核对制卡返回文件。" for number in sorted(taken))
    if not found and not problems:
        problems.append("请至少填写一张卡的卡号，或选择制卡返回文件。")
    return found, problems


def record_made(*, actor, batch, numbers, today):
    """登记制卡结果: the card numbers the maker returned ({application id: card number}, from the page or a returned
    file); each numbered application becomes 已制卡, and the batch once none of it waits any more. Returns the
    number of cards recorded."""
    _check_county(actor, batch.region_code, "pensions.card_batch.record_made", "只能登记本县(区)制卡批次的制卡结果。")
    if batch.state != CardBatchState.SENT:
        raise ValidationError([f"批次{batch.number}已{batch.get_state_display()}，不能再登记卡号。"])
    found, problems = _batch_numbers(batch, numbers, today)
    if problems:
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            for application, number in found.items():
                CardApplication.objects.filter(pk=application.pk, state=CardState.IN_BATCH).update(
                    state=CardState.MADE, card_number=number)
                audit.record(actor=actor, action="pensions.card.made", target=application,
                             region_code=application.region_code, subject_id_number=application.person.id_number,
                             after={"card_number": number})
            left = batch.applications.filter(state=CardState.IN_BATCH).count()
            if not left:
                CardBatch.objects.filter(pk=batch.pk).update(state=CardBatchState.MADE, made_on=today)
            audit.record(actor=actor, action="pensions.card_batch.numbers_recorded", target=batch,
                         region_code=batch.region_code,
                         after={"card_count": len(found), "waiting_count": left,
                                "batch_state": CardBatchState.SENT if left else CardBatchState.MADE})
    except IntegrityError:
        raise ValidationError(["卡号与已登记的社保卡重复，请核对制卡返回文件。"]) from None
    batch.refresh_from_db()
    return len(found)


def record_arrival(*, actor, batch, on, today):
    """登记到达网点: the batch's made cards arrived at the service points on `on` (not after today, not before the
    batch was made); each becomes 待领取 at its village."""
    _check_county(actor, batch.region_code, "pensions.card_batch.record_arrival", "只能登记本县(区)制卡批次的到达。")
    problems = []
    if batch.state == CardBatchState.SENT:
        problems.append(f"批次{batch.number}尚未全部制卡（请先登记制卡结果），不能登记到达。")
    elif batch.state == CardBatchState.ARRIVED:
        problems.append(f"批次{batch.number}已于{batch.arrived_on:%Y-%m-%d}登记到达。")
    problems += _day_problems(on, label="到达日期", today=today, not_before=batch.made_on,
                              not_before_label="制卡完成日期")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        count = batch.applications.filter(state=CardState.MADE).update(state=CardState.ARRIVED)
        CardBatch.objects.filter(pk=batch.pk).update(state=CardBatchState.ARRIVED, arrived_on=on)
        audit.record(actor=actor, action="pensions.card_batch.arrived", target=batch, region_code=batch.region_code,
                     after={"arrived_on": on, "card_count": count})
    batch.refresh_from_db()
    return batch


# --- 发放、激活、挂失 -----------------------------------------------------------------------------------------------


def _check_card(actor, application, action, message):
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=application.region_code, action=action,
                    subject_id_number=application.person.id_number, message=message)


def _moved(application, from_state, **changes):
    """Move the application on from `from_state` (refused when someone else moved it first)."""
    if not CardApplication.objects.filter(pk=application.pk, state=from_state).update(**changes):
        raise ValidationError(["该社保卡的状态已被他人更改，请刷新页面后重试。"])
    for field, value in changes.items():
        setattr(application, field, value)


def hand_over(*, actor, application, received_by, relation="", on, today):
    """发放: an arrived card handed over on `on` to the person, or to a proxy (who gives their relation to the
    person); `received_by` is the name the receiver signs with (the printed receipt has the 签名 line)."""
    _check_card(actor, application, "pensions.card.hand_over", "只能发放本辖区内的社保卡。")
    problems = []
    if application.state != CardState.ARRIVED:
        problems.append(f"该社保卡现为“{application.get_state_display()}”，只有已到达网点的卡可以发放。")
    received_by, relation = (received_by or "").strip()[:50], (relation or "").strip()[:20]
    if not received_by:
        problems.append("请填写领取人姓名（本人领取填本人姓名，代领填代领人姓名）。")
    elif received_by != application.person.name and not relation:
        problems.append(f"领取人“{received_by}”不是{application.person.name}本人：代领须填写代领人与本人的关系。")
    arrived_on = application.batch.arrived_on if application.batch_id else None
    problems += _day_problems(on, label="领取日期", today=today, not_before=arrived_on, not_before_label="到达网点日期")
    if problems:
        raise ValidationError(problems)
    relation = "" if received_by == application.person.name else relation
    with transaction.atomic():
        _moved(application, CardState.ARRIVED, state=CardState.HANDED_OVER, handed_over_on=on,
               received_by=received_by, received_relation=relation)
        audit.record(actor=actor, action="pensions.card.handed_over", target=application,
                     region_code=application.region_code, subject_id_number=application.person.id_number,
                     after={"received_by": received_by, "received_relation": relation, "handed_over_on": on})
    return application


def activate(*, actor, application, on, today):
    """激活: a handed-over card activated on `on` (not before it was handed over, not after today)."""
    _check_card(actor, application, "pensions.card.activate", "只能登记本辖区内社保卡的激活。")
    problems = []
    if application.state != CardState.HANDED_OVER:
        problems.append(f"该社保卡现为“{application.get_state_display()}”，只有已领取未激活的卡可以激活。")
    problems += _day_problems(on, label="激活日期", today=today, not_before=application.handed_over_on,
                              not_before_label="领取日期")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        _moved(application, CardState.HANDED_OVER, state=CardState.ACTIVE, activated_on=on)
        audit.record(actor=actor, action="pensions.card.activated", target=application,
                     region_code=application.region_code, subject_id_number=application.person.id_number,
                     after={"activated_on": on})
    return application


def report_loss(*, actor, application, on, today):
    """挂失: a card in the person's hands (handed over or active) reported lost on `on`; the person may then apply
    for a replacement (补领)."""
    _check_card(actor, application, "pensions.card.report_loss", "只能挂失本辖区内的社保卡。")
    problems = []
    if application.state not in HELD:
        problems.append(f"该社保卡现为“{application.get_state_display()}”，只有已领取或已激活的卡可以挂失。")
    problems += _day_problems(on, label="挂失日期", today=today, not_before=application.handed_over_on,
                              not_before_label="领取日期")
    if problems:
        raise ValidationError(problems)
    before = application.state
    with transaction.atomic():
        _moved(application, before, state=CardState.LOST, lost_on=on)
        audit.record(actor=actor, action="pensions.card.lost", target=application,
                     region_code=application.region_code, subject_id_number=application.person.id_number,
                     before={"card_state": before}, after={"card_state": CardState.LOST, "lost_on": on})
    return application
