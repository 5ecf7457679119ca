"""The promises part's models (服务规范（一次性告知、服务承诺、限时办结）): the 一次性告知 ledger, one row for each slip an
office gave a citizen whose documents were incomplete. The promised times and the checklists themselves are the
service catalogue's (core.catalogue); the cases measured against them are core's ReviewCases."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["NoticeSlip"]


class NoticeSlip(models.Model):
    """一次性告知书: what a citizen lacked for a service, told once and in full, printed for them and kept here. The
    service's name and the missing documents are copied as they were that day (the catalogue may change later)."""

    region_code = models.CharField(_("告知机构"), max_length=CODE_LENGTH)  # the office that gave it
    service_code = models.CharField(_("服务事项代码"), max_length=64)
    service_name = models.CharField(_("服务事项"), max_length=100)
    citizen_name = models.CharField(_("办事人姓名"), max_length=50)
    id_number = models.CharField(_("公民身份号码"), max_length=18, blank=True)
    missing = models.JSONField(_("缺少的材料"), default=list)  # the documents' names, in the checklist's order
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("告知人"))
    given_on = models.DateField(_("告知日期"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("一次性告知书")
        verbose_name_plural = _("一次性告知书")
        indexes = [models.Index(fields=["region_code", "given_on"])]
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="supervision_noticeslip_region_code_format"),
            constraints.id_number("id_number", blank=True, name="supervision_noticeslip_id_number_format"),
            models.CheckConstraint(condition=~models.Q(citizen_name=""),
                                   name="supervision_noticeslip_citizen_name_given"),
            models.CheckConstraint(condition=~models.Q(service_code=""),
                                   name="supervision_noticeslip_service_code_given"),
        ]

    def __str__(self):
        return f"一次性告知书：{self.citizen_name}（{self.service_name}）"

    @property
    def number(self):
        """The slip's number as printed: 告字 + the year + its id (a citizen quotes it when they come back)."""
        return f"告{self.given_on:%Y}-{self.pk:06d}"


scoping.register(NoticeSlip)
