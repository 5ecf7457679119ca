"""缴费: the payments of the residents' scheme as they arrive in files from the bank or the tax office (an import
each), matched to people by ID number and name, and what each year adds to the personal account (the individual's
payment, the government's subsidies, the collective's aid, the credited interest). Owned by the contributions part."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.pensions.models.enrolment import Enrolment
from hrss.residents.models import Person

__all__ = ["Contribution", "ContributionImport", "ContributionKind", "ImportStatus", "PaymentSource", "UnmatchedPayment"]


class PaymentSource(models.TextChoices):
    BANK = "bank", _("银行代扣")
    TAX = "tax", _("税务征收")
    WINDOW = "window", _("窗口缴费")


class ContributionKind(models.TextChoices):
    PERSONAL = "personal", _("个人缴费")
    SUBSIDY = "subsidy", _("政府缴费补贴")
    COLLECTIVE = "collective", _("集体补助")
    ARREARS = "arrears", _("补缴")
    INTEREST = "interest", _("记账利息")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("导入中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


class ContributionImport(models.Model):
    """One payment file: who imported it where, its content hash (the same file twice changes nothing), the rows
    read, matched and unmatched."""

    region_code = models.CharField(_("导入单位所在地"), max_length=CODE_LENGTH)
    source = models.CharField(_("来源"), max_length=8, choices=PaymentSource.choices)
    file_name = models.CharField(_("文件名"), max_length=200)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(_("状态"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    dry_run = models.BooleanField(_("试运行"), default=False)
    stored_path = models.CharField(max_length=300, blank=True, default="")  # the upload, until it is imported
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    rows_processed = models.PositiveIntegerField(default=0)
    matched = models.PositiveIntegerField(_("已匹配"), default=0)
    unmatched = models.PositiveIntegerField(_("未匹配"), default=0)
    duplicates = models.PositiveIntegerField(_("重复"), default=0)
    message = models.CharField(max_length=500, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("缴费文件导入")
        verbose_name_plural = _("缴费文件导入")
        constraints = [
            constraints.digits("region_code", 12, name="pensions_contributionimport_region_code_format"),
            constraints.one_of("source", PaymentSource, name="pensions_contributionimport_source_valid"),
            constraints.one_of("status", ImportStatus, name="pensions_contributionimport_status_valid"),
        ]
        indexes = [models.Index(fields=["sha256"])]


    def __str__(self):
        return self.file_name

scoping.register(ContributionImport)


class Contribution(models.Model):
    """One amount credited to a person's personal account for a year. A payment from a file is keyed by its source
    and the receipt number the file gives (source_ref), so the same row twice is one contribution."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="pension_contributions")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="contributions", null=True,
                                  blank=True)
    region_code = models.CharField(_("参保地"), max_length=CODE_LENGTH)
    year = models.PositiveSmallIntegerField(_("缴费年度"))
    kind = models.CharField(_("类别"), max_length=12, choices=ContributionKind.choices)
    amount = models.DecimalField(_("金额（元）"), max_digits=12, decimal_places=2)
    paid_on = models.DateField(_("到账日期"))
    source = models.CharField(_("来源"), max_length=8, choices=PaymentSource.choices, default=PaymentSource.BANK)
    source_ref = models.CharField(_("票据号"), max_length=40, blank=True, default="")
    import_file = models.ForeignKey(ContributionImport, on_delete=models.PROTECT, related_name="contributions",
                                    null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("缴费记录")
        verbose_name_plural = _("缴费记录")
        indexes = [models.Index(fields=["person", "year"]), models.Index(fields=["region_code", "year"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_contribution_region_code_format"),
            constraints.one_of("kind", ContributionKind, name="pensions_contribution_kind_valid"),
            constraints.one_of("source", PaymentSource, name="pensions_contribution_source_valid"),
            models.UniqueConstraint(fields=["source", "source_ref", "kind"], condition=~models.Q(source_ref=""),
                                    name="pensions_contribution_one_per_receipt"),
        ]


    def __str__(self):
        return f"{self.year} {self.get_kind_display()} {self.amount}"

scoping.register(Contribution)


class UnmatchedPayment(models.Model):
    """A payment row that names no person of the ledger, or a person whose name differs: reported, never applied."""

    import_file = models.ForeignKey(ContributionImport, on_delete=models.CASCADE, related_name="unmatched_rows")
    region_code = models.CharField(max_length=CODE_LENGTH)
    row = models.PositiveIntegerField(_("行号"))
    id_number = models.CharField(_("公民身份号码"), max_length=40)
    name = models.CharField(_("姓名"), max_length=50)
    amount = models.CharField(_("金额"), max_length=20)
    year = models.CharField(_("缴费年度"), max_length=10, blank=True, default="")
    paid_on = models.CharField(_("到账日期"), max_length=20, blank=True, default="")
    receipt = models.CharField(_("票据号/流水号"), max_length=40, blank=True, default="")
    kind = models.CharField(_("缴费类别"), max_length=12, blank=True, default="")
    reason = models.CharField(_("原因"), max_length=200)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                    blank=True)
    resolution = models.CharField(_("处理说明"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("未匹配缴费")
        verbose_name_plural = _("未匹配缴费")
        indexes = [models.Index(fields=["region_code", "resolved_at"])]
        constraints = [constraints.digits("region_code", 12, name="pensions_unmatchedpayment_region_code_format")]


    def __str__(self):
        return f"第{self.row}行 {self.name}"

scoping.register(UnmatchedPayment)
