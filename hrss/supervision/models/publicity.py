"""The publicity part's models (政策宣传): the publicity events an office holds (the 宣传活动台账: what policy, where,
when, how many reached, what materials), and the notices (通知) an office sends to the offices below it, with a
read receipt per receiving office (已阅)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["Notice", "NoticeReceipt", "PublicityEvent", "PublicityTopic"]


class PublicityTopic(models.TextChoices):
    SOCIAL_INSURANCE = "insurance", _("社会保险")
    RESIDENTS_PENSION = "pension", _("城乡居民养老保险")
    EMPLOYMENT = "employment", _("就业创业")
    TRAINING = "training", _("职业技能培训")
    LABOUR_RELATIONS = "labour", _("劳动关系与欠薪维权")
    INSPECTION = "inspection", _("劳动保障监察")
    CARD = "card", _("社会保障卡")
    OTHER = "other", _("其他")


class PublicityEvent(models.Model):
    """宣传活动: an event held by an office (region_code: a village, a township, a county or the city), on one
    policy topic (and its own words), at a place on a day, with the people reached and the materials handed out."""

    region_code = models.CharField(_("举办单位"), max_length=CODE_LENGTH)
    topic = models.CharField(_("宣传主题"), max_length=12, choices=PublicityTopic.choices)
    topic_detail = models.CharField(_("宣传内容"), max_length=200, blank=True, default="")
    place = models.CharField(_("地点"), max_length=100)
    held_on = models.DateField(_("活动日期"))
    people_reached = models.PositiveIntegerField(_("受众人数"))
    materials_count = models.PositiveIntegerField(_("发放资料（份）"), default=0)
    materials_description = models.CharField(_("资料说明"), max_length=200, blank=True, default="")
    organiser = models.CharField(_("组织者"), max_length=50)
    note = models.CharField(_("备注"), max_length=500, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("宣传活动")
        verbose_name_plural = _("宣传活动")
        indexes = [models.Index(fields=["region_code", "held_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="supervision_publicityevent_region_code_format"),
            constraints.one_of("topic", PublicityTopic, name="supervision_publicityevent_topic_valid"),
            # 其他 says what it was.
            models.CheckConstraint(condition=~models.Q(topic="other") | ~models.Q(topic_detail=""),
                                   name="supervision_publicityevent_other_has_detail"),
        ]

    def __str__(self):
        return f"{self.held_on} {self.get_topic_display()}"

    @property
    def topic_text(self):
        label = self.get_topic_display()
        return f"{label}：{self.topic_detail}" if self.topic_detail and self.topic != "other" else (
            self.topic_detail or label)


scoping.register(PublicityEvent)


class Notice(models.Model):
    """通知: issued by an office (region_code: a township, a county or the city) to offices below it, each with a
    receipt; read by a day when `read_by` is set."""

    region_code = models.CharField(_("发文单位"), max_length=CODE_LENGTH)
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("正文"), max_length=5000)
    issued_on = models.DateField(_("发文日期"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("发文人"))
    read_by = models.DateField(_("阅读期限"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        indexes = [models.Index(fields=["region_code", "issued_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="supervision_notice_region_code_format"),
            models.CheckConstraint(condition=models.Q(read_by__isnull=True)
                                   | models.Q(read_by__gte=models.F("issued_on")),
                                   name="supervision_notice_read_by_after_issue"),
        ]

    def __str__(self):
        return self.title


scoping.register(Notice)


class NoticeReceipt(models.Model):
    """A receiving office's copy of a notice (region_code: the office), marked read once by someone of that office;
    the issuer's reminders counted. One per office when issued (issue_notice); not a unique constraint, because a
    village merged into another brings its receipts along, and both offices did receive the notice."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="receipts")
    region_code = models.CharField(_("接收单位"), max_length=CODE_LENGTH)
    read_on = models.DateField(_("阅读日期"), null=True, blank=True)
    read_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("阅读人"))
    reminded_on = models.DateField(_("最近催阅日期"), null=True, blank=True)
    reminders = models.PositiveSmallIntegerField(_("催阅次数"), default=0)

    class Meta:
        verbose_name = _("通知签收")
        verbose_name_plural = _("通知签收")
        indexes = [models.Index(fields=["region_code", "read_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="supervision_noticereceipt_region_code_format"),
            models.CheckConstraint(condition=models.Q(read_on__isnull=True, read_by__isnull=True)
                                   | models.Q(read_on__isnull=False, read_by__isnull=False),
                                   name="supervision_noticereceipt_read_has_reader"),
        ]

    def __str__(self):
        return f"{self.notice} → {self.region_code}"

    @property
    def is_read(self):
        return self.read_on is not None


scoping.register(NoticeReceipt)
