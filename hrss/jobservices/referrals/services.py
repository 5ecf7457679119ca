"""Write services of the referrals part (推荐就业): keyword-only, taking the actor, checking permission and scope
before one transaction that leaves an audit entry.

A referral sends a job seeker to a vacancy with a letter (推荐信) whose answer slip the employer returns within
`REPLY_WORKING_DAYS`. Its outcome is recorded once:

- 已录用 (hired): a place of the vacancy is taken (employers.services.take_place), the hire is registered
  (employment.employment_registration.register_employment, which also ends a standing 失业登记 by rule), and the
  seeker's 求职登记 ends as hired;
- for a registered unemployed person every other outcome is one contact of kind 推荐岗位 in the unemployment
  contact log (employment.services.record_contact), dated the outcome's day: refused without a good reason it is
  marked so, and three in a row make the existing cancellation proposal (art. 67). The contact is written with
  the outcome and not at the referral: a second "referral" contact without the refusal mark would sit between the
  refusals and break the run that employment.services.refusals_in_a_row counts;
- an outcome once recorded is not changed: a hire has registered employment and taken a place, a refusal has been
  counted; a wrong one is corrected by the offices that own those records (decided for this version, see the
  report of issue 11).
"""

import io

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from hrss.core import audit, scoping, workdays
from hrss.core.id_numbers import mask
from hrss.core.models import Level, Region
from hrss.core.pdf import cjk_font
from hrss.core.permissions import check_acting_in, check_permission
from hrss.core.working_age import age_on
from hrss.employment import employment_registration
from hrss.employment import services as employment_services
from hrss.employment.models import Standing
from hrss.jobservices.employers import services as employer_services
from hrss.jobservices.guidance.services import fair_referral_problems
from hrss.jobservices.models import Referral, ReferralOutcome, ReferralSequence, SeekerStatus
from hrss.jobservices.permissions import JOBSERVICES_HANDLE
from hrss.jobservices.referrals.kpi import dated
from hrss.jobservices.seekers import matching
from hrss.jobservices.seekers import services as seeker_services

Outcome = ReferralOutcome

# Working days the employer has to answer a referral (the letter's answer slip), by the day they apply from
# [believed: no sourced figure; 10 working days matches the plan's 10-day promise to the seeker].
REPLY_WORKING_DAYS = (("2011-01-01", 10),)


def letter_number(*, county_code, year, sequence):
    return f"TJ{county_code}{year}{sequence:05d}"


