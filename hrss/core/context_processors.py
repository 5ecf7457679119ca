from hrss.core.permissions import AUDIT_VIEW, REGION_VIEW, USER_VIEW, permissions_of
from hrss.employment.permissions import EMPLOYMENT_VIEW
from hrss.residents.permissions import RESIDENT_VIEW


def workbench(request):
    """Navigation for the workbench: which sections this user's roles open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    granted = permissions_of(user)
    return {
        "nav": {
            "regions": REGION_VIEW in granted,
            "residents": RESIDENT_VIEW in granted,
            "users": USER_VIEW in granted,
            "audit": AUDIT_VIEW in granted,
            "employment": EMPLOYMENT_VIEW in granted,
        },
    }
