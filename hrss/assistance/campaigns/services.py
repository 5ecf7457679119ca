"""The campaigns part's writes: keyword-only, taking the actor, checking permission and scope, one transaction, one
audit entry each. A campaign is made (and its dates, targets and note changed) by the staff of its region; the
work done is never typed in, it is counted (measures.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.assistance.campaigns import rules, selectors
from hrss.assistance.campaigns.measures import BY_CODE
from hrss.assistance.models import Campaign
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.core import audit, scoping
from hrss.core.models import Level
from hrss.core.permissions import check_acting_in, check_permission

MAX_TARGET = 1_000_000


def campaign_problems(*, name, region_code, starts_on, ends_on, targets, today, exclude_pk=None):
    """What keeps these values from making a campaign on `today`, in Chinese (empty when nothing)."""
    problems = []
    name = (name or "").strip()
    if not name:
        problems.append("请填写活动名称（如：就业援助月、春风行动）。")
    level = scoping.level_of_code(region_code or "")
    if level is None or level < Level.CITY:
        problems.append("活动区域应为市、县(区)、乡镇(街道)或村(社区)。")
    dates = isinstance(starts_on, datetime.date) and isinstance(ends_on, datetime.date)
    if not dates:
        problems.append("请填写开始日期和结束日期。")
    elif ends_on < starts_on:
        problems.append("结束日期不能早于开始日期。")
    elif (ends_on - starts_on).days + 1 > rules.MAX_DAYS:
        problems.append(f"活动期限不超过{rules.MAX_DAYS}天。")
    if dates and (starts_on < rules.FIRST_DAY or ends_on > rules.last_day(today)):
        problems.append(f"活动日期应在{rules.FIRST_DAY:%Y-%m-%d}至{rules.last_day(today):%Y-%m-%d}之间"
                        f"（活动最多提前一年安排），请检查开始日期和结束日期的年份。")
    if not isinstance(targets, dict):
        problems.append("目标格式不对。")
    else:
        unknown = sorted(set(targets) - set(BY_CODE))
        if unknown:
            problems.append(f"没有这些统计项：{'、'.join(unknown)}。")
        for code, value in targets.items():
            if code in BY_CODE and (isinstance(value, bool) or not isinstance(value, int)
                                    or not 0 <= value <= MAX_TARGET):
                problems.append(f"“{BY_CODE[code].label}”的目标应为0到{MAX_TARGET}之间的整数。")
    if name and dates and not problems and selectors.overlapping(region_code, name, starts_on, ends_on,
                                                                 exclude_pk).exists():
        problems.append(f"该区域已有同名活动“{name}”与这段日期重叠。")
    return problems


def _clean_targets(targets):
    return {code: value for code, value in targets.items() if value is not None}


def create_campaign(*, actor, name, region_code, starts_on, ends_on, targets, note="", today=None):
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=region_code, action="assistance.campaign.create",
                    message="只能在本辖区内组织就业援助活动。")
    targets = _clean_targets(targets or {})
    problems = campaign_problems(name=name, region_code=region_code, starts_on=starts_on, ends_on=ends_on,
                                 targets=targets, today=today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        campaign = Campaign.objects.create(name=name.strip()[:50], region_code=region_code, starts_on=starts_on,
                                           ends_on=ends_on, targets=targets, note=(note or "").strip()[:300],
                                           created_by=actor)
        audit.record(actor=actor, action="assistance.campaign.created", target=campaign, region_code=region_code,
                     after={"campaign_name": campaign.name, "campaign_starts_on": starts_on,
                            "campaign_ends_on": ends_on, "campaign_targets": targets}, note=note[:255])
    return campaign


def update_campaign(*, actor, campaign, name, starts_on, ends_on, targets, note="", today=None):
    """Change a campaign's name, dates, targets or note (its region stays)."""
    today = today or timezone.localdate()
    check_permission(actor, ASSISTANCE_HANDLE)
    check_acting_in(actor, region_code=campaign.region_code, action="assistance.campaign.update",
                    message="只能修改本辖区内的就业援助活动。")
    targets = _clean_targets(targets or {})
    problems = campaign_problems(name=name, region_code=campaign.region_code, starts_on=starts_on, ends_on=ends_on,
                                 targets=targets, today=today, exclude_pk=campaign.pk)
    if problems:
        raise ValidationError(problems)
    before = {"campaign_name": campaign.name, "campaign_starts_on": campaign.starts_on,
              "campaign_ends_on": campaign.ends_on, "campaign_targets": campaign.targets}
    with transaction.atomic():
        Campaign.objects.filter(pk=campaign.pk).update(name=name.strip()[:50], starts_on=starts_on, ends_on=ends_on,
                                                        targets=targets, note=(note or "").strip()[:300])
        campaign.refresh_from_db()
        audit.record(actor=actor, action="assistance.campaign.updated", target=campaign,
                     region_code=campaign.region_code, before=before,
                     after={"campaign_name": campaign.name, "campaign_starts_on": starts_on,
                            "campaign_ends_on": ends_on, "campaign_targets": targets}, note=(note or "")[:255])
    return campaign
