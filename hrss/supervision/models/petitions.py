"""The petitions part's models (信访): a petition (信访事项) recorded where it was received (首问负责), carried up to
the office that decides, with its legal deadlines stored when each period starts (deadlines.py), and its history
as an append-only list of events. Owned by the petitions part; other parts read Petition by the field names of
the contract (region_code, received_by, received_on, channel, category, petitioner_*, state, accept_due,
handle_due, concluded_on, handler)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.id_numbers import mask
from hrss.core.models import CODE_LENGTH

__all__ = ["CLOSED_STATES", "OPEN_STATES", "Petition", "PetitionCategory", "PetitionChannel", "PetitionDecision",
           "PetitionEvent", "PetitionEventKind", "PetitionState"]

NUMBER_LENGTH = 17  # XF + the county's six digits + the year + a five-digit sequence: XF441602202600001


class PetitionChannel(models.TextChoices):
    VISIT = "visit", _("来访")
    LETTER = "letter", _("来信")
    PHONE = "phone", _("来电")
    ONLINE = "online", _("网上信访")


class PetitionCategory(models.TextChoices):
    WAGES = "wages", _("欠薪")
    CONTRACT = "contract", _("劳动合同")
    SOCIAL_INSURANCE = "social_insurance", _("社会保险")
    INJURY = "injury", _("工伤")
    LABOUR_LAW = "labour_law", _("其他劳动保障违法")
    OTHER = "other", _("其他")


# The categories a petition can be passed to labour inspection with (劳动保障监察条例 art. 11: violations of the
# labour-security laws, of which unpaid wages are the most).
INSPECTION_CATEGORIES = (PetitionCategory.WAGES, PetitionCategory.LABOUR_LAW)


class PetitionState(models.TextChoices):
    RECEIVED = "received", _("待受理")
    ACCEPTED = "accepted", _("办理中")
    FORWARDED = "forwarded", _("已转送")
    NOT_ACCEPTED = "not_accepted", _("不予受理")
    REPLIED = "replied", _("已办结答复")
    REVIEW = "review", _("复查中")
    REVIEWED = "reviewed", _("已复查")
    RECHECK = "recheck", _("复核中")
    RECHECKED = "rechecked", _("已复核")


OPEN_STATES = (PetitionState.RECEIVED, PetitionState.ACCEPTED, PetitionState.FORWARDED, PetitionState.REVIEW,
               PetitionState.RECHECK)
CLOSED_STATES = (PetitionState.NOT_ACCEPTED, PetitionState.REPLIED, PetitionState.REVIEWED, PetitionState.RECHECKED)
REPLIED_STATES = (PetitionState.REPLIED, PetitionState.REVIEW, PetitionState.REVIEWED, PetitionState.RECHECK,
                  PetitionState.RECHECKED)
REVIEW_STATES = (PetitionState.REVIEW, PetitionState.REVIEWED, PetitionState.RECHECK, PetitionState.RECHECKED)
RECHECK_STATES = (PetitionState.RECHECK, PetitionState.RECHECKED)
# The due dates a petition stores, as (field, label).
DUE_FIELDS = (("accept_due", "受理期限"), ("handle_due_initial", "原办理期限"), ("handle_due", "办理期限"),
              ("review_request_due", "复查请求期限"), ("review_due", "复查期限"),
              ("recheck_request_due", "复核请求期限"), ("recheck_due", "复核期限"))


class PetitionDecision(models.TextChoices):
    ACCEPT = "accept", _("受理")
    FORWARD = "forward", _("转送有权处理的机关")
    NOT_ACCEPT = "not_accept", _("不予受理")


class Petition(models.Model):
    """A petition (信访事项) held by the office `region_code` (a village records it; the township or county that it
    is carried up to decides, handles and replies)."""

    number = models.CharField(_("信访件编号"), max_length=NUMBER_LENGTH, unique=True)
    region_code = models.CharField(_("承办机关"), max_length=CODE_LENGTH)
    received_at_code = models.CharField(_("首次接待地"), max_length=CODE_LENGTH)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("首问负责人"))
    received_on = models.DateField(_("收到日期"))
    channel = models.CharField(_("信访形式"), max_length=8, choices=PetitionChannel.choices)
    category = models.CharField(_("问题类别"), max_length=16, choices=PetitionCategory.choices)
    petitioner_name = models.CharField(_("信访人"), max_length=50)
    petitioner_id_number = models.CharField(_("信访人公民身份号码"), max_length=18, blank=True, default="")
    petitioner_phone = models.CharField(_("联系电话"), max_length=20, blank=True, default="")
    petitioner_address = models.CharField(_("住址"), max_length=100, blank=True, default="")
    subject = models.CharField(_("事由"), max_length=100)
    summary = models.CharField(_("主要诉求和情况"), max_length=2000)
    employer_name = models.CharField(_("涉及单位"), max_length=100, blank=True, default="")
    employer_uscc = models.CharField(_("单位统一社会信用代码"), max_length=18, blank=True, default="")
    workers_count = models.PositiveIntegerField(_("涉及人数"), default=1)
    amount_claimed = models.DecimalField(_("诉求金额（元）"), max_digits=12, decimal_places=2, null=True, blank=True)
    repeat_of = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="repeats",
                                  verbose_name=_("重复信访：前次信访件"))
    state = models.CharField(_("状态"), max_length=16, choices=PetitionState.choices, default=PetitionState.RECEIVED)
    accept_due = models.DateField(_("受理期限"))
    # The decision (受理/转送/不予受理) by the township or county holding it.
    decision = models.CharField(_("受理意见"), max_length=12, choices=PetitionDecision.choices, blank=True, default="")
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("决定人"))
    forwarded_to = models.CharField(_("转送机关"), max_length=100, blank=True, default="")
    decision_reason = models.CharField(_("不予受理理由或转送说明"), max_length=500, blank=True, default="")
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("承办人"))
    handle_due_initial = models.DateField(_("原办理期限"), null=True, blank=True)
    handle_due = models.DateField(_("办理期限"), null=True, blank=True)  # with the extension applied
    extension_days = models.PositiveSmallIntegerField(_("延长天数"), null=True, blank=True)
    extension_reason = models.CharField(_("延期理由"), max_length=500, blank=True, default="")
    extended_on = models.DateField(_("延期日期"), null=True, blank=True)
    # 信访工作条例 art. 32: "经本机关、单位负责人批准": the leader of the holding office who approved (and recorded) it.
    extension_approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                              blank=True, related_name="+", verbose_name=_("延期批准人"))
    reply = models.CharField(_("答复意见"), max_length=2000, blank=True, default="")
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("答复人"))
    concluded_on = models.DateField(_("办结日期"), null=True, blank=True)
    # 复查 by the office above the one that replied, then 复核 by the one above that.
    review_request_due = models.DateField(_("复查请求期限"), null=True, blank=True)
    review_requested_on = models.DateField(_("复查请求日期"), null=True, blank=True)
    review_request = models.CharField(_("复查请求"), max_length=1000, blank=True, default="")
    review_due = models.DateField(_("复查期限"), null=True, blank=True)
    review_opinion = models.CharField(_("复查意见"), max_length=2000, blank=True, default="")
    reviewed_on = models.DateField(_("复查意见日期"), null=True, blank=True)
    recheck_request_due = models.DateField(_("复核请求期限"), null=True, blank=True)
    recheck_requested_on = models.DateField(_("复核请求日期"), null=True, blank=True)
    recheck_request = models.CharField(_("复核请求"), max_length=1000, blank=True, default="")
    recheck_due = models.DateField(_("复核期限"), null=True, blank=True)
    recheck_opinion = models.CharField(_("复核意见"), max_length=2000, blank=True, default="")
    rechecked_on = models.DateField(_("复核意见日期"), null=True, blank=True)
    # The due dates (field names of DUE_FIELDS) counted in calendar days without the roll-over over rest days
    # because the year they reach has no holiday arrangement loaded yet (deadlines.due_or_provisional); recomputed
    # when it is loaded (petitions.services.recompute_provisional_dues).
    provisional_dues = models.JSONField(_("暂按自然日计的期限"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("信访事项")
        verbose_name_plural = _("信访事项")
        indexes = [models.Index(fields=["region_code", "state"]), models.Index(fields=["region_code", "received_on"]),
                   models.Index(fields=["petitioner_id_number"]), models.Index(fields=["petitioner_name"])]
        constraints = [
            constraints.digits("region_code", 12, name="supervision_petition_region_code_format"),
            constraints.digits("received_at_code", 12, name="supervision_petition_received_at_code_format"),
            models.CheckConstraint(condition=models.Q(number__startswith="XF")
                                   & models.lookups.Exact(Length("number"), NUMBER_LENGTH),
                                   name="supervision_petition_number_format"),
            constraints.one_of("state", PetitionState, name="supervision_petition_state_valid"),
            constraints.one_of("channel", PetitionChannel, name="supervision_petition_channel_valid"),
            constraints.one_of("category", PetitionCategory, name="supervision_petition_category_valid"),
            constraints.one_of("decision", PetitionDecision, blank=True, name="supervision_petition_decision_valid"),
            constraints.id_number("petitioner_id_number", blank=True,
                                  name="supervision_petition_id_number_format"),
            models.CheckConstraint(condition=models.Q(employer_uscc="")
                                   | models.lookups.Exact(Length("employer_uscc"), 18),
                                   name="supervision_petition_uscc_format"),
            models.CheckConstraint(condition=models.Q(workers_count__gte=1), name="supervision_petition_workers_count"),
            models.CheckConstraint(condition=models.Q(amount_claimed__isnull=True) | models.Q(amount_claimed__gte=0),
                                   name="supervision_petition_amount_not_negative"),
            # Undecided exactly while waiting for the decision; a decision has its day and its maker.
            models.CheckConstraint(condition=models.Q(state="received", decision="", decided_on__isnull=True)
                                   | (~models.Q(state="received") & ~models.Q(decision="")
                                      & models.Q(decided_on__isnull=False, decided_by__isnull=False)),
                                   name="supervision_petition_decided"),
            models.CheckConstraint(condition=~models.Q(decision="accept")
                                   | models.Q(accepted_on__isnull=False, handle_due__isnull=False,
                                              handle_due_initial__isnull=False),
                                   name="supervision_petition_accepted_has_due"),
            models.CheckConstraint(condition=~models.Q(decision="forward") | ~models.Q(forwarded_to=""),
                                   name="supervision_petition_forward_names_agency"),
            models.CheckConstraint(condition=~models.Q(decision="not_accept") | ~models.Q(decision_reason=""),
                                   name="supervision_petition_not_accept_has_reason"),
            models.CheckConstraint(condition=models.Q(extension_days__isnull=True, extension_reason="",
                                                      extended_on__isnull=True, extension_approved_by__isnull=True)
                                   | models.Q(extension_days__gte=1, extended_on__isnull=False,
                                              extension_approved_by__isnull=False, decision="accept")
                                   & ~models.Q(extension_reason=""),
                                   name="supervision_petition_extension_has_reason"),
            # Closed with a reply (办结须答复); a review and a recheck have their days and opinions.
            models.CheckConstraint(condition=~models.Q(state__in=REPLIED_STATES)
                                   | models.Q(replied_on__isnull=False, review_request_due__isnull=False)
                                   & ~models.Q(reply=""),
                                   name="supervision_petition_replied_has_reply"),
            models.CheckConstraint(condition=~models.Q(state__in=CLOSED_STATES) | models.Q(concluded_on__isnull=False),
                                   name="supervision_petition_closed_has_day"),
            models.CheckConstraint(condition=~models.Q(state__in=REVIEW_STATES)
                                   | models.Q(review_requested_on__isnull=False, review_due__isnull=False),
                                   name="supervision_petition_review_has_due"),
            models.CheckConstraint(condition=~models.Q(state__in=("reviewed", *RECHECK_STATES))
                                   | models.Q(reviewed_on__isnull=False, recheck_request_due__isnull=False)
                                   & ~models.Q(review_opinion=""),
                                   name="supervision_petition_reviewed_has_opinion"),
            models.CheckConstraint(condition=~models.Q(state__in=RECHECK_STATES)
                                   | models.Q(recheck_requested_on__isnull=False, recheck_due__isnull=False),
                                   name="supervision_petition_recheck_has_due"),
            models.CheckConstraint(condition=~models.Q(state="rechecked")
                                   | models.Q(rechecked_on__isnull=False) & ~models.Q(recheck_opinion=""),
                                   name="supervision_petition_rechecked_has_opinion"),
        ]

    def __str__(self):
        return f"{self.number} {self.subject}"

    @property
    def masked_id_number(self):
        return mask(self.petitioner_id_number) if self.petitioner_id_number else ""

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    def due_text(self, field):
        """The due date `field` as shown: "2027-01-04（暂按自然日计，…）" while provisional; "" when not set."""
        from hrss.supervision.deadlines import due_text

        day = getattr(self, field)
        return "" if day is None else due_text(day, field in self.provisional_dues)

    def current_due_field(self):
        return {PetitionState.RECEIVED: "accept_due", PetitionState.ACCEPTED: "handle_due",
                PetitionState.REVIEW: "review_due", PetitionState.RECHECK: "recheck_due"}.get(self.state)

    def current_due_provisional(self):
        return self.current_due_field() in self.provisional_dues

    def current_due(self):
        """(what is due, the day) of the period running now, or None when nothing is waiting for this office."""
        if self.state == PetitionState.RECEIVED:
            return ("受理期限", self.accept_due)
        if self.state == PetitionState.ACCEPTED:
            return ("办理期限", self.handle_due)
        if self.state == PetitionState.REVIEW:
            return ("复查期限", self.review_due)
        if self.state == PetitionState.RECHECK:
            return ("复核期限", self.recheck_due)
        return None

    def days_left(self, today):
        """Calendar days from `today` to the running period's last day (negative when overdue), or None."""
        due = self.current_due()
        return None if due is None else (due[1] - today).days

    def is_overdue(self, today):
        left = self.days_left(today)
        return left is not None and left < 0

    @property
    def decided_late(self):
        return self.decided_on is not None and self.decided_on > self.accept_due

    @property
    def replied_late(self):
        return (self.replied_on is not None and self.handle_due is not None and self.decision == "accept"
                and self.replied_on > self.handle_due)


