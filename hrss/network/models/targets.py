"""五个100%: the targets part's models. The figures of each target per region and month are kept as snapshots
(ADR 0003's way): one grouped count per measure, added up village → township → county → city, so a city's page
reads a few rows whatever the number of people."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["TargetSnapshot"]


class TargetSnapshot(models.Model):
    """One target's numerator and denominator for one region (a village or any region above it, its people added up)
    and one month, as counted on `as_of` (a month's figures change while its deadlines run: a job offer due in the
    next month), at `computed_at`. The root region's row is written for every target counted, even at 0 / 0, so a
    month that was computed is known from a region with no one to count. The numerator is not held below the
    denominator: an area's records that disagree (a person counted where the record, not the person, lives) show as
    more than 100% instead of stopping the whole computation."""

    region_code = models.CharField(_("区域代码"), max_length=CODE_LENGTH)
    month = models.DateField(_("月份"))  # the month's first day
    target = models.CharField(_("目标"), max_length=40)
    numerator = models.PositiveIntegerField(_("达标人数"))
    denominator = models.PositiveIntegerField(_("应统计人数"))
    as_of = models.DateField(_("统计截至日期"))
    computed_at = models.DateTimeField(_("计算时间"))

    class Meta:
        verbose_name = _("五个100%统计快照")
        verbose_name_plural = _("五个100%统计快照")
        constraints = [
            models.UniqueConstraint(fields=["region_code", "month", "target"],
                                    name="network_targetsnapshot_one_per_region_month_target"),
            constraints.digits("region_code", 12, name="network_targetsnapshot_region_code_format"),
        ]
        indexes = [models.Index(fields=["month", "target"])]

    def __str__(self):
        return f"{self.region_code} {self.month:%Y-%m} {self.target}: {self.numerator}/{self.denominator}"


scoping.register(TargetSnapshot)
