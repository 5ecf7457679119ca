from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH, OPEN_CASE_STATUSES, ReviewCase
from hrss.residents.models import Person


class UnemploymentCategory(models.TextChoices):
    # 就业服务与就业管理规定 art. 65 (as listed in domain-rules §2).
    GRADUATE = "graduate", _("16周岁以上各类学校毕业或肄业")
    LOST_JOB = "lost_job", _("从用人单位失业")
    BUSINESS_CLOSED = "business_closed", _("个体或私营业主停业、破产")
    LAND_REQUISITIONED = "land_requisitioned", _("承包土地被征用")
    DISCHARGED_MILITARY = "discharged_military", _("退役军人未纳入国家统一安置")
    RELEASED = "released", _("刑满释放、假释、监外执行")
    OTHER = "other", _("其他")


class Document(models.TextChoices):
    ID_CARD = "id_card", _("居民身份证或社会保障卡")
    TERMINATION_PROOF = "termination_proof", _("终止/解除劳动关系证明")
    GRADUATION_PROOF = "graduation_proof", _("毕业证书")
    DISCHARGE_PROOF = "discharge_proof", _("退役证明")
    RELEASE_PROOF = "release_proof", _("释放证明")
    BUSINESS_CLOSURE_PROOF = "business_closure_proof", _("停业、注销证明")
    OTHER = "other", _("其他材料")


class CancelReason(models.TextChoices):
    # 注销 triggers, domain-rules §2 [sourced: S-local 宜宾; national art. 67 believed near-identical].
    HIRED = "hired", _("被用人单位录用")
    SELF_EMPLOYED = "self_employed", _("从事个体经营或创办企业")
    STABLE_INCOME = "stable_income", _("已从事有稳定收入的劳动（含灵活就业），月收入不低于当地最低工资标准")
    PENSION_OR_RETIREMENT = "pension", _("已享受基本养老保险待遇或达到法定退休年龄")
    LOST_CAPACITY = "lost_capacity", _("完全丧失劳动能力")
    SCHOOL_MILITARY_EMIGRATION = "school_military_emigration", _("入学、服兵役、移居境外")
    IMPRISONED = "imprisoned", _("被判刑收监执行")
    NOT_SEEKING = "not_seeking", _("不再有就业要求，或无正当理由连续3次拒绝介绍的工作")
    NO_CONTACT = "no_contact", _("连续6个月未与公共就业服务机构联系")


class RegistrationStatus(models.TextChoices):
    """What a 失业登记 shows: PENDING and NOT_REGISTERED are read from its review case, REGISTERED and CANCELLED
    are its own standing after approval."""

    PENDING = "pending", _("审核中")
    REGISTERED = "registered", _("登记失业")
    NOT_REGISTERED = "not_registered", _("未予登记")
    CANCELLED = "cancelled", _("已注销")


class Standing(models.TextChoices):
    """The registration's own life after its case is approved; "" while under review or when not approved."""

    NONE = "", _("未登记")
    REGISTERED = "registered", _("登记失业")
    CANCELLED = "cancelled", _("已注销")


