"""Reads of the loans part, always through core.scoping: the people who want to start a business, applications,
loans with how their instalments stand, overdue instalments, credit communities, the 贷款台账's rows."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Min, Q, Sum, Value
from django.db.models.functions import Coalesce

from hrss.core import scoping
from hrss.core.id_numbers import mask
from hrss.core.selectors import place_names  # noqa: F401 - the place column of this part's lists
from hrss.jobservices.loans import rules, schedule
from hrss.jobservices.models import CreditCommunity, Instalment, Loan, LoanApplication
from hrss.residents.models import Person


def _within(user, queryset, region=None):
    queryset = scoping.visible_to(user, queryset)
    return scoping.within_region(queryset, region) if region is not None else queryset


def wants_business(user, region=None):
    """People of the ledger with 创业意愿, by village and name."""
    return _within(user, Person.objects.filter(wants_business=True), region).order_by("region_code", "name", "id")


def applications(user, region=None):
    return _within(user, LoanApplication.objects.select_related("person", "case"), region).order_by(
        "-applied_on", "-id")


def loans(user, region=None):
    return _within(user, Loan.objects.select_related("person", "application"), region).order_by("-start_date", "-id")


def loans_with_overdue(user, today, region=None):
    """The user's loans with an instalment unpaid after its due date."""
    late = Instalment.objects.filter(paid_on__isnull=True, due_date__lt=today).values("loan_id")
    return loans(user, region).filter(pk__in=late)


def credit_community_on(region_code, day):
    """The 信用社区 mark of the village in force on `day`, or None."""
    return CreditCommunity.objects.filter(
        Q(revoked_on__isnull=True) | Q(revoked_on__gt=day), region_code=region_code, marked_on__lte=day,
    ).order_by("-marked_on").first()


def credit_communities(user, region=None):
    return _within(user, CreditCommunity.objects.select_related("by", "revoked_by"), region).order_by(
        "revoked_on", "region_code", "-marked_on")


def overdue_instalments(user, today, region=None):
    """Instalments of the user's loans (of `region`) unpaid after their due date."""
    return Instalment.objects.filter(
        loan__in=_within(user, Loan.objects.all(), region), paid_on__isnull=True, due_date__lt=today,
    ).select_related("loan__person").order_by("due_date", "loan_id", "number")


@dataclass(frozen=True)
class Row:
    instalment: Instalment
    standing: schedule.Standing


@dataclass(frozen=True)
class Summary:
    rows: list
    repaid: Decimal
    outstanding: Decimal
    interest: Decimal
    subsidy_earned: Decimal  # for the periods paid on time
    subsidy_lost: Decimal  # for the periods paid late or overdue
    overdue: int  # instalments overdue now (unpaid after their due date)
    days_overdue: int  # the longest of them


def loan_summary(loan, today):
    """How each instalment of `loan` stands on `today` and the loan's totals. `loan` was fetched through
    core.scoping (with its instalments prefetched, for a list of loans)."""
    loses = rules.in_force(rules.OVERDUE_LOSES_SUBSIDY, loan.application.applied_on)
    rows = [Row(i, schedule.standing(due_date=i.due_date, paid_on=i.paid_on, planned_subsidy=i.subsidy, today=today,
                                     overdue_loses_subsidy=bool(loses)))
            for i in sorted(loan.instalments.all(), key=lambda instalment: instalment.number)]
    repaid = sum((row.instalment.paid_amount for row in rows), Decimal(0))
    total = sum((row.instalment.total for row in rows), Decimal(0))
    overdue = [row for row in rows if row.standing.state == schedule.OVERDUE]
    return Summary(
        rows=rows, repaid=repaid, outstanding=total - repaid,
        interest=sum((row.instalment.interest for row in rows), Decimal(0)),
        subsidy_earned=sum((row.standing.subsidy for row in rows
                            if row.standing.subsidy is not None and not row.standing.overdue), Decimal(0)),
        subsidy_lost=sum((row.instalment.subsidy for row in rows if row.standing.overdue), Decimal(0)),
        overdue=len(overdue), days_overdue=max((row.standing.days_overdue for row in overdue), default=0))


LEDGER_HEADER = ["贷款名称", "借款人", "公民身份号码", "村(社区)", "村(社区)代码", "申请人类别", "贷款对象", "贷款金额（元）",
                 "年利率（%）", "贴息利率（%）", "期限（月）", "放款日期", "还款方式", "已还（元）", "未还（元）",
                 "已贴息（元）", "逾期期数", "最长逾期天数"]


def with_figures(queryset, today):
    """Loans annotated in SQL with what the ledger shows of each (one query however many loans): repaid, owed,
    the subsidy earned (instalments paid by their due date: rules.OVERDUE_LOSES_SUBSIDY has held since the first
    rule), overdue instalments and the oldest one's due date. loan_summary says the same loan by loan."""
    money = DecimalField(max_digits=14, decimal_places=2)
    zero = Value(Decimal(0), output_field=money)
    late = Q(instalments__paid_on__isnull=True, instalments__due_date__lt=today)
    return queryset.annotate(
        repaid=Coalesce(Sum("instalments__paid_amount"), zero, output_field=money),
        owed=Coalesce(Sum(F("instalments__principal") + F("instalments__interest"), output_field=money), zero),
        subsidy_earned=Coalesce(Sum("instalments__subsidy", filter=Q(
            instalments__paid_on__isnull=False, instalments__paid_on__lte=F("instalments__due_date"))), zero,
            output_field=money),
        overdue_count=Count("instalments", filter=late),
        oldest_overdue=Min("instalments__due_date", filter=late),
    )


def figures(loan, today):
    """(outstanding, days overdue) of a loan annotated by with_figures."""
    days = (today - loan.oldest_overdue).days if loan.oldest_overdue else 0
    return loan.owed - loan.repaid, days


def ledger_rows(user, region, today):
    """The 贷款台账 (.xlsx): one row a loan; ID numbers masked (the file leaves the system)."""
    found = list(with_figures(loans(user, region), today).order_by("region_code", "start_date", "id"))
    places = place_names(loan.region_code for loan in found)
    rows = []
    for loan in found:
        outstanding, days = figures(loan, today)
        rows.append([loan.name, loan.person.name, mask(loan.person.id_number), places.get(loan.region_code, ""),
                     loan.region_code, loan.application.get_category_display(),
                     loan.application.get_borrower_kind_display(), float(loan.principal), float(loan.annual_rate),
                     float(loan.subsidised_rate), loan.term_months, loan.start_date.isoformat(),
                     loan.get_method_display(), float(loan.repaid), float(outstanding),
                     float(loan.subsidy_earned), loan.overdue_count, days])
    return LEDGER_HEADER, rows
