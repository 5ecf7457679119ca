"""建设资金: the funding part's models. Money given to an office (an allocation, 下达) by one of three sources — the
province's subsidy (省补助), the county's matching funds (县配套), the city's reward (市以奖代补) — and the money paid
out of it (a disbursement, 拨付) for one purpose; and a county's implementation plan (实施方案) with its filing (备案)
by the city. Amounts are Decimal yuan. Each record carries the region_code of its office (or, for a plan, of its
county) and is scoped by it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.network.models.offices import Office

__all__ = ["FundAllocation", "FundDisbursement", "FundPurpose", "FundSource", "ImplementationPlan", "PlanState"]

AMOUNT = {"max_digits": 14, "decimal_places": 2}


class FundSource(models.TextChoices):
    PROVINCE = "province", _("省补助")
    COUNTY = "county", _("县配套")
    CITY = "city", _("市以奖代补")


class FundPurpose(models.TextChoices):
    INFRASTRUCTURE = "infrastructure", _("基础设施")
    EQUIPMENT = "equipment", _("设备购置")
    OPERATING = "operating", _("工作经费")


class FundAllocation(models.Model):
    """Money of one source allocated (下达) to one office by a document (文号) on a day."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="fund_allocations")
    region_code = models.CharField(_("服务机构所在区域"), max_length=CODE_LENGTH, db_index=True)
    source = models.CharField(_("资金来源"), max_length=10, choices=FundSource.choices)
    amount = models.DecimalField(_("金额（元）"), **AMOUNT)
    document_number = models.CharField(_("文号"), max_length=60)
    allocated_on = models.DateField(_("下达日期"))
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("建设资金下达")
        verbose_name_plural = _("建设资金下达")
        ordering = ["allocated_on", "pk"]
        constraints = [
            constraints.digits("region_code", 12, name="network_fundallocation_region_code_format"),
            constraints.one_of("source", FundSource, name="network_fundallocation_source_valid"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="network_fundallocation_amount_positive"),
            models.UniqueConstraint(fields=["office", "source", "document_number"],
                                    name="network_fundallocation_document_unique"),
        ]

    def __str__(self):
        return f"{self.get_source_display()} {self.document_number}"


class FundDisbursement(models.Model):
    """Money of one source paid out (拨付) to one office, for one purpose, by a document (文号) on a day."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="fund_disbursements")
    region_code = models.CharField(_("服务机构所在区域"), max_length=CODE_LENGTH, db_index=True)
    source = models.CharField(_("资金来源"), max_length=10, choices=FundSource.choices)
    purpose = models.CharField(_("用途"), max_length=16, choices=FundPurpose.choices)
    amount = models.DecimalField(_("金额（元）"), **AMOUNT)
    document_number = models.CharField(_("文号"), max_length=60)
    disbursed_on = models.DateField(_("拨付日期"))
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("建设资金拨付")
        verbose_name_plural = _("建设资金拨付")
        ordering = ["disbursed_on", "pk"]
        constraints = [
            constraints.digits("region_code", 12, name="network_funddisbursement_region_code_format"),
            constraints.one_of("source", FundSource, name="network_funddisbursement_source_valid"),
            constraints.one_of("purpose", FundPurpose, name="network_funddisbursement_purpose_valid"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="network_funddisbursement_amount_positive"),
            models.UniqueConstraint(fields=["office", "source", "purpose", "document_number"],
                                    name="network_funddisbursement_document_unique"),
        ]

    def __str__(self):
        return f"{self.get_source_display()}拨付 {self.document_number}"


class PlanState(models.TextChoices):
    SUBMITTED = "submitted", _("已报送待备案")
    FILED = "filed", _("已备案")
    RETURNED = "returned", _("已退回")


class ImplementationPlan(models.Model):
    """A county's 实施方案 sent to the city for filing (备案): its text or a PDF, then filed or returned with a
    reason. A returned plan stays as it was; the county sends a new one."""

    region_code = models.CharField(_("县(区)"), max_length=CODE_LENGTH, db_index=True)
    title = models.CharField(_("方案名称"), max_length=100)
    document_number = models.CharField(_("文号"), max_length=60)
    issued_on = models.DateField(_("印发日期"))
    text = models.TextField(_("方案正文"), blank=True)
    attachment = models.BinaryField(_("PDF 文件"), blank=True, default=b"", editable=False)
    attachment_name = models.CharField(_("文件名"), max_length=100, blank=True)
    state = models.CharField(_("备案状态"), max_length=10, choices=PlanState.choices, default=PlanState.SUBMITTED)
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("备案或退回日期"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    return_reason = models.CharField(_("退回原因"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("实施方案")
        verbose_name_plural = _("实施方案")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            constraints.digits("region_code", 12, name="network_implementationplan_region_code_format"),
            constraints.one_of("state", PlanState, name="network_implementationplan_state_valid"),
            models.CheckConstraint(condition=Q(state=PlanState.SUBMITTED) | Q(decided_on__isnull=False),
                                   name="network_implementationplan_decided_when_not_submitted"),
            models.CheckConstraint(condition=~Q(state=PlanState.RETURNED) | ~Q(return_reason=""),
                                   name="network_implementationplan_returned_has_reason"),
            models.UniqueConstraint(fields=["region_code", "document_number"],
                                    name="network_implementationplan_document_unique"),
        ]

    def __str__(self):
        return f"{self.title}（{self.document_number}）"


scoping.register(FundAllocation)
scoping.register(FundDisbursement)
scoping.register(ImplementationPlan)
