"""Models of the guidance and job-fairs part: 职业指导 (a session's record: who, when, what advice, the next step)
and 招聘会 (a fair held by an office on a day, the vacancies offered there, who came). JobFair is named by
referrals.Referral.fair: a hire from a fair is a referral with its fair set, counted here, recorded there."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["GuidanceRecord", "GuidanceTopic", "NextStep", "JobFair", "FairVacancy", "FairAttendance"]


class GuidanceTopic(models.TextChoices):
    """What the session was about [believed: the usual headings of 职业指导 records; no source lists them]."""

    JOB_SEARCH = "job_search", _("求职方法")
    CAREER_CHOICE = "career_choice", _("职业选择")
    START_UP = "start_up", _("创业指导")
    POLICY = "policy", _("政策咨询")
    TRAINING = "training", _("技能培训建议")
    OTHER = "other", _("其他")


class NextStep(models.TextChoices):
    """What comes after the session [believed]."""

    NONE = "none", _("无需跟进")
    REFERRAL = "referral", _("推荐岗位")
    TRAINING = "training", _("参加培训")
    FAIR = "fair", _("参加招聘会")
    START_UP = "start_up", _("创业服务")
    FOLLOW_UP = "follow_up", _("再次指导")
    OTHER = "other", _("其他")


class GuidanceRecord(models.Model):
    """One 职业指导 session with a person: on `given_on`, by `advisor` (named as they were then), about `topic`,
    with the advice given and the next step. `region_code` is the person's village when it was given (KPI 3 counts
    the people with a service recorded); `office` is the region of the advisor's office, the one that may correct
    the record."""

    Topic = GuidanceTopic

    person = models.ForeignKey("residents.Person", verbose_name=_("指导对象"), on_delete=models.PROTECT,
                               related_name="guidance_records")
    region_code = models.CharField(_("所在村(社区)"), max_length=CODE_LENGTH)
    # The advisor's office (their region): a Region, not a code, so that it stays the same office when a
    # village's code changes (core.regions moves it in place).
    office = models.ForeignKey("core.Region", verbose_name=_("指导机构"), on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField(_("指导日期"))
    advisor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("指导人员"), on_delete=models.PROTECT,
                                related_name="+")
    advisor_name = models.CharField(_("指导人员姓名"), max_length=50)
    topic = models.CharField(_("指导内容"), max_length=16, choices=GuidanceTopic.choices)
    advice = models.CharField(_("指导意见"), max_length=500)
    next_step = models.CharField(_("下一步"), max_length=16, choices=NextStep.choices, default=NextStep.NONE)
    next_step_note = models.CharField(_("下一步说明"), max_length=200, blank=True, default="")
    next_on = models.DateField(_("下一步日期"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("职业指导记录")
        verbose_name_plural = _("职业指导记录")
        indexes = [models.Index(fields=["region_code", "given_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="jobservices_guidancerecord_region_code_format"),
            constraints.one_of("topic", GuidanceTopic, name="jobservices_guidancerecord_topic_valid"),
            constraints.one_of("next_step", NextStep, name="jobservices_guidancerecord_next_step_valid"),
            models.CheckConstraint(condition=~models.Q(advice=""), name="jobservices_guidancerecord_has_advice"),
            models.CheckConstraint(condition=models.Q(next_on__isnull=True) | models.Q(next_on__gte=models.F("given_on")),
                                   name="jobservices_guidancerecord_next_on_after_given_on"),
        ]

    def __str__(self):
        return f"{self.person.name} 职业指导 {self.given_on}"


scoping.register(GuidanceRecord)


class JobFair(models.Model):
    """A job fair (招聘会) held by a region's office on a day: the host region is the office's (a township, a county
    or the city). Employers take part through the vacancies they offer there (FairVacancy); registered visitors are
    FairAttendance rows, walk-ins a head count. A cancelled fair keeps its row with the date and reason."""

    name = models.CharField(_("招聘会名称"), max_length=100)
    region_code = models.CharField(_("举办地"), max_length=CODE_LENGTH)
    held_on = models.DateField(_("举办日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True, default="")
    walk_in_count = models.PositiveIntegerField(_("现场入场人数（未登记）"), default=0)
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    cancelled_on = models.DateField(_("取消日期"), null=True, blank=True)
    cancel_reason = models.CharField(_("取消原因"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("招聘会")
        verbose_name_plural = _("招聘会")
        indexes = [models.Index(fields=["region_code", "held_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="jobservices_jobfair_region_code_format"),
            # Cancelled has its date and reason; not cancelled has neither.
            models.CheckConstraint(
                condition=models.Q(cancelled_on__isnull=True, cancel_reason="")
                | (models.Q(cancelled_on__isnull=False) & ~models.Q(cancel_reason="")),
                name="jobservices_jobfair_cancelled_has_date_and_reason"),
        ]

    def __str__(self):
        return f"{self.held_on} {self.name}"

    @property
    def is_cancelled(self):
        return self.cancelled_on is not None


scoping.register(JobFair)


class FairVacancy(models.Model):
    """A vacancy offered at a fair (its employer takes part through it). Scoped by the fair's region."""

    fair = models.ForeignKey(JobFair, verbose_name=_("招聘会"), on_delete=models.CASCADE, related_name="offers")
    vacancy = models.ForeignKey("jobservices.Vacancy", verbose_name=_("岗位"), on_delete=models.PROTECT,
                                related_name="fair_offers")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("招聘会岗位")
        verbose_name_plural = _("招聘会岗位")
        constraints = [models.UniqueConstraint(fields=["fair", "vacancy"], name="jobservices_fairvacancy_once_per_fair")]

    def __str__(self):
        return f"{self.fair} · {self.vacancy}"


scoping.register(FairVacancy, code_field="fair__region_code")


class FairAttendance(models.Model):
    """A registered visitor of a fair (a person of the ledger). `region_code` is the person's village when they
    came, so a village's people at a township's fair are found from the village."""

    fair = models.ForeignKey(JobFair, verbose_name=_("招聘会"), on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey("residents.Person", verbose_name=_("参会人员"), on_delete=models.PROTECT,
                               related_name="fair_attendances")
    region_code = models.CharField(_("参会人员所在村(社区)"), max_length=CODE_LENGTH)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("招聘会参会登记")
        verbose_name_plural = _("招聘会参会登记")
        constraints = [
            models.UniqueConstraint(fields=["fair", "person"], name="jobservices_fairattendance_once_per_fair"),
            constraints.digits("region_code", 12, name="jobservices_fairattendance_region_code_format"),
        ]

    def __str__(self):
        return f"{self.person.name} @ {self.fair}"


scoping.register(FairAttendance)
