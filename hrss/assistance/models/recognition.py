"""就业困难人员认定: a person's application reviewed up a chain (village intake → township review → 公示 → county
approval; hrss/assistance/recognition/chains.py), the public notice's objections, the reviews of continuing
eligibility and the exit. The categories are dated configuration (hrss/assistance/recognition/categories.py): a
recognition stores the category's code."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH, ReviewCase
from hrss.residents.models import Person

__all__ = ["EligibilityReview", "ExitReason", "Objection", "Recognition", "RecognitionStatus"]


class RecognitionStatus(models.TextChoices):
    IN_REVIEW = "in_review", _("审核中")  # village, township, 公示 or county: the case says where
    RECOGNISED = "recognised", _("已认定")
    REFUSED = "refused", _("未认定")  # refused or withdrawn on the chain
    EXITED = "exited", _("已退出")


class ExitReason(models.TextChoices):
    STABLE_WORK = "stable_work", _("实现稳定就业")
    MOVED_AWAY = "moved_away", _("迁出本地")
    RETIREMENT = "retirement", _("达到法定退休年龄")
    REFUSED_ASSISTANCE = "refused_assistance", _("无正当理由拒绝援助")
    EXPIRED = "expired", _("认定有效期届满")
    NOT_ELIGIBLE = "not_eligible", _("复核不再符合条件")
    DIED = "died", _("死亡")
    OTHER = "other", _("其他")


class Recognition(models.Model):
    """One application for recognition as a 就业困难人员 and, once the county approves, the recognition itself: valid
    from `recognised_on` to `valid_until`, reviewed for continuing eligibility, ended by an exit."""

    person = models.ForeignKey(Person, verbose_name=_("申请人"), on_delete=models.PROTECT,
                               related_name="difficulty_recognitions")
    region_code = models.CharField(_("受理村(社区)"), max_length=CODE_LENGTH)
    case = models.OneToOneField(ReviewCase, on_delete=models.PROTECT, related_name="difficulty_recognition")
    number = models.CharField(_("认定编号"), max_length=30, unique=True)
    applied_on = models.DateField(_("申请日期"))
    category = models.CharField(_("援助对象类别"), max_length=40)  # a code of categories.py, in force on applied_on
    documents = models.JSONField(_("已验材料"), default=list)
    circumstances = models.CharField(_("困难情况"), max_length=300, blank=True, default="")
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    status = models.CharField(_("状态"), max_length=12, choices=RecognitionStatus.choices,
                              default=RecognitionStatus.IN_REVIEW)
    # 公示: set when the township's review passes; the county approves only after notice_until, with no objection open.
    notice_from = models.DateField(_("公示开始"), null=True, blank=True)
    notice_until = models.DateField(_("公示截止"), null=True, blank=True)
    notice_place = models.CharField(_("公示地点"), max_length=100, blank=True, default="")
    recognised_on = models.DateField(_("认定日期"), null=True, blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    next_review_on = models.DateField(_("下次复核日期"), null=True, blank=True)
    exited_on = models.DateField(_("退出日期"), null=True, blank=True)
    exit_reason = models.CharField(_("退出原因"), max_length=20, choices=ExitReason.choices, blank=True, default="")
    exit_note = models.CharField(_("退出说明"), max_length=200, blank=True, default="")
    applied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    applied_at = models.DateTimeField(_("受理时间"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("就业困难人员认定")
        verbose_name_plural = _("就业困难人员认定")
        indexes = [models.Index(fields=["region_code", "status"]), models.Index(fields=["status", "valid_until"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_recognition_region_code_format"),
            constraints.one_of("status", RecognitionStatus, name="assistance_recognition_status_valid"),
            constraints.one_of("exit_reason", ExitReason, blank=True, name="assistance_recognition_exit_reason_valid"),
            models.CheckConstraint(condition=models.Q(notice_until__isnull=True)
                                   | models.Q(notice_until__gte=models.F("notice_from")),
                                   name="assistance_recognition_notice_period_valid"),
            models.CheckConstraint(condition=~models.Q(status="recognised")
                                   | models.Q(recognised_on__isnull=False, valid_until__isnull=False),
                                   name="assistance_recognition_recognised_has_dates"),
            models.CheckConstraint(condition=~models.Q(status="exited")
                                   | (models.Q(exited_on__isnull=False) & ~models.Q(exit_reason="")),
                                   name="assistance_recognition_exit_has_reason"),
            # One standing recognition (in review or recognised) per person.
            models.UniqueConstraint(fields=["person"], condition=models.Q(status__in=["in_review", "recognised"]),
                                    name="assistance_recognition_one_standing_per_person"),
        ]

    def __str__(self):
        return f"{self.person.name} 就业困难人员认定 {self.number}"


scoping.register(Recognition)


class Objection(models.Model):
    """An objection raised during the public notice (公示异议): it stops the case until it is resolved (upheld: the
    township refuses or returns the case; dismissed: the case goes on)."""

    recognition = models.ForeignKey(Recognition, on_delete=models.CASCADE, related_name="objections")
    region_code = models.CharField(max_length=CODE_LENGTH)
    raised_on = models.DateField(_("提出日期"))
    raised_by = models.CharField(_("异议人"), max_length=50, blank=True, default="")  # may be anonymous
    content = models.CharField(_("异议内容"), max_length=500)
    resolved_on = models.DateField(_("处理日期"), null=True, blank=True)
    upheld = models.BooleanField(_("异议成立"), null=True, blank=True)
    resolution = models.CharField(_("核实处理情况"), max_length=500, blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        verbose_name = _("公示异议")
        verbose_name_plural = _("公示异议")
        constraints = [
            constraints.digits("region_code", 12, name="assistance_objection_region_code_format"),
            models.CheckConstraint(condition=models.Q(resolved_on__isnull=True, upheld__isnull=True)
                                   | models.Q(resolved_on__isnull=False, upheld__isnull=False),
                                   name="assistance_objection_resolution_complete"),
        ]

    def __str__(self):
        return f"公示异议 {self.raised_on:%Y-%m-%d}"


scoping.register(Objection)


class EligibilityReview(models.Model):
    """A review of continuing eligibility (资格复核) of a recognised person: still eligible (the next review is set),
    or not (the recognition exits as not_eligible)."""

    recognition = models.ForeignKey(Recognition, on_delete=models.CASCADE, related_name="reviews")
    region_code = models.CharField(max_length=CODE_LENGTH)
    reviewed_on = models.DateField(_("复核日期"))
    still_eligible = models.BooleanField(_("仍符合条件"))
    note = models.CharField(_("复核情况"), max_length=300, blank=True, default="")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("资格复核")
        verbose_name_plural = _("资格复核")
        constraints = [constraints.digits("region_code", 12, name="assistance_eligibilityreview_region_code_format")]

    def __str__(self):
        return f"资格复核 {self.reviewed_on:%Y-%m-%d}"


scoping.register(EligibilityReview)
