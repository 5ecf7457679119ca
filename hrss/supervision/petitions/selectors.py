"""Reads of the petitions part, through core.scoping: the 信访台账 of a region with its filters, the petitions
overdue or due soon, the earlier petitions of the same petitioner on the same matter (重复信访), and a ledger's
lines for the page and the .xlsx."""

import datetime

from django.db.models import Exists, OuterRef, Q

from hrss.core import scoping
from hrss.core.id_numbers import mask
from hrss.core.models import Level
from hrss.supervision import inputs
from hrss.supervision.models import Petition, PetitionCategory, PetitionChannel, PetitionState
from hrss.supervision.models.petitions import OPEN_STATES

DUE_SOON_DAYS = 3  # the home page's pending work: petitions whose running period ends within this many days


def petitions(user, region=None):
    rows = scoping.visible_to(user, Petition.objects.select_related("received_by", "handler"))
    return scoping.within_region(rows, region) if region is not None else rows


def received_here(user, region=None):
    """本站登记、已上报的: the petitions received (首问负责) at an office of the user's scope (or of `region`) and
    since carried up to an office above it. Scoped by received_at_code, not by the holding office's region_code,
    so explicitly here: the registering village keeps a read-only view of what it received."""
    codes = _codes_within(user, region)
    if codes is None:
        return Petition.objects.none()
    return (Petition.objects.select_related("received_by", "handler")
            .filter(received_at_code__range=codes).exclude(region_code__range=codes))


def received_at(user, region=None):
    """The petitions received (首次接待, received_at_code) at an office of `region` (the user's own region by default)
    wherever they are held now: carried up, under 复查 or 复核 above. What 本年收到 counts, so a county's review does
    not take a petition out of the figures of the township that received it. Empty for a region outside the
    user's scope."""
    codes = _codes_within(user, region)
    if codes is None:
        return Petition.objects.none()
    return Petition.objects.select_related("received_by", "handler").filter(received_at_code__range=codes)


def _codes_within(user, region):
    """(lowest, highest) region code of `region` (the user's own by default), or None outside the user's scope."""
    scope = scoping.scope_of(user)
    if scope.is_empty:
        return None
    low, high = scoping.code_range((region or scope.region).prefix)
    return (low, high) if scope.contains_code(low) and scope.contains_code(high) else None


def readable(user, pk):
    """(petition, held) of a petition the user may read: held in their scope (held=True), or received at an office
    of their scope and carried up (held=False, read only); Http404 otherwise."""
    from django.http import Http404

    try:
        return scoping.get_visible_or_404(Petition.objects.select_related("received_by", "handler", "repeat_of"),
                                          user, pk=pk), True
    except Http404:
        petition = received_here(user).select_related("repeat_of").filter(pk=pk).first()
        if petition is None:
            raise
        return petition, False


def office_of(petition, kind):
    """The office that took the petition's latest step of `kind` (a PetitionEventKind: the one that replied, that
    reviewed), as it was then; the holding office when there is no such step."""
    code = petition.events.filter(kind=kind).order_by("-at", "-pk").values_list("office_code", flat=True).first()
    return code or petition.region_code


def held_at(user, rows):
    """The rows held at the user's own office (its region_code is the user's region's), the ones it acts on."""
    scope = scoping.scope_of(user)
    return rows.none() if scope.is_empty else rows.filter(region_code=scope.region.code)


def awaiting_reply_q():
    """Forwarded to labour inspection, whose case is concluded: the office that forwarded it replies now."""
    from hrss.supervision.models import InspectionCase

    return Q(state=PetitionState.FORWARDED) & Q(Exists(InspectionCase.objects.filter(
        petition=OuterRef("pk"), state="concluded")))


def overdue_q(day):
    """The petitions whose running period (accept, handle, 复查, 复核) ended before `day`."""
    return (Q(state=PetitionState.RECEIVED, accept_due__lt=day) | Q(state=PetitionState.ACCEPTED, handle_due__lt=day)
            | Q(state=PetitionState.REVIEW, review_due__lt=day) | Q(state=PetitionState.RECHECK, recheck_due__lt=day))


