from hrss.core import scoping
from hrss.core.permissions import has_permission
from tests.plugin_area.models import Visit
from tests.plugin_area.permissions import VISIT_VIEW


def person_visits(request, person):
    if not has_permission(request.user, VISIT_VIEW):
        return None
    return {"visits": scoping.visible_to(request.user, Visit.objects.filter(person=person))}
