"""Models of the guidance and job-fairs part (职业指导, 招聘会). JobFair is named by referrals.Referral.fair."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["JobFair"]


class JobFair(models.Model):
    """A job fair (招聘会) held by a region's office on a day."""

    name = models.CharField(_("招聘会名称"), max_length=100)
    region_code = models.CharField(_("举办地"), max_length=CODE_LENGTH)
    held_on = models.DateField(_("举办日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("招聘会")
        verbose_name_plural = _("招聘会")
        indexes = [models.Index(fields=["region_code", "held_on"])]
        constraints = [constraints.digits("region_code", 12, name="jobservices_jobfair_region_code_format")]

    def __str__(self):
        return f"{self.held_on} {self.name}"


scoping.register(JobFair)
