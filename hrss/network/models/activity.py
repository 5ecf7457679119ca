"""应用与联网 (the plan's 100% 应用/联网: every office uses the unified software): the activity part's models, a
precomputed table of each office's use of the platform per month, read from the audit log (activity/refresh.py),
so the pages never scan the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["ActivityWatermark", "OfficeActivity"]


class OfficeActivity(models.Model):
    """One office's month: the successful audit entries of the staff whose account belongs to the office's region
    (`entries`, a login included), the distinct records they wrote outside accounts and core (`cases`, 办理对象), and
    the time of the last of them. Rebuilt for the months the audit log has grown in since the last refresh."""

    region_code = models.CharField(_("服务机构所在区域"), max_length=CODE_LENGTH)
    month = models.DateField(_("月份"))  # its first day
    entries = models.PositiveIntegerField(_("操作次数"), default=0)
    cases = models.PositiveIntegerField(_("办理对象数"), default=0)
    last_at = models.DateTimeField(_("最近操作时间"))

    class Meta:
        verbose_name = _("服务机构月度使用情况")
        verbose_name_plural = _("服务机构月度使用情况")
        constraints = [
            models.UniqueConstraint(fields=["region_code", "month"], name="network_officeactivity_one_a_month"),
            constraints.digits("region_code", 12, name="network_officeactivity_region_code_format"),
        ]

    def __str__(self):
        return f"{self.region_code} {self.month:%Y-%m}"


scoping.register(OfficeActivity, historical=True)  # a month stays where its work was done


class ActivityWatermark(models.Model):
    """The one row saying how far OfficeActivity has read the audit log (the id of the last entry counted), and
    when a refresh was last asked for (a page asks once a minute at most)."""

    last_entry_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("使用情况统计进度")
        verbose_name_plural = _("使用情况统计进度")

    def __str__(self):
        return f"审计日志已统计至第 {self.last_entry_id} 条"