def due_by_q(day):
    """The petitions whose running period ends on or before `day` (overdue ones included)."""
    return (Q(state=PetitionState.RECEIVED, accept_due__lte=day) | Q(state=PetitionState.ACCEPTED, handle_due__lte=day)
            | Q(state=PetitionState.REVIEW, review_due__lte=day) | Q(state=PetitionState.RECHECK, recheck_due__lte=day))


def ledger(user, region, day, *, state="", category="", channel="", overdue=False, month="", q="", held="",
           awaiting_reply=False):
    """The 信访台账's petitions, filtered: a state ("open" for every open one), a category, a channel, only those
    overdue on `day`, those received in a month (2026-03), a number, a petitioner's name or ID number, an employer;
    `held` "here" keeps those held at the region's own office, "received" shows instead those received at the
    region's offices and carried up (本站登记、已上报的, read only), "received_at" every one received at the
    region's offices wherever held now (本年收到's cases); `awaiting_reply` those whose inspection case is
    concluded (待答复信访人)."""
    if held == "received":
        rows = received_here(user, region)
    elif held == "received_at":  # 本年收到's cases: received at the region's offices, wherever held now
        rows = received_at(user, region)
    else:
        rows = petitions(user, region)
    if held == "here":
        rows = rows.filter(region_code=region.code)
    if awaiting_reply:
        rows = rows.filter(awaiting_reply_q())
    if state == "open":
        rows = rows.filter(state__in=OPEN_STATES)
    elif state in PetitionState.values:
        rows = rows.filter(state=state)
    if category in PetitionCategory.values:
        rows = rows.filter(category=category)
    if channel in PetitionChannel.values:
        rows = rows.filter(channel=channel)
    if overdue:
        rows = rows.filter(overdue_q(day))
    if bounds := inputs.month_filter(month, day)[0]:  # the page says why a month is refused
        rows = rows.filter(received_on__range=bounds)
    text = (q or "").strip()
    if text:
        rows = rows.filter(Q(number=text.upper()) | Q(petitioner_name__contains=text)
                           | Q(petitioner_id_number=text.upper()) | Q(employer_name__contains=text))
    return rows.order_by("-received_on", "-pk")


def due_soon(user, day, *, days=DUE_SOON_DAYS):
    """The open petitions held at the user's own office whose running period ends within `days` of `day`, or has
    ended."""
    return held_at(user, petitions(user)).filter(due_by_q(day + datetime.timedelta(days=days)))


def repeat_candidates(user, *, id_number="", name="", phone="", category="", exclude=None):
    """重复信访: the earlier petitions of the user's scope (or received there, wherever held now) by the same petitioner (the same ID number, or the same
    name and phone) on the same matter (category), the latest first."""
    same = Q()
    if id_number:
        same |= Q(petitioner_id_number=id_number.strip().upper())
    if name and phone:
        same |= Q(petitioner_name=name.strip(), petitioner_phone=phone.strip())
    if not same or category not in PetitionCategory.values:
        return Petition.objects.none()
    # Also those received at the user's offices and since held above (received_here): a village asks about the
    # petition it carried up to the township, answered and reviewed there, when the same person comes again.
    rows = Petition.objects.select_related("received_by", "handler").filter(
        Q(pk__in=petitions(user).values("pk")) | Q(pk__in=received_here(user).values("pk"))).filter(
        same, category=category)
    if exclude is not None:
        rows = rows.exclude(pk=exclude.pk)
    return rows.order_by("-received_on", "-pk")


def due_text(petition, today):
    """“受理期限 2026-03-17（剩3日）” or “…（已超期2日）” for the running period, its day followed by
    “（暂按自然日计，…）” while provisional (deadlines.due_text); "" when none runs."""
    running = petition.current_due()
    if running is None:
        return ""
    label, last = running
    left = (last - today).days
    shown = petition.due_text(petition.current_due_field())
    if left < 0:
        return f"{label} {shown}（已超期{-left}日）"
    return f"{label} {shown}（{'今日到期' if left == 0 else f'剩{left}日'}）"


