"""The ratings part's writes (好差评与意见箱): keyword-only, taking the actor (none for a citizen on the public
rating page), checking permission and scope before one transaction, one audit entry each. Bad input is a
ValidationError listing every reason in Chinese, and nothing is written.

Contract for the other parts: `issue_code` gives a completed case its rating code (idempotent per source and id);
it checks nothing itself and runs inside the calling service's transaction, after that service checked. A review
case of any area gets its code when it closes (`code_for_closed_case`, registered with core.review by declare.py).

Privacy: a complaint about a staff member is never shown to that member's own account (selectors.complaints_visible_to
leaves it out), and they cannot answer it; the complainant's name and phone stay out of the audit trail."""

import re
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrss.core import audit, scoping, workdays
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.review import chain_of
from hrss.supervision import inputs
from hrss.supervision.models import (
    CODE_ALPHABET,
    CODE_SIZE,
    POOR_SCORES,
    Complaint,
    ComplaintOrigin,
    ComplaintOutcome,
    ComplaintState,
    Rating,
    RatingCode,
    Score,
)
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.ratings import rules, selectors

CODE_ATTEMPTS = 8  # 2**40 codes: a collision is rare, eight in a row is a broken random source
# One answer for a code that does not exist and for one already used, so that trying codes tells nothing.
REFUSED = "评价码无效或已使用，请核对凭条上的评价码。"
REVIEW_SOURCE, COMPLETED_STATUSES = rules.REVIEW_SOURCE, rules.COMPLETED_STATUSES
STAFF_ORIGINS = (ComplaintOrigin.MAILBOX, ComplaintOrigin.PHONE, ComplaintOrigin.LETTER, ComplaintOrigin.VISIT)


class RatingRefused(ValidationError):
    """The code is unknown or already used: always the one message REFUSED."""

    def __init__(self):
        super().__init__(REFUSED)


# --- rating codes ------------------------------------------------------------------------------------------------


def _new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_SIZE))


def normalise_code(raw):
    """A code as typed (lower case, spaces, a hyphen as printed: ABCD-EFGH) in its stored form; "" when it cannot
    be one (the caller answers REFUSED as for any wrong code)."""
    code = re.sub(r"[\s\-]", "", str(raw or "")).upper()
    return code if len(code) == CODE_SIZE and all(symbol in CODE_ALPHABET for symbol in code) else ""


def issue_code(*, region_code, service, source, source_id, served_by, completed_on):
    """The rating code of the case `source`/`source_id`, made the first time (a random code, drawn again when it
    is taken); a second call for the same case answers the first code unchanged."""
    source_id = str(source_id)
    existing = RatingCode.objects.filter(source=source, source_id=source_id).first()
    if existing is not None:
        return existing
    for _ in range(CODE_ATTEMPTS):
        code = _new_code()
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


def code_for_closed_case(case):
    """core.review's hook (declare.py): a review case decided (approved or refused) gets its rating code, for the
    office that took it in (its region), served by whoever took it in, on the day it closed. Inside the closing
    move's transaction; a withdrawn case gets none."""
    if case.status not in COMPLETED_STATUSES or chain_of(case).internal:  # no resident to rate an office's case
        return None
    return issue_code(region_code=case.region_code, service=chain_of(case).label, source=REVIEW_SOURCE,
                      source_id=case.pk, served_by=case.opened_by,
                      completed_on=timezone.localdate(case.closed_at))


def issue_case_code(*, actor, case):
    """The rating code of a review case closed before codes were issued (or for a reprint): an office of the case's
    region asks for it on the slip page."""
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=case.region_code, action="supervision.ratings.code_issued",
                    message="您无权为该案件生成评价码。")
    if case.status not in COMPLETED_STATUSES:
        raise ValidationError("只有已办结（审批通过或不予通过）的案件才能生成评价码。")
    with transaction.atomic():
        known = RatingCode.objects.filter(source=REVIEW_SOURCE, source_id=str(case.pk)).first()
        code = known or code_for_closed_case(case)
        if known is None:
            audit.record(actor=actor, action="supervision.ratings.code_issued", target=code,
                         region_code=code.region_code, after={"rating_source": code.source, "rating_source_id": code.source_id})
        return code


def record_slip_printed(*, actor, case):
    """A slip (评价凭条: the code and its QR) opened by staff to print or hand over: audited each time, since the
    code is what a rating is made with (the completed cases' list no longer shows codes; whoever reads one leaves a
    trace). No code is shown in the entry: the case names the slip."""
    check_permission(actor, SUPERVISION_VIEW)
    check_acting_in(actor, region_code=case.region_code, action="supervision.rating_slip.printed",
                    message="您无权查看该案件的评价凭条。")
    with transaction.atomic():
        audit.record(actor=actor, action="supervision.rating_slip.printed", target=case, region_code=case.region_code)


