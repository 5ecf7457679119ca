"""灵活就业: the registration of a person's flexible work (灵活就业人员登记, domain-rules §3) with the village's
verification and its end, and the social-insurance subsidy for recognised 就业困难人员 in flexible work (灵活就业
社保补贴): an application reviewed up a chain (hrss/assistance/flexible/chains.py), then one period (a quarter) at a
time with the proof of payment and the subsidy for it.

The registration's kind of work is the residents' FlexibleForm (the ledger's own list), and it is made together with
the employment area's 就业登记 of kind 灵活就业 (the registration points at it): see hrss/assistance/flexible/
services.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH, ReviewCase
from hrss.residents.models import FlexibleForm, Person

__all__ = [
    "FlexibleEndReason",
    "FlexibleRegistration",
    "FlexibleSubsidy",
    "FlexibleSubsidyPeriod",
    "IncomeBand",
]


class IncomeBand(models.TextChoices):
    """Monthly income against the local minimum wage [believed: the bands the ledgers commonly use]."""

    BELOW_MINIMUM = "below_minimum", _("低于最低工资标准")
    UP_TO_DOUBLE = "up_to_double", _("最低工资标准1至2倍")
    ABOVE_DOUBLE = "above_double", _("最低工资标准2倍以上")


class FlexibleEndReason(models.TextChoices):
    HIRED = "hired", _("转为单位就业")
    STOPPED = "stopped", _("停止从业")
    MOVED_AWAY = "moved_away", _("迁出本地")
    RETIRED = "retired", _("达到法定退休年龄")
    OTHER = "other", _("其他")


class FlexibleRegistration(models.Model):
    """One period of a person's flexible work, from `started_on` until `ended_on`; verified by the village."""

    person = models.ForeignKey(Person, verbose_name=_("登记人员"), on_delete=models.PROTECT,
                               related_name="flexible_registrations")
    region_code = models.CharField(_("登记村(社区)"), max_length=CODE_LENGTH)
    # The employment area's 就业登记 of kind 灵活就业 made with this registration (the 就业登记台账's row).
    employment_registration = models.OneToOneField("employment.EmploymentRegistration", null=True, blank=True,
                                                   on_delete=models.PROTECT, related_name="+")
    form = models.CharField(_("灵活就业形式"), max_length=20, choices=FlexibleForm.choices)
    work = models.CharField(_("从事工作"), max_length=100)
    place = models.CharField(_("从业地点"), max_length=100)
    started_on = models.DateField(_("开始从业日期"))
    income_band = models.CharField(_("月收入"), max_length=16, choices=IncomeBand.choices)
    pays_insurance = models.BooleanField(_("以灵活就业人员身份参加社会保险"), default=False)
    registered_on = models.DateField(_("登记日期"))
    is_late = models.BooleanField(_("逾期登记"), default=False)  # past the days allowed after starting (rules.py)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    verified_on = models.DateField(_("核实日期"), null=True, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    verification_note = models.CharField(_("核实情况"), max_length=200, blank=True, default="")
    ended_on = models.DateField(_("终止日期"), null=True, blank=True)
    end_reason = models.CharField(_("终止原因"), max_length=12, choices=FlexibleEndReason.choices, blank=True,
                                  default="")
    end_note = models.CharField(_("终止说明"), max_length=200, blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("灵活就业登记")
        verbose_name_plural = _("灵活就业登记")
        indexes = [models.Index(fields=["region_code", "ended_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_flexibleregistration_region_code_format"),
            constraints.one_of("form", FlexibleForm, name="assistance_flexibleregistration_form_valid"),
            constraints.one_of("income_band", IncomeBand, name="assistance_flexibleregistration_income_band_valid"),
            constraints.one_of("end_reason", FlexibleEndReason, blank=True,
                               name="assistance_flexibleregistration_end_reason_valid"),
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True, end_reason="")
                                   | (models.Q(ended_on__isnull=False) & ~models.Q(end_reason="")
                                      & models.Q(ended_on__gte=models.F("started_on"))),
                                   name="assistance_flexibleregistration_end_valid"),
            models.CheckConstraint(condition=models.Q(verified_on__isnull=True, verified_by__isnull=True)
                                   | models.Q(verified_on__isnull=False, verified_by__isnull=False),
                                   name="assistance_flexibleregistration_verification_complete"),
            # One active flexible registration a person.
            models.UniqueConstraint(fields=["person"], condition=models.Q(ended_on__isnull=True),
                                    name="assistance_flexibleregistration_one_active_per_person"),
        ]

    def __str__(self):
        return f"{self.person.name} 灵活就业登记 {self.started_on:%Y-%m-%d}"

    @property
    def is_active(self):
        return self.ended_on is None


