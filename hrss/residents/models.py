from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.id_numbers import mask
from hrss.core.working_age import age_on


class LabourStatus(models.TextChoices):
    EMPLOYED = "employed", _("单位就业")
    FLEXIBLE = "flexible", _("灵活就业")
    FARMING = "farming", _("务农")
    MIGRANT = "migrant", _("转移就业")
    UNEMPLOYED = "unemployed", _("失业")
    STUDENT = "student", _("在校")
    INCAPACITATED = "incapacitated", _("丧失劳动能力")
    RETIRED = "retired", _("退休")
    MILITARY = "military", _("服兵役")
    OTHER = "other", _("其他")


class MigrantDestination(models.TextChoices):
    IN_COUNTY = "in_county", _("县内")
    IN_PROVINCE = "in_province", _("县外省内")
    OUT_OF_PROVINCE = "out_of_province", _("省外")


class FlexibleForm(models.TextChoices):
    HOURLY = "hourly", _("钟点工")
    TEMPORARY = "temporary", _("临时工")
    VENDOR = "vendor", _("个体摊贩")
    ONLINE = "online", _("网络平台")
    FREELANCE = "freelance", _("自由职业")
    SELF_EMPLOYED = "self_employed", _("个体经营")
    OTHER = "other", _("其他")


class HukouType(models.TextChoices):
    AGRICULTURAL = "agricultural", _("农业")
    NON_AGRICULTURAL = "non_agricultural", _("非农业")
    RESIDENT = "resident", _("居民")  # the unified 居民户口 since the 2014 reform


class Relation(models.TextChoices):
    HEAD = "head", _("户主")
    SPOUSE = "spouse", _("配偶")
    CHILD = "child", _("子女")
    PARENT = "parent", _("父母")
    GRANDPARENT = "grandparent", _("祖父母/外祖父母")
    GRANDCHILD = "grandchild", _("孙子女/外孙子女")
    SIBLING = "sibling", _("兄弟姐妹")
    CHILD_IN_LAW = "child_in_law", _("儿媳/女婿")
    OTHER = "other", _("其他")


class Education(models.TextChoices):
    """GB/T 4658-2006 文化程度, at the level a ledger records."""

    POSTGRADUATE = "10", _("研究生")
    UNIVERSITY = "20", _("大学本科")
    COLLEGE = "30", _("大学专科和专科学校")
    TECHNICAL = "40", _("中等专业学校")
    VOCATIONAL = "50", _("技工学校")
    SENIOR = "60", _("高中")
    JUNIOR = "70", _("初中")
    PRIMARY = "80", _("小学")
    NONE = "90", _("文盲或半文盲")


class WorkCapacity(models.TextChoices):
    FULL = "full", _("完全劳动能力")
    PARTIAL = "partial", _("部分丧失劳动能力")
    NONE = "none", _("完全丧失劳动能力")


RETIREMENT_CATEGORY_CHOICES = [("worker", _("工人")), ("cadre", _("干部/管理岗")), ("flexible", _("灵活就业"))]
RETIREMENT_CATEGORIES = [value for value, _label in RETIREMENT_CATEGORY_CHOICES]


