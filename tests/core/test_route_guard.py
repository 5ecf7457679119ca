import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path


def unclassified_view(request):
    return HttpResponse("secret data for everyone")


urlpatterns = [path("forgotten/", unclassified_view)]


@override_settings(ROOT_URLCONF=__name__)
def test_a_view_added_without_scope_is_refused(client, db):
    with pytest.raises(ImproperlyConfigured, match="not classified"):
        client.get("/forgotten/")