scoping.register(FlexibleRegistration)


class FlexibleSubsidy(models.Model):
    """An application for the 灵活就业社保补贴 and, once the county approves, the entitlement: from `subsidy_from`
    to `limit_until` (the dated maximum duration), stopped early when the registration ends (`stopped_on`)."""

    person = models.ForeignKey(Person, verbose_name=_("申请人"), on_delete=models.PROTECT,
                               related_name="flexible_subsidies")
    region_code = models.CharField(_("受理村(社区)"), max_length=CODE_LENGTH)
    registration = models.ForeignKey(FlexibleRegistration, on_delete=models.PROTECT, related_name="subsidies")
    recognition = models.ForeignKey("assistance.Recognition", on_delete=models.PROTECT,
                                    related_name="flexible_subsidies")
    case = models.OneToOneField(ReviewCase, on_delete=models.PROTECT, related_name="flexible_subsidy")
    applied_on = models.DateField(_("申请日期"))
    subsidy_from = models.DateField(_("补贴起始"))
    limit_until = models.DateField(_("补贴期限截止"))  # the maximum duration, by the rule of applied_on
    approved_on = models.DateField(_("批准日期"), null=True, blank=True)
    stopped_on = models.DateField(_("停止日期"), null=True, blank=True)
    stop_note = models.CharField(_("停止原因"), max_length=200, blank=True, default="")
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    applied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    applied_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("灵活就业社保补贴")
        verbose_name_plural = _("灵活就业社保补贴")
        indexes = [models.Index(fields=["region_code", "approved_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_flexiblesubsidy_region_code_format"),
            models.CheckConstraint(condition=models.Q(limit_until__gte=models.F("subsidy_from")),
                                   name="assistance_flexiblesubsidy_limit_after_start"),
        ]

    def __str__(self):
        return f"{self.person.name} 灵活就业社保补贴 {self.applied_on:%Y-%m-%d}"


scoping.register(FlexibleSubsidy)


class FlexibleSubsidyPeriod(models.Model):
    """One quarter of the subsidy: the contributions the person paid (the proof), the months they cover and the
    subsidy for them (rules.py, by the rule of the application date)."""

    subsidy = models.ForeignKey(FlexibleSubsidy, on_delete=models.PROTECT, related_name="periods")
    region_code = models.CharField(max_length=CODE_LENGTH)
    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(_("季度"))
    months = models.PositiveSmallIntegerField(_("缴费月数"))
    paid_amount = models.DecimalField(_("个人实缴社保费（元）"), max_digits=10, decimal_places=2)
    subsidy_amount = models.DecimalField(_("补贴金额（元）"), max_digits=10, decimal_places=2)
    proof = models.CharField(_("缴费凭证"), max_length=100, blank=True, default="")
    recorded_on = models.DateField(_("录入日期"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("灵活就业社保补贴期次")
        verbose_name_plural = _("灵活就业社保补贴期次")
        ordering = ["year", "quarter"]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_flexiblesubsidyperiod_region_code_format"),
            models.CheckConstraint(condition=models.Q(quarter__gte=1, quarter__lte=4),
                                   name="assistance_flexiblesubsidyperiod_quarter_valid"),
            models.CheckConstraint(condition=models.Q(months__gte=1, months__lte=3),
                                   name="assistance_flexiblesubsidyperiod_months_valid"),
            models.CheckConstraint(condition=models.Q(paid_amount__gt=0, subsidy_amount__gte=0)
                                   & models.Q(subsidy_amount__lte=models.F("paid_amount")),
                                   name="assistance_flexiblesubsidyperiod_amounts_valid"),
            models.UniqueConstraint(fields=["subsidy", "year", "quarter"],
                                    name="assistance_flexiblesubsidyperiod_one_per_quarter"),
        ]

    def __str__(self):
        return f"{self.year}年第{self.quarter}季度"


scoping.register(FlexibleSubsidyPeriod)
