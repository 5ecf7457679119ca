"""The area's home page (就业服务): what each part offers the user, as its parts declare it."""

from django.shortcuts import render

from hrss.core.parts import hub_links
from hrss.core.permissions import staff_view
from hrss.jobservices.area import PARTS
from hrss.jobservices.permissions import JOBSERVICES_VIEW


@staff_view(JOBSERVICES_VIEW)
def home(request):
    return render(request, "jobservices/home.html", {"links": hub_links(PARTS, request.user)})
