"""Pages of the training part."""

urlpatterns = []
