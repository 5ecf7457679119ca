"""待遇领取: a resident's pension (basic pension + personal account ÷ divisor, worked out and shown with the dated rules
used), approved through the review chain and paid month by month; suspended, resumed with back pay, stopped at death
(with the overpayment to recover and the funeral grant). Owned by the benefits part."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH, ReviewCase
from hrss.pensions.models.enrolment import Enrolment
from hrss.residents.models import Person

__all__ = ["DeathReport", "PaymentKind", "Pension", "PensionPayment", "PensionRoll", "PensionState"]


class PensionState(models.TextChoices):
    IN_REVIEW = "in_review", _("审核中")
    PAYING = "paying", _("正常发放")
    SUSPENDED = "suspended", _("暂停发放")
    STOPPED = "stopped", _("终止发放")
    REFUSED = "refused", _("不予核定")


class Pension(models.Model):
    """One person's residents' pension, in the region where it is paid (the village; the roll is per county). The
    amounts are those approved; `calculation` holds the lines and rules shown to the user."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="pensions")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="pensions", null=True,
                                  blank=True)
    region_code = models.CharField(_("发放地"), max_length=CODE_LENGTH)
    # The award's review (village intake → township review → county approval, benefits/chains.py).
    case = models.OneToOneField(ReviewCase, on_delete=models.PROTECT, related_name="pension", null=True, blank=True)
    applied_on = models.DateField(_("申请日期"), null=True, blank=True)
    suspend_reason = models.CharField(_("暂停原因"), max_length=100, blank=True, default="")
    version = models.PositiveIntegerField(default=1)
    first_month = models.DateField(_("起领年月"))  # the first day of the month
    account_balance = models.DecimalField(_("个人账户储存额（元）"), max_digits=12, decimal_places=2)
    basic = models.DecimalField(_("基础养老金（元/月）"), max_digits=10, decimal_places=2)
    account_part = models.DecimalField(_("个人账户养老金（元/月）"), max_digits=10, decimal_places=2)
    total = models.DecimalField(_("月养老金（元）"), max_digits=10, decimal_places=2)
    calculation = models.JSONField(_("计算过程"), default=dict)
    state = models.CharField(_("状态"), max_length=10, choices=PensionState.choices, default=PensionState.IN_REVIEW)
    approved_on = models.DateField(_("核定日期"), null=True, blank=True)
    suspended_from = models.DateField(_("暂停起始年月"), null=True, blank=True)
    stopped_on = models.DateField(_("终止日期"), null=True, blank=True)
    stop_reason = models.CharField(_("终止原因"), max_length=100, blank=True, default="")
    died_on = models.DateField(_("死亡日期"), null=True, blank=True)
    overpaid = models.DecimalField(_("多发待追回（元）"), max_digits=12, decimal_places=2, default=0)
    funeral_grant = models.DecimalField(_("丧葬补助金（元）"), max_digits=12, decimal_places=2, default=0)
    inheritable = models.DecimalField(_("个人账户可继承余额（元）"), max_digits=12, decimal_places=2, default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("城乡居民养老保险待遇")
        verbose_name_plural = _("城乡居民养老保险待遇")
        indexes = [models.Index(fields=["region_code", "state"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_pension_region_code_format"),
            constraints.one_of("state", PensionState, name="pensions_pension_state_valid"),
            models.CheckConstraint(condition=models.Q(first_month__day=1), name="pensions_pension_first_month_day_one"),
            models.UniqueConstraint(fields=["person"], condition=models.Q(state__in=["in_review", "paying",
                                                                                     "suspended"]),
                                    name="pensions_pension_one_standing_per_person"),
        ]

    def __str__(self):
        return f"{self.person} {self.total}"


scoping.register(Pension)


class PaymentKind(models.TextChoices):
    REGULAR = "regular", _("按月发放")
    BACK_PAY = "back_pay", _("补发")
    RECOVERY = "recovery", _("追回")


class PensionPayment(models.Model):
    """One month's payment of a pension (a regular payment, back pay for a suspended month, or an amount recovered,
    negative), written when the month's roll is made."""

    pension = models.ForeignKey(Pension, on_delete=models.PROTECT, related_name="payments")
    region_code = models.CharField(max_length=CODE_LENGTH)
    month = models.DateField(_("所属年月"))
    kind = models.CharField(_("类别"), max_length=10, choices=PaymentKind.choices, default=PaymentKind.REGULAR)
    amount = models.DecimalField(_("金额（元）"), max_digits=10, decimal_places=2)
    paid_in = models.DateField(_("发放年月"))  # the roll it was paid in
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("养老金发放")
        verbose_name_plural = _("养老金发放")
        indexes = [models.Index(fields=["region_code", "paid_in"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_pensionpayment_region_code_format"),
            constraints.one_of("kind", PaymentKind, name="pensions_pensionpayment_kind_valid"),
            models.UniqueConstraint(fields=["pension", "month", "kind"], name="pensions_pensionpayment_once_a_month"),
        ]


    def __str__(self):
        return f"{self.month:%Y-%m} {self.amount}"


scoping.register(PensionPayment)


class PensionRoll(models.Model):
    """A county's monthly payment roll (发放名册), made once a month: its lines are the PensionPayments of the county
    paid in that month (regular payments written by the roll, back pay written at resumption)."""

    region_code = models.CharField(_("县(区)"), max_length=CODE_LENGTH)  # the county's 12-digit code
    month = models.DateField(_("发放年月"))  # the first day of the month
    made_on = models.DateField(_("制表日期"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("养老金发放名册")
        verbose_name_plural = _("养老金发放名册")
        constraints = [
            constraints.digits("region_code", 12, name="pensions_pensionroll_region_code_format"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="pensions_pensionroll_month_day_one"),
            models.UniqueConstraint(fields=["region_code", "month"], name="pensions_pensionroll_once_a_month"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m}"


scoping.register(PensionRoll)


class DeathReport(models.Model):
    """A death reported by the village (死亡报告): the pension, if any, is stopped, the enrolment ended and the other
    parts told (benefits.services.after_death). One a person."""

    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="pension_death_report")
    region_code = models.CharField(_("所在村(社区)"), max_length=CODE_LENGTH)
    died_on = models.DateField(_("死亡日期"))
    reported_on = models.DateField(_("报告日期"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("死亡报告")
        verbose_name_plural = _("死亡报告")
        constraints = [
            constraints.digits("region_code", 12, name="pensions_deathreport_region_code_format"),
            models.CheckConstraint(condition=models.Q(died_on__lte=models.F("reported_on")),
                                   name="pensions_deathreport_not_after_report"),
        ]

    def __str__(self):
        return f"{self.person} {self.died_on}"


scoping.register(DeathReport)
