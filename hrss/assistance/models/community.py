"""充分就业社区: the models of the community part. An annual assessment of one urban community (居委会) against the
criteria in force for that year (hrss/assistance/community/rules.py): the figures computed from the ledger and the
area when it is recorded, the criteria checked by hand with a note, and the county's result (达标/未达标)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["AssessmentResult", "CommunityAssessment"]


class AssessmentResult(models.TextChoices):
    PENDING = "pending", _("待县(区)认定")
    MET = "met", _("达标")
    NOT_MET = "not_met", _("未达标")


class CommunityAssessment(models.Model):
    """One community's assessment for one year. `criteria` keeps, per criterion code in force for the year, what
    was found: {"name", "kind" ("computed"/"manual"), "value" (text shown), "met" (true/false/null: not computed),
    "note"}; recorded again (re-assessed) until the county decides."""

    region_code = models.CharField(_("社区"), max_length=CODE_LENGTH)
    year = models.PositiveSmallIntegerField(_("评估年度"))
    assessed_on = models.DateField(_("评估日期"))
    criteria = models.JSONField(_("评估指标"), default=dict)
    note = models.CharField(_("评估说明"), max_length=300, blank=True, default="")
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    result = models.CharField(_("评定结果"), max_length=10, choices=AssessmentResult.choices,
                              default=AssessmentResult.PENDING)
    decided_on = models.DateField(_("认定日期"), null=True, blank=True)
    decision_note = models.CharField(_("认定意见"), max_length=300, blank=True, default="")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("充分就业社区评估")
        verbose_name_plural = _("充分就业社区评估")
        indexes = [models.Index(fields=["year", "region_code"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_communityassessment_region_code_format"),
            constraints.one_of("result", AssessmentResult, name="assistance_communityassessment_result_valid"),
            models.UniqueConstraint(fields=["region_code", "year"],
                                    name="assistance_communityassessment_one_per_year"),
            models.CheckConstraint(condition=models.Q(result="pending", decided_on__isnull=True)
                                   | (~models.Q(result="pending") & models.Q(decided_on__isnull=False)),
                                   name="assistance_communityassessment_decision_has_date"),
        ]

    def __str__(self):
        return f"充分就业社区评估 {self.year}年度 {self.region_code}"


scoping.register(CommunityAssessment)
