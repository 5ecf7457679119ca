from django.urls import include, path

from hrss.api.urls import api, mark_api_views

api_patterns, api_app_name, api_namespace = api.urls
mark_api_views(api_patterns)

urlpatterns = [
    path("accounts/", include("hrss.accounts.urls")),
    path("residents/", include("hrss.residents.urls")),
    path("employment/", include("hrss.employment.urls")),
    path("api/v1/", include((api_patterns, api_app_name), namespace=api_namespace)),
    path("", include("hrss.core.urls")),
]

handler400 = "hrss.core.views.bad_request"
handler403 = "hrss.core.views.permission_denied"
handler404 = "hrss.core.views.page_not_found"
handler500 = "hrss.core.views.server_error"
