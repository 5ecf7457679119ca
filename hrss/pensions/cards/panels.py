"""The person page's 社会保障卡 panel (core.areas.Panel, declared in declare.py): the card's status and history."""

from hrss.core.permissions import has_permission
from hrss.pensions.cards import selectors, services
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW


def person_card(request, person):
    """The person's cards the user may see, newest first, and whether the user may take an application; None for a
    user without the area's permission."""
    user = request.user
    if not has_permission(user, PENSIONS_VIEW):
        return None
    history = list(selectors.history_of(user, person)[:10])
    current = next((application for application in history if application.is_standing), None)
    may_apply = (has_permission(user, PENSIONS_HANDLE) and bool(set(user.role_list) & services.VILLAGE_ROLES)
                 and current is None)
    return {"person": person, "current": current, "may_apply": may_apply,
            "history": [application for application in history if application is not current],
            "lost": bool(history) and history[0].state == "lost"}
