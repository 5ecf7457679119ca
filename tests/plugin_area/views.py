from django.shortcuts import render

from hrss.core import scoping
from hrss.core.permissions import staff_view
from tests.plugin_area.models import Visit
from tests.plugin_area.permissions import VISIT_VIEW


@staff_view(VISIT_VIEW)
def visit_list(request):
    visits = scoping.visible_to(request.user, Visit.objects.select_related("person"))
    return render(request, "plugin_area/visit_list.html", {"visits": visits})
