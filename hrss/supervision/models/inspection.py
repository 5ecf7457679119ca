"""The inspection part's models (劳动保障监察): a labour-inspection case (监察案件) from a complaint or a lead, with its
legal deadlines (受理 within 5 working days of receipt, 结案 within 60 working days of 立案, one extension of 30 with
the head's approval: hrss/supervision/deadlines.py), the workers owed wages and what was recovered for them, the
measures taken, a referral to mediation or arbitration, and the case's history (append-only). Owned by the inspection
part; InspectionCase's names are the area's contract (the appraisal part reads them).

A case carries the region of the employer (a village's or a township's code), so 欠薪 figures drill down to the
village; the county's inspectors reach it through their scope, and the village assistant sees the case that came
from their village, without acting on it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.id_numbers import mask
from hrss.core.models import CODE_LENGTH

__all__ = ["INSPECTION_NUMBER_PREFIX", "INSPECTION_OPEN_STATES", "ExtensionState", "InspectionCase", "InspectionEvent",
           "InspectionMeasure", "InspectionSource", "InspectionState", "InspectionWorker", "MeasureKind",
           "ReferralKind"]

INSPECTION_NUMBER_PREFIX = "JC"  # 监察: JC + county code (6) + year (4) + sequence (4), e.g. JC44160220260001


class InspectionSource(models.TextChoices):
    PETITION = "petition", _("信访转办")
    GRID = "grid", _("网格上报线索")
    COMPLAINT = "complaint", _("来访来电投诉")  # made at the county's 劳动保障监察 itself
    ROUTINE = "routine", _("日常巡查")


class InspectionState(models.TextChoices):
    RECEIVED = "received", _("待受理")
    NOT_ACCEPTED = "not_accepted", _("不予受理")
    ACCEPTED = "accepted", _("已受理待立案")
    OPEN = "open", _("已立案调查")
    CONCLUDED = "concluded", _("已结案")


INSPECTION_OPEN_STATES = (InspectionState.RECEIVED, InspectionState.ACCEPTED, InspectionState.OPEN)  # not yet finished


class ExtensionState(models.TextChoices):
    NONE = "", _("未申请")
    REQUESTED = "requested", _("待批准")
    APPROVED = "approved", _("已批准")
    REFUSED = "refused", _("未批准")


class ReferralKind(models.TextChoices):
    NONE = "", _("未移送")
    MEDIATION = "mediation", _("调解")
    ARBITRATION = "arbitration", _("仲裁")


class InspectionCase(models.Model):
    """劳动保障监察案件: received (待受理) from a petition, a grid lead, a complaint at the county or a routine
    inspection; accepted or not within 5 working days; opened (立案) and concluded within 60 working days (90 with
    the approved extension). Each due date is stored when its period starts (the rule in force that day); it is
    null, 待定, while its count reaches a year whose holiday arrangement is not loaded, and is filled from the
    period's start (received_on, opened_on, first_conclude_due with an approved extension) when that year is
    loaded (inspection.services.fill_missing_due_dates)."""

    number = models.CharField(_("案件编号"), max_length=20, unique=True)
    region_code = models.CharField(_("用人单位所在地"), max_length=CODE_LENGTH)
    source = models.CharField(_("案件来源"), max_length=12, choices=InspectionSource.choices)
    petition = models.ForeignKey("supervision.Petition", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="inspection_cases", verbose_name=_("信访件"))
    lead = models.ForeignKey("supervision.Lead", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="inspection_cases", verbose_name=_("网格线索"))
    complainant_name = models.CharField(_("投诉人"), max_length=50, blank=True, default="")
    complainant_phone = models.CharField(_("投诉人联系电话"), max_length=20, blank=True, default="")
    employer_name = models.CharField(_("用人单位"), max_length=100)
    employer_uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True, default="")
    employer_address = models.CharField(_("用人单位地址"), max_length=200, blank=True, default="")
    summary = models.CharField(_("投诉事项"), max_length=500)
    state = models.CharField(_("状态"), max_length=12, choices=InspectionState.choices,
                             default=InspectionState.RECEIVED)
    received_on = models.DateField(_("收到投诉日期"))
    accept_due = models.DateField(_("受理期限"), null=True, blank=True)  # null: 待定 (holidays not loaded)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    not_accepted_on = models.DateField(_("决定不予受理日期"), null=True, blank=True)
    not_accepted_reason = models.CharField(_("不予受理理由"), max_length=500, blank=True, default="")
    opened_on = models.DateField(_("立案日期"), null=True, blank=True)
    first_conclude_due = models.DateField(_("结案期限（立案后60个工作日）"), null=True, blank=True)
    # With an approved extension applied; null while 待定 (also when the extension was approved before it could be
    # counted: extension_state approved says it is extended, and both are computed when the year is loaded).
    conclude_due = models.DateField(_("结案期限"), null=True, blank=True)
    extension_state = models.CharField(_("延期"), max_length=10, choices=ExtensionState.choices, blank=True,
                                       default=ExtensionState.NONE)
    extension_reason = models.CharField(_("延期理由"), max_length=500, blank=True, default="")
    extension_requested_on = models.DateField(_("申请延期日期"), null=True, blank=True)
    extension_requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                               blank=True, related_name="+", verbose_name=_("申请延期人"))
    extension_decided_on = models.DateField(_("延期审批日期"), null=True, blank=True)
    extension_decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                             blank=True, related_name="+", verbose_name=_("延期审批人"))
    extension_note = models.CharField(_("审批意见"), max_length=500, blank=True, default="")
    referral_kind = models.CharField(_("移送"), max_length=12, choices=ReferralKind.choices, blank=True,
                                     default=ReferralKind.NONE)
    referral_body = models.CharField(_("移送机构"), max_length=100, blank=True, default="")
    referred_on = models.DateField(_("移送日期"), null=True, blank=True)
    referral_outcome = models.CharField(_("调解、仲裁结果"), max_length=500, blank=True, default="")
    referral_outcome_on = models.DateField(_("结果日期"), null=True, blank=True)
    concluded_on = models.DateField(_("结案日期"), null=True, blank=True)
    result = models.CharField(_("处理结果"), max_length=1000, blank=True, default="")
    amount_owed = models.DecimalField(_("拖欠金额（元）"), max_digits=14, decimal_places=2, default=0)
    amount_recovered = models.DecimalField(_("追回金额（元）"), max_digits=14, decimal_places=2, default=0)
    inspector = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("承办监察员"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("劳动保障监察案件")
        verbose_name_plural = _("劳动保障监察案件")
        indexes = [models.Index(fields=["region_code", "state"]), models.Index(fields=["region_code", "received_on"])]
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="supervision_inspectioncase_region_code_format"),
            constraints.one_of("source", InspectionSource, name="supervision_inspectioncase_source_valid"),
            constraints.one_of("state", InspectionState, name="supervision_inspectioncase_state_valid"),
            constraints.one_of("extension_state", ExtensionState, name="supervision_inspectioncase_extension_valid"),
            constraints.one_of("referral_kind", ReferralKind, name="supervision_inspectioncase_referral_valid"),
            models.CheckConstraint(condition=models.Q(employer_uscc="") | models.Q(
                models.lookups.Exact(models.functions.Length("employer_uscc"), 18)),
                name="supervision_inspectioncase_uscc_length"),
            models.UniqueConstraint(fields=["petition"], condition=models.Q(petition__isnull=False),
                                    name="supervision_inspectioncase_one_per_petition"),
            models.UniqueConstraint(fields=["lead"], condition=models.Q(lead__isnull=False),
                                    name="supervision_inspectioncase_one_per_lead"),
            models.CheckConstraint(condition=~models.Q(source="petition") | models.Q(petition__isnull=False),
                                   name="supervision_inspectioncase_petition_linked"),
            models.CheckConstraint(condition=~models.Q(source="grid") | models.Q(lead__isnull=False),
                                   name="supervision_inspectioncase_lead_linked"),
            models.CheckConstraint(condition=models.Q(accept_due__isnull=True) | models.Q(
                accept_due__gte=models.F("received_on")),
                                   name="supervision_inspectioncase_accept_due_after_receipt"),
            # Not accepted: a day and a reason.
            models.CheckConstraint(condition=~models.Q(state="not_accepted") | (
                models.Q(not_accepted_on__isnull=False) & ~models.Q(not_accepted_reason="")),
                name="supervision_inspectioncase_not_accepted_has_reason"),
            # Accepted, opened or concluded: accepted on a day.
            models.CheckConstraint(condition=~models.Q(state__in=["accepted", "open", "concluded"]) | models.Q(
                accepted_on__isnull=False), name="supervision_inspectioncase_accepted_has_day"),
            # Opened (立案) and later: the day stored; the due dates too, or null while 待定 (the conclusion's due
            # is pending whenever the first one is).
            models.CheckConstraint(condition=~models.Q(state__in=["open", "concluded"]) | models.Q(
                opened_on__isnull=False), name="supervision_inspectioncase_open_has_day"),
            models.CheckConstraint(condition=models.Q(first_conclude_due__isnull=False) | models.Q(
                conclude_due__isnull=True), name="supervision_inspectioncase_conclude_due_after_first"),
            models.CheckConstraint(condition=models.Q(opened_on__isnull=False) | models.Q(
                first_conclude_due__isnull=True), name="supervision_inspectioncase_due_only_when_opened"),
            models.CheckConstraint(condition=models.Q(first_conclude_due__isnull=True) | models.Q(
                first_conclude_due__gte=models.F("opened_on")), name="supervision_inspectioncase_due_after_opened"),
            models.CheckConstraint(condition=models.Q(opened_on__isnull=True) | models.Q(
                opened_on__gte=models.F("accepted_on")), name="supervision_inspectioncase_opened_after_accepted"),
            # Concluded: a day and a result.
            models.CheckConstraint(condition=~models.Q(state="concluded") | (
                models.Q(concluded_on__isnull=False) & ~models.Q(result="")),
                name="supervision_inspectioncase_concluded_has_result"),
            models.CheckConstraint(condition=models.Q(concluded_on__isnull=True) | models.Q(
                concluded_on__gte=models.F("opened_on")), name="supervision_inspectioncase_concluded_after_opened"),
            models.CheckConstraint(condition=models.Q(amount_owed__gte=0, amount_recovered__gte=0),
                                   name="supervision_inspectioncase_amounts_not_negative"),
            # Approved once: the due date moved (or 待定), by someone, with a reason.
            models.CheckConstraint(condition=~models.Q(extension_state="approved") | (
                models.Q(extension_decided_by__isnull=False, extension_decided_on__isnull=False)
                & (models.Q(conclude_due__isnull=True) | models.Q(conclude_due__gt=models.F("first_conclude_due")))
                & ~models.Q(extension_reason="")),
                name="supervision_inspectioncase_extension_approved_moves_due"),
            models.CheckConstraint(condition=~models.Q(extension_state="requested") | (
                models.Q(extension_requested_on__isnull=False) & ~models.Q(extension_reason="")),
                name="supervision_inspectioncase_extension_requested_has_reason"),
            models.CheckConstraint(condition=~models.Q(extension_state__in=["", "requested", "refused"]) | models.Q(
                conclude_due=models.F("first_conclude_due")) | models.Q(conclude_due__isnull=True,
                                                                        first_conclude_due__isnull=True),
                name="supervision_inspectioncase_due_moves_only_when_approved"),
            models.CheckConstraint(condition=models.Q(referral_kind="") | (
                ~models.Q(referral_body="") & models.Q(referred_on__isnull=False)),
                name="supervision_inspectioncase_referral_has_body"),
        ]

    def __str__(self):
        return f"{self.number} {self.employer_name}"

    @property
    def is_open(self):
        return self.state in INSPECTION_OPEN_STATES


scoping.register(InspectionCase)


class InspectionWorker(models.Model):
    """A worker of the case: the wages owed, as the complaint or the investigation found them, and what was
    recovered for them (never more than owed)."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="workers")
    name = models.CharField(_("姓名"), max_length=50)
    id_number = models.CharField(_("公民身份号码"), max_length=18, blank=True, default="")
    phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    amount_owed = models.DecimalField(_("拖欠工资（元）"), max_digits=12, decimal_places=2)
    amount_recovered = models.DecimalField(_("已追回（元）"), max_digits=12, decimal_places=2, default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("被欠薪劳动者")
        verbose_name_plural = _("被欠薪劳动者")
        constraints = [
            constraints.id_number("id_number", name="supervision_inspectionworker_id_number_format", blank=True),
            models.CheckConstraint(condition=models.Q(amount_owed__gte=0, amount_recovered__gte=0),
                                   name="supervision_inspectionworker_amounts_not_negative"),
            models.CheckConstraint(condition=models.Q(amount_recovered__lte=models.F("amount_owed")),
                                   name="supervision_inspectionworker_recovered_within_owed"),
        ]

    def __str__(self):
        return self.name

    @property
    def masked_id_number(self):
        return mask(self.id_number) if self.id_number else ""


scoping.register(InspectionWorker, code_field="case__region_code")


class MeasureKind(models.TextChoices):
    RECTIFY = "rectify", _("责令改正")
    PAY = "pay", _("责令支付")
    PENALTY = "penalty", _("行政处罚")
    POLICE = "police", _("移送公安机关")  # 拒不支付劳动报酬罪 (刑法 art. 276-1)
    CREDIT = "credit", _("列入拖欠工资失信名单")
    OTHER = "other", _("其他")


class InspectionMeasure(models.Model):
    """A measure taken in the case (责令改正、责令支付、行政处罚、移送公安…), on a day, with an amount where it has one
    (the wages ordered paid, the fine)."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("措施"), max_length=10, choices=MeasureKind.choices)
    taken_on = models.DateField(_("日期"))
    amount = models.DecimalField(_("金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.CharField(_("说明"), max_length=500, blank=True, default="")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("监察措施")
        verbose_name_plural = _("监察措施")
        constraints = [
            constraints.one_of("kind", MeasureKind, name="supervision_inspectionmeasure_kind_valid"),
            models.CheckConstraint(condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                                   name="supervision_inspectionmeasure_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.taken_on} {self.get_kind_display()}"


scoping.register(InspectionMeasure, code_field="case__region_code")


class InspectionEvent(models.Model):
    """One step of a case's history, written by the service that took it and never changed (no service updates or
    deletes an event)."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="events")
    on = models.DateField(_("日期"))
    action = models.CharField(_("事项"), max_length=40)  # the audit action's last word: received, accepted, ...
    text = models.CharField(_("内容"), max_length=1000)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("监察案件办理记录")
        verbose_name_plural = _("监察案件办理记录")
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self):
        return f"{self.on} {self.text}"


scoping.register(InspectionEvent, code_field="case__region_code")
