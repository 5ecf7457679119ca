"""The activity part's pages (url names prefixed "activity")."""

urlpatterns = []
