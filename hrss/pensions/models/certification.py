"""领取待遇资格认证: the yearly campaign of a county or the city (its window, who started it, when the uncertified were
suspended) and one certification a subject a campaign: a resident pensioner (Pension, paying) or an enterprise
retiree (Retiree, managed), in the subject's village. The rows are made on demand, not at the start
(certification.services.ensure_rows): a subject without one is due. Owned by the certification part."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.pensions.models.benefits import Pension
from hrss.pensions.models.retirees import Retiree
from hrss.residents.models import Person

__all__ = ["Certification", "CertificationCampaign", "CertificationMethod", "CertificationState"]


class CertificationCampaign(models.Model):
    """One year's certification of a county or of the city (region_code): who is due is read live (every pension
    paying and retiree managed in the region, and whoever has a row), not fixed when it starts; after the window
    (closes_on) the uncertified are suspended once (`suspensions_done_on`), which gives each its row."""

    region_code = models.CharField(_("认证区域"), max_length=CODE_LENGTH)
    year = models.PositiveSmallIntegerField(_("认证年度"))
    opens_on = models.DateField(_("认证开始日期"))
    closes_on = models.DateField(_("认证截止日期"))
    note = models.CharField(_("说明"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(_("启动时间"), auto_now_add=True)
    suspensions_done_on = models.DateField(_("暂停未认证人员待遇日期"), null=True, blank=True)
    suspensions_done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                            null=True, blank=True)

    class Meta:
        verbose_name = _("领取待遇资格认证活动")
        verbose_name_plural = _("领取待遇资格认证活动")
        constraints = [
            constraints.digits("region_code", 12, name="pensions_certificationcampaign_region_code_format"),
            models.UniqueConstraint(fields=["region_code", "year"], name="pensions_certificationcampaign_one_a_year"),
            models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")),
                                   name="pensions_certificationcampaign_window_valid"),
            models.CheckConstraint(
                condition=models.Q(suspensions_done_on__isnull=True) | models.Q(suspensions_done_on__gt=models.F(
                    "closes_on")), name="pensions_certificationcampaign_suspensions_after_window"),
        ]

    def __str__(self):
        return f"{self.year}年度领取待遇资格认证（{self.opens_on:%Y-%m-%d}至{self.closes_on:%Y-%m-%d}）"


scoping.register(CertificationCampaign)


class CertificationState(models.TextChoices):
    DUE = "due", _("待认证")
    CERTIFIED = "certified", _("已认证")
    SUSPENDED = "suspended", _("未认证，已暂停")
    RESUMED = "resumed", _("已认证，已恢复")
    DIED = "died", _("已死亡")  # closed by a death reported through benefits: no longer due, never suspended


OPEN_STATES = (CertificationState.DUE, CertificationState.SUSPENDED)  # still waiting for the subject


class CertificationMethod(models.TextChoices):
    VISIT = "visit", _("上门认证")
    WINDOW = "window", _("窗口认证")
    RELATIVE = "relative", _("亲属证明")
    OTHER = "other", _("其他方式")


class Certification(models.Model):
    """One subject's certification in a campaign, in the subject's village: a resident pensioner's (pension) or an
    enterprise retiree's (retiree), exactly one of the two (constraint). `person` is the subject's, kept here so
    the village's list is searched by name and ID number without going through two tables."""

    # No index of their own for campaign and person: (campaign, region_code, state) and (person, campaign) lead
    # with them, and one index less is one less to fill when a suspension run inserts 300,000 rows.
    campaign = models.ForeignKey(CertificationCampaign, on_delete=models.PROTECT, related_name="certifications",
                                 db_index=False)
    region_code = models.CharField(_("所在村(社区)"), max_length=CODE_LENGTH)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="pension_certifications",
                               db_index=False)
    pension = models.ForeignKey(Pension, on_delete=models.PROTECT, related_name="certifications", null=True,
                                blank=True)
    retiree = models.ForeignKey(Retiree, on_delete=models.PROTECT, related_name="certifications", null=True,
                                blank=True)
    state = models.CharField(_("状态"), max_length=10, choices=CertificationState.choices,
                             default=CertificationState.DUE)
    method = models.CharField(_("认证方式"), max_length=10, choices=CertificationMethod.choices, blank=True,
                              default="")
    certified_on = models.DateField(_("认证日期"), null=True, blank=True)
    certified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                     blank=True)
    relative_name = models.CharField(_("证明亲属姓名"), max_length=50, blank=True, default="")
    relation = models.CharField(_("与本人关系"), max_length=20, blank=True, default="")
    reminded_on = models.DateField(_("最近提醒日期"), null=True, blank=True)
    suspended_on = models.DateField(_("暂停日期"), null=True, blank=True)
    suspended_from = models.DateField(_("暂停起始年月"), null=True, blank=True)  # the first day of a month
    back_pay = models.DecimalField(_("补发金额（元）"), max_digits=12, decimal_places=2, null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("领取待遇资格认证")
        verbose_name_plural = _("领取待遇资格认证")
        indexes = [models.Index(fields=["campaign", "region_code", "state"]),
                   models.Index(fields=["region_code", "state"]),
                   models.Index(fields=["person", "campaign"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_certification_region_code_format"),
            constraints.one_of("state", CertificationState, name="pensions_certification_state_valid"),
            models.CheckConstraint(condition=models.Q(method="") | models.Q(method__in=CertificationMethod.values),
                                   name="pensions_certification_method_valid"),
            models.CheckConstraint(
                condition=models.Q(pension__isnull=False, retiree__isnull=True)
                | models.Q(pension__isnull=True, retiree__isnull=False),
                name="pensions_certification_one_subject"),
            models.CheckConstraint(
                condition=models.Q(state__in=["due", "suspended", "died"])
                | models.Q(certified_on__isnull=False, certified_by__isnull=False) & ~models.Q(method=""),
                name="pensions_certification_certified_has_method"),
            models.CheckConstraint(condition=~models.Q(method="relative") | ~models.Q(relative_name=""),
                                   name="pensions_certification_relative_named"),
            models.UniqueConstraint(fields=["campaign", "pension"], condition=models.Q(pension__isnull=False),
                                    name="pensions_certification_pension_once"),
            models.UniqueConstraint(fields=["campaign", "retiree"], condition=models.Q(retiree__isnull=False),
                                    name="pensions_certification_retiree_once"),
        ]

    def __str__(self):
        return f"{self.person} {self.campaign.year}年度认证"

    @property
    def kind_label(self):
        return "城乡居民养老保险待遇" if self.pension_id else "企业退休人员"

    @property
    def kind_short(self):
        """The kind in a narrow column (a phone)."""
        return "居民养老金" if self.pension_id else "企业退休"


scoping.register(Certification)
