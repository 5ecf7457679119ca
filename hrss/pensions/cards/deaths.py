"""A death cancels the person's standing card: the benefits part reports a death once
(pensions.benefits.services.report_death, which checks the actor and audits the death) and runs its after_death
hooks inside that transaction; this one cancels the card or the application on its way (已注销), with its own audit
entry naming the card."""

from hrss.core import audit
from hrss.pensions.models import CardApplication, CardState
from hrss.pensions.models.cards import ENDED


def cancel_standing_card(person, died_on, actor, today):
    """benefits.services.after_death's hook: the person's standing card (if any) is cancelled on `today`."""
    for application in CardApplication.objects.filter(person=person).exclude(state__in=ENDED).defer("photo"):
        CardApplication.objects.filter(pk=application.pk).update(
            state=CardState.CANCELLED, cancelled_on=today, note="死亡注销")
        audit.record(actor=actor, action="pensions.card.cancelled", target=application,
                     region_code=application.region_code, subject_id_number=person.id_number,
                     before={"card_state": application.state},
                     after={"card_state": CardState.CANCELLED, "cancelled_on": today, "died_on": died_on},
                     note="死亡注销")
