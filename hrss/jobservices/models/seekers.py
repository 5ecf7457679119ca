"""求职登记: a person in the ledger who is looking for work, and the work wanted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.residents.models import Person

__all__ = ["JobSeeker", "SeekerStatus", "Mobility", "WantedOccupation", "SeekerEndReason", "occupation_groups"]


class SeekerStatus(models.TextChoices):
    ACTIVE = "active", _("求职中")
    ENDED = "ended", _("已结束")


class SeekerEndReason(models.TextChoices):
    HIRED = "hired", _("已就业")
    WITHDRAWN = "withdrawn", _("本人不再求职")
    MOVED = "moved", _("迁出")
    OTHER = "other", _("其他")


class Mobility(models.TextChoices):
    """How far the seeker will go for work (转移就业 inside or outside the province)."""

    VILLAGE = "village", _("本村(社区)")
    TOWNSHIP = "township", _("本乡镇(街道)")
    COUNTY = "county", _("本县(区)")
    CITY = "city", _("本市")
    PROVINCE = "province", _("省内")
    ANYWHERE = "anywhere", _("省外也可")


class JobSeeker(models.Model):
    """One 求职登记 of a person: open (求职中) until they find work or stop looking. A person has at most one open
    registration. `not_selective` is the plan's 对工作不挑不拣 (the KPI 1 population); `registered_on` starts its
    10 working days."""

    Status = SeekerStatus

    person = models.ForeignKey(Person, verbose_name=_("求职人"), on_delete=models.PROTECT, related_name="job_seekings")
    region_code = models.CharField(_("登记村(社区)"), max_length=CODE_LENGTH)
    registered_on = models.DateField(_("求职登记日期"))
    wage_min = models.PositiveIntegerField(_("期望月薪下限（元）"), null=True, blank=True)
    mobility = models.CharField(_("愿意去的范围"), max_length=10, choices=Mobility.choices, default=Mobility.COUNTY)
    not_selective = models.BooleanField(_("对工作不挑不拣"), default=False)
    available_from = models.DateField(_("可上岗日期"), null=True, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    status = models.CharField(_("状态"), max_length=8, choices=SeekerStatus.choices, default=SeekerStatus.ACTIVE)
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    end_reason = models.CharField(_("结束原因"), max_length=10, choices=SeekerEndReason.choices, blank=True,
                                  default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("求职登记")
        verbose_name_plural = _("求职登记")
        indexes = [models.Index(fields=["region_code", "status"]), models.Index(fields=["status", "registered_on"])]
        constraints = [
            models.UniqueConstraint(fields=["person"], condition=models.Q(status="active"),
                                    name="jobservices_jobseeker_one_active_per_person"),
            constraints.digits("region_code", 12, name="jobservices_jobseeker_region_code_format"),
            constraints.one_of("status", SeekerStatus, name="jobservices_jobseeker_status_valid"),
            constraints.one_of("mobility", Mobility, name="jobservices_jobseeker_mobility_valid"),
            constraints.one_of("end_reason", SeekerEndReason, blank=True, name="jobservices_jobseeker_end_reason_valid"),
            models.CheckConstraint(
                condition=models.Q(status=SeekerStatus.ACTIVE, ended_on__isnull=True, end_reason="")
                | (models.Q(status=SeekerStatus.ENDED, ended_on__isnull=False) & ~models.Q(end_reason="")),
                name="jobservices_jobseeker_ended_has_date_and_reason"),
        ]

    def __str__(self):
        return f"{self.person.name} 求职登记"


scoping.register(JobSeeker)


def occupation_groups(code):
    """(大类, 中类, 小类) of a 职业分类大典 code at any level, "" below its own level: "4-02-06-01" ->
    ("4", "4-02", "4-02-06"); "4-02" -> ("4", "4-02", "")."""
    parts = code.split("-")
    return tuple("-".join(parts[:count]) if len(parts) >= count else "" for count in (1, 2, 3))


class WantedOccupation(models.Model):
    """An occupation a seeker wants (职业分类大典 code at any level), in the seeker's order of preference.

    For matching a vacancy against 200,000 seekers (seekers/matching.py), each row also carries its code's groups
    (`major` 大类, `mid` 中类, `minor` 小类: "" below the code's own level) and, copied from its seeker, the
    seeker's village and whether the registration is open: the seekers sharing a group with a vacancy near it are
    then one range of a partial index. The services keep the copies (register, update, end); the village follows
    region moves like every scoped code."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="wanted")
    occupation_code = models.CharField(_("意向职业"), max_length=10)
    rank = models.PositiveSmallIntegerField(_("顺序"), default=1)
    major = models.CharField(_("大类"), max_length=1)
    mid = models.CharField(_("中类"), max_length=4, blank=True, default="")
    minor = models.CharField(_("小类"), max_length=7, blank=True, default="")
    region_code = models.CharField(_("求职人所在村(社区)"), max_length=CODE_LENGTH)
    active = models.BooleanField(_("求职中"), default=True)

    class Meta:
        ordering = ["rank", "id"]
        indexes = [
            models.Index(fields=[field, "region_code"], condition=models.Q(active=True),
                         name=f"jobsvc_wanted_{short}_active")
            for field, short in (("occupation_code", "code"), ("minor", "minor"), ("mid", "mid"), ("major", "major"))
        ]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "occupation_code"],
                                    name="jobservices_wantedoccupation_once_per_seeker"),
            constraints.digits("region_code", 12, name="jobservices_wantedoccupation_region_code_format"),
        ]

    def __str__(self):
        return self.occupation_code


scoping.register(WantedOccupation)
