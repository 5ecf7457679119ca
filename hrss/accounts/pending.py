from django.conf import settings
from django.urls import reverse

from hrss.accounts.models import PasswordReset
from hrss.accounts.selectors import awaiting_reset_approval, locked_usernames, users_visible_to
from hrss.core.pending import PendingItem
from hrss.core.permissions import ROLE_ASSIGN, USER_MANAGE, has_permission

# None of the security administrator's items is ever 逾期 (overdue): a reset or a setup request lapses by itself
# HRSS_PASSWORD_RESET_HOURS after it was asked for (the title says so), before any working-day deadline could pass,
# and a locked account has no deadline (it is checked with the person first).


def account_work(user):
    items = []
    if has_permission(user, ROLE_ASSIGN):
        valid = f"（申请后{settings.HRSS_PASSWORD_RESET_HOURS}小时内有效）"
        visible = users_visible_to(user).filter(is_active=True)
        without_roles = visible.filter(role_grants__isnull=True).count()
        items.append(PendingItem("待分配角色的账号", without_roles, reverse("accounts:user-list") + "?norole=1"))
        locked = len(locked_usernames(visible.values_list("username", flat=True)))
        items.append(PendingItem("被锁定待核实的账号", locked, reverse("accounts:user-list") + "?locked=1"))
        setups = awaiting_reset_approval(visible, PasswordReset.Purpose.SETUP).count()
        items.append(PendingItem("待核准开设的账号" + valid, setups, reverse("accounts:user-list") + "?setup=1"))
        resets = awaiting_reset_approval(visible).exclude(pk=user.pk).count()
        items.append(PendingItem("待核准的密码重置" + valid, resets, reverse("accounts:user-list") + "?reset=1"))
    if has_permission(user, USER_MANAGE):
        first_login = users_visible_to(user).filter(is_active=True, must_change_password=True).count()
        items.append(PendingItem("尚未首次登录改密的账号", first_login,
                                 reverse("accounts:user-list") + "?first_login=1"))
    return items