class Household(models.Model):
    """A 户 of the ledger, known by its head's ID number (the key a village spreadsheet carries)."""

    region_code = models.CharField(_("所在村(社区)"), max_length=12, db_index=True)
    head_id_number = models.CharField(_("户主公民身份号码"), max_length=18, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("家庭户")
        constraints = [
            constraints.digits("region_code", 12, name="residents_household_region_code_format"),
            constraints.id_number("head_id_number", name="residents_household_head_id_number_format"),
        ]

    def __str__(self):
        return f"户主 {mask(self.head_id_number)}"


class Person(models.Model):
    id_number = models.CharField(_("公民身份号码"), max_length=18, unique=True)
    name = models.CharField(_("姓名"), max_length=50)
    sex = models.CharField(_("性别"), max_length=1, choices=[("M", _("男")), ("F", _("女"))])
    birth_date = models.DateField(_("出生日期"))
    # Not indexed alone: the (region_code, ...) indexes below serve every region range, and one index less
    # is ~1 us/row off a million-row import.
    region_code = models.CharField(_("所在村(社区)"), max_length=12)
    household = models.ForeignKey(Household, verbose_name=_("家庭户"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="members")
    # Fields with a db_default can be left out of a bulk INSERT (a narrower row: measured ~1 us/row off a
    # million-row import); the database's default is always the same as Django's.
    relation_to_head = models.CharField(_("与户主关系"), max_length=16, choices=Relation.choices, blank=True,
                                        default="", db_default="")
    hukou_type = models.CharField(_("户籍性质"), max_length=20, choices=HukouType.choices, blank=True,
                                  default="", db_default="")
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="", db_default="")
    education = models.CharField(_("文化程度"), max_length=2, choices=Education.choices, blank=True,
                                 default="", db_default="")
    skills = models.CharField(_("技能特长"), max_length=200, blank=True, default="", db_default="")
    qualifications = models.CharField(_("职业资格"), max_length=200, blank=True, default="", db_default="")
    work_capacity = models.CharField(_("劳动能力"), max_length=10, choices=WorkCapacity.choices,
                                     default=WorkCapacity.FULL, db_default=WorkCapacity.FULL)
    health_note = models.CharField(_("健康状况"), max_length=100, blank=True, default="", db_default="")
    retirement_category = models.CharField(_("退休年龄类别"), max_length=10, default="worker", db_default="worker",
                                           choices=RETIREMENT_CATEGORY_CHOICES)
    wants_employment = models.BooleanField(_("就业意愿"), default=False, db_default=False)
    wants_training = models.BooleanField(_("培训意愿"), default=False, db_default=False)
    wants_business = models.BooleanField(_("创业意愿"), default=False, db_default=False)
    wanted_occupation = models.CharField(_("求职意向职业"), max_length=100, blank=True, default="", db_default="")
    wanted_place = models.CharField(_("求职意向地点"), max_length=100, blank=True, default="", db_default="")
    wanted_wage = models.CharField(_("期望月薪"), max_length=50, blank=True, default="", db_default="")
    # The current labour status, kept with the history (LabourStatusEvent) by the services, for fast counts.
    labour_status = models.CharField(_("就业状态"), max_length=16, choices=LabourStatus.choices,
                                     default=LabourStatus.OTHER)
    status_detail = models.CharField(_("状态说明"), max_length=20, blank=True, default="", db_default="")
    status_since = models.DateField(_("状态起始日期"), null=True, blank=True)
    surveyed_on = models.DateField(_("调查日期"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, db_default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        indexes = [
            models.Index(fields=["region_code", "labour_status"]),
            models.Index(fields=["region_code", "name"]),
        ]
        constraints = [
            constraints.id_number("id_number", name="residents_person_id_number_format"),
            constraints.digits("region_code", 12, name="residents_person_region_code_format"),
            constraints.one_of("sex", ["M", "F"], name="residents_person_sex_valid"),
            constraints.one_of("labour_status", LabourStatus, name="residents_person_labour_status_valid"),
            constraints.one_of("relation_to_head", Relation, blank=True, name="residents_person_relation_valid"),
            constraints.one_of("hukou_type", HukouType, blank=True, name="residents_person_hukou_type_valid"),
            constraints.one_of("education", Education, blank=True, name="residents_person_education_valid"),
            constraints.one_of("work_capacity", WorkCapacity, name="residents_person_work_capacity_valid"),
            constraints.one_of("retirement_category", RETIREMENT_CATEGORIES,
                               name="residents_person_retirement_category_valid"),
        ]

    def __str__(self):
        return self.name

    @property
    def masked_id_number(self):
        return mask(self.id_number)

    def age_on(self, day):
        return age_on(self.birth_date, day)

    @property
    def status_label(self):
        label = LabourStatus(self.labour_status).label
        if self.labour_status == LabourStatus.MIGRANT and self.status_detail:
            return f"{label}（{MigrantDestination(self.status_detail).label}）"
        if self.labour_status == LabourStatus.FLEXIBLE and self.status_detail:
            return f"{label}（{FlexibleForm(self.status_detail).label}）"
        return str(label)


class StatusSource(models.TextChoices):
    MANUAL = "manual", _("录入")
    IMPORT = "import", _("导入")
    SURVEY = "survey", _("调查")


class LabourStatusEvent(models.Model):
    """One change of labour status, effective from a date; the ledger shows the status on any date from these."""

    Source = StatusSource

    # No index of its own: the (person, effective_date) index below serves every lookup by person.
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="status_events", db_index=False)
    status = models.CharField(_("就业状态"), max_length=16, choices=LabourStatus.choices)
    detail = models.CharField(_("说明"), max_length=20, blank=True)
    effective_date = models.DateField(_("起始日期"))
    region_code = models.CharField(max_length=12)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.MANUAL)
    note = models.CharField(_("备注"), max_length=200, blank=True, default="", db_default="")
    # Not indexed: nothing looks events up by recorder (the audit trail answers "what did this user do").
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, db_index=False)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["effective_date", "id"]
        indexes = [models.Index(fields=["person", "effective_date"])]
        constraints = [
            constraints.one_of("status", LabourStatus, name="residents_labourstatusevent_status_valid"),
            constraints.one_of("source", StatusSource, name="residents_labourstatusevent_source_valid"),
            constraints.digits("region_code", 12, name="residents_labourstatusevent_region_code_format"),
        ]

    def __str__(self):
        return f"{self.effective_date} {self.get_status_display()}"

    @property
    def detail_label(self):
        labels = dict(MigrantDestination.choices) | dict(FlexibleForm.choices)
        return str(labels.get(self.detail, self.detail))


