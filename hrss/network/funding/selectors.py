"""The funding part's reads (建设资金), all from the user's scope (core.scoping): each office's money by source
(allocated, disbursed, balance), a region's totals with the county's match ratio against the dated minimum
(rules.MATCH_RATIO), the six counties for the city, an office's lines, the implementation plans; and the same as
spreadsheet rows for the .xlsx downloads."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from hrss.core import scoping
from hrss.core.models import Level, Region
from hrss.core.selectors import place_names
from hrss.network.funding import rules
from hrss.network.models import FundAllocation, FundDisbursement, FundSource, ImplementationPlan, PlanState

SOURCES = tuple(FundSource)
ZERO = Decimal("0.00")


@dataclass
class Funds:
    """Allocated and disbursed yuan by source (FundSource values), for an office or a region."""

    allocated: dict = field(default_factory=lambda: {source.value: ZERO for source in SOURCES})
    disbursed: dict = field(default_factory=lambda: {source.value: ZERO for source in SOURCES})

    def add(self, other):
        for source in SOURCES:
            self.allocated[source.value] += other.allocated[source.value]
            self.disbursed[source.value] += other.disbursed[source.value]

    @property
    def by_source(self):
        """[(source, allocated, disbursed, balance)] in the order of FundSource."""
        return [(source, self.allocated[source.value], self.disbursed[source.value],
                 self.allocated[source.value] - self.disbursed[source.value]) for source in SOURCES]

    @property
    def allocated_total(self):
        return sum(self.allocated.values(), ZERO)

    @property
    def disbursed_total(self):
        return sum(self.disbursed.values(), ZERO)

    @property
    def balance_total(self):
        return self.allocated_total - self.disbursed_total

    @property
    def province(self):
        return self.allocated[FundSource.PROVINCE]

    @property
    def county(self):
        return self.allocated[FundSource.COUNTY]

    def match(self, day):
        """The county's match against the province's subsidy: (ratio or None without a subsidy, the minimum in
        force on `day`, whether it falls short)."""
        required = rules.match_ratio_on(day)
        if not self.province:
            return None, required, False
        ratio = self.county / self.province
        return ratio, required, required is not None and ratio < required


def _sums(queryset):
    return queryset.order_by().values("region_code", "source").annotate(total=Sum("amount"))


def funds_by_office(user, region):
    """{office region code: Funds} for the offices of `region` (within the user's scope) that have any money."""
    out = {}
    for name, model in (("allocated", FundAllocation), ("disbursed", FundDisbursement)):
        queryset = scoping.within_region(scoping.visible_to(user, model.objects.all()), region)
        for row in _sums(queryset):
            getattr(out.setdefault(row["region_code"], Funds()), name)[row["source"]] += row["total"]
    return out


def total_of(funds):
    total = Funds()
    for one in funds:
        total.add(one)
    return total


def office_rows(user, region):
    """The offices of `region` with money, each a dict: code, place, funds; ordered by code."""
    funds = funds_by_office(user, region)
    places = place_names(funds, below=region)
    return [{"code": code, "place": places.get(code, code), "funds": funds[code]} for code in sorted(funds)]


def county_rows(user, region):
    """For a region above the counties (the city): each county of it in the user's scope with its totals."""
    counties = scoping.visible_to(user, Region.objects.filter(level=Level.COUNTY, is_active=True))
    counties = scoping.within_region(counties, region).order_by("code")
    return [{"region": county, "funds": total_of(funds_by_office(user, county).values()),
             "plan": latest_plan(user, county)} for county in counties]


def lines_of(user, code):
    """(allocations, disbursements) of the office of `code`, visible to the user, in date order."""
    allocations = scoping.visible_to(user, FundAllocation.objects.filter(region_code=code)).select_related(
        "created_by")
    disbursements = scoping.visible_to(user, FundDisbursement.objects.filter(region_code=code)).select_related(
        "created_by")
    return list(allocations), list(disbursements)


def plans_in(user, region):
    """The implementation plans of the counties of `region` (a county's own, or every county's for the city)."""
    return scoping.within_region(scoping.visible_to(user, ImplementationPlan.objects.all()), region).select_related(
        "submitted_by", "decided_by").defer("attachment")


def latest_plan(user, county):
    return plans_in(user, county).filter(region_code=county.code).first()


def plan_state_label(plan):
    if plan is None:
        return "未报送"
    if plan.state == PlanState.RETURNED:
        return f"已退回（{plan.return_reason}）"
    return plan.get_state_display()


# --- spreadsheet rows --------------------------------------------------------------------------------------------


def _source_header(kind):
    return [f"{source.label}{kind}" for source in SOURCES]


FUNDS_HEADER = ["服务机构", *_source_header("下达"), *_source_header("拨付"), *_source_header("余额"), "下达合计",
                "拨付合计", "余额合计", "县配套/省补助"]


def funds_cells(name, funds, day):
    ratio, _required, _under = funds.match(day)
    return [name, *(funds.allocated[source.value] for source in SOURCES),
            *(funds.disbursed[source.value] for source in SOURCES),
            *(balance for _source, _allocated, _disbursed, balance in funds.by_source),
            funds.allocated_total, funds.disbursed_total, funds.balance_total,
            f"{ratio:.1%}" if ratio is not None else "无省补助"]


def region_sheets(user, region, day):
    """The region's funding as sheets: the counties (for the city) or the offices, with the total."""
    if region.level < Level.COUNTY:
        rows = county_rows(user, region)
        header = ["县(区)", *FUNDS_HEADER[1:], "实施方案"]
        cells = [[*funds_cells(row["region"].name, row["funds"], day), plan_state_label(row["plan"])]
                 for row in rows]
        total = total_of(row["funds"] for row in rows)
        cells.append([*funds_cells("合计", total, day), ""])
        return total, [("各县(区)建设资金", [f"建设资金（{region.name}，{day:%Y年%m月%d日}）"], [header, *cells])]
    rows = office_rows(user, region)
    total = total_of(row["funds"] for row in rows)
    cells = [funds_cells(row["place"], row["funds"], day) for row in rows]
    cells.append(funds_cells("合计", total, day))
    ratio, required, under = total.match(day)
    note = (f"县配套为省补助的{ratio:.1%}，低于{required:.0%}的要求" if under else "") if ratio is not None else ""
    title = [f"建设资金（{region.name}，{day:%Y年%m月%d日}）{('：' + note) if note else ''}"]
    return total, [("各服务机构建设资金", title, [FUNDS_HEADER, *cells])]


LINES_HEADER = ["类别", "日期", "资金来源", "用途", "金额（元）", "文号", "备注", "登记人"]


def lines_sheets(place, allocations, disbursements, day):
    rows = [["下达", line.allocated_on, line.get_source_display(), "", line.amount, line.document_number, line.note,
             line.created_by.full_name or line.created_by.username] for line in allocations]
    rows += [["拨付", line.disbursed_on, line.get_source_display(), line.get_purpose_display(), line.amount,
              line.document_number, line.note, line.created_by.full_name or line.created_by.username]
             for line in disbursements]
    return [("资金明细", [f"建设资金明细（{place}，{day:%Y年%m月%d日}）"], [LINES_HEADER, *rows])]


PLANS_HEADER = ["县(区)", "方案名称", "文号", "印发日期", "报送时间", "备案状态", "备案或退回日期", "退回原因"]


def plans_sheets(plans, region, day):
    names = dict(Region.objects.filter(code__in={plan.region_code for plan in plans}).values_list("code", "name"))
    rows = [[names.get(plan.region_code, plan.region_code), plan.title, plan.document_number, plan.issued_on,
             timezone.localdate(plan.submitted_at), plan.get_state_display(), plan.decided_on, plan.return_reason]
            for plan in plans]
    return [("实施方案", [f"实施方案备案（{region.name}，{day:%Y年%m月%d日}）"], [PLANS_HEADER, *rows])]
