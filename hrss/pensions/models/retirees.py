"""退休人员社会化管理: enterprise retirees managed where they live (their employer's data and pension as given), the
transfer of their files to the community, activities and visits, deaths. Owned by the retirees part."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.residents.models import Person

__all__ = ["ActivityKind", "Retiree", "RetireeActivity", "RetireeState", "RetireeVisit", "RetireeVisitKind"]


class RetireeState(models.TextChoices):
    MANAGED = "managed", _("社会化管理")
    NOT_MANAGED = "not_managed", _("未纳入社会化管理")  # registered, files not yet with the community
    MOVED_OUT = "moved_out", _("已迁出")
    DIED = "died", _("已死亡")


STANDING_STATES = (RetireeState.MANAGED, RetireeState.NOT_MANAGED)


class Retiree(models.Model):
    """An enterprise retiree living in the village (region_code), with the pension as the paying body gives it."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="retiree_records")
    region_code = models.CharField(_("居住地"), max_length=CODE_LENGTH)
    employer_name = models.CharField(_("原工作单位"), max_length=100)
    employer_code = models.CharField(_("原单位统一社会信用代码"), max_length=18, blank=True, default="")
    retired_on = models.DateField(_("退休日期"))
    pension_amount = models.DecimalField(_("月养老金（元，按发放机构提供）"), max_digits=10, decimal_places=2)
    state = models.CharField(_("状态"), max_length=12, choices=RetireeState.choices, default=RetireeState.NOT_MANAGED)
    managed_since = models.DateField(_("纳入社会化管理日期"), null=True, blank=True)
    files_received_on = models.DateField(_("档案移交社区日期"), null=True, blank=True)
    died_on = models.DateField(_("死亡日期"), null=True, blank=True)
    moved_out_on = models.DateField(_("迁出日期"), null=True, blank=True)
    moved_to = models.CharField(_("迁往"), max_length=100, blank=True, default="")
    # Marked by the community (患病、行动不便): visited more often than the aged (rules.py).
    needs_care = models.BooleanField(_("患病需关照"), default=False)
    health_note = models.CharField(_("健康状况"), max_length=100, blank=True, default="")
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("企业退休人员")
        verbose_name_plural = _("企业退休人员")
        indexes = [models.Index(fields=["region_code", "state"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_retiree_region_code_format"),
            constraints.one_of("state", RetireeState, name="pensions_retiree_state_valid"),
            models.CheckConstraint(condition=models.Q(pension_amount__gte=0), name="pensions_retiree_pension_not_negative"),
            models.UniqueConstraint(fields=["person"], condition=models.Q(state__in=["managed", "not_managed"]),
                                    name="pensions_retiree_one_standing_per_person"),
            # Managed means the files are with the community, since a day.
            models.CheckConstraint(condition=~models.Q(state="managed") | models.Q(managed_since__isnull=False,
                                                                                 files_received_on__isnull=False),
                                   name="pensions_retiree_managed_has_files"),
            models.CheckConstraint(condition=~models.Q(state="died") | models.Q(died_on__isnull=False),
                                   name="pensions_retiree_died_has_day"),
            models.CheckConstraint(condition=~models.Q(state="moved_out") | models.Q(moved_out_on__isnull=False),
                                   name="pensions_retiree_moved_out_has_day"),
        ]

    def __str__(self):
        return f"{self.person} {self.employer_name}"

    @property
    def is_standing(self):
        return self.state in STANDING_STATES


scoping.register(Retiree)


class RetireeVisitKind(models.TextChoices):
    HOME = "home", _("上门")
    PHONE = "phone", _("电话")


class RetireeVisit(models.Model):
    """A visit of a retiree by the community (上门 or 电话), held where the retiree lives (follows a move)."""

    retiree = models.ForeignKey(Retiree, on_delete=models.PROTECT, related_name="visits")
    region_code = models.CharField(max_length=CODE_LENGTH)
    visited_on = models.DateField(_("走访日期"))
    kind = models.CharField(_("走访方式"), max_length=8, choices=RetireeVisitKind.choices)
    note = models.CharField(_("走访情况"), max_length=500)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("走访人"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("退休人员走访")
        verbose_name_plural = _("退休人员走访")
        indexes = [models.Index(fields=["retiree", "visited_on"]), models.Index(fields=["region_code", "visited_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_retireevisit_region_code_format"),
            constraints.one_of("kind", RetireeVisitKind, name="pensions_retireevisit_kind_valid"),
        ]

    def __str__(self):
        return f"{self.visited_on} {self.get_kind_display()}"


scoping.register(RetireeVisit)


class ActivityKind(models.TextChoices):
    CULTURE = "culture", _("文体活动")
    HEALTH_TALK = "health_talk", _("健康讲座")
    CONDOLENCE = "condolence", _("慰问")
    OTHER = "other", _("其他")


class RetireeActivity(models.Model):
    """A community activity for retirees, held by a village (or a township for its villages): who took part (the
    registered retirees among them) or how many."""

    region_code = models.CharField(_("举办地"), max_length=CODE_LENGTH)
    held_on = models.DateField(_("活动日期"))
    title = models.CharField(_("活动名称"), max_length=100)
    kind = models.CharField(_("活动类别"), max_length=12, choices=ActivityKind.choices)
    participants = models.ManyToManyField(Retiree, related_name="activities", blank=True,
                                          verbose_name=_("参加的退休人员"))
    participant_count = models.PositiveIntegerField(_("参加人数"), default=0)
    note = models.CharField(_("活动情况"), max_length=500, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("退休人员活动")
        verbose_name_plural = _("退休人员活动")
        indexes = [models.Index(fields=["region_code", "held_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_retireeactivity_region_code_format"),
            constraints.one_of("kind", ActivityKind, name="pensions_retireeactivity_kind_valid"),
        ]

    def __str__(self):
        return f"{self.held_on} {self.title}"


scoping.register(RetireeActivity)
