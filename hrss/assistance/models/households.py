"""零就业家庭: a case per urban household found with no one in work (from the ledger, a resident's application or a
report), verified by the village (or dismissed as not one), helped (assistance records), and cleared (动态清零) when a
member starts work, with the days it took. One open case a household. The definition is the ledger's
(hrss.residents.selectors.zero_employment_households); the target days are dated configuration
(hrss/assistance/households/rules.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.residents.models import Household, Person

__all__ = ["AssistanceKind", "HouseholdAssistance", "HouseholdCaseStatus", "HouseholdSource",
           "ZeroEmploymentHousehold"]


class HouseholdSource(models.TextChoices):
    LEDGER = "ledger", _("台账发现")
    APPLICATION = "application", _("居民申报")
    REPORTED = "reported", _("他人上报")


class HouseholdCaseStatus(models.TextChoices):
    FOUND = "found", _("待核实")
    VERIFIED = "verified", _("已核实，援助中")
    CLEARED = "cleared", _("已清零")
    DISMISSED = "dismissed", _("经核实不属于")


OPEN_STATUSES = (HouseholdCaseStatus.FOUND, HouseholdCaseStatus.VERIFIED)


class AssistanceKind(models.TextChoices):
    JOB_REFERRAL = "job_referral", _("推荐岗位")
    GUIDANCE = "guidance", _("职业指导")
    TRAINING = "training", _("技能培训")
    WELFARE_POST = "welfare_post", _("公益性岗位安置")
    BUSINESS = "business", _("创业扶持")
    VISIT = "visit", _("入户走访")
    OTHER = "other", _("其他")


class ZeroEmploymentHousehold(models.Model):
    household = models.ForeignKey(Household, verbose_name=_("家庭户"), on_delete=models.PROTECT,
                                  related_name="zero_employment_cases")
    region_code = models.CharField(_("所在村(社区)"), max_length=CODE_LENGTH)
    found_on = models.DateField(_("发现日期"))
    source = models.CharField(_("来源"), max_length=12, choices=HouseholdSource.choices)
    status = models.CharField(_("状态"), max_length=10, choices=HouseholdCaseStatus.choices,
                              default=HouseholdCaseStatus.FOUND)
    report_note = models.CharField(_("申报或上报情况"), max_length=300, blank=True, default="")
    found_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The village's check: verified (援助中) or dismissed (not a 零就业家庭, with the reason in verification_note).
    verified_on = models.DateField(_("核实日期"), null=True, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    verification_note = models.CharField(_("核实情况"), max_length=300, blank=True, default="")
    # Cleared: the day the member started work (not the day it was noticed), and the days it took from found_on.
    cleared_on = models.DateField(_("清零日期"), null=True, blank=True)
    cleared_member = models.ForeignKey(Person, verbose_name=_("实现就业的成员"), null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    days_to_clear = models.PositiveIntegerField(_("清零用时（天）"), null=True, blank=True)
    cleared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    cleared_by_scan = models.BooleanField(_("由台账比对清零"), default=False)
    clear_note = models.CharField(_("清零情况"), max_length=300, blank=True, default="")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("零就业家庭")
        verbose_name_plural = _("零就业家庭")
        indexes = [models.Index(fields=["region_code", "status"]), models.Index(fields=["status", "found_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_zeroemploymenthousehold_region_code_format"),
            constraints.one_of("status", HouseholdCaseStatus, name="assistance_zeroemploymenthousehold_status_valid"),
            constraints.one_of("source", HouseholdSource, name="assistance_zeroemploymenthousehold_source_valid"),
            # One open case (found or verified) a household.
            models.UniqueConstraint(fields=["household"], condition=models.Q(status__in=["found", "verified"]),
                                    name="assistance_zeroemploymenthousehold_one_open"),
            models.CheckConstraint(condition=models.Q(status="found") | models.Q(status="cleared")
                                   | models.Q(verified_on__isnull=False, verified_by__isnull=False),
                                   name="assistance_zeroemploymenthousehold_checked_has_date"),
            models.CheckConstraint(condition=~models.Q(status="dismissed") | ~models.Q(verification_note=""),
                                   name="assistance_zeroemploymenthousehold_dismissed_has_reason"),
            models.CheckConstraint(
                condition=(~models.Q(status="cleared") & models.Q(cleared_on__isnull=True, days_to_clear__isnull=True))
                | models.Q(status="cleared", cleared_on__isnull=False, cleared_member__isnull=False,
                           days_to_clear__isnull=False, cleared_on__gte=models.F("found_on")),
                name="assistance_zeroemploymenthousehold_cleared_complete"),
            models.CheckConstraint(condition=models.Q(verified_on__isnull=True)
                                   | models.Q(verified_on__gte=models.F("found_on")),
                                   name="assistance_zeroemploymenthousehold_verified_after_found"),
        ]

    def __str__(self):
        return f"零就业家庭 {self.household} {self.found_on:%Y-%m-%d}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def days_open(self, day):
        """Days from found_on to `day` (to cleared_on once cleared)."""
        if self.status == HouseholdCaseStatus.CLEARED:
            return self.days_to_clear
        return (day - self.found_on).days


scoping.register(ZeroEmploymentHousehold)


class HouseholdAssistance(models.Model):
    """What was done for a 零就业家庭 on a day (援助记录), and by whom."""

    case = models.ForeignKey(ZeroEmploymentHousehold, on_delete=models.CASCADE, related_name="records")
    region_code = models.CharField(max_length=CODE_LENGTH)
    done_on = models.DateField(_("援助日期"))
    kind = models.CharField(_("援助措施"), max_length=16, choices=AssistanceKind.choices)
    note = models.CharField(_("援助内容"), max_length=300)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("零就业家庭援助记录")
        verbose_name_plural = _("零就业家庭援助记录")
        constraints = [
            constraints.digits("region_code", 12, name="assistance_householdassistance_region_code_format"),
            constraints.one_of("kind", AssistanceKind, name="assistance_householdassistance_kind_valid"),
        ]

    def __str__(self):
        return f"{self.done_on:%Y-%m-%d} {self.get_kind_display()}"


scoping.register(HouseholdAssistance)