# --- the citizen's rating ----------------------------------------------------------------------------------------


def code_to_rate(raw):
    """The unused RatingCode typed, or None (unknown, malformed or used: the caller says REFUSED for all)."""
    code = normalise_code(raw)
    if not code:
        return None
    return RatingCode.objects.filter(code=code, rating__isnull=True).first()


def rating_problems(*, score, reason, phone=""):
    """What is wrong with a score, its reason and the phone left for a call back, in Chinese ({field: message})."""
    problems = {}
    if phone and (problem := inputs.phone_problem(phone)):
        problems["phone"] = f"{problem}不需要回电的可以不填。"
    elif phone and score not in POOR_SCORES:
        problems["phone"] = "只有选择不满意或非常不满意时才需要留电话，请清空联系电话或改选评价。"
    if score not in Score.values:
        problems["score"] = "请选择一项评价：非常满意、满意、基本满意、不满意或非常不满意。"
    elif score in POOR_SCORES and not reason:
        problems["reason"] = "选择不满意或非常不满意时，请写明原因（例如等候太久、态度不好、材料要求不清），以便核实整改。"
    if len(reason) > 500:
        problems["reason"] = f"原因最多500字（现有{len(reason)}字）。"
    return problems


def rate(*, code, score, reason="", phone="", now=None):
    """A citizen's rating of the service behind `code` (the public page: no account, so no actor). Once per code:
    an unknown or used code is refused with the same message (RatingRefused). A poor rating (不满意, 非常不满意)
    opens a complaint at the township of the office that served, naming whoever served, with the phone the citizen
    may leave for a call back (optional; the township calls back only if one is left)."""
    reason = (reason or "").strip()
    phone = (phone or "").strip()
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = None
    if problems := rating_problems(score=score, reason=reason, phone=phone):
        raise ValidationError(problems)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            # The code's row locked: a second request for the same code waits here, then finds it rated.
            rating_code = RatingCode.objects.select_for_update().filter(code=normalise_code(code) or "-").first()
            if rating_code is None or Rating.objects.filter(code=rating_code).exists():
                raise RatingRefused
            rating = Rating.objects.create(code=rating_code, score=score, reason=reason, rated_at=now,
                                           region_code=rating_code.region_code)
            audit.record(actor=None, action="supervision.ratings.rated", target=rating,
                         region_code=rating.region_code, after={"rating_score": score, "rating_code": rating_code.code})
            if score in POOR_SCORES:
                _open_complaint(office_code=rating_code.region_code, about_staff=rating_code.served_by,
                                origin=ComplaintOrigin.RATING, rating=rating,
                                text=_rating_complaint_text(rating_code, score, reason),
                                complainant_name="", complainant_phone=phone, received_on=timezone.localdate(now),
                                actor=None)
            return rating
    except IntegrityError:  # the same code rated at the same moment by another request
        raise RatingRefused from None


def _rating_complaint_text(rating_code, score, reason):
    """What a poor rating's complaint says: the service and the office that served, as the slip printed them, and
    the citizen's reason. Never the completion day (joined with the completed cases it would name the citizen) nor
    the staff member (the slip does not name them; about_staff keeps who served, for those above)."""
    return f"{rating_code.service}（{selectors.office_label(rating_code)}）评价为{Score(score).label}：{reason}"


# --- complaints --------------------------------------------------------------------------------------------------


def handling_office_of(office_code):
    """The office that handles a complaint about `office_code`: a village's township; a township, a county's or
    the city's own office handles its own."""
    return scoping.township_code_of(office_code)  # as RatingCode.complaint_office_code promises on the slip


def _open_complaint(*, office_code, about_staff, origin, rating, text, complainant_name, complainant_phone,
                    received_on, actor):
    complaint = Complaint.objects.create(
        region_code=handling_office_of(office_code), office_code=office_code, about_staff=about_staff,
        origin=origin, rating=rating, text=text[:1000], complainant_name=complainant_name,
        complainant_phone=complainant_phone, received_on=received_on, due_date=rules.reply_due(received_on),
        created_by=actor)
    # The complainant's name and phone stay out of the audit trail (the person complained about may read it).
    audit.record(actor=actor, action="supervision.ratings.complaint_opened", target=complaint,
                 region_code=complaint.region_code,
                 after={"complaint_origin": origin, "office_code": office_code, "due_date": complaint.due_date})
    return complaint


