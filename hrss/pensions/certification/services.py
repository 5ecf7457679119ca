"""The certification part's writes (领取待遇资格认证): keyword-only, taking the actor, checking permission and scope
before one transaction (a refusal's audit entry stays), an audit entry for each write. Bad input is a
ValidationError saying in Chinese what to fix, and nothing is written.

Starting a campaign writes no certification row (its work does not grow with the number of pensioners): a
subject without a row counts as 待认证 (selectors.subjects_without_rows), and ensure_rows gives a region's subjects
their rows when a list of people needs them; the suspension run gives them to the whole campaign first.

Contracts used: benefits.services.suspend and resume (a pension not certified in the window is suspended from the
month after it; certified later it is resumed, the missed months paid as back pay)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.models import Level, Region
from hrss.core.permissions import check_acting_in, check_permission
from hrss.pensions.benefits import services as benefits
from hrss.pensions.certification import rules, selectors
from hrss.pensions.models import (
    Certification,
    CertificationCampaign,
    CertificationMethod,
    CertificationState,
    PensionState,
    RetireeState,
)
from hrss.pensions.permissions import PENSIONS_HANDLE

BATCH = 5000  # ids an UPDATE ... WHERE pk IN: large enough to be fast, below every database's parameter limit


def campaign_problems(*, region, year, opens_on, closes_on, today):
    """What keeps a campaign of `region` for `year` from starting on `today`, in Chinese (empty when nothing)."""
    problems = []
    if region is None or region.level not in (Level.CITY, Level.COUNTY):
        problems.append("认证活动由市或县(区)组织：请选择市或县(区)。")
    if not isinstance(year, int) or not rules.FIRST_YEAR <= year <= today.year + 1:
        problems.append(f"认证年度应在{rules.FIRST_YEAR}年至{today.year + 1}年之间。")
    dates = isinstance(opens_on, datetime.date) and isinstance(closes_on, datetime.date)
    if not dates:
        problems.append("请填写认证开始日期和截止日期。")
    elif closes_on < opens_on:
        problems.append("认证截止日期不能早于开始日期。")
    elif (closes_on - opens_on).days + 1 > rules.max_window_days(opens_on):
        problems.append(f"认证期不超过{rules.max_window_days(opens_on)}天。")
    elif isinstance(year, int) and opens_on.year != year:
        problems.append(f"认证开始日期应在{year}年内（认证年度为{year}年）。")
    elif closes_on < today:
        problems.append(f"认证截止日期{closes_on:%Y-%m-%d}已过：请填写今天或以后的截止日期。")
    if not problems and selectors.overlapping(region, year).exists():
        other = selectors.overlapping(region, year).first()
        name = Region.objects.filter(code=other.region_code).values_list("name", flat=True).first() or ""
        problems.append(f"{name or other.region_code}已有{year}年度的认证活动：每人每年只认证一次，"
                        "同一区域（含上下级）每年只能组织一次认证活动。")
        if region.level == Level.CITY:
            held = set(selectors.overlapping(region, year).values_list("region_code", flat=True))
            left = [county.name for county in Region.objects.filter(parent=region, level=Level.COUNTY, is_active=True)
                    .order_by("code") if county.code not in held]
            problems.append(f"请改为逐个县(区)启动：尚未组织{year}年度认证的有{'、'.join(left)}。" if left
                            else f"各县(区)都已组织{year}年度认证。")
    return problems


def start_campaign(*, actor, region, year, opens_on, closes_on, note="", today=None):
    """启动年度认证: a campaign of the county or the city. Its subjects (every pension paying and every retiree
    managed in its region) are not listed nor counted here: each is 待认证 until certified, and gets its
    certification row when a village's or township's list needs it (ensure_rows), so starting does the same work
    for 30,000 pensioners as for 300,000."""
    today = today or timezone.localdate()
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=region.code, action="pensions.certification_campaign.start",
                    message="只能在本辖区内组织领取待遇资格认证。")
    problems = campaign_problems(region=region, year=year, opens_on=opens_on, closes_on=closes_on, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        campaign = CertificationCampaign.objects.create(region_code=region.code, year=year, opens_on=opens_on,
                                                        closes_on=closes_on, note=(note or "").strip()[:200],
                                                        created_by=actor)
        audit.record(actor=actor, action="pensions.certification_campaign.started", target=campaign,
                     region_code=region.code,
                     after={"certification_year": year, "certification_opens_on": opens_on,
                            "certification_closes_on": closes_on}, note=(note or "")[:255])
    return campaign


def ensure_rows(campaign, region):
    """Gives each subject of `campaign` in `region` (a village or a township, usually) that has none its
    certification row, state 待认证, and returns how many were made. Idempotent: called again, or by two requests
    at once, it makes no second row (ON CONFLICT DO NOTHING on the partial unique constraints), so a page may call
    it on a GET. Nothing a user sees changes (a subject without a row is already shown as 待认证), so it takes no
    actor and writes no audit entry; the caller has checked that `region` is in the user's scope. A campaign whose
    uncertified were suspended is closed: no row is added to it."""
    if campaign.suspensions_done_on is not None:
        return 0
    return _insert_rows(campaign, region.code)


def _insert_rows(campaign, code=None, *, pensions=None, retirees=None):
    """One INSERT ... SELECT ... WHERE NOT EXISTS a kind of subject, straight from the pension and retiree tables
    (no row passes through Python), for the subjects in both the campaign's region and `code`'s (the whole campaign
    without it) with no row in a campaign of its year: the pensions paying and retirees managed, or those of the
    querysets given. The SELECT is the ORM's; the constant columns are its parameters. Returns the rows
    inserted."""
    low, high = selectors.code_range(campaign.region_code)
    if code is not None:
        other_low, other_high = selectors.code_range(code)
        low, high = max(low, other_low), min(high, other_high)
        if low > high:
            return 0
    table = connection.ops.quote_name(Certification._meta.db_table)
    made = 0
    with connection.cursor() as cursor:
        for field, rows in zip(("pension_id", "retiree_id"), selectors.without_rows(
                campaign.year, pensions, retirees), strict=True):
            select, params = (rows.filter(region_code__range=(low, high)).order_by("region_code", "pk")
                              .values_list("region_code", "person_id", "pk").query.sql_with_params())
            columns = ", ".join(connection.ops.quote_name(name) for name in (
                "campaign_id", "state", "method", "relative_name", "relation", "note", "region_code", "person_id",
                field))
            # WHERE true: SQLite needs it to read ON CONFLICT as the upsert clause (not a join's ON).
            cursor.execute(f"INSERT INTO {table} ({columns}) SELECT %s, %s, '', '', '', '', subject.* "  # noqa: S608
                           f"FROM ({select}) subject WHERE true ON CONFLICT DO NOTHING",
                           [campaign.pk, CertificationState.DUE, *params])
            made += max(cursor.rowcount, 0)
    return made


def certify_problems(*, certification, method, on, relative_name, relation, today):
    problems = []
    campaign = certification.campaign
    if certification.state == CertificationState.DIED:
        problems.append(f"{certification.person.name}已死亡（{certification.note}），无需认证。")
    if certification.state in selectors.DONE:
        problems.append(f"{certification.person.name}已于{certification.certified_on:%Y-%m-%d}认证，无需再次认证。")
    if method not in rules.methods_on(today):
        problems.append("请选择认证方式（上门认证、窗口认证、亲属证明或其他方式）。")
    if not isinstance(on, datetime.date):
        problems.append("请填写认证日期。")
    elif on > today:
        problems.append(f"认证日期{on:%Y-%m-%d}晚于今天：请登记已经完成的认证。")
    elif on < campaign.opens_on:
        problems.append(f"认证日期{on:%Y-%m-%d}早于本年度认证开始日期{campaign.opens_on:%Y-%m-%d}。")
    if method == CertificationMethod.RELATIVE:
        if not (relative_name or "").strip():
            problems.append("亲属证明须填写证明亲属的姓名。")
        if not (relation or "").strip():
            problems.append("亲属证明须填写证明亲属与本人的关系。")
    if certification.pension_id and certification.pension.state not in (PensionState.PAYING,
                                                                        PensionState.SUSPENDED):
        problems.append(f"{certification.person.name}的养老金现为“{certification.pension.get_state_display()}”，"
                        "无需认证。")
    if certification.retiree_id and certification.retiree.state != RetireeState.MANAGED:
        problems.append(f"{certification.person.name}现为“{certification.retiree.get_state_display()}”，无需认证。")
    return problems


def certify(*, actor, certification, method, on, relative_name="", relation="", note="", today=None):
    """认证: the subject is certified on `on` (in the window or after it, not before it opens, not after today).
    After a suspension it also resumes: a pension through benefits.resume (the missed months paid as back pay,
    kept on the certification), a retiree marked resumed (reported to the paying body). Returns the
    certification."""
    today = today or timezone.localdate()
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=certification.region_code, action="pensions.certification.certify",
                    subject_id_number=certification.person.id_number,
                    message="只能为本辖区内的人员办理领取待遇资格认证。")
    problems = certify_problems(certification=certification, method=method, on=on, relative_name=relative_name,
                                relation=relation, today=today)
    if problems:
        raise ValidationError(problems)
    relative = method == CertificationMethod.RELATIVE
    with transaction.atomic():
        locked = Certification.objects.select_for_update().get(pk=certification.pk)
        if locked.state != certification.state:
            raise ValidationError("该人员的认证状态刚被他人改变，请刷新后再操作。")
        suspended = locked.state == CertificationState.SUSPENDED
        back_pay = None
        if suspended and certification.pension_id:
            back_pay = benefits.resume(actor=actor, pension=certification.pension, certified_on=on, today=today)
        values = {"state": CertificationState.RESUMED if suspended else CertificationState.CERTIFIED,
                  "method": method, "certified_on": on, "certified_by": actor,
                  "relative_name": (relative_name or "").strip()[:50] if relative else "",
                  "relation": (relation or "").strip()[:20] if relative else "", "back_pay": back_pay}
        if note:
            values["note"] = note.strip()[:200]
        Certification.objects.filter(pk=certification.pk).update(**values)
        certification.refresh_from_db()
        audit.record(actor=actor, action="pensions.certification.resumed" if suspended
                     else "pensions.certification.certified", target=certification,
                     region_code=certification.region_code, subject_id_number=certification.person.id_number,
                     before={"certification_state": locked.state},
                     after={"certification_state": certification.state, "certification_method": method,
                            "certification_on": on, "certification_relative": values["relative_name"],
                            "certification_relation": values["relation"],
                            **({"certification_back_pay": back_pay} if back_pay is not None else {})})
    return certification


def remind(*, actor, certifications, today=None):
    """登记提醒: the village's printed list of those due was handed out (or they were phoned) on `today`; each still
    due (or suspended) gets today as its last reminder. Returns how many were reminded."""
    today = today or timezone.localdate()
    certifications = list(certifications)
    check_permission(actor, PENSIONS_HANDLE)
    for code in sorted({certification.region_code for certification in certifications}):
        check_acting_in(actor, region_code=code, action="pensions.certification.remind",
                        message="只能提醒本辖区内的待认证人员。")
    ids = [certification.pk for certification in certifications
           if certification.state in (CertificationState.DUE, CertificationState.SUSPENDED)]
    if not ids:
        raise ValidationError("没有需要提醒的待认证人员。")
    with transaction.atomic():
        count = Certification.objects.filter(
            pk__in=ids, state__in=[CertificationState.DUE, CertificationState.SUSPENDED]).update(reminded_on=today)
        codes = sorted({certification.region_code for certification in certifications if certification.pk in ids})
        audit.record(actor=actor, action="pensions.certification.reminded",
                     target=certifications[0].campaign, region_code=codes[0] if len(codes) == 1 else
                     scoping.scope_of(actor).region.code, after={"certification_reminded": count, "certification_reminded_on": today})
    return count


def suspend_uncertified(*, actor, campaign, today=None):
    """暂停未认证人员待遇: from the day after the window's last day, once a campaign, every subject without a row is
    first given one (the whole campaign's region; the rows are its list from then on), then each pension still due is
    suspended from the month after the window (benefits.suspend, reason 未按期认证) and each retiree still due is
    marked suspended (reported to the paying body). A pension no longer paying (stopped, or suspended for another
    reason) is left as it is, noted. Returns (pensions suspended, retirees suspended, left)."""
    today = today or timezone.localdate()
    check_permission(actor, PENSIONS_HANDLE)
    check_acting_in(actor, region_code=campaign.region_code, action="pensions.certification_campaign.suspend",
                    message="只能处理本辖区组织的认证活动。")
    if today <= campaign.closes_on:
        raise ValidationError(f"认证期到{campaign.closes_on:%Y-%m-%d}（含当天）结束，"
                              f"从{campaign.closes_on + datetime.timedelta(days=1):%Y-%m-%d}起才能暂停未认证人员的待遇。")
    if campaign.suspensions_done_on is not None:
        raise ValidationError(f"本次认证已于{campaign.suspensions_done_on:%Y-%m-%d}暂停过未认证人员的待遇。")
    from_month = rules.suspend_from(campaign.closes_on)
    pensions = retirees = left = 0
    with transaction.atomic():
        if not CertificationCampaign.objects.filter(pk=campaign.pk, suspensions_done_on__isnull=True).update(
                suspensions_done_on=today, suspensions_done_by=actor):
            raise ValidationError("本次认证的暂停刚由他人办理，请刷新后查看。")
        _insert_rows(campaign)
        due = (Certification.objects.filter(campaign=campaign, state=CertificationState.DUE)
               .select_related("pension__person", "retiree", "person").order_by("region_code", "pk"))
        suspended, noted = [], []
        # Read before writing: the pensions suspended below are rows of this query's join.
        for certification in list(due):
            if certification.pension_id:
                if certification.pension.state != PensionState.PAYING:
                    noted.append(certification.pk)
                    continue
                benefits.suspend(actor=actor, pension=certification.pension, from_month=from_month,
                                 reason=rules.SUSPENSION_REASON, today=today)
                pensions += 1
            else:
                if certification.retiree.state != RetireeState.MANAGED:
                    noted.append(certification.pk)
                    continue
                retirees += 1
            suspended.append(certification.pk)
        for start in range(0, len(suspended), BATCH):
            Certification.objects.filter(pk__in=suspended[start:start + BATCH]).update(
                state=CertificationState.SUSPENDED, suspended_on=today, suspended_from=from_month)
        for start in range(0, len(noted), BATCH):
            Certification.objects.filter(pk__in=noted[start:start + BATCH]).update(note="待遇已非正常发放，未暂停")
        left = len(noted)
        campaign.refresh_from_db()
        audit.record(actor=actor, action="pensions.certification_campaign.suspended", target=campaign,
                     region_code=campaign.region_code,
                     after={"certification_suspended_from": from_month, "certification_pensions_suspended": pensions,
                            "certification_retirees_suspended": retirees, "certification_left": left})
    return pensions, retirees, left
