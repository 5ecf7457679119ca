"""Pages of the loans part."""

urlpatterns = []
