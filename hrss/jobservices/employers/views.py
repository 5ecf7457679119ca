"""Pages of the employers part."""

urlpatterns = []