class UnemploymentRegistration(models.Model):
    """A person's 失业登记: applied for at the village, reviewed up the chain (its ReviewCase), then held as
    登记失业 until cancelled (注销). The review's state is kept by the case only; the registration keeps its own
    standing after approval (`standing`), and `status` reads the two together."""

    Status = RegistrationStatus

    person = models.ForeignKey(Person, verbose_name=_("申请人"), on_delete=models.PROTECT,
                               related_name="unemployment_registrations")
    region_code = models.CharField(_("受理村(社区)"), max_length=CODE_LENGTH)
    case = models.OneToOneField(ReviewCase, on_delete=models.PROTECT, related_name="unemployment_registration")
    category = models.CharField(_("失业人员类别"), max_length=24, choices=UnemploymentCategory.choices)
    last_employer = models.CharField(_("原工作单位"), max_length=100, blank=True)
    left_job_on = models.DateField(_("失业日期"), null=True, blank=True)
    documents = models.JSONField(_("已验材料"), default=list)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    standing = models.CharField(_("登记状态"), max_length=16, choices=Standing.choices, blank=True, default="")
    registered_on = models.DateField(_("登记日期"), null=True, blank=True)
    cancelled_on = models.DateField(_("注销日期"), null=True, blank=True)
    cancel_reason = models.CharField(_("注销原因"), max_length=32, choices=CancelReason.choices, blank=True)
    cancel_note = models.CharField(_("注销说明"), max_length=200, blank=True)
    applied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    applied_at = models.DateTimeField(_("申请时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("失业登记")
        verbose_name_plural = _("失业登记")
        indexes = [models.Index(fields=["region_code", "standing"])]
        constraints = [
            # One standing registration per person at a time (re-registration after 注销 is allowed; one
            # application under review at a time is checked by the intake under a lock on the person).
            models.UniqueConstraint(fields=["person"], condition=models.Q(standing=Standing.REGISTERED),
                                    name="employment_unemploymentregistration_one_standing"),
            constraints.one_of("standing", Standing, name="employment_unemploymentregistration_standing_valid"),
            constraints.one_of("category", UnemploymentCategory,
                               name="employment_unemploymentregistration_category_valid"),
            constraints.one_of("cancel_reason", CancelReason, blank=True,
                               name="employment_unemploymentregistration_cancel_reason_valid"),
            constraints.digits("region_code", 12, name="employment_unemploymentregistration_region_code_format"),
            # Registered has its date; cancelled has its date and reason too; neither before approval.
            models.CheckConstraint(
                condition=(models.Q(standing=Standing.NONE, registered_on__isnull=True, cancelled_on__isnull=True,
                                    cancel_reason="")
                           | models.Q(standing=Standing.REGISTERED, registered_on__isnull=False,
                                      cancelled_on__isnull=True, cancel_reason="")
                           | (models.Q(standing=Standing.CANCELLED, registered_on__isnull=False,
                                       cancelled_on__isnull=False) & ~models.Q(cancel_reason=""))),
                name="employment_unemploymentregistration_standing_dates"),
        ]

    def __str__(self):
        return f"{self.person.name} 失业登记"

    @property
    def status(self):
        if self.standing:
            return RegistrationStatus(self.standing)
        if self.case.status in OPEN_CASE_STATUSES:
            return RegistrationStatus.PENDING
        return RegistrationStatus.NOT_REGISTERED

    def get_status_display(self):
        return str(self.status.label)

    @staticmethod
    def status_q(*statuses):
        """A filter for registrations showing one of `statuses` (RegistrationStatus)."""
        condition = models.Q(pk__in=[])
        for status in statuses:
            if status in (RegistrationStatus.REGISTERED, RegistrationStatus.CANCELLED):
                condition |= models.Q(standing=status)
            elif status == RegistrationStatus.PENDING:
                condition |= models.Q(standing=Standing.NONE, case__status__in=OPEN_CASE_STATUSES)
            else:
                condition |= models.Q(standing=Standing.NONE) & ~models.Q(case__status__in=OPEN_CASE_STATUSES)
        return condition

scoping.register(UnemploymentRegistration)


class CertificateSequence(models.Model):
    """The last sequence number given out per issuing county and year. Incremented inside the issuing transaction
    (a row lock on PostgreSQL, the single write lock on SQLite), so two officers issuing at the same instant get
    different numbers."""

    county_code = models.CharField(max_length=6)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["county_code", "year"], name="one_sequence_per_county_year"),
            constraints.digits("county_code", 6, name="employment_certificatesequence_county_code_format"),
        ]

    def __str__(self):
        return f"{self.county_code} {self.year}: {self.last}"


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("有效")
    CANCELLED = "cancelled", _("注销")


