"""Pages of the guidance part."""

urlpatterns = []
