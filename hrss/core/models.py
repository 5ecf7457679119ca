from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints

# Length of the code prefix that identifies a region at each level: 44 / 4416 / 441602 / 441602001 / 441602001003.
CODE_LENGTH = 12


class Level(models.IntegerChoices):
    PROVINCE = 1, _("省")
    CITY = 2, _("市")
    COUNTY = 3, _("县(区)")
    TOWNSHIP = 4, _("乡镇(街道)")
    VILLAGE = 5, _("村(社区)")


PREFIX_LENGTH = {
    Level.PROVINCE: 2,
    Level.CITY: 4,
    Level.COUNTY: 6,
    Level.TOWNSHIP: 9,
    Level.VILLAGE: 12,
}


class Region(models.Model):
    """One division of the five-level hierarchy, identified by its 12-digit statistical division code."""

    code = models.CharField(_("区划代码"), max_length=CODE_LENGTH, unique=True)
    level = models.PositiveSmallIntegerField(_("层级"), choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name = models.CharField(_("名称"), max_length=64)
    full_name = models.CharField(_("全称"), max_length=128, blank=True)
    kind = models.CharField(_("类别"), max_length=16, blank=True)
    is_central_town = models.BooleanField(_("中心镇"), default=False)
    is_active = models.BooleanField(_("有效"), default=True)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("并入"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(parent__isnull=False) | models.Q(level=Level.PROVINCE),
                name="region_has_parent_below_province",
            ),
            constraints.digits("code", CODE_LENGTH, name="core_region_code_format"),
            constraints.one_of("level", Level, name="core_region_level_valid"),
        ]

    def __str__(self):
        return self.name

    @property
    def prefix(self):
        return self.code[: PREFIX_LENGTH[self.level]]

    @property
    def office_name(self):
        """The service office the plan prescribes for each level."""
        if self.level == Level.VILLAGE:
            return f"{self.name}人力资源社会保障服务站"
        if self.level == Level.TOWNSHIP:
            return f"{self.name}人力资源和社会保障服务所"
        if self.level == Level.PROVINCE:
            return f"{self.name}人力资源和社会保障厅"
        return f"{self.name}人力资源和社会保障局"


class RegionEventKind(models.TextChoices):
    RENAMED = "renamed", _("更名")
    MOVED = "moved", _("调整隶属")
    MERGED = "merged", _("合并")


class RegionEvent(models.Model):
    """Divisions change (renames, villages moved between townships, merges): each change is kept here."""

    Kind = RegionEventKind

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    effective_date = models.DateField(_("生效日期"))
    old_code = models.CharField(max_length=CODE_LENGTH)
    new_code = models.CharField(max_length=CODE_LENGTH)
    old_name = models.CharField(max_length=64)
    new_name = models.CharField(max_length=64)
    old_parent_code = models.CharField(max_length=CODE_LENGTH, blank=True)
    new_parent_code = models.CharField(max_length=CODE_LENGTH, blank=True)
    merged_into = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=255, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["-effective_date", "-id"]
        indexes = [models.Index(fields=["old_code"])]
        constraints = [constraints.one_of("kind", RegionEventKind, name="core_regionevent_kind_valid")]

    def __str__(self):
        return f"{self.effective_date} {self.get_kind_display()} {self.old_name}"


class AppendOnlyError(Exception):
    pass