WAITING_VILLAGE = "等待村(社区)上报"


def state_text(petition):
    """The state as a ledger shows it: "待受理（等待村(社区)上报）" while a village still holds it undecided."""
    waiting = (petition.state == PetitionState.RECEIVED
               and scoping.level_of_code(petition.region_code) == Level.VILLAGE)
    return f"{petition.get_state_display()}（{WAITING_VILLAGE}）" if waiting else petition.get_state_display()


LEDGER_HEADER = ["信访件编号", "承办机关", "收到日期", "信访形式", "信访人", "公民身份号码", "联系电话", "问题类别",
                 "事由", "涉及单位", "统一社会信用代码", "涉及人数", "诉求金额（元）", "首问负责人", "受理意见",
                 "转送机关", "受理期限", "办理期限", "期限说明", "状态", "办结日期", "答复意见", "重复信访", "期限情况"]


def provisional_remark(petition):
    """The .xlsx's 期限说明: which of the 受理期限 and 办理期限 are counted in calendar days for now (the dates stay
    dates, to filter and sort), "" when neither."""
    from hrss.supervision.deadlines import PROVISIONAL_NOTE

    labels = [label for field, label in (("accept_due", "受理期限"), ("handle_due", "办理期限"))
              if field in petition.provisional_dues and getattr(petition, field) is not None]
    return f"{'、'.join(labels)}{PROVISIONAL_NOTE}" if labels else ""


def ledger_rows(rows, day, places):
    """What a ledger line shows for each petition: a dict for the page, `cells` for the .xlsx (ID number masked)."""
    out = []
    for petition in rows:
        row = {"petition": petition, "place": places.get(petition.region_code, ""),
               "due_text": due_text(petition, day), "overdue": petition.is_overdue(day),
               "state_text": state_text(petition)}
        row["cells"] = [
            petition.number, row["place"], petition.received_on, petition.get_channel_display(),
            petition.petitioner_name, mask(petition.petitioner_id_number) if petition.petitioner_id_number else "",
            petition.petitioner_phone, petition.get_category_display(), petition.subject, petition.employer_name,
            petition.employer_uscc, petition.workers_count,
            petition.amount_claimed,  # a number to sum (None: an empty cell)
            str(petition.received_by), petition.get_decision_display() if petition.decision else "",
            petition.forwarded_to, petition.accept_due, petition.handle_due, provisional_remark(petition),
            row["state_text"],
            petition.concluded_on, petition.reply,  # dates stay dates (None: an empty cell)
            "是" if petition.repeat_of_id else "", row["due_text"]]
        out.append(row)
    return out


# --- figures (the area's statistics page) ------------------------------------------------------------------------

def received_in_year(user, region, today):
    return received_at(user, region).filter(received_on__year=today.year)


def open_petitions(user, region):
    return petitions(user, region).filter(state__in=OPEN_STATES)


def overdue(user, region, today):
    return petitions(user, region).filter(overdue_q(today))


def wages_in_year(user, region, today):
    return received_in_year(user, region, today).filter(category=PetitionCategory.WAGES)


def replied_between(user, region, first, last):
    """服务承诺's cases of 信访事项办理: the petitions of the user's scope and `region` answered (办结答复) from `first`
    to `last`, each from its acceptance (受理) to its reply (catalogue.ClosedCase)."""
    from django.urls import reverse

    from hrss.core.catalogue import ClosedCase

    rows = petitions(user, region).filter(replied_on__range=(first, last), accepted_on__isnull=False)
    return [ClosedCase(f"{p.number} {p.subject}", p.region_code, p.accepted_on, p.replied_on, "已答复",
                       reverse("supervision:petitions-detail", args=[p.pk])) for p in rows.order_by("replied_on", "pk")]
