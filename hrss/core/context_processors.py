from hrss.core.permissions import Permission, permissions_of


def workbench(request):
    """Navigation for the workbench: which sections this user's roles open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    granted = permissions_of(user)
    return {
        "nav": {
            "regions": Permission.REGION_VIEW in granted,
            "residents": Permission.RESIDENT_VIEW in granted,
            "users": Permission.USER_VIEW in granted,
            "audit": Permission.AUDIT_VIEW in granted,
            "employment": Permission.EMPLOYMENT_VIEW in granted,
        },
    }
