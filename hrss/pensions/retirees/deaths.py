"""A death reported in the benefits part (benefits.services.report_death) closes the person's standing retiree
record the same way record_death does: registered with benefits.services.after_death in declare.py, run inside
report_death's transaction after its own checks of the actor."""

from hrss.core import audit
from hrss.pensions.models import Retiree, RetireeState
from hrss.pensions.models.retirees import STANDING_STATES


def close_on_death(person, died_on, actor, today):
    for retiree in Retiree.objects.filter(person=person, state__in=STANDING_STATES).select_related("person"):
        before = retiree.state
        Retiree.objects.filter(pk=retiree.pk).update(state=RetireeState.DIED, died_on=died_on)
        audit.record(actor=actor, action="pensions.retiree.died", target=retiree, region_code=retiree.region_code,
                     subject_id_number=person.id_number, before={"retiree_state": before},
                     after={"retiree_state": RetireeState.DIED, "died_on": died_on}, note="待遇领取死亡登记")
