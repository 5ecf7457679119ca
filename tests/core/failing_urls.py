"""A URLconf with one view that fails, to see the server-error page (tests/core/test_error_pages.py)."""

from django.urls import path

from hrss.core import scoping
from hrss.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


@scoping.public
def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", boom), *urlpatterns]
