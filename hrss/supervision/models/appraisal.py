"""The appraisal part's models (考核). The month's figures are computed from the records each time; the one thing
stored is a county's locked month (AppraisalLock): the figures of every office of the county and of their staff as
they stood when the county published them, so that a later correction of a record does not change a published
result. Owned by the appraisal part."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["AppraisalLock"]


class AppraisalLock(models.Model):
    """A county's appraisal of one month, locked (锁定) and kept as it was: `offices` maps each office's code to its
    figures, `staff` each office's code to its staff members' rows (selectors.Figures as stored by services)."""

    region_code = models.CharField(_("县（区）"), max_length=CODE_LENGTH)
    month = models.DateField(_("月份"))  # its first day
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("锁定人"))
    locked_at = models.DateTimeField(_("锁定时间"), auto_now_add=True)
    offices = models.JSONField(_("各服务机构"), encoder=DjangoJSONEncoder)
    staff = models.JSONField(_("工作人员"), encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("考核锁定")
        verbose_name_plural = _("考核锁定")
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="supervision_appraisallock_region_code_format"),
            models.UniqueConstraint(fields=["region_code", "month"], name="supervision_appraisallock_one_per_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="supervision_appraisallock_month_first_day"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.region_code}"


# A published result stays where it was published: the county's code is not rewritten when a village moves.
scoping.register(AppraisalLock, historical=True)
