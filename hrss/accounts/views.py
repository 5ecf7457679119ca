from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hrss.accounts import selectors, services
from hrss.accounts.forms import (
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    RoleForm,
    UserCreateForm,
    UserEditForm,
)
from hrss.accounts.models import PasswordReset, User
from hrss.core import ratelimit, scoping
from hrss.core.middleware import client_address
from hrss.core.permissions import (
    ROLE_ASSIGN,
    USER_MANAGE,
    USER_VIEW,
    has_permission,
    role_choices,
    staff_view,
)

login_view = scoping.public(
    LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm, redirect_authenticated_user=True)
)


@require_POST
def _logout(request):
    logout(request)
    response = redirect("accounts:login")
    # Tell the browser to drop what it cached of the session's pages (PIPL residual data).
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


logout_view = scoping.public(_logout)


def _password_change(request):
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_own_password(user=request.user, old_password=form.cleaned_data["old_password"],
                                         new_password=form.cleaned_data["new_password"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            update_session_auth_hash(request, request.user)
            messages.success(request, "密码已修改。")
            return redirect("core:home")
    return render(request, "accounts/password_change.html", {"form": form})


# Any logged-in account changes its own password; it touches no scoped data.
password_change_view = scoping.mark_view(login_required(_password_change), scoping.SCOPED)


def _errors(error):
    return "；".join(error.messages)


@staff_view(USER_VIEW)
def user_list(request):
    users = selectors.search_users(request.user, request.GET.get("q", "").strip(), request.GET.get("role", ""))
    if request.GET.get("norole"):
        users = users.filter(role_grants__isnull=True)
    if request.GET.get("first_login"):
        users = users.filter(must_change_password=True)
    if request.GET.get("locked"):
        users = users.filter(username__in=selectors.locked_usernames())
    if request.GET.get("reset"):
        users = selectors.awaiting_reset_approval(users)
    if request.GET.get("setup"):
        users = selectors.awaiting_reset_approval(users, PasswordReset.Purpose.SETUP)
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    locked = selectors.locked_usernames(user.username for user in page)
    shown = User.objects.filter(pk__in=[user.pk for user in page])
    return render(request, "accounts/user_list.html", {
        "page": page, "locked": locked, "roles": role_choices(),
        # What waits for the security administrator shows in the status column, as the 待办 link promised.
        "awaiting_reset": set(selectors.awaiting_reset_approval(shown).values_list("pk", flat=True)),
        "awaiting_setup": set(selectors.awaiting_reset_approval(shown, PasswordReset.Purpose.SETUP)
                              .values_list("pk", flat=True)),
        "can_create": has_permission(request.user, USER_MANAGE),
    })


@staff_view(USER_MANAGE)
def user_create(request):
    form = UserCreateForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, first_half = services.open_account(
                actor=request.user, username=data["username"], region=data["region"],
                full_name=data["full_name"], phone=data["phone"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _code_page(request, user, first_half, first=True, setup=True, created=True)
    return render(request, "accounts/user_form.html", {"form": form, "title": "新建工作人员账号"})


@staff_view(USER_VIEW)
def user_detail(request, pk):
    target = scoping.get_visible_or_404(User, request.user, pk=pk)
    return render(request, "accounts/user_detail.html", {
        "target": target,
        "is_locked": target.username in selectors.locked_usernames([target.username]),
        "role_form": RoleForm(initial={"roles": [role.value for role in target.role_list]},
                              level=target.region.level),
        "can_manage": has_permission(request.user, USER_MANAGE),
        "can_assign": has_permission(request.user, ROLE_ASSIGN),
        "pending_reset": services.pending_reset_of(target),
        "needs_setup": services.purpose_for(target) == PasswordReset.Purpose.SETUP,
    })


@staff_view(USER_MANAGE)
def user_edit(request, pk):
    target = scoping.get_visible_or_404(User, request.user, pk=pk)
    initial = {"full_name": target.full_name, "phone": target.phone, "region": target.region.code}
    form = UserEditForm(request.POST or None, actor=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_user(actor=request.user, user=target, full_name=data["full_name"],
                                 phone=data["phone"], region=data["region"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "已保存。")
            return redirect("accounts:user-detail", pk=target.pk)
    return render(request, "accounts/user_form.html", {"form": form, "title": f"修改账号：{target.username}"})


@require_POST
@staff_view(ROLE_ASSIGN)
def user_roles(request, pk):
    target = scoping.get_visible_or_404(User, request.user, pk=pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.set_roles(actor=request.user, user=target, roles=form.cleaned_data["roles"])
            messages.success(request, "角色已更新。")
        except ValidationError as error:
            messages.error(request, f"未保存：{_errors(error)}")
    else:
        messages.error(request, "未保存：所选角色无效。")
    return redirect("accounts:user-detail", pk=target.pk)


@require_POST
@staff_view(USER_MANAGE)
def user_set_active(request, pk):
    target = scoping.get_visible_or_404(User, request.user, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_active(actor=request.user, user=target, active=active)
        messages.success(request, "账号已启用。" if active else "账号已停用，其登录会话已全部失效。")
    except ValidationError as error:
        messages.error(request, _errors(error))
    return redirect("accounts:user-detail", pk=target.pk)


@require_POST
@staff_view(USER_MANAGE)
def user_reset_password(request, pk):
    """The system administrator asks for a reset and is given the code's first half (ADR 0008)."""
    target = scoping.get_visible_or_404(User, request.user, pk=pk)
    try:
        reset, first_half = services.request_password_reset(actor=request.user, user=target)
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("accounts:user-detail", pk=target.pk)
    return _code_page(request, target, first_half, first=True, setup=reset.purpose == PasswordReset.Purpose.SETUP)


@require_POST
@staff_view(ROLE_ASSIGN)
def user_reset_approve(request, pk):
    """The security administrator approves the reset and is given the code's second half (ADR 0008)."""
    target = scoping.get_visible_or_404(User, request.user, pk=pk)
    try:
        reset, second_half = services.approve_password_reset(actor=request.user, user=target)
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("accounts:user-detail", pk=target.pk)
    return _code_page(request, target, second_half, first=False, setup=reset.purpose == PasswordReset.Purpose.SETUP)


def _code_page(request, target, half, *, first, setup, created=False):
    """The page showing one half of a one-time code, once, to the administrator who is to tell it to the person."""
    return render(request, "accounts/password_reset_code.html", {
        "target": target, "half": half, "first": first, "setup": setup, "created": created,
        "hours": settings.HRSS_PASSWORD_RESET_HOURS})


def _password_reset(request):
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, retry_after = ratelimit.allow("password_reset", "address:" + client_address(request))
        if not allowed:
            return ratelimit.too_many(retry_after)
        data = form.cleaned_data
        try:
            services.complete_password_reset(username=data["username"], first_half=data["first_half"],
                                             second_half=data["second_half"], new_password=data["new_password"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "新密码已设置，请用新密码登录。")
            return redirect("accounts:login")
    return render(request, "accounts/password_reset.html", {"form": form, "code_rules": services.RESET_CODE_RULES})


# Anyone may try: the two halves of the code are the proof, counted per address and per reset.
password_reset_view = scoping.public(_password_reset)


@require_POST
@staff_view(ROLE_ASSIGN)
def user_unlock(request, pk):
    target = scoping.get_visible_or_404(User, request.user, pk=pk)
    services.unlock_user(actor=request.user, user=target)
    messages.success(request, f"已解除“{target.username}”的登录锁定。")
    return redirect("accounts:user-detail", pk=target.pk)