class PersonMove(models.Model):
    """A person moving to another village keeps their history; this records the move."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="moves")
    from_region_code = models.CharField(max_length=12)
    to_region_code = models.CharField(max_length=12)
    effective_date = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            constraints.digits("from_region_code", 12, name="residents_personmove_from_region_code_format"),
            constraints.digits("to_region_code", 12, name="residents_personmove_to_region_code_format"),
        ]

    def __str__(self):
        return f"{self.effective_date} {self.from_region_code} → {self.to_region_code}"


scoping.register(Person)
scoping.register(Household)
# Status events are scoped through their person (their own region_code records where they were recorded).
scoping.register(LabourStatusEvent, code_field="person__region_code")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("导入中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("未能导入")


class ImportJob(models.Model):
    """One uploaded ledger file and its import, run in the background; progress is saved with each batch."""

    Status = ImportStatus

    id = models.UUIDField(primary_key=True, editable=False)
    region_code = models.CharField(max_length=12, db_index=True)  # the village, or the importer's region
    village_code = models.CharField(max_length=12, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=200)
    stored_path = models.CharField(max_length=500, blank=True)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    message = models.CharField(max_length=500, blank=True)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    rows_processed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.JSONField(default=list)
    notes = models.JSONField(default=list)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [constraints.one_of("status", ImportStatus, name="residents_importjob_status_valid")]

    def __str__(self):
        return self.file_name

    @property
    def percent(self):
        if self.status == self.Status.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(99, int(100 * self.rows_processed / (self.rows_total + 1)))

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)


scoping.register(ImportJob, historical=True)


class LedgerVersion(models.Model):
    """One row counting changes to the ledger; statistics snapshots remember the count they were computed from,
    so a page can tell that its figures are older than the last change."""

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)
    # The version a refresh of the statistics was last asked for: one request per change, across processes.
    refresh_requested = models.PositiveBigIntegerField(default=0)
    refresh_requested_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"ledger version {self.version}"


class StatisticsSnapshot(models.Model):
    """The labour-force figures of one region (its whole subtree), computed from the people table in one pass for
    every region at once, so that the city's figures cost the same at 20,000 people as at 2,000,000."""

    region_code = models.CharField(max_length=12, unique=True)
    as_of = models.DateField()
    computed_at = models.DateTimeField()
    ledger_version = models.PositiveBigIntegerField()
    data = models.JSONField()

    def __str__(self):
        return f"{self.region_code} {self.computed_at:%Y-%m-%d %H:%M}"


scoping.register(StatisticsSnapshot, historical=True)