class EmploymentCertificate(models.Model):
    """A 就业失业登记证 (就业创业证 since 2015): one number per holder for life; a lost certificate is reissued
    under the same number and the lost paper voided (CertificateIssue)."""

    Status = CertificateStatus

    number = models.CharField(_("证号"), max_length=32, unique=True)
    person = models.ForeignKey(Person, verbose_name=_("持证人"), on_delete=models.PROTECT, related_name="certificates")
    region_code = models.CharField(_("持证人所在村(社区)"), max_length=CODE_LENGTH)
    county_code = models.CharField(_("发证县(区)"), max_length=6)
    year = models.PositiveSmallIntegerField(_("发证年度"))
    sequence = models.PositiveIntegerField(_("顺序号"))
    title = models.CharField(_("证件名称"), max_length=20)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.VALID)
    issued_on = models.DateField(_("发证日期"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cancelled_on = models.DateField(_("注销日期"), null=True, blank=True)
    cancel_reason = models.CharField(_("注销原因"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("就业失业登记证")
        verbose_name_plural = _("就业失业登记证")
        indexes = [models.Index(fields=["region_code", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["county_code", "year", "sequence"], name="one_number_per_sequence"),
            models.UniqueConstraint(fields=["person"], condition=models.Q(status="valid"),
                                    name="one_valid_certificate_per_person"),
            constraints.one_of("status", CertificateStatus, name="employment_employmentcertificate_status_valid"),
            constraints.digits("region_code", 12, name="employment_employmentcertificate_region_code_format"),
            constraints.digits("county_code", 6, name="employment_employmentcertificate_county_code_format"),
            # 注销 has its date and reason; a valid certificate has neither.
            models.CheckConstraint(
                condition=(models.Q(status=CertificateStatus.VALID, cancelled_on__isnull=True, cancel_reason="")
                           | (models.Q(status=CertificateStatus.CANCELLED, cancelled_on__isnull=False)
                              & ~models.Q(cancel_reason=""))),
                name="employment_employmentcertificate_cancelled_has_date_and_reason"),
        ]

    def __str__(self):
        return f"{self.title} {self.number}"


class IssueKind(models.TextChoices):
    FIRST = "first", _("首次发放")
    REISSUE = "reissue", _("补发")
    CHANGE = "change", _("信息变更")


class CertificateIssue(models.Model):
    """One paper certificate handed out: the 登记证发放台账's rows. A reissue voids the paper before it."""

    Kind = IssueKind

    certificate = models.ForeignKey(EmploymentCertificate, on_delete=models.PROTECT, related_name="issues")
    kind = models.CharField(_("发放类型"), max_length=10, choices=Kind.choices)
    issued_on = models.DateField(_("日期"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                  related_name="+")
    note = models.CharField(_("说明"), max_length=200, blank=True)
    voided_on = models.DateField(_("作废日期"), null=True, blank=True)

    class Meta:
        ordering = ["issued_on", "id"]
        constraints = [constraints.one_of("kind", IssueKind, name="employment_certificateissue_kind_valid")]

    def __str__(self):
        return f"{self.issued_on} {self.get_kind_display()}"


scoping.register(EmploymentCertificate)


class EmploymentKind(models.TextChoices):
    HIRED = "hired", _("单位招用")
    SELF_EMPLOYED = "self_employed", _("个体经营/创业")
    FLEXIBLE = "flexible", _("灵活就业")
    CONTRACT_ENDED = "contract_ended", _("终止/解除劳动关系")


class EmploymentRegistration(models.Model):
    """就业登记 (就业服务与就业管理规定 art. 62): a hire registered by the employer, self-employment or flexible
    employment registered by the person, or the end of a labour relation. Registered late when past the limit
    (30 days after hiring, 15 after the end), which is marked, not refused."""

    person = models.ForeignKey(Person, verbose_name=_("劳动者"), on_delete=models.PROTECT,
                               related_name="employment_registrations")
    # Where the registration was made and whose 就业登记台账 holds it: for a hire, the employer's village (which
    # may lie outside the worker's home county); otherwise the person's village.
    region_code = models.CharField(_("登记地村(社区)"), max_length=CODE_LENGTH)
    kind = models.CharField(_("登记类型"), max_length=16, choices=EmploymentKind.choices)
    employer_name = models.CharField(_("用人单位"), max_length=100, blank=True)
    employer_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    flexible_form = models.CharField(_("灵活就业形式"), max_length=20, blank=True)
    event_date = models.DateField(_("招用/开业/终止日期"))
    registered_on = models.DateField(_("登记日期"))
    days_allowed = models.PositiveSmallIntegerField(_("登记时限（天）"))
    is_late = models.BooleanField(_("逾期登记"), default=False)
    # The person was registered unemployed when this employment began: counted as 失业人员再就业.
    was_registered_unemployed = models.BooleanField(default=False)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("就业登记")
        verbose_name_plural = _("就业登记")
        indexes = [models.Index(fields=["region_code", "event_date"])]
        constraints = [
            constraints.one_of("kind", EmploymentKind, name="employment_employmentregistration_kind_valid"),
            constraints.digits("region_code", 12, name="employment_employmentregistration_region_code_format"),
            # A hire, and the end of one, names the employer.
            models.CheckConstraint(
                condition=(~models.Q(kind__in=[EmploymentKind.HIRED, EmploymentKind.CONTRACT_ENDED])
                           | ~models.Q(employer_name="")),
                name="employment_employmentregistration_hire_has_employer"),
        ]

    def __str__(self):
        return f"{self.person.name} {self.get_kind_display()} {self.event_date}"


class ContactKind(models.TextChoices):
    VISIT = "visit", _("来访")
    PHONE = "phone", _("电话")
    HOME = "home", _("入户")
    REFERRAL = "referral", _("推荐岗位")
    TRAINING = "training", _("培训")


class UnemployedContact(models.Model):
    """One contact with a registered unemployed person: the 6-month rule counts from the latest."""

    Kind = ContactKind

    registration = models.ForeignKey(UnemploymentRegistration, on_delete=models.PROTECT, related_name="contacts")
    contacted_on = models.DateField(_("联系日期"))
    kind = models.CharField(_("方式"), max_length=10, choices=Kind.choices)
    # For a referral: the job offered, and whether it was refused without a good reason (3 times: 注销).
    job = models.CharField(_("推荐岗位"), max_length=100, blank=True)
    refused_without_reason = models.BooleanField(_("无正当理由拒绝"), default=False)
    note = models.CharField(_("情况"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-contacted_on", "-id"]
        constraints = [
            constraints.one_of("kind", ContactKind, name="employment_unemployedcontact_kind_valid"),
            # Only a referral (a job offered) can be refused.
            models.CheckConstraint(condition=models.Q(refused_without_reason=False) | models.Q(kind=ContactKind.REFERRAL),
                                   name="employment_unemployedcontact_refusal_is_of_a_referral"),
        ]

    def __str__(self):
        return f"{self.contacted_on} {self.get_kind_display()}"


scoping.register(EmploymentRegistration)
