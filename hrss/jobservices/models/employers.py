"""用人单位 and 岗位 (vacancies): who offers work, and the work offered."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.residents.models import Education

__all__ = ["Employer", "Vacancy", "VacancyStatus", "SexRequirement"]


class Employer(models.Model):
    """An employer, belonging to the region where it is (`region_code`, a village or township code). Identified by
    its 统一社会信用代码 (GB 32100-2015) or, for one that only has the older code, its 组织机构代码 (GB 11714)."""

    name = models.CharField(_("单位名称"), max_length=100)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True, default="")
    org_code = models.CharField(_("组织机构代码"), max_length=9, blank=True, default="")
    region_code = models.CharField(_("所在地"), max_length=CODE_LENGTH)
    address = models.CharField(_("详细地址"), max_length=200, blank=True, default="")
    industry_code = models.CharField(_("行业（GB/T 4754-2017）"), max_length=4, blank=True, default="")
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True, default="")
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("用人单位")
        verbose_name_plural = _("用人单位")
        indexes = [models.Index(fields=["region_code", "name"])]
        constraints = [
            models.UniqueConstraint(fields=["uscc"], condition=~models.Q(uscc=""),
                                    name="jobservices_employer_one_per_uscc"),
            models.UniqueConstraint(fields=["org_code"], condition=models.Q(uscc="") & ~models.Q(org_code=""),
                                    name="jobservices_employer_one_per_org_code"),
            models.CheckConstraint(condition=~models.Q(uscc="", org_code=""),
                                   name="jobservices_employer_has_a_code"),
            constraints.digits("region_code", 12, name="jobservices_employer_region_code_format"),
        ]

    def __str__(self):
        return self.name

    @property
    def code(self):
        return self.uscc or self.org_code


scoping.register(Employer)


class VacancyStatus(models.TextChoices):
    OPEN = "open", _("招聘中")
    FILLED = "filled", _("已招满")
    CLOSED = "closed", _("已关闭")


class SexRequirement(models.TextChoices):
    """Only where the law allows it (就业促进法 art. 27; 女职工劳动保护特别规定's list of work forbidden to women):
    a requirement needs its legal reason (`sex_reason`)."""

    ANY = "", _("不限")
    MALE = "M", _("限男性")
    FEMALE = "F", _("限女性")


class Vacancy(models.Model):
    """A vacancy (岗位空缺): `headcount` places for one occupation, open from `opens_on` to `closes_on`, filled as
    hires are recorded; `region_code` is where the work is (which may differ from the employer's address)."""

    Status = VacancyStatus

    employer = models.ForeignKey(Employer, verbose_name=_("用人单位"), on_delete=models.PROTECT,
                                 related_name="vacancies")
    region_code = models.CharField(_("工作地点"), max_length=CODE_LENGTH)
    title = models.CharField(_("岗位名称"), max_length=100)
    # 职业分类大典 (2022) code at any level: "4", "4-01", "4-01-02" or "4-01-02-01".
    occupation_code = models.CharField(_("职业（职业分类大典）"), max_length=10)
    industry_code = models.CharField(_("行业（GB/T 4754-2017）"), max_length=4, blank=True, default="")
    wage_min = models.PositiveIntegerField(_("月薪下限（元）"), null=True, blank=True)
    wage_max = models.PositiveIntegerField(_("月薪上限（元）"), null=True, blank=True)
    headcount = models.PositiveSmallIntegerField(_("招聘人数"))
    hired = models.PositiveSmallIntegerField(_("已录用"), default=0)
    education_min = models.CharField(_("最低文化程度"), max_length=2, choices=Education.choices, blank=True,
                                     default="")
    age_min = models.PositiveSmallIntegerField(_("年龄下限"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("年龄上限"), null=True, blank=True)
    sex_required = models.CharField(_("性别要求"), max_length=1, choices=SexRequirement.choices, blank=True,
                                    default="")
    sex_reason = models.CharField(_("性别要求的法定依据"), max_length=200, blank=True, default="")
    description = models.CharField(_("岗位说明"), max_length=500, blank=True, default="")
    opens_on = models.DateField(_("开始招聘日期"))
    closes_on = models.DateField(_("截止日期"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=8, choices=VacancyStatus.choices, default=VacancyStatus.OPEN)
    closed_on = models.DateField(_("关闭日期"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")
        indexes = [
            models.Index(fields=["region_code", "status"]),
            models.Index(fields=["status", "occupation_code"]),
        ]
        constraints = [
            constraints.digits("region_code", 12, name="jobservices_vacancy_region_code_format"),
            constraints.one_of("status", VacancyStatus, name="jobservices_vacancy_status_valid"),
            constraints.one_of("sex_required", SexRequirement, name="jobservices_vacancy_sex_required_valid"),
            constraints.one_of("education_min", Education, blank=True, name="jobservices_vacancy_education_valid"),
            models.CheckConstraint(condition=models.Q(headcount__gte=1), name="jobservices_vacancy_headcount_positive"),
            models.CheckConstraint(condition=models.Q(hired__lte=models.F("headcount")),
                                   name="jobservices_vacancy_hired_within_headcount"),
            models.CheckConstraint(
                condition=models.Q(wage_min__isnull=True) | models.Q(wage_max__isnull=True)
                | models.Q(wage_min__lte=models.F("wage_max")), name="jobservices_vacancy_wage_range"),
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True) | models.Q(age_max__isnull=True)
                | models.Q(age_min__lte=models.F("age_max")), name="jobservices_vacancy_age_range"),
            # A sex requirement states its legal reason.
            models.CheckConstraint(condition=models.Q(sex_required="") | ~models.Q(sex_reason=""),
                                   name="jobservices_vacancy_sex_requirement_has_reason"),
            # Open has no closing date; filled and closed have theirs.
            models.CheckConstraint(
                condition=models.Q(status=VacancyStatus.OPEN, closed_on__isnull=True)
                | (~models.Q(status=VacancyStatus.OPEN) & models.Q(closed_on__isnull=False)),
                name="jobservices_vacancy_closed_has_date"),
        ]

    def __str__(self):
        return f"{self.employer.name} {self.title}"

    @property
    def places_left(self):
        return max(self.headcount - self.hired, 0)


scoping.register(Vacancy)
