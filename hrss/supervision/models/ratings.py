"""The ratings part's models (好差评与意见箱): the rating code printed on each completed case's receipt, the
citizen's one rating of it, and the complaints (a poor rating, or a word put in the 意见箱 by phone, letter or at
a counter) that the township of the serving office answers. Owned by the ratings part; the names are the area's
contract (the appraisal part reads them)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH, Region

__all__ = ["CODE_ALPHABET", "CODE_SIZE", "Complaint", "ComplaintOrigin", "ComplaintOutcome", "ComplaintState",
           "POOR_SCORES", "UPHELD_OUTCOMES",
           "Rating", "RatingCode", "SATISFIED_SCORES", "Score"]

# Upper-case letters and digits without 0/O/1/I, which a citizen reading a slip confuses: 32 symbols, 8 of them a
# code (2**40 codes), drawn with `secrets` (services.issue_code).
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_SIZE = 8


class Score(models.IntegerChoices):
    VERY_GOOD = 5, _("非常满意")
    GOOD = 4, _("满意")
    FAIR = 3, _("基本满意")
    POOR = 2, _("不满意")
    VERY_POOR = 1, _("非常不满意")


POOR_SCORES = (Score.POOR, Score.VERY_POOR)  # 差评: a reason is required and a complaint opens at the township
SATISFIED_SCORES = (Score.VERY_GOOD, Score.GOOD)  # 满意率 counts these


def _code_shape(field, *, name):
    # Exactly CODE_SIZE symbols of the alphabet: LTRIM(code, alphabet) leaves nothing (constraints.py's way).
    stripped = models.Func(models.F(field), models.Value(CODE_ALPHABET), function="LTRIM",
                           output_field=models.CharField())
    return models.CheckConstraint(
        condition=models.Q(models.lookups.Exact(Length(field), CODE_SIZE),
                           models.lookups.Exact(stripped, models.Value(""))),
        name=name)


class RatingCode(models.Model):
    """The code printed on a completed case's receipt (评价码): whoever holds the receipt may rate the service once.
    One per (source, source_id): issuing it again for the same case answers the same code."""

    code = models.CharField(_("评价码"), max_length=CODE_SIZE, unique=True)
    region_code = models.CharField(_("服务机构"), max_length=CODE_LENGTH)  # the office that served
    service = models.CharField(_("服务事项"), max_length=100)
    source = models.CharField(_("来源"), max_length=32)  # "review" (core.review), "petition", "inspection", ...
    source_id = models.CharField(_("来源编号"), max_length=64)
    served_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("经办人"))
    completed_on = models.DateField(_("办结日期"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("评价码")
        verbose_name_plural = _("评价码")
        indexes = [models.Index(fields=["region_code", "completed_on"])]
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="supervision_ratingcode_region_code_format"),
            _code_shape("code", name="supervision_ratingcode_code_format"),
            models.UniqueConstraint(fields=["source", "source_id"], name="supervision_ratingcode_one_per_source"),
            models.CheckConstraint(condition=~models.Q(source="") & ~models.Q(source_id=""),
                                   name="supervision_ratingcode_source_given"),
        ]

    def __str__(self):
        return self.code

    @property
    def complaint_office_code(self):
        """The office that answers a poor rating of this code: the township of the office that served (a village's
        township; a township, a county's or the city's own office answers its own)."""
        return scoping.township_code_of(self.region_code)

    @property
    def complaint_handler_name(self):
        """That office as the slip and the thank-you page name it to the citizen ("上城街道", "源城区")."""
        region = Region.objects.filter(code=self.complaint_office_code).only("name").first()
        return region.name if region is not None else "乡镇（街道）"


scoping.register(RatingCode)


class Rating(models.Model):
    """A citizen's one rating of a service (好差评), given on the public page with the receipt's code."""

    code = models.OneToOneField(RatingCode, on_delete=models.PROTECT, related_name="rating",
                                verbose_name=_("评价码"))
    score = models.PositiveSmallIntegerField(_("评价"), choices=Score.choices)
    reason = models.CharField(_("理由"), max_length=500, blank=True, default="")
    rated_at = models.DateTimeField(_("评价时间"))
    region_code = models.CharField(_("服务机构"), max_length=CODE_LENGTH)  # copied from the code

    class Meta:
        verbose_name = _("服务评价")
        verbose_name_plural = _("服务评价")
        indexes = [models.Index(fields=["region_code", "rated_at"])]
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="supervision_rating_region_code_format"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5),
                                   name="supervision_rating_score_range"),
            # 不满意 and 非常不满意 say why.
            models.CheckConstraint(condition=models.Q(score__gte=3) | ~models.Q(reason=""),
                                   name="supervision_rating_poor_has_reason"),
        ]

    def __str__(self):
        return f"{self.code} {self.get_score_display()}"

    @property
    def is_poor(self):
        return self.score in POOR_SCORES


scoping.register(Rating)


class ComplaintOrigin(models.TextChoices):
    RATING = "rating", _("差评")
    MAILBOX = "mailbox", _("意见箱")
    PHONE = "phone", _("电话")
    LETTER = "letter", _("来信")
    VISIT = "visit", _("来访")


class ComplaintState(models.TextChoices):
    OPEN = "open", _("办理中")
    CLOSED = "closed", _("已答复")


class ComplaintOutcome(models.TextChoices):
    """What the township found when it checked the complaint (recorded with its reply)."""

    UPHELD = "upheld", _("查实")
    PARTLY = "partly", _("部分查实")
    UNFOUNDED = "unfounded", _("不属实")


# The outcomes the appraisal deducts for (appraisal.rules' per_upheld_complaint): a complaint found true in part is
# still a fault of the service, so 部分查实 is deducted as 查实 is [believed: the county's usual practice].
UPHELD_OUTCOMES = (ComplaintOutcome.UPHELD, ComplaintOutcome.PARTLY)


class Complaint(models.Model):
    """A complaint about an office's service or one of its staff (差评 or 意见箱), handled by the township of the
    office (region_code; a county's or the city's own office handles its own) until it is answered by a reply."""

    region_code = models.CharField(_("办理机构"), max_length=CODE_LENGTH)  # the township (or county/city office)
    office_code = models.CharField(_("被投诉机构"), max_length=CODE_LENGTH)  # the office the complaint is about
    about_staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("被投诉工作人员"))
    origin = models.CharField(_("来源"), max_length=12, choices=ComplaintOrigin.choices)
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, null=True, blank=True, related_name="complaints",
                               verbose_name=_("差评"))
    text = models.CharField(_("投诉内容"), max_length=1000)
    complainant_name = models.CharField(_("投诉人"), max_length=50, blank=True, default="")
    complainant_phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    received_on = models.DateField(_("收到日期"))
    # Null while the holiday arrangement of the year it falls in is not loaded (filled in when it is, rules.py).
    due_date = models.DateField(_("答复期限"), null=True, blank=True)
    reply = models.CharField(_("答复"), max_length=1000, blank=True, default="")
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    outcome = models.CharField(_("核实结果"), max_length=12, choices=ComplaintOutcome.choices, blank=True, default="")
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("答复人"))
    state = models.CharField(_("状态"), max_length=8, choices=ComplaintState.choices, default=ComplaintState.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("登记人"))  # none for a citizen's rating
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("投诉")
        verbose_name_plural = _("投诉")
        indexes = [models.Index(fields=["region_code", "state", "due_date"]),
                   models.Index(fields=["office_code", "received_on"])]
        constraints = [
            constraints.digits("region_code", CODE_LENGTH, name="supervision_complaint_region_code_format"),
            constraints.digits("office_code", CODE_LENGTH, name="supervision_complaint_office_code_format"),
            constraints.one_of("origin", ComplaintOrigin, name="supervision_complaint_origin_valid"),
            constraints.one_of("state", ComplaintState, name="supervision_complaint_state_valid"),
            constraints.one_of("outcome", ComplaintOutcome, blank=True, name="supervision_complaint_outcome_valid"),
            models.CheckConstraint(condition=models.Q(due_date__isnull=True)
                                   | models.Q(due_date__gte=models.F("received_on")),
                                   name="supervision_complaint_due_after_received"),
            # A 差评's complaint points at its rating; one entered by staff does not.
            models.CheckConstraint(condition=models.Q(origin="rating", rating__isnull=False)
                                   | (~models.Q(origin="rating") & models.Q(rating__isnull=True)),
                                   name="supervision_complaint_rating_iff_origin"),
            models.UniqueConstraint(fields=["rating"], condition=models.Q(rating__isnull=False),
                                    name="supervision_complaint_one_per_rating"),
            # Closed means answered: a reply, its day and who gave it.
            models.CheckConstraint(condition=~models.Q(state="closed") | (~models.Q(reply="") & models.Q(
                replied_on__isnull=False, replied_by__isnull=False)), name="supervision_complaint_closed_has_reply"),
            # The outcome is found when answering: an open complaint has none, an answered one has one.
            models.CheckConstraint(condition=models.Q(state="open", outcome="") | (models.Q(state="closed")
                                                                                    & ~models.Q(outcome="")),
                                   name="supervision_complaint_outcome_iff_closed"),
        ]

    def __str__(self):
        return f"{self.received_on} {self.get_origin_display()}"

    @property
    def is_open(self):
        return self.state == ComplaintState.OPEN

    def is_overdue(self, today):
        return self.is_open and self.due_date is not None and today > self.due_date


scoping.register(Complaint)
