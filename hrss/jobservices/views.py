"""The area's home page (就业服务): what each part offers the user, as its parts declare it."""

from django.shortcuts import render

from hrss.core.permissions import has_permission, staff_view
from hrss.jobservices.area import PARTS
from hrss.jobservices.permissions import JOBSERVICES_VIEW


@staff_view(JOBSERVICES_VIEW)
def home(request):
    links = sorted((link for part in PARTS for link in part.links if has_permission(request.user, link.permission)),
                   key=lambda link: link.order)
    return render(request, "jobservices/home.html", {"links": links})
