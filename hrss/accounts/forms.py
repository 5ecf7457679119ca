from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from hrss.core.forms import RefusesInvisibleCharacters, RegionField, StyledForm, style_form
from hrss.core.permissions import all_roles, levels_of, role_choices
from hrss.core.text import RefuseWhitespace


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确，请检查后重新输入（区分大小写）。连续输错多次，账号将被暂时锁定。",
        "inactive": "该账号已停用，请联系系统管理员。",
    }


class UserCreateForm(StyledForm):
    # One word, without the invisible characters StyledForm refuses in every text field (core.text).
    username = forms.CharField(label="用户名", max_length=150, validators=[RefuseWhitespace("用户名")])
    full_name = forms.CharField(label="姓名", max_length=50)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(label="所属区域", user=actor,
                                            help_text="输入区域名称从列表中选择，或输入12位区划代码")
        style_form(self)


class UserEditForm(UserCreateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["username"]


class RoleForm(forms.Form):
    roles = forms.MultipleChoiceField(label="角色", choices=role_choices, required=False,
                                      widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, level=None, **kwargs):
        """With `level`, only the roles that may be held at that level are offered."""
        super().__init__(*args, **kwargs)
        if level is not None:
            self.fields["roles"].choices = [(role.value, role.label) for role in all_roles() if level in levels_of(role)]


class NewPasswordForm(forms.Form):
    """A new password typed twice; the forms that set one add what proves the person may."""

    new_password = forms.CharField(label="新密码", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    new_password_again = forms.CharField(label="再次输入新密码",
                                         widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("new_password") and data.get("new_password") != data.get("new_password_again"):
            raise ValidationError("两次输入的新密码不一致。")
        return data


class PasswordChangeForm(NewPasswordForm):
    field_order = ["old_password", "new_password", "new_password_again"]

    old_password = forms.CharField(label="原密码", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class PasswordResetForm(RefusesInvisibleCharacters, NewPasswordForm):
    """A person sets a password with the two halves of a code: a reset code, or a new account's setup code
    (ADR 0008)."""

    field_order = ["username", "first_half", "second_half", "new_password", "new_password_again"]

    username = forms.CharField(label="用户名", max_length=150)
    first_half = forms.CharField(label="第一段（系统管理员告知）", max_length=20)
    second_half = forms.CharField(label="第二段（安全管理员告知）", max_length=20)
