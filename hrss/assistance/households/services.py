"""The households part's writes (零就业家庭): keyword-only, taking the actor, checking permission and scope before one
transaction (a refusal's audit entry stays), an audit entry for each write. Bad input is a ValidationError listing
every reason in Chinese, and nothing is written.

The definition of a 零就业家庭 is the ledger's (residents.selectors.zero_employment_households): `scan_households`
opens a case for each one not yet open and clears the open cases whose household now has a member in work
(residents.labour_status.IN_WORK), on the day the member's status started. A case is cleared by hand only for a
member the ledger already shows in work: the ledger stays the one record of a person's labour status, so a member's
start of work is recorded on the person's page (residents' status service) first, then the case is cleared."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from hrss.assistance.households import rules, selectors
from hrss.assistance.models import (
    AssistanceKind,
    HouseholdAssistance,
    HouseholdCaseStatus,
    HouseholdSource,
    ZeroEmploymentHousehold,
)
from hrss.assistance.models.households import OPEN_STATUSES
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.core import audit, scoping
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.residents import selectors as ledger
from hrss.residents.labour_status import IN_WORK
from hrss.residents.models import LabourStatus, Person

# Who starts a comparison with the ledger over a region (the button): the township's and the county's officers and
# the city's administrator [believed: the township keeps the 零就业家庭台账; the county follows it up].
SCAN_ROLES = frozenset({Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICER, Role.COUNTY_APPROVER,
                        Role.CITY_ADMIN})
STALE = "该零就业家庭记录已被他人修改，请刷新页面后重试。"
CLOSED = "该零就业家庭记录已办结（已清零或经核实不属于），不能再办理。"


def _is_date(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _between(value, first, today, what):
    """A problem when `value` is not a date between `first` and today, else None."""
    if not _is_date(value):
        return f"请填写{what}。"
    if value > today:
        return f"{what}不能晚于今天。"
    if first is not None and value < first:
        return f"{what}不能早于发现日期{first:%Y-%m-%d}。"
    return None


def _in_work(people):
    """The members the ledger shows in work, the first to have started first."""
    working = [person for person in people if person.labour_status in IN_WORK]
    return sorted(working, key=lambda person: (person.status_since or datetime.date.max, person.pk))


def _open_case_refusal(household):
    existing = selectors.open_case_of(household)
    found = f"（{existing.found_on:%Y-%m-%d}发现）" if existing is not None else ""
    return f"该户已有未清零的零就业家庭记录{found}，请在该记录中办理。"


def _open_case(**fields):
    """Create an open case in a savepoint; None when another one of the household was committed meanwhile (the
    one-open-case constraint: two reports, or a report and a scan, at the same moment; the check before the create
    does not lock)."""
    try:
        with transaction.atomic():
            return ZeroEmploymentHousehold.objects.create(**fields)
    except IntegrityError:
        if selectors.open_case_of(fields["household"]) is None:
            raise
        return None


def _clear(case, *, actor, member, cleared_on, note, by_scan):
    days = (cleared_on - case.found_on).days
    ZeroEmploymentHousehold.objects.filter(pk=case.pk).update(
        status=HouseholdCaseStatus.CLEARED, cleared_on=cleared_on, cleared_member=member, days_to_clear=days,
        cleared_by=actor, cleared_by_scan=by_scan, clear_note=(note or "").strip()[:300], version=F("version") + 1)
    audit.record(actor=actor, action="assistance.zero_household.cleared", target=case, region_code=case.region_code,
                 subject_id_number=member.id_number,
                 after={"zero_household_cleared_on": cleared_on, "zero_household_days_to_clear": days,
                        "zero_household_cleared_by_scan": by_scan}, note=(note or "")[:255])


def scan_households(*, actor, region, today=None):
    """Compare the ledger with the cases in `region`: open a case (source 台账发现, found today) for each 零就业家庭 of
    the ledger without an open case, and clear each open case whose household now has a member in work, on the day
    that member's status started (the ledger's status_since; never before the case was found nor after today).
    Returns (opened, cleared) counts."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=region.code, action="assistance.zero_household.scan", roles=SCAN_ROLES,
                    message="零就业家庭的台账比对由乡镇(街道)、县(区)经办人员发起。")
    with transaction.atomic():
        open_cases = list(scoping.within_region(scoping.visible_to(actor, ZeroEmploymentHousehold.objects.filter(
            status__in=OPEN_STATUSES)), region).select_for_update())
        found = ledger.zero_employment_households(actor, region, today)
        opened_households = {case.household_id for case in open_cases}
        opened = 0
        for household_id, members in sorted(found.items()):
            if household_id in opened_households:
                continue
            household = members[0].household
            if not scoping.scope_of(actor).contains_code(household.region_code):
                continue
            case = _open_case(household=household, region_code=household.region_code, found_on=today,
                              source=HouseholdSource.LEDGER, found_by=actor)
            if case is None:
                continue  # reported (or found by another scan) while this one ran
            audit.record(actor=actor, action="assistance.zero_household.found", target=case,
                         region_code=case.region_code, subject_id_number=household.head_id_number,
                         after={"zero_household_found_on": today, "zero_household_source": HouseholdSource.LEDGER})
            opened += 1
        cleared = 0
        for case in open_cases:
            if case.household_id in found:
                continue
            working = _in_work(ledger.people_visible_to(actor).filter(household_id=case.household_id))
            if not working:
                continue  # no longer zero for another reason (a member moved, studies): the village checks it
            member = working[0]
            started = member.status_since or today
            _clear(case, actor=actor, member=member, cleared_on=min(max(started, case.found_on), today),
                   note=f"台账比对：{member.name}（{member.status_label}）", by_scan=True)
            cleared += 1
        audit.record(actor=actor, action="assistance.zero_household.scanned", target=region, region_code=region.code,
                     after={"zero_household_opened": opened, "zero_household_cleared": cleared})
    return opened, cleared