scoping.register(Petition)


class PetitionEventKind(models.TextChoices):
    RECEIVED = "received", _("登记")
    FORWARDED_UP = "forwarded_up", _("上报")
    ACCEPTED = "accepted", _("受理")
    FORWARDED = "forwarded", _("转送")
    INSPECTION = "inspection", _("转劳动保障监察")
    NOT_ACCEPTED = "not_accepted", _("不予受理")
    EXTENDED = "extended", _("延期")
    REPLIED = "replied", _("办结答复")
    REVIEW_REQUESTED = "review_requested", _("请求复查")
    REVIEWED = "reviewed", _("复查意见")
    RECHECK_REQUESTED = "recheck_requested", _("请求复核")
    RECHECKED = "rechecked", _("复核意见")


class PetitionEvent(models.Model):
    """One step of a petition's history (who, what, when, note), written by the service that takes the step and
    never changed: the page's 办理记录. Scoped through its petition."""

    petition = models.ForeignKey(Petition, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("事项"), max_length=20, choices=PetitionEventKind.choices)
    on = models.DateField(_("日期"))
    office_code = models.CharField(_("办理机关"), max_length=CODE_LENGTH)  # where it was done, as it was then
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("经办人"))
    note = models.CharField(_("说明"), max_length=500, blank=True, default="")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("信访办理记录")
        verbose_name_plural = _("信访办理记录")
        indexes = [models.Index(fields=["petition", "at"])]
        constraints = [
            constraints.one_of("kind", PetitionEventKind, name="supervision_petitionevent_kind_valid"),
            constraints.digits("office_code", 12, name="supervision_petitionevent_office_code_format"),
        ]

    def __str__(self):
        return f"{self.on} {self.get_kind_display()}"


scoping.register(PetitionEvent, code_field="petition__region_code")
