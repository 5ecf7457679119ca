"""社会保障卡: a resident's application for a card at the village (photo, ID seen), the county's production batches
(sent, made, arrived at the service point), the hand-over with the receiver's name, activation, loss and the
replacement that refers to the lost card. Owned by the cards part."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH
from hrss.residents.models import Person

__all__ = ["CardApplication", "CardBatch", "CardBatchState", "CardReason", "CardState"]


class CardState(models.TextChoices):
    APPLIED = "applied", _("已申领")
    IN_BATCH = "in_batch", _("制卡中")
    MADE = "made", _("已制卡")
    ARRIVED = "arrived", _("已到达网点")
    HANDED_OVER = "handed_over", _("已领取")
    ACTIVE = "active", _("已激活")
    LOST = "lost", _("已挂失")
    CANCELLED = "cancelled", _("已注销")


class CardReason(models.TextChoices):
    NEW = "new", _("首次申领")
    REPLACEMENT = "replacement", _("补领")
    RENEWAL = "renewal", _("换领")


# States with a card number (made or later; a lost card was one that had been handed over).
NUMBERED = ("made", "arrived", "handed_over", "active", "lost")
# Not standing: a person may apply again.
ENDED = ("lost", "cancelled")


class CardBatchState(models.TextChoices):
    SENT = "sent", _("已送制卡")
    MADE = "made", _("已制卡")
    ARRIVED = "arrived", _("已到达网点")


class CardBatch(models.Model):
    """One county's production batch: the applications waiting there on the day it was made, sent to the card
    maker; made (card numbers returned) and arrived at the service points."""

    region_code = models.CharField(_("县(区)"), max_length=CODE_LENGTH)
    number = models.CharField(_("批次号"), max_length=30)
    state = models.CharField(_("状态"), max_length=8, choices=CardBatchState.choices, default=CardBatchState.SENT)
    created_on = models.DateField(_("组批日期"))
    sent_on = models.DateField(_("送制日期"))
    made_on = models.DateField(_("制卡完成日期"), null=True, blank=True)
    arrived_on = models.DateField(_("到达网点日期"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("社保卡制卡批次")
        verbose_name_plural = _("社保卡制卡批次")
        constraints = [
            constraints.digits("region_code", 12, name="pensions_cardbatch_region_code_format"),
            constraints.one_of("state", CardBatchState, name="pensions_cardbatch_state_valid"),
            models.UniqueConstraint(fields=["region_code", "number"], name="pensions_cardbatch_number_unique"),
            models.CheckConstraint(condition=models.Q(arrived_on__isnull=True)
                                   | models.Q(made_on__isnull=False, arrived_on__gte=models.F("made_on")),
                                   name="pensions_cardbatch_arrived_after_made"),
        ]

    def __str__(self):
        return f"制卡批次 {self.number}"


scoping.register(CardBatch)


class CardApplication(models.Model):
    """One application for a social-security card, kept in the village where it was applied (it follows its person
    until handed over). The photo is kept here, re-encoded without its EXIF data, and is served only by the
    part's scoped page (never a media URL). At most one application of a person stands (not lost or cancelled)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="card_applications")
    region_code = models.CharField(_("申领地"), max_length=CODE_LENGTH)
    applied_on = models.DateField(_("申领日期"))
    state = models.CharField(_("状态"), max_length=12, choices=CardState.choices, default=CardState.APPLIED)
    reason = models.CharField(_("申领类型"), max_length=12, choices=CardReason.choices, default=CardReason.NEW)
    replaces = models.ForeignKey("self", verbose_name=_("原卡"), on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="replaced_by")
    photo = models.BinaryField(_("照片"), editable=False)
    photo_type = models.CharField(_("照片格式"), max_length=12)  # image/jpeg or image/png
    id_seen = models.BooleanField(_("已核验身份证"), default=False)
    batch = models.ForeignKey(CardBatch, verbose_name=_("制卡批次"), on_delete=models.PROTECT, null=True, blank=True,
                              related_name="applications")
    card_number = models.CharField(_("社保卡号"), max_length=20, blank=True, default="")
    handed_over_on = models.DateField(_("领取日期"), null=True, blank=True)
    received_by = models.CharField(_("领取人"), max_length=50, blank=True, default="")
    received_relation = models.CharField(_("代领人与本人关系"), max_length=20, blank=True, default="")
    activated_on = models.DateField(_("激活日期"), null=True, blank=True)
    lost_on = models.DateField(_("挂失日期"), null=True, blank=True)
    cancelled_on = models.DateField(_("注销日期"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("社保卡申领")
        verbose_name_plural = _("社保卡申领")
        indexes = [models.Index(fields=["region_code", "state"])]
        constraints = [
            constraints.digits("region_code", 12, name="pensions_cardapplication_region_code_format"),
            constraints.one_of("state", CardState, name="pensions_cardapplication_state_valid"),
            constraints.one_of("reason", CardReason, name="pensions_cardapplication_reason_valid"),
            models.UniqueConstraint(fields=["person"], condition=~models.Q(state__in=ENDED),
                                    name="pensions_cardapplication_one_standing_per_person"),
            models.UniqueConstraint(fields=["card_number"], condition=~models.Q(card_number=""),
                                    name="pensions_cardapplication_card_number_unique"),
            models.CheckConstraint(condition=models.Q(id_seen=True), name="pensions_cardapplication_id_seen"),
            models.CheckConstraint(condition=~models.Q(state__in=NUMBERED) | ~models.Q(card_number=""),
                                   name="pensions_cardapplication_numbered_when_made"),
            models.CheckConstraint(condition=~models.Q(reason="replacement") | models.Q(replaces__isnull=False),
                                   name="pensions_cardapplication_replacement_refers"),
            models.CheckConstraint(condition=~models.Q(state__in=["handed_over", "active"])
                                   | (models.Q(handed_over_on__isnull=False) & ~models.Q(received_by="")),
                                   name="pensions_cardapplication_handed_over_to_someone"),
        ]

    def __str__(self):
        return f"{self.person} 社保卡（{self.get_state_display()}）"

    @property
    def is_standing(self):
        return self.state not in ENDED


scoping.register(CardApplication)
