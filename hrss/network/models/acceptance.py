"""检查、整改与验收: the acceptance part's models.

An inspection (检查) is a visit of the county (or the city) to one office on a day: its checklist is the rules in
force that day (standards.compliance.check), each with a finding and a note. A finding that does not meet its rule
becomes a rectification item (整改事项) with a deadline: the office records it fixed (with a note and a photo), the
county confirms it or reopens it. An acceptance (验收) is the county's request for an office, a core review case
(chains.ACCEPTANCE) that the city accepts or refuses; an accepted office keeps its acceptance date."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH, ReviewCase
from hrss.network.models.offices import Office, OfficePhoto

__all__ = ["Acceptance", "AcceptanceState", "Finding", "FindingResult", "Inspection", "Rectification",
           "RectificationState"]


class Inspection(models.Model):
    """One visit to an office on a day (检查), by an inspector of the county or the city."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("服务机构"))
    region_code = models.CharField(_("所在区域"), max_length=CODE_LENGTH, db_index=True)
    inspected_on = models.DateField(_("检查日期"))
    inspectors = models.CharField(_("检查人员"), max_length=100, blank=True)
    note = models.TextField(_("检查意见"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("检查")
        verbose_name_plural = _("检查")
        ordering = ["-inspected_on", "-id"]
        constraints = [constraints.digits("region_code", 12, name="network_inspection_region_code_format")]

    def __str__(self):
        return f"{self.region_code} {self.inspected_on:%Y-%m-%d}"


class FindingResult(models.TextChoices):
    MEETS = "meets", _("符合")
    FAILS = "fails", _("不符合")
    NOT_CHECKED = "not_checked", _("未检查")


class Finding(models.Model):
    """One line of an inspection's checklist: a rule in force on the day, what the office's record said then, and
    what the inspector found."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveSmallIntegerField(default=0)
    rule = models.CharField(_("标准条目"), max_length=64)
    title = models.CharField(_("标准"), max_length=200)
    required = models.CharField(_("要求"), max_length=500, blank=True)
    recorded = models.CharField(_("登记情况"), max_length=500, blank=True)
    result = models.CharField(_("检查结果"), max_length=12, choices=FindingResult.choices)
    note = models.CharField(_("说明"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("检查项")
        verbose_name_plural = _("检查项")
        ordering = ["inspection", "position", "id"]
        constraints = [
            constraints.one_of("result", FindingResult, name="network_finding_result_valid"),
            models.UniqueConstraint(fields=["inspection", "rule"], name="network_finding_one_per_rule"),
        ]

    def __str__(self):
        return self.title


class RectificationState(models.TextChoices):
    OPEN = "open", _("待整改")
    FIXED = "fixed", _("已整改，待确认")
    CONFIRMED = "confirmed", _("整改已确认")


class Rectification(models.Model):
    """整改事项: a finding that did not meet its rule, to be fixed by the office by `due_on`."""

    finding = models.OneToOneField(Finding, on_delete=models.PROTECT, related_name="rectification")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="rectifications")
    region_code = models.CharField(_("所在区域"), max_length=CODE_LENGTH, db_index=True)
    opened_on = models.DateField(_("提出日期"))
    due_on = models.DateField(_("整改期限"))
    state = models.CharField(_("状态"), max_length=10, choices=RectificationState.choices,
                             default=RectificationState.OPEN)
    fixed_on = models.DateField(_("整改日期"), null=True, blank=True)
    fixed_note = models.CharField(_("整改情况"), max_length=500, blank=True)
    fixed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    # The photo of the result, kept by the offices part (offices.services.add_photo).
    photo = models.ForeignKey(OfficePhoto, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("整改照片"))
    confirmed_on = models.DateField(_("确认日期"), null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    reopened_times = models.PositiveSmallIntegerField(_("退回重改次数"), default=0)
    reopen_note = models.CharField(_("退回原因"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("整改事项")
        verbose_name_plural = _("整改事项")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["region_code", "state", "due_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="network_rectification_region_code_format"),
            constraints.one_of("state", RectificationState, name="network_rectification_state_valid"),
            models.CheckConstraint(condition=models.Q(due_on__gte=models.F("opened_on")),
                                   name="network_rectification_due_after_opened"),
            # Fixed and confirmed items say when; an open one has no fix recorded (a reopened one's is cleared).
            models.CheckConstraint(
                condition=(models.Q(state="open", fixed_on__isnull=True, confirmed_on__isnull=True)
                           | models.Q(state="fixed", fixed_on__isnull=False, confirmed_on__isnull=True)
                           | models.Q(state="confirmed", fixed_on__isnull=False, confirmed_on__isnull=False)),
                name="network_rectification_dates_follow_state"),
        ]

    def __str__(self):
        return self.finding.title

    @property
    def title(self):
        return self.finding.title

    def is_overdue(self, today):
        return self.state == RectificationState.OPEN and self.due_on < today


class AcceptanceState(models.TextChoices):
    REQUESTED = "requested", _("已申请验收，待市验收")
    ACCEPTED = "accepted", _("已通过验收")
    REFUSED = "refused", _("验收未通过")
    WITHDRAWN = "withdrawn", _("已撤回申请")


class Acceptance(models.Model):
    """验收: the county's request for an office and the city's decision, moved along core's review case."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="acceptances")
    region_code = models.CharField(_("所在区域"), max_length=CODE_LENGTH, db_index=True)
    case = models.OneToOneField(ReviewCase, on_delete=models.PROTECT, related_name="network_acceptance")
    state = models.CharField(_("状态"), max_length=10, choices=AcceptanceState.choices,
                             default=AcceptanceState.REQUESTED)
    requested_on = models.DateField(_("申请日期"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    request_note = models.CharField(_("申请说明"), max_length=500, blank=True)
    decided_on = models.DateField(_("验收日期"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    accepted_on = models.DateField(_("通过验收日期"), null=True, blank=True)
    reason = models.CharField(_("验收意见"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("验收")
        verbose_name_plural = _("验收")
        ordering = ["-requested_on", "-id"]
        constraints = [
            constraints.digits("region_code", 12, name="network_acceptance_region_code_format"),
            constraints.one_of("state", AcceptanceState, name="network_acceptance_state_valid"),
            models.CheckConstraint(
                condition=(models.Q(state="accepted", accepted_on__isnull=False, decided_on__isnull=False)
                           | (~models.Q(state="accepted") & models.Q(accepted_on__isnull=True))),
                name="network_acceptance_accepted_has_date"),
            # One request at a time, one acceptance ever, per office.
            models.UniqueConstraint(fields=["office"], condition=models.Q(state__in=["requested", "accepted"]),
                                    name="network_acceptance_one_live_per_office"),
        ]

    def __str__(self):
        return f"{self.region_code} {self.get_state_display()}"


scoping.register(Inspection)
scoping.register(Rectification)
scoping.register(Acceptance)
