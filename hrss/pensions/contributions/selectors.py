"""Reads of the contributions part, through core.scoping: the imports, their unmatched rows, the 缴费台账 (the
enrolled people of a region with what they paid in a year, the subsidy and the account's balance), and the
figures' counts."""

import datetime

from django.db.models import Exists, OuterRef, Q, Sum

from hrss.core import scoping
from hrss.core.id_numbers import mask
from hrss.pensions.contributions import account
from hrss.pensions.models import (
    Contribution,
    ContributionImport,
    ContributionKind,
    Enrolment,
    EnrolmentState,
    ImportStatus,
    UnmatchedPayment,
)
from hrss.residents.models import Person

PAYING = (EnrolmentState.ACTIVE, EnrolmentState.DRAWING)
UNMATCHED_HEADER = ["行号", "公民身份号码", "姓名", "缴费年度", "缴费金额", "到账日期", "票据号/流水号", "缴费类别", "原因",
                    "处理情况"]
LEDGER_HEADER = ["村(社区)", "姓名", "公民身份号码", "参保状态", "缴费档次（元/年）", "缴费年度", "个人缴费（元）",
                 "政府补贴（元）", "个人账户余额（元）"]


def _scoped(user, queryset, region):
    rows = scoping.visible_to(user, queryset)
    return scoping.within_region(rows, region) if region is not None else rows


def imports_of(user, region=None):
    return _scoped(user, ContributionImport.objects.select_related("created_by"), region).order_by("-pk")


def unmatched(user, region=None, *, open_only=True):
    rows = _scoped(user, UnmatchedPayment.objects.select_related("import_file"), region)
    if open_only:
        rows = rows.filter(resolved_at__isnull=True)
    return rows.order_by("-import_file_id", "row")


def unmatched_cells(row):
    """A row of the unmatched list's .xlsx (the ID number masked)."""
    done = f"已处理：{row.resolution}" if row.resolved_at else "未处理"
    return [row.row, mask(row.id_number), row.name, row.year, row.amount, row.paid_on, row.receipt, row.kind,
            row.reason, done]


def paid_in(year):
    """A person paid for `year`: a 个人缴费 or 补缴 of that 缴费年度."""
    return Exists(Contribution.objects.filter(person=OuterRef("person"), year=year,
                                              kind__in=account.PAID_KINDS))


def enrolled(user, region):
    """The enrolments of the scope (of `region`) that pay or draw: the people of the 缴费台账."""
    return _scoped(user, Enrolment.objects.filter(state__in=PAYING).select_related("person"), region)


def ledger(user, region, year, *, paid="", q=""):
    rows = enrolled(user, region).annotate(has_paid=paid_in(year))
    if paid == "yes":
        rows = rows.filter(has_paid=True)
    elif paid == "no":
        rows = rows.filter(has_paid=False, state=EnrolmentState.ACTIVE)
    if q:
        rows = rows.filter(Q(person__name__contains=q) | Q(person__id_number=q.upper()))
    return rows.order_by("region_code", "person__name", "pk")


def ledger_rows(enrolments, year, on, places):
    """The ledger's rows for these enrolments: paid and subsidy in `year` (by 缴费年度), balance on `on`."""
    enrolments = list(enrolments)
    person_ids = [enrolment.person_id for enrolment in enrolments]
    sums = {}
    for start in range(0, len(person_ids), 900):
        for person_id, kind, total in (Contribution.objects.filter(person_id__in=person_ids[start:start + 900],
                                                                   year=year)
                                       .values_list("person_id", "kind").annotate(total=Sum("amount"))):
            sums.setdefault(person_id, {})[kind] = total
    balances = account.balances(person_ids, on)
    rows = []
    for enrolment in enrolments:
        kinds = sums.get(enrolment.person_id, {})
        paid = sum((kinds.get(kind, 0) for kind in account.PAID_KINDS), start=account.ZERO)
        subsidy = kinds.get(ContributionKind.SUBSIDY, account.ZERO)
        balance = balances[enrolment.person_id]
        place = places.get(enrolment.region_code, "")
        rows.append({"enrolment": enrolment, "person": enrolment.person, "place": place, "paid": paid,
                     "subsidy": subsidy, "balance": balance,
                     "cells": [place, enrolment.person.name, mask(enrolment.person.id_number),
                               enrolment.get_state_display(), enrolment.tier, year, paid, subsidy, balance]})
    return rows


def paid_this_year(user, region, today):
    """People of the scope (of `region`) with a 个人缴费 or 补缴 for this year's 缴费年度."""
    return enrolled(user, region).filter(paid_in(today.year))


def not_paid_this_year(user, region, today):
    """Active enrolments of the scope (of `region`) with nothing paid for this year yet."""
    return enrolled(user, region).filter(state=EnrolmentState.ACTIVE).exclude(paid_in(today.year))


QUEUED_TOO_LONG = datetime.timedelta(minutes=1)


def import_stalled(job, now):
    """An import still 排队中 a minute after it was made: no background worker seems to run (hrss db_worker)."""
    return job.status == ImportStatus.QUEUED and now - job.created_at > QUEUED_TOO_LONG


def ledger_person_of(user, row):
    """The person of the user's scope with the unmatched row's ID number (to show the ledger's name beside the
    file's), or None: out of scope people are not shown."""
    return scoping.visible_to(user, Person.objects.filter(id_number=row.id_number.strip().upper())).first()
