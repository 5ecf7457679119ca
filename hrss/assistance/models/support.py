"""援助计划与走访: the models of the support part. A recognised person's assistance plan (援助计划), kept as versions
(a revision is a new row, the old one stays as history), and the home visits (走访) to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.assistance.models.recognition import Recognition
from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["AssistanceItem", "AssistancePlan", "HomeVisit", "VisitWay"]


class AssistanceItem(models.TextChoices):
    """What a plan offers (援助措施)."""

    GUIDANCE = "guidance", _("职业指导")
    PLACEMENT = "placement", _("职业介绍/岗位推荐")
    TRAINING = "training", _("职业培训")
    PUBLIC_POST = "public_post", _("公益性岗位安置")
    INSURANCE_SUBSIDY = "insurance_subsidy", _("社会保险补贴")
    BUSINESS = "business", _("创业扶持")
    OTHER = "other", _("其他")


class VisitWay(models.TextChoices):
    HOME = "home", _("入户")
    PHONE = "phone", _("电话")
    OFFICE = "office", _("来访")


class AssistancePlan(models.Model):
    """One version of a recognised person's 援助计划: what is offered, who is responsible, by when. A revision adds
    the next version and marks the one before as no longer current; at most one current version a recognition."""

    recognition = models.ForeignKey(Recognition, verbose_name=_("认定"), on_delete=models.PROTECT,
                                    related_name="assistance_plans")
    region_code = models.CharField(_("所在村(社区)"), max_length=CODE_LENGTH)
    version = models.PositiveIntegerField(_("版本"), default=1)
    is_current = models.BooleanField(_("现行"), default=True)
    items = models.JSONField(_("援助措施"), default=list)  # AssistanceItem values, checked by the services
    other_item = models.CharField(_("其他措施说明"), max_length=100, blank=True, default="")
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("责任人"), on_delete=models.PROTECT,
                                    related_name="+")
    target_on = models.DateField(_("目标日期"))
    notes = models.CharField(_("计划说明"), max_length=500, blank=True, default="")
    made_on = models.DateField(_("制定日期"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("援助计划")
        verbose_name_plural = _("援助计划")
        indexes = [models.Index(fields=["region_code", "is_current"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_assistanceplan_region_code_format"),
            models.UniqueConstraint(fields=["recognition", "version"], name="assistance_assistanceplan_one_version"),
            models.UniqueConstraint(fields=["recognition"], condition=models.Q(is_current=True),
                                    name="assistance_assistanceplan_one_current"),
            models.CheckConstraint(condition=models.Q(version__gte=1), name="assistance_assistanceplan_version_valid"),
            models.CheckConstraint(condition=models.Q(target_on__gte=models.F("made_on")),
                                   name="assistance_assistanceplan_target_after_made"),
        ]

    def __str__(self):
        return f"援助计划 第{self.version}版"

    def item_labels(self):
        return [str(AssistanceItem(item).label) + (f"（{self.other_item}）" if item == "other" and self.other_item
                                                   else "")
                for item in self.items if item in AssistanceItem.values]


scoping.register(AssistancePlan)


class HomeVisit(models.Model):
    """A 走访 of a recognised person: when, by whom (the staff member and the names of who came along), how, what
    came of it, what next and when the next visit is planned."""

    recognition = models.ForeignKey(Recognition, verbose_name=_("认定"), on_delete=models.PROTECT,
                                    related_name="home_visits")
    region_code = models.CharField(_("所在村(社区)"), max_length=CODE_LENGTH)
    visited_on = models.DateField(_("走访日期"))
    visitor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("走访人"), on_delete=models.PROTECT,
                                related_name="+")
    companions = models.CharField(_("同行人员"), max_length=100, blank=True, default="")
    way = models.CharField(_("走访方式"), max_length=8, choices=VisitWay.choices)
    outcome = models.CharField(_("走访情况"), max_length=500)
    next_step = models.CharField(_("下一步措施"), max_length=300, blank=True, default="")
    next_visit_on = models.DateField(_("下次走访日期"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("走访记录")
        verbose_name_plural = _("走访记录")
        indexes = [models.Index(fields=["region_code", "visited_on"]), models.Index(fields=["recognition", "visited_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_homevisit_region_code_format"),
            constraints.one_of("way", VisitWay, name="assistance_homevisit_way_valid"),
            models.CheckConstraint(condition=models.Q(next_visit_on__isnull=True)
                                   | models.Q(next_visit_on__gt=models.F("visited_on")),
                                   name="assistance_homevisit_next_after_visit"),
        ]

    def __str__(self):
        return f"走访 {self.visited_on:%Y-%m-%d}"


scoping.register(HomeVisit)
