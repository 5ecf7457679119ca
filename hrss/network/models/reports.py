"""月报: the reports part's models. A township's report of one month (MonthlyReport: where it stands now), every
version of its snapshot (ReportVersion: the figures of every area as of the month's last day and the remarks, never
rewritten: a regeneration after a return or an unlock adds a version) and every act on it (ReportEvent: generated,
checked, submitted, approved and locked, returned, unlocked, remarks edited — who, when, why). Owned by the reports
part; the state machine is hrss/network/reports/services.py."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["MonthlyReport", "ReportEvent", "ReportVersion"]


class ReportState(models.TextChoices):
    GENERATED = "generated", _("已生成")
    CHECKED = "checked", _("已核对")
    SUBMITTED = "submitted", _("已上报")
    APPROVED = "approved", _("已审核锁定")
    RETURNED = "returned", _("已退回")
    UNLOCKED = "unlocked", _("已解锁")


class ReportAction(models.TextChoices):
    GENERATED = "generated", _("生成")
    REGENERATED = "regenerated", _("重新生成")
    REMARKS = "remarks", _("修改说明")
    CHECKED = "checked", _("核对")
    SUBMITTED = "submitted", _("上报")
    APPROVED = "approved", _("审核并锁定")
    RETURNED = "returned", _("退回")
    UNLOCKED = "unlocked", _("解锁")


class MonthlyReport(models.Model):
    """A township's monthly report (月报) of `month` (its first day): its state, its current version and remarks,
    and the acts that put it there. `first_submitted_on` is the day it was first submitted (上报): timeliness (及时率)
    is counted on it, so a report returned for correction and submitted again is not made late by the return."""

    State = ReportState

    region_code = models.CharField(_("乡镇(街道)"), max_length=CODE_LENGTH)
    month = models.DateField(_("月份"))
    state = models.CharField(_("状态"), max_length=10, choices=ReportState.choices, default=ReportState.GENERATED)
    version = models.PositiveIntegerField(_("版本"), default=1)
    remarks = models.TextField(_("说明"), blank=True)
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("生成人"))
    generated_at = models.DateTimeField(_("生成时间"))
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                   blank=True, verbose_name=_("核对人"))
    checked_at = models.DateTimeField(_("核对时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     null=True, blank=True, verbose_name=_("上报人"))
    submitted_at = models.DateTimeField(_("上报时间"), null=True, blank=True)
    first_submitted_on = models.DateField(_("首次上报日期"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                    blank=True, verbose_name=_("审核锁定人"))
    approved_at = models.DateTimeField(_("审核锁定时间"), null=True, blank=True)
    returned_reason = models.CharField(_("退回理由"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("月报")
        verbose_name_plural = _("月报")
        ordering = ["-month", "region_code"]
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="network_monthlyreport_region_code_format"),
            constraints.one_of("state", ReportState, name="network_monthlyreport_state_valid"),
            models.UniqueConstraint(fields=["region_code", "month"], name="network_monthlyreport_one_per_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="network_monthlyreport_month_first_day"),
            # Locked exactly when approved: who and when are kept with the state.
            models.CheckConstraint(
                condition=(models.Q(state=ReportState.APPROVED, approved_by__isnull=False, approved_at__isnull=False)
                           | (~models.Q(state=ReportState.APPROVED) & models.Q(approved_at__isnull=True))),
                name="network_monthlyreport_locked_when_approved"),
            models.CheckConstraint(
                condition=~models.Q(state__in=[ReportState.SUBMITTED, ReportState.APPROVED])
                | models.Q(first_submitted_on__isnull=False),
                name="network_monthlyreport_submitted_has_day"),
        ]

    def __str__(self):
        return f"{self.month:%Y年%m月}月报"

    @property
    def is_locked(self):
        return self.state == ReportState.APPROVED


class ReportVersion(models.Model):
    """One generated snapshot of a report, kept for good: `figures` is a list of {"area", "part", "label", "value",
    "shown"} (value a number, shown as the page prints it), computed as of `as_of` (the month's last day)."""

    report = models.ForeignKey(MonthlyReport, on_delete=models.PROTECT, related_name="versions")
    region_code = models.CharField(_("乡镇(街道)"), max_length=CODE_LENGTH)
    number = models.PositiveIntegerField(_("版本"))
    as_of = models.DateField(_("统计截至"))
    figures = models.JSONField(_("统计数据"), encoder=DjangoJSONEncoder)
    remarks = models.TextField(_("说明"), blank=True)
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("生成人"))
    generated_at = models.DateTimeField(_("生成时间"))

    class Meta:
        verbose_name = _("月报版本")
        verbose_name_plural = _("月报版本")
        ordering = ["report", "-number"]
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="network_reportversion_region_code_format"),
            models.UniqueConstraint(fields=["report", "number"], name="network_reportversion_one_number"),
        ]

    def __str__(self):
        return f"第{self.number}版"


class ReportEvent(models.Model):
    """One act on a report (the report's history): what, by whom, when, on which version, with the reason."""

    Action = ReportAction

    report = models.ForeignKey(MonthlyReport, on_delete=models.PROTECT, related_name="events")
    region_code = models.CharField(_("乡镇(街道)"), max_length=CODE_LENGTH)
    action = models.CharField(_("操作"), max_length=12, choices=ReportAction.choices)
    version = models.PositiveIntegerField(_("版本"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("操作人"))
    at = models.DateTimeField(_("时间"))
    reason = models.CharField(_("理由"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("月报操作记录")
        verbose_name_plural = _("月报操作记录")
        ordering = ["report", "at", "pk"]
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="network_reportevent_region_code_format"),
            constraints.one_of("action", ReportAction, name="network_reportevent_action_valid"),
            models.CheckConstraint(
                condition=~models.Q(action__in=["returned", "unlocked"]) | ~models.Q(reason=""),
                name="network_reportevent_reason_given"),
        ]

    def __str__(self):
        return self.get_action_display()


# A submitted report stays the report of the township that submitted it: its code is not rewritten by a move.
scoping.register(MonthlyReport, historical=True)
scoping.register(ReportVersion, historical=True)
scoping.register(ReportEvent, historical=True)
