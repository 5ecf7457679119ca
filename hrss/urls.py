from django.urls import include, path

from hrss.api.urls import api, mark_api_views
from hrss.core import areas

api_patterns, api_app_name, api_namespace = api.urls
mark_api_views(api_patterns)

# Each registered area's pages are mounted by convention: the app's `urls` module (with app_name = its label)
# under /<label>/ (core.areas.url_includes); a new area edits nothing here.
urlpatterns = [
    *(path(f"{label}/", include(module, namespace=label)) for label, module in areas.url_includes()),
    path("api/v1/", include((api_patterns, api_app_name), namespace=api_namespace)),
    path("", include("hrss.core.urls")),
]

handler400 = "hrss.core.views.bad_request"
handler403 = "hrss.core.views.permission_denied"
handler404 = "hrss.core.views.page_not_found"
handler500 = "hrss.core.views.server_error"
