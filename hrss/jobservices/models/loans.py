"""创业担保贷款 (小额担保贷款 before 2016): applications reviewed up a chain (village, township, county, guarantee
agency, bank), the loans the bank grants with their instalments and repayments, and the villages marked 信用社区.
The rules that change with time (names, limits, subsidy) are in hrss/jobservices/loans/rules.py."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH, ReviewCase
from hrss.residents.models import Person

__all__ = ["BorrowerKind", "Category", "CreditCommunity", "Document", "Instalment", "Loan", "LoanApplication",
           "Repayment", "RepaymentMethod"]


class Category(models.TextChoices):
    """Who may apply (申请人类别): the groups the national rules list, each from the date it was first listed."""

    REGISTERED_UNEMPLOYED = "registered_unemployed", _("城镇登记失业人员")
    HARD_TO_EMPLOY = "hard_to_employ", _("就业困难人员（含残疾人）")
    DISCHARGED_MILITARY = "discharged_military", _("复员转业退役军人")
    GRADUATE = "graduate", _("高校毕业生")
    RETURNING_MIGRANT = "returning_migrant", _("返乡创业农民工")
    RELEASED = "released", _("刑满释放人员")
    POOR = "poor", _("建档立卡贫困人口（脱贫人口）")
    ONLINE_MERCHANT = "online_merchant", _("网络商户经营者")
    RURAL_ENTREPRENEUR = "rural_entrepreneur", _("农村自主创业农民")


class Document(models.TextChoices):
    ID_CARD = "id_card", _("居民身份证")
    UNEMPLOYMENT_CERTIFICATE = "unemployment_certificate", _("就业失业登记证（就业创业证）")
    GRADUATION = "graduation", _("毕业证书")
    DISCHARGE = "discharge", _("退役证明")
    MIGRANT_PROOF = "migrant_proof", _("外出务工经历证明")
    DISABILITY = "disability", _("残疾人证或就业困难人员认定证明")
    RELEASE = "release", _("释放证明")
    POOR_PROOF = "poor_proof", _("建档立卡（脱贫人口）证明")
    BUSINESS_LICENCE = "business_licence", _("营业执照或经营许可")
    BUSINESS_PLAN = "business_plan", _("创业项目计划书")
    OTHER = "other", _("其他材料")


class BorrowerKind(models.TextChoices):
    INDIVIDUAL = "individual", _("个人创业")
    PARTNERSHIP = "partnership", _("合伙创业")
    SMALL_ENTERPRISE = "small_enterprise", _("小微企业")


class RepaymentMethod(models.TextChoices):
    EQUAL_INSTALMENTS = "equal_instalments", _("等额本息（按月）")
    INTEREST_MONTHLY = "interest_monthly", _("按月付息、到期还本")


class LoanApplication(models.Model):
    """A person's application, taken in by their village's assistant and reviewed up the chain (its ReviewCase:
    hrss/jobservices/loans/chains.py); the bank's approval grants the Loan."""

    person = models.ForeignKey(Person, verbose_name=_("申请人"), on_delete=models.PROTECT,
                               related_name="loan_applications")
    region_code = models.CharField(_("受理村(社区)"), max_length=CODE_LENGTH)
    case = models.OneToOneField(ReviewCase, on_delete=models.PROTECT, related_name="loan_application")
    applied_on = models.DateField(_("申请日期"))
    category = models.CharField(_("申请人类别"), max_length=24, choices=Category.choices)
    borrower_kind = models.CharField(_("贷款对象"), max_length=16, choices=BorrowerKind.choices)
    partners = models.PositiveSmallIntegerField(_("合伙人数"), default=1)
    business_name = models.CharField(_("经营实体名称"), max_length=100, blank=True, default="")
    project = models.CharField(_("创业项目"), max_length=200)
    micro_profit = models.BooleanField(_("微利项目"), default=False)
    amount = models.DecimalField(_("申请金额（元）"), max_digits=12, decimal_places=2)
    term_months = models.PositiveSmallIntegerField(_("申请期限（月）"))
    documents = models.JSONField(_("已验材料"), default=list)
    # The village was a 信用社区 on the application date: the guarantee agency may lend without a counter-guarantor.
    from_credit_community = models.BooleanField(_("信用社区"), default=False)
    guarantor = models.CharField(_("反担保人"), max_length=100, blank=True, default="")
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    applied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    applied_at = models.DateTimeField(_("受理时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("创业担保贷款申请")
        verbose_name_plural = _("创业担保贷款申请")
        indexes = [models.Index(fields=["region_code", "applied_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="jobservices_loanapplication_region_code_format"),
            constraints.one_of("category", Category, name="jobservices_loanapplication_category_valid"),
            constraints.one_of("borrower_kind", BorrowerKind, name="jobservices_loanapplication_borrower_kind_valid"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="jobservices_loanapplication_amount_positive"),
            models.CheckConstraint(condition=models.Q(term_months__gte=1),
                                   name="jobservices_loanapplication_term_positive"),
            models.CheckConstraint(condition=models.Q(partners__gte=1),
                                   name="jobservices_loanapplication_partners_positive"),
        ]

    def __str__(self):
        return f"{self.person.name} 创业担保贷款申请"


scoping.register(LoanApplication)


class Loan(models.Model):
    """The loan the bank granted on an application: its terms, the part of the rate the budget pays (贴息), and
    its instalments (Instalment) as scheduled at the grant."""

    application = models.OneToOneField(LoanApplication, on_delete=models.PROTECT, related_name="loan")
    person = models.ForeignKey(Person, verbose_name=_("借款人"), on_delete=models.PROTECT, related_name="loans")
    region_code = models.CharField(_("村(社区)"), max_length=CODE_LENGTH)
    name = models.CharField(_("贷款名称"), max_length=20)  # 小额担保贷款 or 创业担保贷款, by the application date
    principal = models.DecimalField(_("贷款金额（元）"), max_digits=12, decimal_places=2)
    annual_rate = models.DecimalField(_("年利率（%）"), max_digits=6, decimal_places=3)
    subsidised_rate = models.DecimalField(_("财政贴息利率（%）"), max_digits=6, decimal_places=3, default=0)
    term_months = models.PositiveSmallIntegerField(_("期限（月）"))
    start_date = models.DateField(_("放款日期"))
    method = models.CharField(_("还款方式"), max_length=20, choices=RepaymentMethod.choices)
    contract_number = models.CharField(_("借款合同编号"), max_length=50, blank=True, default="")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(_("录入时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("创业担保贷款")
        verbose_name_plural = _("创业担保贷款")
        indexes = [models.Index(fields=["region_code", "start_date"])]
        constraints = [
            constraints.digits("region_code", 12, name="jobservices_loan_region_code_format"),
            constraints.one_of("method", RepaymentMethod, name="jobservices_loan_method_valid"),
            models.CheckConstraint(condition=models.Q(principal__gt=0), name="jobservices_loan_principal_positive"),
            models.CheckConstraint(condition=models.Q(term_months__gte=1), name="jobservices_loan_term_positive"),
            models.CheckConstraint(condition=models.Q(annual_rate__gte=0)
                                   & models.Q(subsidised_rate__gte=0)
                                   & models.Q(subsidised_rate__lte=models.F("annual_rate")),
                                   name="jobservices_loan_rates_valid"),
        ]

    def __str__(self):
        return f"{self.person.name} {self.name}"


scoping.register(Loan)


class Instalment(models.Model):
    """One scheduled instalment (hrss/jobservices/loans/schedule.py); `paid_amount` and `paid_on` (the day it was
    paid in full) follow the repayments, earliest instalment first."""

    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="instalments")
    number = models.PositiveSmallIntegerField(_("期数"))
    due_date = models.DateField(_("应还日期"))
    principal = models.DecimalField(_("应还本金"), max_digits=12, decimal_places=2)
    interest = models.DecimalField(_("应还利息"), max_digits=12, decimal_places=2)
    subsidy = models.DecimalField(_("应贴息"), max_digits=12, decimal_places=2)
    paid_amount = models.DecimalField(_("已还"), max_digits=12, decimal_places=2, default=0)
    paid_on = models.DateField(_("还清日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("还款计划")
        verbose_name_plural = _("还款计划")
        ordering = ["loan", "number"]
        indexes = [models.Index(fields=["paid_on", "due_date"])]
        constraints = [
            models.UniqueConstraint(fields=["loan", "number"], name="jobservices_instalment_one_per_number"),
            # Within half a fen: SQLite adds the two decimals as floats (2094.74 + 143.75 < 2238.49 there).
            models.CheckConstraint(condition=models.Q(paid_amount__gte=0)
                                   & models.Q(paid_amount__lte=models.F("principal") + models.F("interest")
                                              + Decimal("0.005")),
                                   name="jobservices_instalment_paid_within_due"),
        ]

    def __str__(self):
        return f"第{self.number}期 {self.due_date:%Y-%m-%d}"

    @property
    def total(self):
        return self.principal + self.interest


class Repayment(models.Model):
    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="repayments")
    paid_on = models.DateField(_("还款日期"))
    amount = models.DecimalField(_("还款金额（元）"), max_digits=12, decimal_places=2)
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("还款记录")
        verbose_name_plural = _("还款记录")
        ordering = ["paid_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="jobservices_repayment_amount_positive"),
        ]

    def __str__(self):
        return f"还款 {self.paid_on:%Y-%m-%d} {self.amount}"


class CreditCommunity(models.Model):
    """A village marked 信用社区 (信用村) from `marked_on` until revoked: its residents' applications may go without a
    counter-guarantor (the guarantee agency decides; the review shows the flag)."""

    region_code = models.CharField(_("村(社区)"), max_length=CODE_LENGTH)
    marked_on = models.DateField(_("评定日期"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("评定人"), on_delete=models.PROTECT,
                           related_name="+")
    note = models.CharField(_("说明"), max_length=200, blank=True, default="")
    revoked_on = models.DateField(_("撤销日期"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                   blank=True)
    revoke_note = models.CharField(_("撤销原因"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("信用社区")
        verbose_name_plural = _("信用社区")
        constraints = [
            constraints.digits("region_code", 12, name="jobservices_creditcommunity_region_code_format"),
            models.UniqueConstraint(fields=["region_code"], condition=models.Q(revoked_on__isnull=True),
                                    name="jobservices_creditcommunity_one_standing"),
            models.CheckConstraint(condition=models.Q(revoked_on__isnull=True)
                                   | models.Q(revoked_on__gte=models.F("marked_on")),
                                   name="jobservices_creditcommunity_revoked_after_marked"),
        ]

    def __str__(self):
        return f"信用社区 {self.region_code}"


scoping.register(CreditCommunity)
