"""公益性岗位: the posts an employing unit (a government body, a village committee, a community service) offers with a
post subsidy and a social-insurance subsidy, and the placements of recognised 就业困难人员 in them. A placement is
subsidised from its start to `subsidy_until` (the dated maximum of posts/rules.py, to retirement for someone close to
it); the monthly roll (posts/roll.py) is computed from the placements, not stored."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.assistance.models.recognition import Recognition
from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.residents.models import Person

__all__ = ["PlacementEndReason", "Placement", "PostStatus", "UnitKind", "WelfarePost"]


class UnitKind(models.TextChoices):
    GOVERNMENT = "government", _("机关事业单位")
    VILLAGE_COMMITTEE = "village_committee", _("村(居)委会")
    COMMUNITY_SERVICE = "community_service", _("社区服务机构")
    OTHER = "other", _("其他")


class PostStatus(models.TextChoices):
    OPEN = "open", _("开放")
    CLOSED = "closed", _("已关闭")


class WelfarePost(models.Model):
    """A public-welfare post of one employing unit, in one region (where the post is and its roll is kept), with the
    number of people it takes and the monthly subsidies a person holding it brings."""

    region_code = models.CharField(_("岗位所在地"), max_length=CODE_LENGTH)
    unit_name = models.CharField(_("用人单位"), max_length=100)
    unit_kind = models.CharField(_("单位类型"), max_length=20, choices=UnitKind.choices)
    unit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True, default="")
    title = models.CharField(_("岗位名称"), max_length=100)
    occupation_code = models.CharField(_("职业代码"), max_length=20, blank=True, default="")
    headcount = models.PositiveIntegerField(_("岗位人数"))
    post_subsidy = models.DecimalField(_("岗位补贴（元/人·月）"), max_digits=10, decimal_places=2)
    insurance_subsidy = models.DecimalField(_("社会保险补贴（元/人·月）"), max_digits=10, decimal_places=2)
    open_from = models.DateField(_("开发日期"))
    open_until = models.DateField(_("截止日期"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=PostStatus.choices, default=PostStatus.OPEN)
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("公益性岗位")
        verbose_name_plural = _("公益性岗位")
        indexes = [models.Index(fields=["region_code", "status"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_welfarepost_region_code_format"),
            constraints.one_of("unit_kind", UnitKind, name="assistance_welfarepost_unit_kind_valid"),
            constraints.one_of("status", PostStatus, name="assistance_welfarepost_status_valid"),
            models.CheckConstraint(condition=models.Q(headcount__gte=1), name="assistance_welfarepost_headcount_positive"),
            models.CheckConstraint(condition=models.Q(post_subsidy__gte=0, insurance_subsidy__gte=0),
                                   name="assistance_welfarepost_subsidies_not_negative"),
            models.CheckConstraint(condition=models.Q(open_until__isnull=True)
                                   | models.Q(open_until__gte=models.F("open_from")),
                                   name="assistance_welfarepost_open_period_valid"),
        ]

    def __str__(self):
        return f"{self.unit_name} {self.title}"


scoping.register(WelfarePost)


class PlacementEndReason(models.TextChoices):
    CONTRACT_EXPIRED = "contract_expired", _("合同期满")
    RESIGNED = "resigned", _("辞职")
    DISMISSED = "dismissed", _("解除劳动合同")
    RETIREMENT = "retirement", _("达到退休年龄")
    SUBSIDY_ENDED = "subsidy_ended", _("补贴期满")
    RECOGNITION_EXITED = "recognition_exited", _("认定退出")  # set by the recognition's exit (posts/services.py)
    OTHER = "other", _("其他")


class Placement(models.Model):
    """A recognised person in a post (安置上岗) from `started_on`; subsidised to `subsidy_until` (inclusive) unless the
    placement ends first on `ended_on` (the last day in the post). It belongs to the post's region: the roll of
    that region pays it."""

    post = models.ForeignKey(WelfarePost, verbose_name=_("岗位"), on_delete=models.PROTECT, related_name="placements")
    recognition = models.ForeignKey(Recognition, verbose_name=_("就业困难人员认定"), on_delete=models.PROTECT,
                                    related_name="placements")
    person = models.ForeignKey(Person, verbose_name=_("人员"), on_delete=models.PROTECT,
                               related_name="welfare_placements")
    region_code = models.CharField(_("岗位所在地"), max_length=CODE_LENGTH)
    started_on = models.DateField(_("上岗日期"))
    subsidy_until = models.DateField(_("补贴截止日期"))
    # Subsidised months of the person's earlier placements when this one started, and whether the period runs to
    # retirement (财社〔2017〕164号's exception): what subsidy_until was computed from.
    months_before = models.PositiveIntegerField(_("此前已享受补贴月数"), default=0)
    to_retirement = models.BooleanField(_("延长至退休"), default=False)
    ended_on = models.DateField(_("离岗日期"), null=True, blank=True)
    end_reason = models.CharField(_("离岗原因"), max_length=20, choices=PlacementEndReason.choices, blank=True,
                                  default="")
    end_note = models.CharField(_("离岗说明"), max_length=200, blank=True, default="")
    # The 就业登记 the placement made (employment.employment_registration), and the one ending it.
    hire_registration = models.ForeignKey("employment.EmploymentRegistration", null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="+")
    end_registration = models.ForeignKey("employment.EmploymentRegistration", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("公益性岗位安置")
        verbose_name_plural = _("公益性岗位安置")
        indexes = [models.Index(fields=["region_code", "started_on"]), models.Index(fields=["subsidy_until"])]
        constraints = [
            constraints.digits("region_code", 12, name="assistance_placement_region_code_format"),
            constraints.one_of("end_reason", PlacementEndReason, blank=True,
                               name="assistance_placement_end_reason_valid"),
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True, end_reason="")
                                   | (models.Q(ended_on__isnull=False) & ~models.Q(end_reason="")),
                                   name="assistance_placement_end_has_reason"),
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True)
                                   | models.Q(ended_on__gte=models.F("started_on")),
                                   name="assistance_placement_ends_after_start"),
            models.CheckConstraint(condition=models.Q(subsidy_until__gte=models.F("started_on")),
                                   name="assistance_placement_subsidy_after_start"),
            # One post at a time a person.
            models.UniqueConstraint(fields=["person"], condition=models.Q(ended_on__isnull=True),
                                    name="assistance_placement_one_open_per_person"),
        ]

    def __str__(self):
        return f"{self.person.name} {self.post.title}"

    def holds_on(self, day):
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


scoping.register(Placement)
