"""The funding part's writes (建设资金): keyword-only, taking the actor, checking the permission (FUNDS) and the
scope and role before one transaction (a refusal's audit entry stays), one audit entry each. Bad input is a
ValidationError listing every reason in Chinese, and nothing is written.

Who records what:
- the province's subsidy (省补助) and the city's reward (市以奖代补): the city (市管理员). The province's document
  lists the subsidy of every county's offices and reaches the city first; one entry point keeps the figure a county's
  30% match is measured against out of the hands of the county it measures. The reward only for an office accepted
  (验收合格: the acceptance part's accepted_on) by the plan's milestone that covers it (the acceptance part's
  milestones: the central towns by 2011-12-31, every office by 2012-09-30).
- the county's matching funds (县配套): the county's staff (县(区)经办员、审批员).
- disbursements (拨付) of any source: the county's staff, who pay the offices, or the city; never more than what
  is left of that source's allocations to the office.
- the implementation plan (实施方案): the county sends it; the city files it (备案) or returns it with a reason.

A document number (文号) names one document of a county: the same document is not recorded twice for an office (and
source, and for a disbursement purpose), nor used for another kind of record or another source in the county."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.models import Level, Region
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.core.text import money
from hrss.network.acceptance import rules as acceptance_rules
from hrss.network.acceptance import selectors as acceptance
from hrss.network.funding import rules
from hrss.network.models import (
    FundAllocation,
    FundDisbursement,
    FundPurpose,
    FundSource,
    ImplementationPlan,
    Office,
    PlanState,
)
from hrss.network.offices.services import office_for
from hrss.network.permissions import FUNDS

CITY_ROLES = {Role.CITY_ADMIN}
COUNTY_ROLES = {Role.COUNTY_OFFICER, Role.COUNTY_APPROVER}
RECORDED_BY = {FundSource.PROVINCE: CITY_ROLES, FundSource.CITY: CITY_ROLES, FundSource.COUNTY: COUNTY_ROLES}
WHO_RECORDS = {FundSource.PROVINCE: "省补助由市级（市管理员）登记。", FundSource.CITY: "市以奖代补由市级（市管理员）登记。",
               FundSource.COUNTY: "县配套由本县(区)经办员或审批员登记。"}
OFFICE_LEVELS = (Level.TOWNSHIP, Level.VILLAGE)


# --- checks shared by the writes ---------------------------------------------------------------------------------


def _text_problem(value, label, limit, *, required=True):
    value = (value or "").strip()
    if required and not value:
        return f"请填写{label}。"
    if len(value) > limit:
        return f"{label}不超过{limit}字（现为{len(value)}字）。"
    return None


def _amount_problem(amount):
    if not isinstance(amount, Decimal) or not amount.is_finite():
        return "请填写金额（元），如 150000 或 150,000.00。"
    if amount <= 0:
        return f"金额应大于0元（现为{money(amount)}元）。"
    if amount != amount.quantize(Decimal("0.01")):
        return "金额最多到分（两位小数）。"
    if amount > rules.MAX_AMOUNT:
        return f"金额不超过{money(rules.MAX_AMOUNT)}元，请核对。"
    return None


def _date_problem(day, label, today):
    if not isinstance(day, datetime.date):
        return f"请填写{label}。"
    if day > today:
        return f"{label}不能晚于今天（{today:%Y-%m-%d}）。"
    if day < rules.RECORDS_FROM:
        return f"{label}不能早于{rules.RECORDS_FROM:%Y-%m-%d}。"
    return None


def _county_of(code):
    return Region.objects.get(code=scoping.ancestor_code(code, Level.COUNTY))


def _document_problem(*, county, document_number, kind, office=None, source="", purpose=""):
    """A document number already used in the county: as the same record (a duplicate), or for another kind of
    record or another source."""
    number = (document_number or "").strip()
    if not number:
        return None
    names = dict(FundSource.choices)
    allocations = scoping.within_region(FundAllocation.objects.filter(document_number=number), county)
    disbursements = scoping.within_region(FundDisbursement.objects.filter(document_number=number), county)
    plans = ImplementationPlan.objects.filter(region_code=county.code, document_number=number)
    if kind == "allocation":
        if allocations.filter(office=office, source=source).exists():
            return f"文号“{number}”已登记过本服务机构的{names[source]}下达，请勿重复登记。"
        other = allocations.exclude(source=source).first()
        if other is not None:
            return f"文号“{number}”在{county.name}已用于{other.get_source_display()}下达，一个文件只属于一个资金来源，请核对文号。"
        if disbursements.exists() or plans.exists():
            return f"文号“{number}”在{county.name}已用于{'资金拨付' if disbursements.exists() else '实施方案'}，请核对文号。"
    elif kind == "disbursement":
        if disbursements.filter(office=office, source=source, purpose=purpose).exists():
            return f"文号“{number}”已登记过本服务机构同一来源、同一用途的拨付，请勿重复登记。"
        other = disbursements.exclude(source=source).first()
        if other is not None:
            return f"文号“{number}”在{county.name}已用于{other.get_source_display()}的拨付，一个文件只属于一个资金来源，请核对文号。"
        if allocations.exists() or plans.exists():
            return f"文号“{number}”在{county.name}已用于{'资金下达' if allocations.exists() else '实施方案'}，请核对文号。"
    elif allocations.exists() or disbursements.exists() or plans.exists():
        return f"文号“{number}”在{county.name}已经使用过，请核对文号。"
    return None


def _office_for(region, actor, today):
    """The office of `region`, made the first time something is recorded for it (the offices part's office_for);
    called inside the write's transaction, so a refused write leaves no office behind."""
    return office_for(actor=actor, region=region, today=today)


def _office_problem(region):
    if region.level not in OFFICE_LEVELS:
        return "建设资金登记到乡镇(街道)服务所或村(社区)服务站，请选择乡镇(街道)或村(社区)。"
    if not region.is_active:
        return f"{region.name}已撤销，不能登记建设资金。"
    return None


def _reward_problem(region, today):
    """Why the city's reward (以奖代补) may not go to the office of `region`: not accepted (验收合格), or accepted after
    the plan's milestone that covers it (the acceptance part's milestones and its accepted_on). None when it may."""
    office = Office.objects.filter(region_code=region.code).first()
    accepted = acceptance.accepted_on(office) if office is not None else None
    if accepted is None:
        return (f"{region.name}服务机构尚未验收合格，不能登记市以奖代补：以奖代补只用于按期建成并经验收合格的服务机构，"
                "请在验收合格后再登记。")
    covering = [milestone for milestone in acceptance_rules.milestones_on(today)
                if acceptance.offices_due(milestone, today, Region.objects.filter(code=region.code))]
    if covering:
        milestone = min(covering, key=lambda milestone: milestone.due_on)
        if accepted > milestone.due_on:
            return (f"{region.name}服务机构于{accepted:%Y-%m-%d}验收合格，晚于{milestone.title}的完成期限"
                    f"{milestone.due_on:%Y-%m-%d}，不能登记市以奖代补：以奖代补只用于按期建成并经验收合格的服务机构。")
    return None


def allocated_and_disbursed(office, source):
    """(allocated, disbursed) of one source to `office`, in yuan."""
    allocated = office.fund_allocations.filter(source=source).aggregate(total=Sum("amount"))["total"] or Decimal(0)
    disbursed = office.fund_disbursements.filter(source=source).aggregate(total=Sum("amount"))["total"] or Decimal(0)
    return allocated, disbursed


# --- allocations (下达) ---------------------------------------------------------------------------------------------


def record_allocation(*, actor, region, source, amount, document_number, allocated_on, note="", today=None):
    """登记资金下达: `amount` yuan of `source` allocated to the office of `region` (a township or a village) by the
    document `document_number` on `allocated_on`. The city records the province's subsidy and its own reward (only
    for an office accepted), the county its matching funds."""
    today = today or timezone.localdate()
    check_permission(actor, FUNDS)
    action = "network.fund_allocation.record"
    check_acting_in(actor, region_code=region.code, action=action, message="只能登记本辖区服务机构的建设资金。")
    if source in RECORDED_BY and not set(actor.role_list) & RECORDED_BY[source]:
        audit.record_denied(actor=actor, action=action, region_code=region.code, note=f"source={source}")
        raise PermissionDenied(WHO_RECORDS[source])
    problems = []
    if source not in FundSource.values:
        problems.append(f"请选择资金来源（{'、'.join(map(str, FundSource.labels))}）。")
    problems.extend(problem for problem in (
        _office_problem(region), _amount_problem(amount), _text_problem(document_number, "文号", 60),
        _date_problem(allocated_on, "下达日期", today), _text_problem(note, "备注", 200, required=False)) if problem)
    if not problems:
        problem = _document_problem(county=_county_of(region.code), document_number=document_number,
                                    kind="allocation", office=Office.objects.filter(region_code=region.code).first(),
                                    source=source)
        if problem:
            problems.append(problem)
    if not problems and source == FundSource.CITY and (problem := _reward_problem(region, today)):
        problems.append(problem)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        office = _office_for(region, actor, today)
        allocation = FundAllocation.objects.create(
            office=office, region_code=region.code, source=source, amount=amount,
            document_number=document_number.strip(), allocated_on=allocated_on, note=(note or "").strip(),
            created_by=actor)
        audit.record(actor=actor, action="network.fund_allocation.recorded", target=allocation,
                     region_code=region.code,
                     after={"fund_source": source, "amount": amount, "document_number": allocation.document_number,
                            "allocated_on": allocated_on})
    return allocation


# --- disbursements (拨付) ------------------------------------------------------------------------------------------


def record_disbursement(*, actor, region, source, purpose, amount, document_number, disbursed_on, note="",
                        today=None):
    """登记资金拨付: `amount` yuan of `source` paid to the office of `region` for `purpose`, by the county's staff
    (or the city); refused when it is more than what is left of that source's allocations to the office."""
    today = today or timezone.localdate()
    check_permission(actor, FUNDS)
    check_acting_in(actor, region_code=region.code, action="network.fund_disbursement.record",
                    message="只能登记本辖区服务机构的资金拨付。", roles=COUNTY_ROLES | CITY_ROLES)
    problems = []
    if source not in FundSource.values:
        problems.append(f"请选择资金来源（{'、'.join(map(str, FundSource.labels))}）。")
    if purpose not in FundPurpose.values:
        problems.append(f"请选择用途（{'、'.join(map(str, FundPurpose.labels))}）。")
    problems.extend(problem for problem in (
        _office_problem(region), _amount_problem(amount), _text_problem(document_number, "文号", 60),
        _date_problem(disbursed_on, "拨付日期", today), _text_problem(note, "备注", 200, required=False)) if problem)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        office = _office_for(region, actor, today)
        office = Office.objects.select_for_update().get(pk=office.pk)  # one disbursement of an office at a time
        problem = _document_problem(county=_county_of(region.code), document_number=document_number,
                                    kind="disbursement", office=office, source=source, purpose=purpose)
        if problem:
            raise ValidationError([problem])
        allocated, disbursed = allocated_and_disbursed(office, source)
        left = allocated - disbursed
        if amount > left:
            label = FundSource(source).label
            raise ValidationError([
                f"{region.name}的{label}可拨付余额为{money(left)}元（已下达{money(allocated)}元，已拨付{money(disbursed)}元），"
                f"本次拨付{money(amount)}元超出余额。请核对金额，或先登记{label}的下达。"])
        disbursement = FundDisbursement.objects.create(
            office=office, region_code=region.code, source=source, purpose=purpose, amount=amount,
            document_number=document_number.strip(), disbursed_on=disbursed_on, note=(note or "").strip(),
            created_by=actor)
        audit.record(actor=actor, action="network.fund_disbursement.recorded", target=disbursement,
                     region_code=region.code,
                     after={"fund_source": source, "fund_purpose": purpose, "amount": amount,
                            "document_number": disbursement.document_number, "disbursed_on": disbursed_on,
                            "balance": left - amount})
    return disbursement


# --- the implementation plan (实施方案) and its filing (备案) ------------------------------------------------------


def pdf_problem(data):
    """Why `data` is not a PDF the city may open (None when it is): its size, its signature, its end, and no
    script or launched program inside."""
    if len(data) > rules.PDF_MAX_BYTES:
        return f"PDF 文件不超过{rules.PDF_MAX_LABEL}（现为{len(data) / 1024 / 1024:.1f} MB），请压缩后再上传。"
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        return "上传的文件不是 PDF（文件头或结尾不符），请上传 PDF 格式的实施方案。"
    lowered = data.lower()
    if any(marker in lowered for marker in (b"/javascript", b"/js ", b"/js(", b"/js<", b"/launch", b"/embeddedfile")):
        return "PDF 文件含有脚本、启动程序或嵌入文件，不能上传；请另存为普通 PDF 后再上传。"
    return None


def submit_plan(*, actor, county, title, document_number, issued_on, text="", attachment=b"",
                attachment_name="", today=None):
    """报送实施方案: the county's plan (its text, or a PDF, or both) sent to the city for filing. Refused while
    another plan of the county waits for the city."""
    today = today or timezone.localdate()
    check_permission(actor, FUNDS)
    check_acting_in(actor, region_code=county.code, action="network.implementation_plan.submit",
                    message="只能报送本县(区)的实施方案。", roles=COUNTY_ROLES)
    attachment = attachment or b""
    problems = []
    if county.level != Level.COUNTY:
        problems.append("实施方案由县(区)报送，请选择县(区)。")
    problems.extend(problem for problem in (
        _text_problem(title, "方案名称", 100), _text_problem(document_number, "文号", 60),
        _date_problem(issued_on, "印发日期", today), _text_problem(text, "方案正文", 20000, required=False),
        _text_problem(attachment_name, "文件名", 100, required=False)) if problem)
    if not (text or "").strip() and not attachment:
        problems.append("请上传实施方案的 PDF 文件，或填写方案正文。")
    if attachment:
        problems.extend(problem for problem in (pdf_problem(attachment),) if problem)
    if not problems:
        problems.extend(problem for problem in (
            _document_problem(county=county, document_number=document_number, kind="plan"),) if problem)
        if ImplementationPlan.objects.filter(region_code=county.code, state=PlanState.SUBMITTED).exists():
            problems.append("本县(区)已有报送待备案的实施方案，请等市级备案或退回后再报送。")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        plan = ImplementationPlan.objects.create(
            region_code=county.code, title=title.strip(), document_number=document_number.strip(),
            issued_on=issued_on, text=(text or "").strip(), attachment=attachment,
            attachment_name=(attachment_name or "").strip()[:100] if attachment else "", submitted_by=actor)
        audit.record(actor=actor, action="network.implementation_plan.submitted", target=plan,
                     region_code=county.code,
                     after={"title": plan.title, "document_number": plan.document_number, "issued_on": issued_on,
                            "attachment_bytes": len(attachment)})
    return plan


def _decide(*, actor, plan, action, done, state, reason="", today):
    check_permission(actor, FUNDS)
    check_acting_in(actor, region_code=plan.region_code, action=action,
                    message="实施方案由市级（市管理员）备案或退回。", roles=CITY_ROLES)
    with transaction.atomic():
        plan = ImplementationPlan.objects.select_for_update().get(pk=plan.pk)
        if plan.state != PlanState.SUBMITTED:
            raise ValidationError(f"该实施方案{plan.get_state_display()}，不能再备案或退回。")
        plan.state, plan.decided_on, plan.decided_by, plan.return_reason = state, today, actor, reason
        plan.save(update_fields=["state", "decided_on", "decided_by", "return_reason"])
        audit.record(actor=actor, action=done, target=plan,
                     region_code=plan.region_code, before={"plan_state": PlanState.SUBMITTED},
                     after={"plan_state": state, "return_reason": reason})
    return plan


def file_plan(*, actor, plan, today=None):
    """备案: the city records the county's plan filed."""
    return _decide(actor=actor, plan=plan, action="network.implementation_plan.file",
                   done="network.implementation_plan.filed", state=PlanState.FILED,
                   today=today or timezone.localdate())


def return_plan(*, actor, plan, reason, today=None):
    """退回: the city sends the plan back with the reason; the county sends a new one."""
    problem = _text_problem(reason, "退回原因", 500)
    if problem:
        check_permission(actor, FUNDS)  # an outsider is refused as such, not told about the reason
        check_acting_in(actor, region_code=plan.region_code, action="network.implementation_plan.return",
                        message="实施方案由市级（市管理员）备案或退回。", roles=CITY_ROLES)
        raise ValidationError([problem])
    return _decide(actor=actor, plan=plan, action="network.implementation_plan.return",
                   done="network.implementation_plan.returned", state=PlanState.RETURNED,
                   reason=reason.strip(), today=today or timezone.localdate())
