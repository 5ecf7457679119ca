"""退休人员社会化管理: enterprise retirees managed where they live (their employer's data and pension as given), the
transfer of their files to the community, activities and visits, deaths. Owned by the retirees part."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.residents.models import Person

__all__ = ["Retiree", "RetireeState"]


class RetireeState(models.TextChoices):
    MANAGED = "managed", _("社会化管理")
    NOT_MANAGED = "not_managed", _("未纳入社会化管理")  # registered, files not yet with the community
    MOVED_OUT = "moved_out", _("已迁出")
    DIED = "died", _("已死亡")


class Retiree(models.Model):
    """An enterprise retiree living in the village (region_code), with the pension as the paying body gives it."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="retiree_records")
    region_code = models.CharField(_("居住地"), max_length=CODE_LENGTH)
    employer_name = models.CharField(_("原工作单位"), max_length=100)
    employer_code = models.CharField(_("原单位统一社会信用代码"), max_length=18, blank=True, default="")
    retired_on = models.DateField(_("退休日期"))
    pension_amount = models.DecimalField(_("月养老金（元，按发放机构提供）"), max_digits=10, decimal_places=2)
    state = models.CharField(_("状态"), max_length=12, choices=RetireeState.choices, default=RetireeState.NOT_MANAGED)
    managed_since = models.DateField(_("纳入社会化管理日期"), null=True, blank=True)
    files_received_on = models.DateField(_("档案移交社区日期"), null=True, blank=True)
    died_on = models.DateField(_("死亡日期"), null=True, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("企业退休人员")
        verbose_name_plural = _("企业退休人员")
        indexes = [models.Index(fields=["region_code", "state"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_retiree_region_code_format"),
            constraints.one_of("state", RetireeState, name="pensions_retiree_state_valid"),
            models.CheckConstraint(condition=models.Q(pension_amount__gte=0), name="pensions_retiree_pension_not_negative"),
            models.UniqueConstraint(fields=["person"], condition=models.Q(state__in=["managed", "not_managed"]),
                                    name="pensions_retiree_one_standing_per_person"),
        ]

    def __str__(self):
        return f"{self.person} {self.employer_name}"


scoping.register(Retiree)
