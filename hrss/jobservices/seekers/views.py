"""Pages of the seekers part."""

urlpatterns = []