def complaint_problems(*, actor, office_code, about_staff, origin, text, complainant_phone, received_on, today):
    problems = {}
    if origin not in STAFF_ORIGINS:
        problems["origin"] = "请选择投诉来源：意见箱、电话、来信或来访。"
    if not text:
        problems["text"] = "请填写投诉内容。"
    elif len(text) > 1000:
        problems["text"] = f"投诉内容最多1000字（现有{len(text)}字）。"
    if complainant_phone and (problem := inputs.phone_problem(complainant_phone)):
        problems["complainant_phone"] = problem
    if problem := inputs.date_problem(received_on, "收到日期", today, not_before=inputs.RECORDS_FROM,
                                      not_before_label=inputs.RECORDS_FROM_LABEL):
        problems["received_on"] = problem
    if about_staff is not None and about_staff.pk == actor.pk:
        # Nobody sees a complaint about themself (nor who made it): a colleague or the township takes it in.
        problems["about_staff"] = "不能登记针对您本人的投诉：请由同事或乡镇（街道）登记。"
    elif about_staff is not None and (not about_staff.region_id or about_staff.region.code != office_code):
        problems["about_staff"] = f"{about_staff}不是被投诉机构的工作人员：请核对被投诉机构或工作人员。"
    return problems


def record_complaint(*, actor, office_code, origin, text, received_on, about_staff=None, complainant_name="",
                     complainant_phone="", today=None):
    """A complaint taken in by staff (意见箱, phone, letter, visit) about an office of their scope and optionally one
    of its staff: handled by the township of the office (handling_office_of) with the reply deadline (rules.py)."""
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=office_code, action="supervision.ratings.complaint_opened",
                    message="被投诉机构不在您的辖区内。")
    today = today or timezone.localdate()
    text, complainant_name = (text or "").strip(), (complainant_name or "").strip()[:50]
    complainant_phone = (complainant_phone or "").strip()
    if problems := complaint_problems(actor=actor, office_code=office_code, about_staff=about_staff, origin=origin, text=text,
                                      complainant_phone=complainant_phone, received_on=received_on, today=today):
        raise ValidationError(problems)
    with transaction.atomic():
        return _open_complaint(office_code=office_code, about_staff=about_staff, origin=origin, rating=None,
                               text=text, complainant_name=complainant_name, complainant_phone=complainant_phone,
                               received_on=received_on, actor=actor)


def reply_complaint(*, actor, complaint, reply, outcome, today=None):
    """The handling office's answer, which closes the complaint, with what checking it found (ComplaintOutcome:
    查实 / 部分查实 / 不属实, which the appraisal deducts for). Refused without a reply or an outcome, and to the staff
    member the complaint is about (they never see it)."""
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=complaint.region_code, action="supervision.ratings.complaint_replied",
                    message="您无权答复该投诉。")
    if complaint.about_staff_id is not None and complaint.about_staff_id == actor.pk:
        audit.record_denied(actor=actor, action="supervision.ratings.complaint_replied", target=complaint,
                            region_code=complaint.region_code, note="被投诉人不能答复对本人的投诉")
        raise PermissionDenied("您无权答复该投诉。")
    reply = (reply or "").strip()
    if not reply:
        raise ValidationError({"reply": "请填写答复内容（核实情况和处理结果），答复后投诉办结。"})
    if len(reply) > 1000:
        raise ValidationError({"reply": f"答复最多1000字（现有{len(reply)}字）。"})
    if outcome not in ComplaintOutcome.values:
        raise ValidationError({"outcome": "请选择核实结果：查实、部分查实或不属实。"})
    today = today or timezone.localdate()
    with transaction.atomic():
        changed = Complaint.objects.filter(pk=complaint.pk, state=ComplaintState.OPEN).update(
            state=ComplaintState.CLOSED, reply=reply, outcome=outcome, replied_on=today, replied_by=actor)
        if not changed:
            raise ValidationError("该投诉已经答复，不能再次答复；请刷新页面查看答复。")
        complaint.refresh_from_db()
        audit.record(actor=actor, action="supervision.ratings.complaint_replied", target=complaint,
                     region_code=complaint.region_code, before={"complaint_state": ComplaintState.OPEN},
                     after={"complaint_state": ComplaintState.CLOSED, "replied_on": today,
                            "complaint_outcome": outcome})
        return complaint


def fill_missing_due_dates():
    """Reply deadlines that waited for a year's holiday arrangement, computed now that it may be loaded (registered
    with workdays.after_arrangement_loaded by declare.py: runs in the loading transaction)."""
    calendar = workdays.Calendar.load()
    for complaint in Complaint.objects.filter(state=ComplaintState.OPEN, due_date__isnull=True):
        due = rules.reply_due(complaint.received_on, calendar=calendar)
        if due is not None:
            Complaint.objects.filter(pk=complaint.pk).update(due_date=due)
