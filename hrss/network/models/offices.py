"""The offices part's models (服务机构): the 人力资源和社会保障服务所 of a township (乡镇/街道) and the 服务站 of a
village (村/社区), one per region, made on demand (the first time its page is opened or something is recorded for
it), never one per region up front.

Contract for the other parts: `Office` (region_code unique, level: the region's level, 3 township / 4 village;
`is_central_town` is read from the region). The parts below the office (staff, rooms, windows, equipment, photos)
are the offices part's own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["Office", "OfficeNature"]


class OfficeNature(models.TextChoices):
    """机构性质 [believed: the usual kinds of a township's 人社服务所 and a village's 服务站]."""

    PUBLIC_INSTITUTION = "public_institution", _("事业单位")
    ADMINISTRATIVE = "administrative", _("乡镇(街道)内设机构")
    ATTACHED = "attached", _("挂靠其他机构")
    PUBLIC_WELFARE_POST = "public_welfare_post", _("公益性岗位(服务站点)")
    OTHER = "other", _("其他")


class Office(models.Model):
    """A township's 服务所 or a village's 服务站 (its region_code)."""

    region_code = models.CharField(_("所在乡镇(街道)或村(社区)"), max_length=CODE_LENGTH, unique=True)
    nature = models.CharField(_("机构性质"), max_length=24, choices=OfficeNature.choices, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    hours = models.CharField(_("办公时间"), max_length=100, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        verbose_name = _("服务机构")
        verbose_name_plural = _("服务机构")
        constraints = [
            constraints.digits("region_code", 12, name="network_office_region_code_format"),
            constraints.one_of("nature", OfficeNature, name="network_office_nature_valid", blank=True),
        ]

    def __str__(self):
        return self.region_code


scoping.register(Office)
