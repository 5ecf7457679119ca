"""The funding part's rows of the scope sweep (merged in hrss/network/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here by 源城区's officer: the county's
match allocated to 下城社区's office and a disbursement of it, and 源城区's implementation plan (sent, not filed).
The forms that record (FUNDS) are tried by the neighbouring county's officer, who holds that permission; the
neighbouring village's assistant does not, and is refused before any region is looked at."""

from decimal import Decimal

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.network.funding import services
from hrss.network.models import FundAllocation, FundDisbursement, ImplementationPlan, Office

VILLAGE = "441602001003"  # 下城社区
COUNTY = "441602000000"  # 源城区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
FUNDS_HOLDER = ["neighbour_county_officer"]
DAY = "2026-01-01"


def objects(personas):
    carl = personas["county_officer"]
    today = timezone.localdate()
    village, county = Region.objects.get(code=VILLAGE), Region.objects.get(code=COUNTY)
    allocation = services.record_allocation(actor=carl, region=village, source="county", amount=Decimal("50000"),
                                            document_number="源人社〔2026〕901号", allocated_on=today, today=today)
    disbursement = services.record_disbursement(actor=carl, region=village, source="county", purpose="equipment",
                                                amount=Decimal("20000"), document_number="源人社〔2026〕902号",
                                                disbursed_on=today, today=today)
    plan = services.submit_plan(actor=carl, county=county, title="源城区平台建设实施方案", document_number="源人社〔2026〕903号",
                                issued_on=today, text="按八统一标准建设。", today=today)
    return {"funding_allocation": allocation, "funding_disbursement": disbursement, "funding_plan": plan}


def state():
    return [FundAllocation, FundDisbursement, ImplementationPlan, Office]


def _village():
    return Region.objects.get(code=VILLAGE)


ROUTE = {"outsiders": BOTH, "query": {}}
REGION = {"outsiders": BOTH, "lists_people": False}
ALLOCATION = {"region": VILLAGE, "source": "county", "amount": "1000", "document_number": "越权1",
              "allocated_on": DAY, "note": "越权"}
DISBURSEMENT = {"region": VILLAGE, "source": "county", "purpose": "equipment", "amount": "1000",
                "document_number": "越权2", "disbursed_on": DAY, "note": "越权"}

ROWS = SweepRows(
    list_routes={
        "network:funding-region": ROUTE,
        "network:funding-plans": ROUTE,
    },
    region_param_routes={
        "network:funding-region": REGION,
        "network:funding-plans": REGION,
    },
    object_routes={
        "network:funding-office": ({"code": VILLAGE}, BOTH, {}),
        "network:funding-plan": ({"pk": "funding_plan"}, BOTH, {}),
        "network:funding-plan-attachment": ({"pk": "funding_plan"}, BOTH, {}),
        "network:funding-plan-file": ({"pk": "funding_plan"}, BOTH, {}),
        "network:funding-plan-return": ({"pk": "funding_plan"}, BOTH, {"reason": "越权"}),
    },
    create_routes={
        "network:funding-allocation-new": (FUNDS_HOLDER, ALLOCATION),
        "network:funding-disbursement-new": (FUNDS_HOLDER, DISBURSEMENT),
        "network:funding-plan-new": (FUNDS_HOLDER, {"region": COUNTY, "title": "越权", "document_number": "越权3",
                                                    "issued_on": DAY, "text": "越权"}),
    },
    api_reads={
        "/api/v1/network/funds": {"params": {}, "query": {"region": VILLAGE}},
        "/api/v1/network/funds/offices/{code}": {"code": VILLAGE},
        "/api/v1/network/funds/plans": {"params": {}, "query": {"region": VILLAGE}},
        "/api/v1/network/funds/plans/{plan_id}": {"params": {"plan_id": "funding_plan"}, "insider": "county_officer"},
    },
    api_writes={
        "/api/v1/network/funds/allocations": ({}, {"region_code": VILLAGE, "source": "county", "amount": "1000",
                                                   "document_number": "越权1", "allocated_on": DAY}),
        "/api/v1/network/funds/disbursements": ({}, {"region_code": VILLAGE, "source": "county",
                                                     "purpose": "equipment", "amount": "1000",
                                                     "document_number": "越权2", "disbursed_on": DAY}),
        "/api/v1/network/funds/plans": ({}, {"region_code": COUNTY, "title": "越权", "document_number": "越权3",
                                             "issued_on": DAY, "text": "越权"}),
        "/api/v1/network/funds/plans/{plan_id}/file": ({"plan_id": "funding_plan"}, {}),
        "/api/v1/network/funds/plans/{plan_id}/return": ({"plan_id": "funding_plan"}, {"reason": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.record_allocation, lambda p: {
            "region": _village(), "source": "county", "amount": Decimal("1000"), "document_number": "越权1",
            "allocated_on": timezone.localdate()}),
        SweepWrite(services.record_disbursement, lambda p: {
            "region": _village(), "source": "county", "purpose": "equipment", "amount": Decimal("1000"),
            "document_number": "越权2", "disbursed_on": timezone.localdate()}),
        SweepWrite(services.submit_plan, lambda p: {
            "county": Region.objects.get(code=COUNTY), "title": "越权", "document_number": "越权3",
            "issued_on": timezone.localdate(), "text": "越权"}),
        SweepWrite(services.file_plan, lambda p: {"plan": ImplementationPlan.objects.get(pk=p["funding_plan"].pk)}),
        SweepWrite(services.return_plan, lambda p: {"plan": ImplementationPlan.objects.get(pk=p["funding_plan"].pk),
                                                    "reason": "越权"}),
    ],
    services=[services],
    not_swept={
        services.allocated_and_disbursed: "reads",
        services.pdf_problem: "reads (checks an upload's bytes)",
    },
)
