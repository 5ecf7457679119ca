"""Pages of the referrals part."""

urlpatterns = []
