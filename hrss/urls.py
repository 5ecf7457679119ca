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
