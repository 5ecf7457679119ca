"""就业援助活动: the models of the campaigns part. A campaign (就业援助月, 春风行动 …) of a region, with its dates and a
target per measure; the work done in it is counted from the area's records (hrss/assistance/campaigns/measures.py),
never typed in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["Campaign"]


class Campaign(models.Model):
    name = models.CharField(_("活动名称"), max_length=50)
    region_code = models.CharField(_("活动区域"), max_length=CODE_LENGTH)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    targets = models.JSONField(_("目标"), default=dict)  # {measure code: a whole number}
    note = models.CharField(_("说明"), max_length=300, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("就业援助活动")
        verbose_name_plural = _("就业援助活动")
        indexes = [models.Index(fields=["region_code", "starts_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_campaign_region_code_format"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="assistance_campaign_dates_valid"),
        ]

    def __str__(self):
        return f"{self.name}（{self.starts_on:%Y-%m-%d}至{self.ends_on:%Y-%m-%d}）"


scoping.register(Campaign)
