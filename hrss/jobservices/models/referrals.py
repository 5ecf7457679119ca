"""推荐就业: a seeker referred to a vacancy, and what came of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.jobservices.models.employers import Vacancy
from hrss.jobservices.models.seekers import JobSeeker

__all__ = ["Referral", "ReferralOutcome", "ReferralSequence"]


class ReferralOutcome(models.TextChoices):
    PENDING = "pending", _("待反馈")
    HIRED = "hired", _("已录用")
    NOT_HIRED = "not_hired", _("单位未录用")
    REFUSED_WITH_REASON = "refused_with_reason", _("本人有正当理由拒绝")
    REFUSED_WITHOUT_REASON = "refused_without_reason", _("本人无正当理由拒绝")
    NO_ANSWER = "no_answer", _("逾期未反馈")
    # Set by the system, not chosen: the seeker was hired through another referral while this one waited.
    CLOSED = "closed", _("求职人已就业，推荐终止")


class Referral(models.Model):
    """A referral (推荐) of a job seeker to a vacancy: the letter's number, the match at the time (score and
    reasons, kept as they were), the outcome due by `due_on`, and what the outcome led to."""

    Outcome = ReferralOutcome

    seeker = models.ForeignKey(JobSeeker, verbose_name=_("求职人"), on_delete=models.PROTECT, related_name="referrals")
    vacancy = models.ForeignKey(Vacancy, verbose_name=_("岗位"), on_delete=models.PROTECT, related_name="referrals")
    # The seeker's village: whose ledger and KPI the referral counts in.
    region_code = models.CharField(_("求职人所在村(社区)"), max_length=CODE_LENGTH)
    number = models.CharField(_("推荐信编号"), max_length=32, unique=True)
    referred_on = models.DateField(_("推荐日期"))
    due_on = models.DateField(_("反馈期限"))
    score = models.PositiveSmallIntegerField(_("匹配得分"), default=0)
    reasons = models.JSONField(_("匹配理由"), default=list)
    suitable = models.BooleanField(_("合适岗位"), default=False)  # the vacancy matched the seeker when referred
    outcome = models.CharField(_("结果"), max_length=24, choices=ReferralOutcome.choices,
                               default=ReferralOutcome.PENDING)
    outcome_on = models.DateField(_("结果日期"), null=True, blank=True)
    outcome_note = models.CharField(_("结果说明"), max_length=200, blank=True, default="")
    fair = models.ForeignKey("jobservices.JobFair", verbose_name=_("招聘会"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="referrals")
    employment_registration = models.ForeignKey("employment.EmploymentRegistration", null=True, blank=True,
                                                on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("推荐就业")
        verbose_name_plural = _("推荐就业")
        indexes = [models.Index(fields=["region_code", "referred_on"]), models.Index(fields=["outcome", "due_on"]),
                   models.Index(fields=["seeker", "referred_on"])]
        constraints = [
            # One referral of a seeker to a vacancy waits for its answer at a time.
            models.UniqueConstraint(fields=["seeker", "vacancy"], condition=models.Q(outcome="pending"),
                                    name="jobservices_referral_one_pending_per_seeker_and_vacancy"),
            models.CheckConstraint(condition=models.Q(outcome_on__isnull=True)
                                   | models.Q(outcome_on__gte=models.F("referred_on")),
                                   name="jobservices_referral_outcome_not_before_referral"),
            models.CheckConstraint(condition=models.Q(due_on__gte=models.F("referred_on")),
                                   name="jobservices_referral_due_after_referral"),
            constraints.digits("region_code", 12, name="jobservices_referral_region_code_format"),
            constraints.one_of("outcome", ReferralOutcome, name="jobservices_referral_outcome_valid"),
            models.CheckConstraint(
                condition=models.Q(outcome=ReferralOutcome.PENDING, outcome_on__isnull=True)
                | (~models.Q(outcome=ReferralOutcome.PENDING) & models.Q(outcome_on__isnull=False)),
                name="jobservices_referral_outcome_has_date"),
        ]

    def __str__(self):
        return f"{self.seeker.person.name} → {self.vacancy}"


scoping.register(Referral)


class ReferralSequence(models.Model):
    """The last letter number given out per county (of the seeker's village) and year: 推荐信编号
    TJ<county 6><year 4><sequence 5>. Incremented inside the referring transaction (a row lock on PostgreSQL, the
    single write lock on SQLite), so two officers referring at the same instant get different numbers."""

    county_code = models.CharField(max_length=6)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["county_code", "year"], name="jobservices_referralsequence_one_per_year"),
            constraints.digits("county_code", 6, name="jobservices_referralsequence_county_code_format"),
        ]

    def __str__(self):
        return f"{self.county_code} {self.year}: {self.last}"
