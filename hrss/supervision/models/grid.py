"""The grid part's models (网格化管理): each village and each township is a cell of the labour-inspection grid with
its named staff (网格员); the cell reports leads (线索: an employer in arrears, a site without contracts), which the
township or the county forwards to labour inspection, dismisses with a reason, or which were resolved on the spot;
and the routine visits to employers are recorded (走访用人单位).

A cell's row is made on demand (the first time its page is opened or a lead is reported there), never one per
region up front. Contract for the inspection part: `Lead` (region_code, reported_by, reported_on, employer_name,
employer_uscc, kind, description, state) and `GridCell` (region_code unique)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["EmployerVisit", "GridCell", "GridStaff", "GridStaffPost", "Lead", "LeadKind", "LeadState"]


class GridCell(models.Model):
    """网格: a village or a township as a cell of the labour-inspection grid (its region_code)."""

    region_code = models.CharField(_("网格（村(社区)或乡镇(街道)）"), max_length=CODE_LENGTH, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("网格")
        verbose_name_plural = _("网格")
        constraints = [constraints.digits("region_code", 12, name="supervision_gridcell_region_code_format")]

    def __str__(self):
        return self.region_code


# Historical: when villages are merged, each may have its cell and the target's code is unique; the merged
# village's cell keeps its old code, and its staff, leads and visits follow the code to the target's cell (made
# on demand, as always).
scoping.register(GridCell, historical=True)


class GridStaffPost(models.TextChoices):
    HEAD = "head", _("网格长")
    FULL_TIME = "full_time", _("专职网格员")
    PART_TIME = "part_time", _("兼职网格员")
    LIAISON = "liaison", _("劳动保障监察协管员")


class GridStaff(models.Model):
    """网格员: a named person responsible for the cell of region_code (set by the township for its villages and
    itself), linked to a staff account of the cell's region when they have one. Removing one keeps the row
    (left_on). Keyed by the code, not by the cell's row, so the staff follow their village when it moves or is
    merged (GridCell keeps its old code then)."""

    region_code = models.CharField(_("网格"), max_length=CODE_LENGTH)  # the cell's: its staff are those of its code
    name = models.CharField(_("姓名"), max_length=30)
    phone = models.CharField(_("联系电话"), max_length=20)
    post = models.CharField(_("职务"), max_length=12, choices=GridStaffPost.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="grid_posts", verbose_name=_("平台账号"))
    since = models.DateField(_("任职日期"))
    left_on = models.DateField(_("卸任日期"), null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("网格员")
        verbose_name_plural = _("网格员")
        indexes = [models.Index(fields=["region_code", "left_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="supervision_gridstaff_region_code_format"),
            constraints.one_of("post", GridStaffPost, name="supervision_gridstaff_post_valid"),
            models.CheckConstraint(condition=models.Q(left_on__isnull=True) | models.Q(left_on__gte=models.F("since")),
                                   name="supervision_gridstaff_left_after_since"),
        ]

    def __str__(self):
        return f"{self.get_post_display()} {self.name}"


scoping.register(GridStaff)


class LeadKind(models.TextChoices):
    WAGES = "wages", _("欠薪")
    NO_CONTRACT = "no_contract", _("未签劳动合同")
    NOT_INSURED = "not_insured", _("未参保")
    OVERTIME = "overtime", _("超时加班")
    CHILD_LABOUR = "child_labour", _("使用童工")
    OTHER = "other", _("其他")


class LeadState(models.TextChoices):
    REPORTED = "reported", _("已报告，待处理")
    FORWARDED = "forwarded", _("已移交劳动保障监察")
    DISMISSED = "dismissed", _("不予移交")
    RESOLVED = "resolved", _("已现场解决")


DECIDED_STATES = (LeadState.FORWARDED, LeadState.DISMISSED, LeadState.RESOLVED)


class Lead(models.Model):
    """线索: what the cell's staff report about an employer (欠薪、未签劳动合同...): the township or county forwards
    it to labour inspection (an InspectionCase points back at it), dismisses it with the reason, or it is recorded
    as resolved on the spot."""

    region_code = models.CharField(_("报告网格"), max_length=CODE_LENGTH)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("报告人"))
    reported_on = models.DateField(_("报告日期"))
    employer_name = models.CharField(_("用人单位"), max_length=100)
    employer_uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True, default="")
    kind = models.CharField(_("线索类别"), max_length=12, choices=LeadKind.choices)
    description = models.CharField(_("情况描述"), max_length=1000)
    workers_affected = models.PositiveIntegerField(_("涉及劳动者人数"), default=0)
    state = models.CharField(_("状态"), max_length=10, choices=LeadState.choices, default=LeadState.REPORTED)
    decided_on = models.DateField(_("处理日期"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("处理人"))
    decision_note = models.CharField(_("处理说明"), max_length=500, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("网格线索")
        verbose_name_plural = _("网格线索")
        indexes = [models.Index(fields=["region_code", "state"]), models.Index(fields=["region_code", "reported_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="supervision_lead_region_code_format"),
            constraints.one_of("kind", LeadKind, name="supervision_lead_kind_valid"),
            constraints.one_of("state", LeadState, name="supervision_lead_state_valid"),
            models.CheckConstraint(condition=models.Q(employer_uscc="")
                                   | models.lookups.Exact(Length("employer_uscc"), 18),
                                   name="supervision_lead_uscc_length"),
            # A decided lead says when and by whom; a reported one has no decision yet.
            models.CheckConstraint(condition=models.Q(state="reported", decided_on__isnull=True,
                                                      decided_by__isnull=True)
                                   | (~models.Q(state="reported") & models.Q(decided_on__isnull=False,
                                                                            decided_by__isnull=False)),
                                   name="supervision_lead_decided_has_day"),
            # A dismissal gives its reason.
            models.CheckConstraint(condition=~models.Q(state="dismissed") | ~models.Q(decision_note=""),
                                   name="supervision_lead_dismissed_has_reason"),
        ]

    def __str__(self):
        return f"{self.employer_name} {self.get_kind_display()}"

    @property
    def is_open(self):
        return self.state == LeadState.REPORTED


scoping.register(Lead)


class EmployerVisit(models.Model):
    """走访用人单位: a routine visit of the cell's staff to an employer, what they found, and the lead made from it
    when a problem was found."""

    region_code = models.CharField(_("网格"), max_length=CODE_LENGTH)
    employer_name = models.CharField(_("用人单位"), max_length=100)
    employer_uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True, default="")
    visited_on = models.DateField(_("走访日期"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("走访人"))
    findings = models.CharField(_("走访情况"), max_length=1000)
    problems_found = models.BooleanField(_("发现问题"), default=False)
    lead = models.OneToOneField(Lead, on_delete=models.PROTECT, null=True, blank=True, related_name="visit",
                                verbose_name=_("据此报告的线索"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("走访用人单位")
        verbose_name_plural = _("走访用人单位")
        indexes = [models.Index(fields=["region_code", "visited_on"])]
        constraints = [
            constraints.digits("region_code", 12, name="supervision_employervisit_region_code_format"),
            models.CheckConstraint(condition=models.Q(employer_uscc="")
                                   | models.lookups.Exact(Length("employer_uscc"), 18),
                                   name="supervision_employervisit_uscc_length"),
            # A lead is made from a visit that found a problem.
            models.CheckConstraint(condition=models.Q(lead__isnull=True) | models.Q(problems_found=True),
                                   name="supervision_employervisit_lead_needs_problem"),
        ]

    def __str__(self):
        return f"{self.visited_on} {self.employer_name}"


scoping.register(EmployerVisit)