def report_household(*, actor, person, source, found_on, note="", today=None):
    """A 零就业家庭 reported to the village (居民申报, or 他人上报 by someone else), named by one of its members: a
    case of the member's household, found on `found_on` (today or at most rules.REPORT_BACKDATE_DAYS before it).
    Refused for a rural household, one the ledger shows with a member in work, and one with an open case (also when
    that case was committed by a report at the same moment: the constraint's refusal, not a 500)."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    household = person.household
    check_acting_in(actor, region_code=household.region_code if household else person.region_code,
                    action="assistance.zero_household.report", subject_id_number=person.id_number,
                    message="只能上报本辖区的家庭。")
    problems = []
    if household is None:
        problems.append("该人员在台账中未关联家庭户：请先在人员页面填写其户主公民身份号码或与户主关系。")
    if source not in (HouseholdSource.APPLICATION, HouseholdSource.REPORTED):
        problems.append("请选择来源：居民申报或他人上报（台账发现的由台账比对自动登记）。")
    problem = _between(found_on, None, today, "发现日期")
    earliest = rules.earliest_found_on(today)
    if problem:
        problems.append(problem)
    elif found_on < earliest:
        problems.append(f"发现日期不能早于{earliest:%Y-%m-%d}（最多补录{(today - earliest).days}天内发现的零就业家庭）；"
                        "更早发现、至今仍无人就业的，请以今天为发现日期登记，并在情况中写明最初发现的时间。")
    if household is not None:
        if not ledger.in_towns(type(household).objects.filter(pk=household.pk)).exists():
            problems.append(f"零就业家庭指城镇家庭，该户住在村(村委会)，属农村家庭（{rules.URBAN_IN_PLAIN_WORDS}）；"
                            "农村家庭无人就业的请在“农村无人就业家庭”名单中查看。")
        working = _in_work(ledger.people_visible_to(actor).filter(household=household))
        if working:
            problems.append(f"台账显示该户成员{working[0].name}处于“{working[0].status_label}”状态，不属于零就业家庭；"
                            "如台账有误，请先在人员页面更正其就业状态。")
        if selectors.open_case_of(household) is not None:
            problems.append(_open_case_refusal(household))
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        case = _open_case(household=household, region_code=household.region_code, found_on=found_on, source=source,
                          report_note=(note or "").strip()[:300], found_by=actor)
        if case is None:  # another report of the household was committed after the check above
            raise ValidationError(_open_case_refusal(household))
        audit.record(actor=actor, action="assistance.zero_household.reported", target=case,
                     region_code=case.region_code, subject_id_number=household.head_id_number,
                     after={"zero_household_found_on": found_on, "zero_household_source": source},
                     note=(note or "")[:255])
    return case


def _check_open(actor, case, action):
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=case.region_code, action=action,
                    subject_id_number=case.household.head_id_number, message="只能办理本辖区的零就业家庭。")


def verify_household(*, actor, case, outcome, verified_on, note="", version=None, today=None):
    """The village's check of a case found: `outcome` "verified" (a 零就业家庭: assistance follows) or "dismissed"
    (not one, with the reason in `note`)."""
    today = today or timezone.localdate()
    _check_open(actor, case, "assistance.zero_household.verify")
    problems = []
    if case.status != HouseholdCaseStatus.FOUND:
        problems.append("该记录已核实过，不能重复核实。" if case.is_open else CLOSED)
    if outcome not in (HouseholdCaseStatus.VERIFIED, HouseholdCaseStatus.DISMISSED):
        problems.append("请选择核实结果：属于零就业家庭，或经核实不属于。")
    problem = _between(verified_on, case.found_on, today, "核实日期")
    if problem:
        problems.append(problem)
    if outcome == HouseholdCaseStatus.DISMISSED and not (note or "").strip():
        problems.append("经核实不属于零就业家庭的，请填写核实情况（原因）。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        updated = ZeroEmploymentHousehold.objects.filter(
            pk=case.pk, status=HouseholdCaseStatus.FOUND, **({"version": version} if version is not None else {})
        ).update(status=outcome, verified_on=verified_on, verified_by=actor,
                 verification_note=(note or "").strip()[:300], version=F("version") + 1)
        if not updated:
            raise ValidationError(STALE)
        action = ("assistance.zero_household.verified" if outcome == HouseholdCaseStatus.VERIFIED
                  else "assistance.zero_household.dismissed")
        audit.record(actor=actor, action=action, target=case,
                     region_code=case.region_code, subject_id_number=case.household.head_id_number,
                     after={"zero_household_verified_on": verified_on}, note=(note or "")[:255])
    case.refresh_from_db()
    return case


def record_assistance(*, actor, case, done_on, kind, note, today=None):
    """An assistance record (援助记录) of an open case: what was done on `done_on`."""
    today = today or timezone.localdate()
    _check_open(actor, case, "assistance.zero_household.record")
    problems = []
    if not case.is_open:
        problems.append(CLOSED)
    problem = _between(done_on, case.found_on, today, "援助日期")
    if problem:
        problems.append(problem)
    if kind not in AssistanceKind.values:
        problems.append("请选择援助措施。")
    if not (note or "").strip():
        problems.append("请填写援助内容（做了什么、结果如何）。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        if not ZeroEmploymentHousehold.objects.filter(pk=case.pk, status__in=OPEN_STATUSES).exists():
            raise ValidationError(CLOSED)
        record = HouseholdAssistance.objects.create(case=case, region_code=case.region_code, done_on=done_on,
                                                    kind=kind, note=note.strip()[:300], recorded_by=actor)
        audit.record(actor=actor, action="assistance.zero_household.assistance_recorded", target=case,
                     region_code=case.region_code, subject_id_number=case.household.head_id_number,
                     after={"zero_household_assisted_on": done_on, "zero_household_assistance_kind": kind},
                     note=note[:255])
    return record


def clear_household(*, actor, case, member, started_on, note="", version=None, today=None):
    """Clear an open case by hand: `member` of the household started work on `started_on` (days to clear =
    started_on - found_on). The ledger must already show the member in work (see the module's docstring)."""
    today = today or timezone.localdate()
    _check_open(actor, case, "assistance.zero_household.clear")
    problems = []
    if not case.is_open:
        problems.append(CLOSED)
    if not isinstance(member, Person) or member.household_id != case.household_id:
        problems.append("请选择该户中实现就业的成员。")
    elif member.labour_status not in IN_WORK:
        problems.append(f"台账中{member.name}的就业状态为“{LabourStatus(member.labour_status).label}”：请先在人员页面"
                        "登记其就业（单位就业、灵活就业、务农或转移就业）及起始日期，再办理清零。")
    problem = _between(started_on, case.found_on, today, "就业起始日期")
    if problem:
        problems.append(problem)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        locked = ZeroEmploymentHousehold.objects.select_for_update().get(pk=case.pk)
        if locked.status not in OPEN_STATUSES or (version is not None and locked.version != version):
            raise ValidationError(STALE)
        _clear(locked, actor=actor, member=member, cleared_on=started_on, note=note, by_scan=False)
    case.refresh_from_db()
    return case
