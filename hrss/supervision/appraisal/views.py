"""The appraisal part's pages (考核); url names are prefixed with the part."""

urlpatterns = []