def next_sequence(county_code, year):
    """The next letter sequence number of a county's year, inside the caller's transaction (the UPDATE takes the
    row's lock on PostgreSQL; SQLite's transaction holds the only write lock)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_sequence outside a transaction: the number could be given out twice")
    ReferralSequence.objects.bulk_create([ReferralSequence(county_code=county_code, year=year)], ignore_conflicts=True)
    ReferralSequence.objects.filter(county_code=county_code, year=year).update(last=F("last") + 1)
    return ReferralSequence.objects.get(county_code=county_code, year=year).last


def assess(seeker, vacancy, *, today):
    """The match of seeker and vacancy as the seekers part scores it: (score, [reasons], suitable)."""
    match = matching.assess(seeker, vacancy, today=today)
    return max(0, int(match.score)), [str(reason) for reason in match.reasons], bool(match.suitable)


def _check_in_scope(actor, record, action):
    """`record`: the seeker, or a referral (both carry the seeker's village)."""
    person = record.person if hasattr(record, "person") else record.seeker.person
    check_permission(actor, JOBSERVICES_HANDLE)
    check_acting_in(actor, region_code=record.region_code, action=action, subject_id_number=person.id_number,
                    message="该求职人员不在您的管辖范围内。")


def referral_problems(*, seeker, vacancy, today):
    """Why `seeker` cannot be referred to `vacancy` on `today`, in Chinese: empty when they can."""
    problems = []
    if seeker.status != SeekerStatus.ACTIVE:
        problems.append(f"{seeker.person.name}的求职登记已于{seeker.ended_on:%Y-%m-%d}结束"
                        f"（{seeker.get_end_reason_display()}），不能推荐；如本人仍在求职，请重新办理求职登记。")
    problems += employer_services.referral_problems(vacancy, today=today)
    pending = Referral.objects.filter(seeker=seeker, vacancy=vacancy, outcome=Outcome.PENDING).first()
    if pending is not None:
        problems.append(f"已于{pending.referred_on:%Y-%m-%d}推荐{seeker.person.name}到该岗位（推荐信{pending.number}），"
                        "尚未反馈结果，不能重复推荐；请先登记该推荐的结果。")
    return problems


def refer(*, actor, seeker, vacancy, fair=None, today=None):
    """推荐: a letter numbered TJ<county><year><sequence>, the match as it was (score, reasons, suitable), the
    employer's answer due `REPLY_WORKING_DAYS` working days later. Raises ValidationError with every reason."""
    today = today or timezone.localdate()
    _check_in_scope(actor, seeker, "jobservices.referral.refer")
    problems = referral_problems(seeker=seeker, vacancy=vacancy, today=today)
    if fair is not None:  # cancelled, not held yet, or not offering this vacancy
        problems += fair_referral_problems(fair, vacancy, today=today)
    try:
        due_on = workdays.add_working_days(today, dated(REPLY_WORKING_DAYS, today))
    except workdays.UnknownArrangement as error:
        problems.append(str(error))
    if problems:
        raise ValidationError(problems)
    score, reasons, suitable = assess(seeker, vacancy, today=today)
    county = scoping.county_code_of(seeker.region_code)
    try:
        with transaction.atomic():
            sequence = next_sequence(county, today.year)
            referral = Referral.objects.create(
                seeker=seeker, vacancy=vacancy, region_code=seeker.region_code,
                number=letter_number(county_code=county, year=today.year, sequence=sequence), referred_on=today,
                due_on=due_on, score=score, reasons=reasons, suitable=suitable, fair=fair, created_by=actor)
            audit.record(actor=actor, action="jobservices.referral.created", target=referral,
                         region_code=referral.region_code, subject_id_number=seeker.person.id_number,
                         after={"number": referral.number, "vacancy": str(vacancy), "score": score,
                                "suitable": suitable, "due_on": due_on})
    except IntegrityError:  # the same referral made at the same instant by someone else
        raise ValidationError(["该求职人员刚刚已被推荐到此岗位，请刷新页面查看。"]) from None
    return referral


def _standing_registration(person):
    return person.unemployment_registrations.filter(standing=Standing.REGISTERED).first()


def _hire_village(actor, vacancy):
    """Where the hire is registered: the vacancy's village when it is one in the actor's scope (a hire belongs to
    the employer's place), else "" (the worker's own village, register_employment's default)."""
    for code in (vacancy.region_code, vacancy.employer.region_code):
        if (scoping.level_of_code(code) == Level.VILLAGE and scoping.scope_of(actor).contains_code(code)
                and Region.objects.filter(code=code, is_active=True).exists()):
            return code
    return ""


def outcome_problems(referral, *, outcome, outcome_on, note, today):
    problems = []
    if referral.outcome != Outcome.PENDING:
        return [f"该推荐的结果已于{referral.outcome_on:%Y-%m-%d}登记为“{referral.get_outcome_display()}”，不能再次登记。"]
    if outcome not in Outcome.values or outcome in (Outcome.PENDING, Outcome.CLOSED):
        return ["请选择推荐结果。"]
    seeker = referral.seeker
    if outcome == Outcome.HIRED and seeker.status != SeekerStatus.ACTIVE:
        return [f"该求职人的求职登记已于{seeker.ended_on:%Y-%m-%d}结束（{seeker.get_end_reason_display()}），"
                "不能再登记录用；如确被本单位录用，请在就业登记中办理。"]
    if outcome_on is None:
        problems.append("请填写结果日期。")
    elif outcome_on > today:
        problems.append("结果日期不能晚于今天。")
    elif outcome_on < referral.referred_on:
        problems.append(f"结果日期不能早于推荐日期（{referral.referred_on:%Y-%m-%d}）。")
    elif outcome == Outcome.NO_ANSWER and outcome_on <= referral.due_on:
        problems.append(f"反馈期限为{referral.due_on:%Y-%m-%d}，期限过后才能登记为“逾期未反馈”。")
    if outcome == Outcome.REFUSED_WITH_REASON and not note.strip():
        problems.append("请在结果说明中写明本人拒绝的理由。")
    if outcome == Outcome.HIRED:
        vacancy = referral.vacancy
        if vacancy.status != vacancy.Status.OPEN or vacancy.hired >= vacancy.headcount:
            problems.append(f"岗位“{vacancy.title}”已无空缺名额（{vacancy.get_status_display()}），不能登记录用；"
                            "如单位增加了招聘人数，请先修改岗位。")
    return problems


def record_outcome(*, actor, referral, outcome, outcome_on, note="", today=None):
    """The referral's outcome, once; see the module's docstring for what each outcome leads to. One
    transaction: a hire the employment registration refuses (an age, a duplicate) leaves nothing recorded."""
    today = today or timezone.localdate()
    seeker, vacancy = referral.seeker, referral.vacancy
    person = seeker.person
    _check_in_scope(actor, referral, "jobservices.referral.outcome")
    problems = outcome_problems(referral, outcome=outcome, outcome_on=outcome_on, note=note, today=today)
    if problems:
        raise ValidationError(problems)
    registration = _standing_registration(person)
    records_contact = (outcome != Outcome.HIRED and registration is not None
                       and (registration.registered_on is None or registration.registered_on <= outcome_on))
    if outcome == Outcome.HIRED or records_contact:
        # The employment services check the person's scope again inside the transaction, where a refusal's audit
        # entry would be rolled back with it: asked here first. (Their permission, 办理就业失业登记, is granted to
        # the same staff roles as 办理就业服务.)
        check_acting_in(actor, region_code=person.region_code, action="jobservices.referral.outcome",
                        subject_id_number=person.id_number, message="该求职人员不在您的管辖范围内。")
    label = Outcome(outcome).label
    with transaction.atomic():
        if not Referral.objects.filter(pk=referral.pk, outcome=Outcome.PENDING).update(
                outcome=outcome, outcome_on=outcome_on, outcome_note=note.strip()[:200]):
            raise ValidationError(["该推荐的结果刚刚已由他人登记，请刷新页面查看。"])
        referral.refresh_from_db()
        if outcome == Outcome.HIRED:
            employer_services.take_place(vacancy=vacancy, today=today)
            employer = vacancy.employer
            referral.employment_registration = employment_registration.register_employment(
                actor=actor, person=person, kind="hired", event_date=outcome_on, employer_name=employer.name,
                employer_code=employer.uscc or employer.org_code, employer_region_code=_hire_village(actor, vacancy),
                note=f"推荐就业（推荐信{referral.number}）", today=today)
            referral.save(update_fields=["employment_registration"])
            seeker.refresh_from_db()
            if seeker.status == SeekerStatus.ACTIVE:
                _end_seeking(actor, seeker, today)
            # The seeker's other referrals still waiting end with this hire, and the vacancy's own region (which
            # may be outside the actor's scope: vacancies are offered to every office) sees who took its place.
            closed = Referral.objects.filter(seeker=seeker, outcome=Outcome.PENDING).exclude(pk=referral.pk).update(
                outcome=Outcome.CLOSED, outcome_on=outcome_on,
                outcome_note=f"求职人经推荐信{referral.number}已被录用"[:200])
            audit.record(actor=actor, action="jobservices.vacancy.place_taken", target=vacancy,
                         region_code=vacancy.region_code, subject_id_number=person.id_number,
                         before={"hired": vacancy.hired - 1}, after={"hired": vacancy.hired, "status": vacancy.status},
                         note=f"推荐信{referral.number}"[:255])
        elif records_contact:
            employment_services.record_contact(
                actor=actor, registration=registration, contacted_on=outcome_on, kind="referral",
                job=f"{vacancy.employer.name} {vacancy.title}"[:100],
                note=f"推荐信{referral.number}：{label}{('，' + note.strip()) if note.strip() else ''}"[:200],
                refused_without_reason=outcome == Outcome.REFUSED_WITHOUT_REASON, today=today)
        audit.record(actor=actor, action="jobservices.referral.outcome_recorded", target=referral,
                     region_code=referral.region_code, subject_id_number=person.id_number,
                     before={"outcome": Outcome.PENDING},
                     after={"outcome": outcome, "outcome_on": outcome_on, "contact_recorded": records_contact,
                            **({"other_referrals_closed": closed} if outcome == Outcome.HIRED else {})},
                     note=note.strip()[:255])
    return referral


def _end_seeking(actor, seeker, today):
    """The seeker's registration ends as hired, through the seekers part's service."""
    seeker_services.end_seeking(actor=actor, seeker=seeker, reason="hired", today=today)


# --- the letter -------------------------------------------------------------------------------------------------


def _office_name(code):
    """The office that refers: the county's 人力资源和社会保障局 and the seeker's township's 人力资源和社会保障
    服务所 (the plan's 基层平台)."""
    names = dict(Region.objects.filter(code__in=[scoping.ancestor_code(code, Level.COUNTY),
                                                 scoping.township_code_of(code)]).values_list("code", "name"))
    county = names.get(scoping.ancestor_code(code, Level.COUNTY), "")
    township = names.get(scoping.township_code_of(code), "")
    return f"{county}{township}人力资源和社会保障服务所" if township else f"{county}人力资源和社会保障局"


def _place_name(code):
    codes = [*scoping.ancestor_codes(code)[2:], code]
    return "".join(Region.objects.filter(code__in=codes).order_by("code").values_list("name", flat=True))


def letter_content(referral, *, today):
    """What the letter says: (its rows of label and value, the answer slip's lines, the referring office). The
    letter leaves the office: the ID number is masked, the phone is the seeker's own."""
    seeker, vacancy = referral.seeker, referral.vacancy
    person = seeker.person
    office = _office_name(referral.region_code)
    rows = [
        ("姓　　名", person.name), ("性　　别", person.get_sex_display() or "—"),
        ("年　　龄", f"{age_on(person.birth_date, today)}岁"), ("公民身份号码", mask(person.id_number)),
        ("文化程度", person.get_education_display() or "—"), ("联系电话", seeker.phone or person.phone or "—"),
        ("应聘岗位", vacancy.title), ("工作地点", _place_name(vacancy.region_code) or vacancy.region_code),
        ("推荐日期", f"{referral.referred_on:%Y年%m月%d日}"), ("推荐单位", office),
    ]
    slip = [
        f"推荐信编号：{referral.number}　　求职人员：{person.name}",
        f"应聘岗位：{vacancy.title}",
        "处理结果：□ 录用（上岗日期：　　年　　月　　日）　□ 未录用　□ 本人放弃",
        "未录用或放弃的原因：",
        f"请于{referral.due_on:%Y年%m月%d日}前反馈至：{office}",
        "用人单位（盖章）：　　　　　　　　　经办人：　　　　　日期：　　年　　月　　日",
    ]
    return rows, slip, office


def letter_pdf(referral, *, actor, today=None):
    """The referral letter (推荐信, A4) with its answer slip (回执) for the employer, with the embedded CJK font
    (letter_content). Printing is audited."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    today = today or timezone.localdate()
    vacancy, person = referral.vacancy, referral.seeker.person
    employer = vacancy.employer
    _check_in_scope(actor, referral, "jobservices.referral.letter_printed")
    font = cjk_font()
    rows, slip, _office = letter_content(referral, today=today)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=font, initialFontSize=12)
    page.setTitle(f"推荐信 {referral.number}")
    width, height = A4
    page.setFont(font, 20)
    page.drawCentredString(width / 2, height - 25 * mm, "就业推荐信")
    page.setFont(font, 10)
    page.drawRightString(width - 20 * mm, height - 33 * mm, f"编号：{referral.number}")
    page.setFont(font, 12)
    page.drawString(20 * mm, height - 45 * mm, f"{employer.name}：")
    page.drawString(28 * mm, height - 53 * mm, f"兹推荐下列求职人员前往贵单位应聘“{vacancy.title}”岗位，请予接洽。")
    top = height - 66 * mm
    for index, (label, value) in enumerate(rows):
        y = top - index * 9 * mm
        page.drawString(24 * mm, y, label)
        page.drawString(58 * mm, y, str(value)[:40])
        page.line(56 * mm, y - 2 * mm, width - 24 * mm, y - 2 * mm)
    y = top - len(rows) * 9 * mm - 4 * mm
    page.setFont(font, 9)
    page.drawString(24 * mm, y, "本推荐信由公共就业服务机构免费提供。求职人员的个人信息仅用于本次招聘，请妥善保管。")
    # The answer slip, cut off and returned by the employer.
    y -= 10 * mm
    page.setDash(3, 3)
    page.line(15 * mm, y, width - 15 * mm, y)
    page.setDash()
    page.drawCentredString(width / 2, y + 1.5 * mm, "（沿此线剪下，由用人单位填写后寄回或交回推荐单位）")
    page.setFont(font, 16)
    page.drawCentredString(width / 2, y - 12 * mm, "推荐就业回执")
    page.setFont(font, 12)
    for index, line in enumerate(slip):
        page.drawString(20 * mm, y - 26 * mm - index * 10 * mm, line)
    page.showPage()
    page.save()
    audit.record(actor=actor, action="jobservices.referral.letter_printed", target=referral,
                 region_code=referral.region_code, subject_id_number=person.id_number)
    return buffer.getvalue()
