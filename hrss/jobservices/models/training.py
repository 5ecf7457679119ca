"""职业培训: training wishes from the ledger (coded), courses, enrolments with attendance and the certificate gained,
and the training-subsidy claims (培训补贴) that go through a review chain. Enrolment's `person`, `region_code` and
`enrolled_on` are read by the referrals part's KPI 3 (a training counts as a service)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH, ReviewCase
from hrss.residents.models import Person

__all__ = ["CourseKind", "TrainingWish", "WishStatus", "Course", "Enrolment", "EnrolmentStatus", "CertificateKind",
           "SubsidyClaim", "SubsidyClaimLine"]


class CourseKind(models.TextChoices):
    SKILLS = "skills", _("技能培训")
    SYB = "syb", _("创业培训(SYB)")
    RURAL_TRANSFER = "rural_transfer", _("农村劳动力转移就业培训")
    OTHER = "other", _("其他培训")


class WishStatus(models.TextChoices):
    OPEN = "open", _("待培训")
    MET = "met", _("已培训")
    WITHDRAWN = "withdrawn", _("已撤销")


class TrainingWish(models.Model):
    """A person's training wish, coded: the occupation (职业分类大典, any level) and the kind of course wanted. Open
    until a completed course of that occupation and kind meets it (`met_by`) or the person no longer wants it."""

    Status = WishStatus

    person = models.ForeignKey(Person, verbose_name=_("人员"), on_delete=models.PROTECT, related_name="training_wishes")
    region_code = models.CharField(_("所在村(社区)"), max_length=CODE_LENGTH)
    occupation_code = models.CharField(_("意向培训职业（职业分类大典）"), max_length=10)
    kind = models.CharField(_("培训类型"), max_length=16, choices=CourseKind.choices)
    recorded_on = models.DateField(_("登记日期"))
    status = models.CharField(_("状态"), max_length=10, choices=WishStatus.choices, default=WishStatus.OPEN)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    met_by = models.ForeignKey("jobservices.Enrolment", verbose_name=_("满足该意愿的培训"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="wishes_met")
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("培训意愿")
        verbose_name_plural = _("培训意愿")
        indexes = [models.Index(fields=["region_code", "status"])]
        constraints = [
            constraints.digits("region_code", 12, name="jobservices_trainingwish_region_code_format"),
            constraints.one_of("kind", CourseKind, name="jobservices_trainingwish_kind_valid"),
            constraints.one_of("status", WishStatus, name="jobservices_trainingwish_status_valid"),
            models.UniqueConstraint(fields=["person", "occupation_code", "kind"], condition=models.Q(status="open"),
                                    name="jobservices_trainingwish_one_open_per_person_occupation_kind"),
            # Open has no closing date; met has its date and the enrolment; withdrawn its date.
            models.CheckConstraint(
                condition=models.Q(status=WishStatus.OPEN, closed_on__isnull=True, met_by__isnull=True)
                | models.Q(status=WishStatus.MET, closed_on__isnull=False, met_by__isnull=False)
                | models.Q(status=WishStatus.WITHDRAWN, closed_on__isnull=False, met_by__isnull=True),
                name="jobservices_trainingwish_closed_has_date"),
        ]

    def __str__(self):
        return f"{self.person.name} 培训意愿 {self.occupation_code}"


scoping.register(TrainingWish)


class Course(models.Model):
    """A training course (培训班) run by a region's office (`region_code`: the township or county, or a village
    where one runs it), given by a provider (培训机构) known by its 统一社会信用代码."""

    Kind = CourseKind

    name = models.CharField(_("培训班名称"), max_length=100)
    provider_name = models.CharField(_("培训机构"), max_length=100)
    provider_code = models.CharField(_("培训机构统一社会信用代码"), max_length=18, blank=True, default="")
    kind = models.CharField(_("培训类型"), max_length=16, choices=CourseKind.choices)
    occupation_code = models.CharField(_("培训职业（职业分类大典）"), max_length=10)
    region_code = models.CharField(_("举办地"), max_length=CODE_LENGTH)
    starts_on = models.DateField(_("开班日期"))
    ends_on = models.DateField(_("结业日期"))
    hours = models.PositiveSmallIntegerField(_("课时"))
    places = models.PositiveSmallIntegerField(_("名额"))
    free = models.BooleanField(_("免费培训"), default=True)
    fee = models.PositiveIntegerField(_("收费（元/人）"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("培训班")
        verbose_name_plural = _("培训班")
        indexes = [models.Index(fields=["region_code", "starts_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="jobservices_course_region_code_format"),
            constraints.one_of("kind", CourseKind, name="jobservices_course_kind_valid"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="jobservices_course_ends_after_start"),
            models.CheckConstraint(condition=models.Q(places__gte=1), name="jobservices_course_places_positive"),
            models.CheckConstraint(condition=models.Q(hours__gte=1), name="jobservices_course_hours_positive"),
            # A free course charges nothing; a paid one says what it charges.
            models.CheckConstraint(condition=models.Q(free=True, fee=0) | models.Q(free=False, fee__gt=0),
                                   name="jobservices_course_fee_matches_free"),
        ]

    def __str__(self):
        return self.name


scoping.register(Course)


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("在训")
    COMPLETED = "completed", _("已结业")
    DROPPED = "dropped", _("已退学")


class CertificateKind(models.TextChoices):
    QUALIFICATION = "qualification", _("职业资格证书")
    SKILL_LEVEL = "skill_level", _("职业技能等级证书")
    SPECIAL_ABILITY = "special_ability", _("专项职业能力证书")
    TRAINING = "training", _("培训合格证书")
    START_UP = "start_up", _("创业培训合格证书")


class Enrolment(models.Model):
    """A person's place on a course: attendance in hours, then completed (结业, with the certificate gained) or
    dropped. `region_code` is the person's village: whose ledger and KPIs the training counts in."""

    Status = EnrolmentStatus

    course = models.ForeignKey(Course, verbose_name=_("培训班"), on_delete=models.PROTECT, related_name="enrolments")
    person = models.ForeignKey(Person, verbose_name=_("学员"), on_delete=models.PROTECT, related_name="enrolments")
    region_code = models.CharField(_("学员所在村(社区)"), max_length=CODE_LENGTH)
    enrolled_on = models.DateField(_("报名日期"))
    wish = models.ForeignKey(TrainingWish, verbose_name=_("培训意愿"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="enrolments")
    attended_hours = models.PositiveSmallIntegerField(_("已参训课时"), default=0)
    status = models.CharField(_("状态"), max_length=10, choices=EnrolmentStatus.choices,
                              default=EnrolmentStatus.ENROLLED)
    completed_on = models.DateField(_("结业日期"), null=True, blank=True)
    dropped_on = models.DateField(_("退学日期"), null=True, blank=True)
    certificate_kind = models.CharField(_("证书类别"), max_length=16, choices=CertificateKind.choices, blank=True,
                                        default="")
    certificate_number = models.CharField(_("证书编号"), max_length=40, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("培训报名")
        verbose_name_plural = _("培训报名")
        indexes = [models.Index(fields=["region_code", "enrolled_on"]), models.Index(fields=["person", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="jobservices_enrolment_once_per_course"),
            constraints.digits("region_code", 12, name="jobservices_enrolment_region_code_format"),
            constraints.one_of("status", EnrolmentStatus, name="jobservices_enrolment_status_valid"),
            constraints.one_of("certificate_kind", CertificateKind, blank=True,
                               name="jobservices_enrolment_certificate_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(status=EnrolmentStatus.ENROLLED, completed_on__isnull=True,
                                   dropped_on__isnull=True, certificate_kind="")
                | models.Q(status=EnrolmentStatus.COMPLETED, completed_on__isnull=False, dropped_on__isnull=True)
                | models.Q(status=EnrolmentStatus.DROPPED, completed_on__isnull=True, dropped_on__isnull=False,
                           certificate_kind=""),
                name="jobservices_enrolment_status_dates"),
            # A certificate is named by its kind and its number together.
            models.CheckConstraint(condition=models.Q(certificate_kind="", certificate_number="")
                                   | (~models.Q(certificate_kind="") & ~models.Q(certificate_number="")),
                                   name="jobservices_enrolment_certificate_has_number"),
        ]

    def __str__(self):
        return f"{self.person.name} · {self.course.name}"


scoping.register(Enrolment)


class SubsidyClaim(models.Model):
    """A training-subsidy claim (培训补贴申领) for one course and its completed trainees (SubsidyClaimLine, each
    with the amount in force on the day the trainee completed), reviewed through its ReviewCase."""

    course = models.ForeignKey(Course, verbose_name=_("培训班"), on_delete=models.PROTECT, related_name="claims")
    region_code = models.CharField(_("受理地"), max_length=CODE_LENGTH)  # the course's
    case = models.OneToOneField(ReviewCase, on_delete=models.PROTECT, related_name="training_subsidy_claim")
    total = models.PositiveIntegerField(_("申领金额（元）"))
    prepared_on = models.DateField(_("申报日期"))
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("说明"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("培训补贴申领")
        verbose_name_plural = _("培训补贴申领")
        constraints = [constraints.digits("region_code", 12, name="jobservices_subsidyclaim_region_code_format")]

    def __str__(self):
        return f"{self.course.name} 培训补贴"


scoping.register(SubsidyClaim)


class SubsidyClaimLine(models.Model):
    """One trainee of a claim and the amount claimed for them."""

    claim = models.ForeignKey(SubsidyClaim, on_delete=models.CASCADE, related_name="lines")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="claim_lines")
    amount = models.PositiveIntegerField(_("补贴标准（元）"))

    class Meta:
        verbose_name = _("培训补贴明细")
        constraints = [models.UniqueConstraint(fields=["claim", "enrolment"],
                                               name="jobservices_subsidyclaimline_once_per_claim")]

    def __str__(self):
        return f"{self.enrolment} {self.amount}元"