class AuditEntry(models.Model):
    """Who did what, when, where and from which address, with the values before and after. Append-only:
    the model refuses updates and deletes, and database triggers (core's initial migration) refuse
    them too."""

    class Outcome(models.TextChoices):
        OK = "ok", _("成功")
        DENIED = "denied", _("拒绝")
        FAILED = "failed", _("失败")

    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.PROTECT
    )
    actor_username = models.CharField(_("用户名"), max_length=150, blank=True, db_index=True)
    action = models.CharField(_("操作"), max_length=100, db_index=True)
    outcome = models.CharField(_("结果"), max_length=8, choices=Outcome.choices, default=Outcome.OK)
    region_code = models.CharField(_("区域"), max_length=CODE_LENGTH, blank=True, db_index=True)
    target_type = models.CharField(_("对象类型"), max_length=100, blank=True)
    target_id = models.CharField(_("对象"), max_length=64, blank=True)
    target_repr = models.CharField(_("对象描述"), max_length=200, blank=True)
    # The resident concerned, when there is one, so the audit can be searched by person.
    subject_id_number = models.CharField(_("涉及人员"), max_length=18, blank=True, db_index=True)
    before = models.JSONField(_("修改前"), null=True, blank=True)
    after = models.JSONField(_("修改后"), null=True, blank=True)
    ip_address = models.CharField(_("来源地址"), max_length=64, blank=True)
    request_id = models.CharField(max_length=32, blank=True)
    note = models.CharField(_("说明"), max_length=255, blank=True)
    # The hash chain (core.audit): the entry before's hash, and this entry's over that and its own fields.
    previous_hash = models.CharField(max_length=64, blank=True)
    entry_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit entries cannot be deleted")


class CalendarYear(models.Model):
    """A year whose holiday arrangement (节假日安排) is known, so working days can be counted in it. The State
    Council publishes each year's arrangement late in the year before; until it is loaded, counting into that
    year fails rather than guess from weekends."""

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(_("来源"), max_length=200)
    loaded_at = models.DateTimeField(_("录入时间"), auto_now=True)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("录入人"), null=True, blank=True,
                                  on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("节假日安排年度")
        verbose_name_plural = _("节假日安排年度")
        ordering = ["year"]

    def __str__(self):
        return str(self.year)


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("放假")
    WORKDAY = "workday", _("上班")


class CalendarDay(models.Model):
    """A day that is not what its weekday says: a statutory holiday (放假) or an adjusted working day on a
    weekend (调休上班)."""

    Kind = CalendarDayKind

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=8, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")
        ordering = ["date"]
        constraints = [constraints.one_of("kind", CalendarDayKind, name="core_calendarday_kind_valid")]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()} {self.name}"


class CaseStatus(models.TextChoices):
    OPEN = "open", _("审核中")
    RETURNED = "returned", _("退回补正")
    APPROVED = "approved", _("审批通过")
    REJECTED = "rejected", _("不予通过")
    WITHDRAWN = "withdrawn", _("已撤回")


OPEN_CASE_STATUSES = [CaseStatus.OPEN, CaseStatus.RETURNED]


