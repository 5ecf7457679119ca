"""参保登记: a resident's enrolment in the residents' pension scheme (新农保, 城居保, since 2014 城乡居民基本养老保险), with
the documents seen and the yearly contribution tier chosen, and the employees' scheme (城镇职工基本养老保险) as given
(a person in it may not enrol). Owned by the enrolment part."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.residents.models import Person

__all__ = ["EmployeeSchemeRecord", "Enrolment", "EnrolmentEndReason", "EnrolmentState", "Scheme"]


class Scheme(models.TextChoices):
    RURAL = "nrps", _("新型农村社会养老保险")
    URBAN = "urps", _("城镇居民社会养老保险")
    MERGED = "crps", _("城乡居民基本养老保险")


class EnrolmentState(models.TextChoices):
    PENDING = "pending", _("待补齐材料")  # received, documents incomplete: not yet enrolled
    ACTIVE = "active", _("参保缴费")
    DRAWING = "drawing", _("领取待遇")  # the pension has started (benefits)
    TRANSFERRED = "transferred", _("已转出")
    TERMINATED = "terminated", _("已终止")


class EnrolmentEndReason(models.TextChoices):
    DEATH = "death", _("死亡")
    EMPLOYEES_SCHEME = "employees_scheme", _("转入城镇职工养老保险")
    EMIGRATED = "emigrated", _("出国(境)定居")
    TRANSFERRED = "transferred", _("户籍迁出，转移关系")
    OTHER = "other", _("其他")


class Enrolment(models.Model):
    """One person's enrolment where they are registered (region_code: the village). At most one enrolment of a person
    is pending, active or drawing at a time (constraint)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="pension_enrolments")
    region_code = models.CharField(_("参保地"), max_length=CODE_LENGTH)
    scheme = models.CharField(_("险种"), max_length=4, choices=Scheme.choices)
    tier = models.DecimalField(_("缴费档次（元/年）"), max_digits=10, decimal_places=2)
    state = models.CharField(_("状态"), max_length=12, choices=EnrolmentState.choices, default=EnrolmentState.ACTIVE)
    received_on = models.DateField(_("受理日期"))
    enrolled_on = models.DateField(_("参保日期"), null=True, blank=True)  # the day it was completed
    documents = models.JSONField(_("已收材料"), default=list)  # codes of schemes/rules.py's checklist
    # The day the last document of the checklist was handed in (the intake day when complete then): KPI 2 counts an
    # enrolment as done the same day when enrolled_on is this day.
    documents_complete_on = models.DateField(_("材料齐全日期"), null=True, blank=True)
    ended_on = models.DateField(_("终止日期"), null=True, blank=True)
    end_reason = models.CharField(_("终止原因"), max_length=20, choices=EnrolmentEndReason.choices, blank=True,
                                  default="")
    end_note = models.CharField(_("终止说明/转往地"), max_length=200, blank=True, default="")
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("参保登记")
        verbose_name_plural = _("参保登记")
        indexes = [models.Index(fields=["region_code", "state"]), models.Index(fields=["enrolled_on"]),
                   models.Index(fields=["region_code", "documents_complete_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_enrolment_region_code_format"),
            constraints.one_of("scheme", Scheme, name="pensions_enrolment_scheme_valid"),
            constraints.one_of("state", EnrolmentState, name="pensions_enrolment_state_valid"),
            models.CheckConstraint(condition=models.Q(tier__gt=0), name="pensions_enrolment_tier_positive"),
            models.UniqueConstraint(fields=["person"], condition=models.Q(state__in=["pending", "active", "drawing"]),
                                    name="pensions_enrolment_one_standing_per_person"),
            # Enrolled (active, drawing, or ended after it) means a day of enrolment; pending means none yet.
            models.CheckConstraint(condition=~models.Q(state="pending") | models.Q(enrolled_on__isnull=True),
                                   name="pensions_enrolment_pending_not_enrolled"),
            models.CheckConstraint(condition=~models.Q(state__in=["active", "drawing"])
                                   | models.Q(enrolled_on__isnull=False),
                                   name="pensions_enrolment_enrolled_has_day"),
            models.CheckConstraint(condition=~models.Q(state__in=["transferred", "terminated"])
                                   | models.Q(ended_on__isnull=False),
                                   name="pensions_enrolment_ended_has_day"),
        ]

    def __str__(self):
        return f"{self.person} {self.get_scheme_display()}"


scoping.register(Enrolment)


class EmployeeSchemeRecord(models.Model):
    """城镇职工基本养老保险 as given (by the employer, the tax office or the person): who is in the employees' scheme
    from when (and until when). Such a person may not enrol in the residents' scheme, and counts as insured."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="employee_scheme_records")
    region_code = models.CharField(_("所在村(社区)"), max_length=CODE_LENGTH)
    since = models.DateField(_("参保起始日期"))
    until = models.DateField(_("终止日期"), null=True, blank=True)
    employer_name = models.CharField(_("参保单位"), max_length=100, blank=True, default="")
    source = models.CharField(_("信息来源"), max_length=100, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("职工养老保险参保信息")
        verbose_name_plural = _("职工养老保险参保信息")
        constraints = [
            constraints.digits("region_code", 12, name="pensions_employeeschemerecord_region_code_format"),
            models.CheckConstraint(condition=models.Q(until__isnull=True) | models.Q(until__gte=models.F("since")),
                                   name="pensions_employeeschemerecord_period_valid"),
        ]


    def __str__(self):
        return f"{self.person} 职工养老保险"

scoping.register(EmployeeSchemeRecord)