class ReviewCase(models.Model):
    """One application going through its review chain (core.review): where it stands, by when the current step is
    due, and a version so that two officers acting at once cannot overwrite each other. The application's own
    data lives in its app (an unemployment registration, ...), which points here."""

    Status = CaseStatus

    case_type = models.CharField(_("业务类型"), max_length=64)
    region_code = models.CharField(_("受理地"), max_length=CODE_LENGTH)
    subject_id_number = models.CharField(_("申请人"), max_length=18, blank=True, db_index=True)
    title = models.CharField(_("事项"), max_length=200)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    step = models.CharField(_("当前环节"), max_length=32)
    step_started_on = models.DateField(_("本环节开始"))
    # Null when the deadline falls in a year whose holiday arrangement is not loaded yet: it is filled in when the
    # arrangement is (workdays.load_arrangement), never guessed from weekends.
    due_date = models.DateField(_("本环节截止"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("受理时间"), auto_now_add=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("审核案件")
        verbose_name_plural = _("审核案件")
        indexes = [models.Index(fields=["region_code", "status", "step"])]
        constraints = [
            constraints.one_of("status", CaseStatus, name="core_reviewcase_status_valid"),
            constraints.digits("region_code", CODE_LENGTH, name="core_reviewcase_region_code_format"),
            constraints.id_number("subject_id_number", blank=True, name="core_reviewcase_subject_id_number_format"),
            # A case is closed (办结) exactly when it is decided.
            models.CheckConstraint(
                condition=(models.Q(status__in=OPEN_CASE_STATUSES, closed_at__isnull=True)
                           | (~models.Q(status__in=OPEN_CASE_STATUSES) & models.Q(closed_at__isnull=False))),
                name="core_reviewcase_closed_when_decided"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status in OPEN_CASE_STATUSES


class ReviewDecision(models.Model):
    """One move of a case: who did what at which step, and why. Append-only (model and database triggers)."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("受理/提交")
        FORWARD = "forward", _("审核通过")
        APPROVE = "approve", _("审批通过")
        RETURN = "return", _("退回补正")
        RESUBMIT = "resubmit", _("补正后重新提交")
        REJECT = "reject", _("不予通过")
        WITHDRAW = "withdraw", _("撤回")

    case = models.ForeignKey(ReviewCase, on_delete=models.PROTECT, related_name="decisions")
    step = models.CharField(_("环节"), max_length=32)
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices)
    to_step = models.CharField(_("转至环节"), max_length=32, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                              related_name="+")
    actor_region_code = models.CharField(max_length=CODE_LENGTH)
    reason = models.CharField(_("意见/理由"), max_length=500, blank=True)
    at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("review decisions cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("review decisions cannot be deleted")


class IdempotencyRecord(models.Model):
    """The answer to one POST sent with an Idempotency-Key (API) or a form's one-time token: a retry with the same
    key gets the same answer, never a second case (core.middleware.IdempotencyMiddleware)."""

    client = models.CharField(max_length=64)  # SHA-256 of the API client's Authorization header, or of the user
    key = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64)  # SHA-256 of the path and body
    status_code = models.PositiveSmallIntegerField(null=True)  # null while the first request is being answered
    content_type = models.CharField(max_length=100, blank=True)
    location = models.CharField(max_length=500, blank=True)  # where a form's redirect went
    body = models.BinaryField(blank=True, default=b"")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "key"], name="one_answer_per_client_key")]

    def __str__(self):
        return f"{self.key} -> {self.status_code}"


class RateCount(models.Model):
    """Requests counted per (what, who, time window), in the database so that every server process shares the
    count (core.ratelimit)."""

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=64)  # SHA-256 of the user, token or address
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key", "window_start"], name="one_count_per_window")]

    def __str__(self):
        return f"{self.scope} {self.window_start:%H:%M} {self.count}"


class Occupation(models.Model):
    """A code of the 职业分类大典 (2022 edition) at any level: 1 大类 "4", 2 中类 "4-01", 3 小类 "4-01-02",
    4 细类 (职业) "4-01-02-01". Loaded from hrss/core/data/occupations-2022.csv by the migration; an administrator
    imports the full table (core.classifications). `name` may be empty where the source lacks it (shown as
    “（名称待补）”); `mark` is the 大典's 绿色职业 L / 数字职业 S / L/S."""

    code = models.CharField(_("职业代码"), max_length=10, unique=True)
    name = models.CharField(_("职业名称"), max_length=100, blank=True, default="")
    level = models.PositiveSmallIntegerField(_("层级"))
    parent_code = models.CharField(_("上级代码"), max_length=10, blank=True, default="")
    mark = models.CharField(_("标识"), max_length=3, blank=True, default="")
    edition = models.CharField(_("版本"), max_length=4, default="2022")

    class Meta:
        verbose_name = _("职业分类")
        verbose_name_plural = _("职业分类")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=4), name="core_occupation_level_valid"),
        ]

    def __str__(self):
        return f"{self.code} {self.name or '（名称待补）'}"


class Industry(models.Model):
    """A code of GB/T 4754-2017 国民经济行业分类: 1 门类 "C", 2 大类 "13", 3 中类 "131", 4 小类 "1311"."""

    code = models.CharField(_("行业代码"), max_length=4, unique=True)
    name = models.CharField(_("行业名称"), max_length=100)
    level = models.PositiveSmallIntegerField(_("层级"))
    parent_code = models.CharField(_("上级代码"), max_length=4, blank=True, default="")
    edition = models.CharField(_("版本"), max_length=4, default="2017")

    class Meta:
        verbose_name = _("国民经济行业分类")
        verbose_name_plural = _("国民经济行业分类")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=4), name="core_industry_level_valid"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"
